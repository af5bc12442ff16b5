import { describe, expect, it } from "vitest";
import { buildReportInput, buildStory, buildUser, domainErrorFrom, uniqueToken, type BuiltUser } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import type { TagKind } from "@/lib/generated/prisma/enums";
import { editClaim } from "@/lib/claims/edit-claim";
import { listBoardClaims } from "@/lib/claims/list-board-claims";
import { tagClaim } from "@/lib/claims/tag-claim";
import { storeReport } from "@/lib/reports/store-report";
import { listStoryTags } from "./list-story-tags";
import { mergeTags } from "./merge-tags";
import { splitTagAlias } from "./split-tag-alias";

// invented wire copy: one town written three ways by three desks, and a town that only looks alike
const PARAGRAPHS = [
  "Shells fell on the market of el Kasr before dawn, residents said.",
  "Aid convoys reached Al-Qassr by noon, the relief council said.",
  "The governor visited Elkasr-Jadida, a new suburb, on Friday.",
  "Farmers in Qusayra reported no damage.",
  "A clinic in Sanlıköy treated twelve people.",
  // one town written apart and run together, and a name with an apostrophe for a letter
  "Rebels entered Tal Haroun on Tuesday, witnesses said.",
  "Talharun's hospital ran out of fuel overnight.",
  "Water returned to Ma'arrat by evening.",
];

async function storyWithReport(editor: BuiltUser) {
  const story = await buildStory(editor.actor);
  const { reportId } = await storeReport(editor.actor, buildReportInput(story.id, { externalId: `wire-${uniqueToken()}`, paragraphs: PARAGRAPHS }), "PASTE");
  const { bodyText } = await db.reportVersion.findFirstOrThrow({ where: { reportId }, select: { bodyText: true } });
  const tag = (quote: string, tags: { kind: TagKind; value: string }[]) => {
    const start = bodyText.indexOf(quote);
    return tagClaim(editor.actor, { storyId: story.id, reportId, reportVersion: 1, start, end: start + quote.length, statement: quote, tags });
  };
  return { storyId: story.id, tag };
}

describe("tags that know their spellings", () => {
  it("collapses spellings of one name into one tag that keeps every spelling, and keeps a look-alike apart", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const { storyId, tag } = await storyWithReport(editor);
    await tag("Shells fell on the market of el Kasr", [{ kind: "PLACE", value: "el Kasr" }]);
    await tag("Aid convoys reached Al-Qassr by noon", [{ kind: "PLACE", value: "Al-Qassr" }]);
    await tag("Farmers in Qusayra reported no damage", [{ kind: "PLACE", value: "Qusayra" }]);
    // the same spelling as an actor is another tag: kinds never mix
    await tag("the relief council said", [{ kind: "ORGANIZATION", value: "el Kasr" }]);

    const tags = await listStoryTags(editor.actor, storyId);
    const places = tags.filter((t) => t.kind === "PLACE");
    expect(places.map((t) => ({ name: t.name, aliases: t.aliases.map((a) => a.value) }))).toEqual([
      { name: "el Kasr", aliases: ["Al-Qassr", "el Kasr"] },
      { name: "Qusayra", aliases: ["Qusayra"] },
    ]);
    expect(places[0]!.claimCount).toBe(2);
    expect(tags.filter((t) => t.kind === "ORGANIZATION")).toHaveLength(1);

    // the board shows one name for the tag and filters by any spelling of it
    const board = await listBoardClaims(editor.actor, storyId, { tag: "Al-Qassr" });
    expect(board.claims.map((c) => c.statement).sort()).toEqual(["Aid convoys reached Al-Qassr by noon", "Shells fell on the market of el Kasr"]);
    // no fact of two outlets holds these claims yet
    expect(board.claims.map((c) => c.singleSource)).toEqual([true, true]);
    expect(board.claims.flatMap((c) => c.tags)).toEqual([
      { kind: "PLACE", value: "el Kasr" },
      { kind: "PLACE", value: "el Kasr" },
    ]);
  });

  it("lets an editor merge two tags and split a spelling off again, with audit rows", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const { storyId, tag } = await storyWithReport(editor);
    const claim = await tag("Farmers in Qusayra reported no damage", [{ kind: "PLACE", value: "Qusayra" }]);
    await tag("Aid convoys reached Al-Qassr by noon", [{ kind: "PLACE", value: "Al-Qassr" }]);
    let [qasr, qusayra] = await listStoryTags(editor.actor, storyId);
    expect([qasr!.name, qusayra!.name]).toEqual(["Al-Qassr", "Qusayra"]);

    await mergeTags(editor.actor, { storyId, tagId: qusayra!.id, version: qusayra!.version, intoTagId: qasr!.id, intoVersion: qasr!.version });
    let tags = await listStoryTags(editor.actor, storyId);
    expect(tags.map((t) => ({ name: t.name, aliases: t.aliases.map((a) => a.value) }))).toEqual([{ name: "Al-Qassr", aliases: ["Al-Qassr", "Qusayra"] }]);

    // a claim edited later with the merged spelling stays in the merged tag
    await editClaim(editor.actor, { claimId: claim.id, version: claim.version, statement: claim.statement, tags: [{ kind: "PLACE", value: "Qusayra" }] });
    expect(await listStoryTags(editor.actor, storyId)).toHaveLength(1);

    const merged = tags[0]!;
    const alias = merged.aliases.find((a) => a.value === "Qusayra")!;
    await splitTagAlias(editor.actor, { storyId, tagId: merged.id, version: merged.version, aliasId: alias.id });
    tags = await listStoryTags(editor.actor, storyId);
    expect(tags.map((t) => ({ name: t.name, aliases: t.aliases.map((a) => a.value) }))).toEqual([
      { name: "Al-Qassr", aliases: ["Al-Qassr"] },
      { name: "Qusayra", aliases: ["Qusayra"] },
    ]);

    const events = await db.auditEvent.findMany({ where: { storyId, action: { in: ["tag.merge", "tag.split"] } }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true } });
    expect(events).toEqual([
      { action: "tag.merge", actorId: editor.id },
      { action: "tag.split", actorId: editor.id },
    ]);
    [qasr, qusayra] = tags;
    expect(qasr!.version).toBe(merged.version + 1);
  });

  it("refuses a viewer, a stale version, a merge across kinds and splitting a tag's only spelling", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const viewer = await buildUser({ role: "VIEWER" });
    const { storyId, tag } = await storyWithReport(editor);
    await tag("Farmers in Qusayra reported no damage", [{ kind: "PLACE", value: "Qusayra" }]);
    await tag("Aid convoys reached Al-Qassr by noon", [{ kind: "PLACE", value: "Al-Qassr" }, { kind: "ORGANIZATION", value: "relief council" }]);
    const [qasr, qusayra, council] = (await listStoryTags(editor.actor, storyId)).sort((a, b) => a.name.localeCompare(b.name));
    expect([qasr!.name, qusayra!.name, council!.name]).toEqual(["Al-Qassr", "Qusayra", "relief council"]);
    const merge = { storyId, tagId: qusayra!.id, version: qusayra!.version, intoTagId: qasr!.id, intoVersion: qasr!.version };

    expect((await domainErrorFrom(mergeTags(viewer.actor, merge))).kind).toBe("forbidden");
    expect((await domainErrorFrom(mergeTags(editor.actor, { ...merge, intoVersion: qasr!.version + 1 }))).kind).toBe("conflict");
    expect((await domainErrorFrom(mergeTags(editor.actor, { ...merge, intoTagId: council!.id, intoVersion: council!.version }))).kind).toBe("invalid");
    expect((await domainErrorFrom(mergeTags(editor.actor, { ...merge, intoTagId: qusayra!.id }))).kind).toBe("invalid");
    const split = { storyId, tagId: qasr!.id, version: qasr!.version, aliasId: qasr!.aliases[0]!.id };
    expect((await domainErrorFrom(splitTagAlias(editor.actor, split))).kind).toBe("invalid");
    expect((await domainErrorFrom(splitTagAlias(viewer.actor, split))).kind).toBe("forbidden");

    // another story's editor cannot reach this story's tags by id
    const elsewhere = await buildStory(editor.actor);
    expect((await domainErrorFrom(mergeTags(editor.actor, { ...merge, storyId: elsewhere.id }))).kind).toBe("not_found");

    // nothing changed, and nothing was audited
    const after = await listStoryTags(editor.actor, storyId);
    expect(after.map((t) => t.version).sort()).toEqual([qasr!.version, qusayra!.version, council!.version].sort());
    expect(await db.auditEvent.count({ where: { storyId, action: { in: ["tag.merge", "tag.split"] } } })).toBe(0);
  });
});

describe("names written as one word or as two", () => {
  it("never folds back a spelling an editor split off when the spellings are keyed again", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const { storyId, tag } = await storyWithReport(editor);
    await tag("Shells fell on the market of el Kasr", [{ kind: "PLACE", value: "el Kasr" }]);
    await tag("Aid convoys reached Al-Qassr by noon", [{ kind: "PLACE", value: "Al-Qassr" }]);
    const [town] = await listStoryTags(editor.actor, storyId);
    expect(town!.aliases.map((a) => a.value)).toEqual(["Al-Qassr", "el Kasr"]);
    // the editor knows these are two places that only look alike
    await splitTagAlias(editor.actor, { storyId, tagId: town!.id, version: town!.version, aliasId: town!.aliases.find((a) => a.value === "Al-Qassr")!.id });
    // keys cleared, as a migration of the normaliser does, and computed again on the next read
    await db.tagAlias.updateMany({ where: { storyId }, data: { variantKey: null } });
    const tags = await listStoryTags(editor.actor, storyId);
    expect(tags.map((t) => t.aliases.map((a) => a.value)).sort()).toEqual([["Al-Qassr"], ["el Kasr"]]);
  });

  it("collapses a name run together into the tag of it written apart, and search finds either from the other", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const { storyId, tag } = await storyWithReport(editor);
    await tag("Rebels entered Tal Haroun on Tuesday", [{ kind: "PLACE", value: "Tal Haroun" }]);
    await tag("Talharun's hospital ran out of fuel overnight", [{ kind: "PLACE", value: "Talharun" }]);
    await tag("Water returned to Ma'arrat by evening", []);

    const places = (await listStoryTags(editor.actor, storyId)).filter((t) => t.kind === "PLACE");
    expect(places.map((t) => t.aliases.map((a) => a.value))).toEqual([["Tal Haroun", "Talharun"]]);

    const search = async (q: string) => (await listBoardClaims(editor.actor, storyId, { q })).claims.map((c) => c.statement).sort();
    const town = ["Rebels entered Tal Haroun on Tuesday", "Talharun's hospital ran out of fuel overnight"];
    expect(await search("Tal-Harun")).toEqual(town);
    expect(await search("Talharoun")).toEqual(town);
    expect(await search("Maarrat")).toEqual(["Water returned to Ma'arrat by evening"]);
  });
});

describe("search that knows spellings", () => {
  it("finds a claim from any spelling of a name it carries or quotes, and not a look-alike", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const { storyId, tag } = await storyWithReport(editor);
    await tag("Shells fell on the market of el Kasr", [{ kind: "PLACE", value: "el Kasr" }]);
    // not tagged: found because its words hold a spelling of the tag above
    await tag("Aid convoys reached Al-Qassr by noon", []);
    // another place whose name starts alike (the new suburb) is not the town
    await tag("The governor visited Elkasr-Jadida, a new suburb", []);
    await tag("Farmers in Qusayra reported no damage", [{ kind: "PLACE", value: "Qusayra" }]);
    await tag("A clinic in Sanlıköy treated twelve people", []);

    const search = async (q: string) => (await listBoardClaims(editor.actor, storyId, { q })).claims.map((c) => c.statement).sort();
    const town = ["Aid convoys reached Al-Qassr by noon", "Shells fell on the market of el Kasr"];
    expect(await search("Al-Qasr")).toEqual(town);
    expect(await search("shelling in al Qasr")).toEqual(town);
    expect(await search("El-Qassr")).toEqual(town);
    expect(await search("el kasr")).toEqual(town);
    expect(await search("Sanlikoy")).toEqual(["A clinic in Sanlıköy treated twelve people"]);
    expect(await search("Qusayra")).toEqual(["Farmers in Qusayra reported no damage"]);
    // plain words still search by full text
    expect(await search("governor")).toEqual(["The governor visited Elkasr-Jadida, a new suburb"]);
    // a query with quote marks and LIKE wildcards is data, not SQL or a pattern
    expect(await search("%' OR 1=1 --")).toEqual([]);
  });
});
