import { describe, expect, it } from "vitest";
import { buildReportInput, buildStory, buildUser, domainErrorFrom, uniqueToken } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import { tagClaim } from "@/lib/claims/tag-claim";
import { storeReport } from "@/lib/reports/store-report";
import { searchCitationTargets } from "./search-citation-targets";

// invented copy: one village spelt two ways, and a look-alike
const PARAGRAPHS = ["Water trucks reached el Kasr on Sunday, the relief council said.", "A bridge near Al-Qusayr was repaired.", "Twelve people were treated in Sanlıköy."];

describe("the explainer's cite search", () => {
  it("finds a claim from another spelling of the name it quotes, in the database, and a viewer may search", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const viewer = await buildUser({ role: "VIEWER" });
    const story = await buildStory(editor.actor);
    const { reportId } = await storeReport(editor.actor, buildReportInput(story.id, { externalId: `wire-${uniqueToken()}`, paragraphs: PARAGRAPHS }), "PASTE");
    const { bodyText } = await db.reportVersion.findFirstOrThrow({ where: { reportId }, select: { bodyText: true } });
    const tag = async (quote: string) => {
      const start = bodyText.indexOf(quote);
      return (await tagClaim(editor.actor, { storyId: story.id, reportId, reportVersion: 1, start, end: start + quote.length, statement: quote, tags: [] })).id;
    };
    const kasr = await tag("Water trucks reached el Kasr on Sunday");
    const qusayr = await tag("A bridge near Al-Qusayr was repaired");
    const sanlikoy = await tag("Twelve people were treated in Sanlıköy");

    expect(await searchCitationTargets(editor.actor, story.id, { q: "Al-Qasr" })).toEqual([`claim:${kasr}`]);
    expect(await searchCitationTargets(viewer.actor, story.id, { q: "El Qassr" })).toEqual([`claim:${kasr}`]);
    expect(await searchCitationTargets(editor.actor, story.id, { q: "qusayr" })).toEqual([`claim:${qusayr}`]);
    expect(await searchCitationTargets(editor.actor, story.id, { q: "sanlikoy" })).toEqual([`claim:${sanlikoy}`]);
    // partial words still match while the writer types
    expect(await searchCitationTargets(editor.actor, story.id, { q: "water tru" })).toEqual([`claim:${kasr}`]);
    expect(await searchCitationTargets(editor.actor, story.id, { q: "%_'" })).toEqual([]);
  });

  it("refuses an empty query and an unknown story", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const story = await buildStory(editor.actor);
    expect((await domainErrorFrom(searchCitationTargets(editor.actor, story.id, { q: "  " }))).kind).toBe("invalid");
    expect((await domainErrorFrom(searchCitationTargets(editor.actor, "00000000-0000-4000-8000-000000000000", { q: "Kasr" }))).kind).toBe("not_found");
  });
});
