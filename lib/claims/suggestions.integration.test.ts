import { describe, expect, it } from "vitest";
import { buildReportInput, buildStory, buildUser, domainErrorFrom, uniqueToken } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import { storeReport } from "@/lib/reports/store-report";
import { spanOf } from "./anchoring/wire-fixtures";
import { acceptSuggestion, countSuggestions, dismissSuggestion, listSuggestions } from "./suggestions";
import { tagClaim } from "./tag-claim";

const LEAD =
  "VARESH, Dec 3 (Northgate) — Fighters of the Eastern Liberation Command seized the Tel Hamra crossing on Thursday, two army sources said.";
const TOLL = "At least 12 soldiers were killed in the fighting, the sources said.";
const NO_COMMENT = "The defence ministry in Varesh did not respond to a request for comment.";
const SHELLING = "Residents reported heavy shelling on the eastern side of Deir al-Marun overnight.";
const FLED = "A local official said about 3,000 people had fled west toward Halvek.";
const PARAGRAPHS = [LEAD, `${TOLL} ${NO_COMMENT}`, SHELLING, FLED];

async function storyWithReport(paragraphs: string[] = PARAGRAPHS) {
  const editor = await buildUser({ role: "EDITOR" });
  const story = await buildStory(editor.actor);
  const input = buildReportInput(story.id, { externalId: `wire-${uniqueToken()}`, source: "Northgate News Agency", paragraphs });
  const { reportId } = await storeReport(editor.actor, input, "PASTE");
  return { editor, story, input, reportId };
}

async function pendingTexts(actor: Parameters<typeof listSuggestions>[0], storyId: string): Promise<string[]> {
  return (await listSuggestions(actor, storyId)).map((suggestion) => suggestion.text);
}

async function suggestionFor(actor: Parameters<typeof listSuggestions>[0], storyId: string, fragment: string) {
  const suggestion = (await listSuggestions(actor, storyId)).find((candidate) => candidate.text.includes(fragment));
  if (!suggestion) throw new Error(`no pending suggestion contains "${fragment}"`);
  return suggestion;
}

describe("suggested claims", () => {
  it("the board can ask for only the strongest suggestions, with the total counted in SQL", async () => {
    const { editor, story } = await storyWithReport();
    const all = await listSuggestions(editor.actor, story.id);
    const strongest = await listSuggestions(editor.actor, story.id, { strongest: 2 });
    expect(await countSuggestions(editor.actor, story.id)).toBe(all.length);
    expect(strongest).toHaveLength(Math.min(2, all.length));
    const topScores = all.map((suggestion) => suggestion.score).sort((a, b) => b - a).slice(0, 2);
    expect(strongest.map((suggestion) => suggestion.score)).toEqual(topScores);
  });

  it("importing a report suggests its check-worthy sentences, without the dateline and without the no-comment line", async () => {
    const { editor, story, input, reportId } = await storyWithReport();

    const suggestions = await listSuggestions(editor.actor, story.id);

    expect(suggestions.map((suggestion) => suggestion.text)).toEqual([LEAD.slice(LEAD.indexOf("Fighters")), TOLL, SHELLING, FLED]);
    const version = await db.reportVersion.findFirstOrThrow({ where: { reportId, version: 1 }, select: { bodyText: true } });
    for (const suggestion of suggestions) {
      expect(version.bodyText.slice(suggestion.start, suggestion.end)).toBe(suggestion.text);
      expect(suggestion).toMatchObject({ reportId, reportVersion: 1, report: { headline: input.headline, source: "Northgate News Agency" } });
      expect(suggestion.score).toBeGreaterThan(0);
      expect(suggestion.score).toBeLessThanOrEqual(1);
    }
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: reportId, action: "report.import" } });
    expect(audit.after).toMatchObject({ suggestions: 4 });
    // the filter by report gives the same list; another story's list does not see them
    expect(await listSuggestions(editor.actor, story.id, { reportId })).toEqual(suggestions);
    const other = await buildStory(editor.actor);
    expect(await listSuggestions(editor.actor, other.id)).toEqual([]);
  });

  it("accepting a suggestion creates a SUGGESTED claim on that sentence and takes it off the pending list", async () => {
    const { editor, story, reportId } = await storyWithReport();
    const suggestion = await suggestionFor(editor.actor, story.id, "seized the Tel Hamra crossing");

    const { claimId } = await acceptSuggestion(editor.actor, { suggestionId: suggestion.id });

    const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId }, include: { tags: true, statusChanges: true } });
    expect(claim).toMatchObject({
      storyId: story.id,
      reportId,
      origin: "SUGGESTED",
      status: "UNVERIFIED",
      anchorState: "ANCHORED",
      exact: suggestion.text,
      start: suggestion.start,
      end: suggestion.end,
      statement: suggestion.text,
      attribution: "two army sources said",
      createdById: editor.id,
    });
    expect(claim.tags.map((tag) => tag.value)).toEqual(expect.arrayContaining(["Eastern Liberation Command", "Tel Hamra"]));
    expect(claim.statusChanges).toEqual([expect.objectContaining({ fromStatus: null, toStatus: "UNVERIFIED" })]);
    expect(await db.claimSuggestion.findUniqueOrThrow({ where: { id: suggestion.id } })).toMatchObject({
      state: "ACCEPTED",
      claimId,
      decidedById: editor.id,
      decidedAt: expect.any(Date),
    });
    expect(await pendingTexts(editor.actor, story.id)).not.toContain(suggestion.text);
    const actions = await db.auditEvent.findMany({ where: { storyId: story.id, entityId: { in: [claimId, suggestion.id] } }, select: { action: true } });
    expect(actions.map((event) => event.action).sort()).toEqual(["claim.tag", "suggestion.accept"]);

    // a second accept (a double key press, or a colleague) is a conflict and makes no second claim
    const again = await domainErrorFrom(acceptSuggestion(editor.actor, { suggestionId: suggestion.id }));
    expect(again.kind).toBe("conflict");
    expect(await db.claim.count({ where: { reportId } })).toBe(1);
  });

  it("an editor's own statement, attribution and tags replace the prefilled ones", async () => {
    const { editor, story } = await storyWithReport();
    const suggestion = await suggestionFor(editor.actor, story.id, "3,000 people");

    const { claimId } = await acceptSuggestion(editor.actor, {
      suggestionId: suggestion.id,
      statement: "About 3,000 people fled toward Halvek",
      attribution: "",
      tags: [{ kind: "PLACE", value: "Halvek" }],
    });

    const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId }, include: { tags: true } });
    expect(claim).toMatchObject({ statement: "About 3,000 people fled toward Halvek", attribution: null, exact: suggestion.text });
    expect(claim.tags.map(({ kind, value }) => ({ kind, value }))).toEqual([{ kind: "PLACE", value: "Halvek" }]);
  });

  it("a dismissed sentence is not suggested again when a new version of the report repeats it", async () => {
    const { editor, story, input, reportId } = await storyWithReport();
    const shelling = await suggestionFor(editor.actor, story.id, "heavy shelling");

    await dismissSuggestion(editor.actor, { suggestionId: shelling.id });

    expect(await db.claimSuggestion.findUniqueOrThrow({ where: { id: shelling.id } })).toMatchObject({ state: "DISMISSED", decidedById: editor.id, claimId: null });
    expect(await pendingTexts(editor.actor, story.id)).not.toContain(SHELLING);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: shelling.id } });
    expect(audit).toMatchObject({ action: "suggestion.dismiss", actorId: editor.id, storyId: story.id });

    const updatedToll = "At least 14 soldiers were killed in the fighting, the sources said.";
    const v2 = await storeReport(editor.actor, { ...input, paragraphs: [LEAD, `${updatedToll} ${NO_COMMENT}`, SHELLING, FLED] }, "PASTE");
    expect(v2).toMatchObject({ outcome: "new_version", version: 2 });

    const pending = await listSuggestions(editor.actor, story.id);
    expect(pending.map((suggestion) => suggestion.text)).toEqual([LEAD.slice(LEAD.indexOf("Fighters")), updatedToll, FLED]);
    expect(pending.every((suggestion) => suggestion.reportVersion === 2 && suggestion.reportId === reportId)).toBe(true);
    // the dismissal also holds with different spacing and capitals
    const v3 = await storeReport(editor.actor, { ...input, paragraphs: [LEAD, updatedToll, SHELLING.toUpperCase(), FLED] }, "PASTE");
    expect(v3).toMatchObject({ version: 3 });
    expect(await pendingTexts(editor.actor, story.id)).not.toContain(SHELLING.toUpperCase());
  });

  it("a sentence already tagged as a claim is not suggested on the report's next version", async () => {
    const { editor, story, input, reportId } = await storyWithReport();
    const text = PARAGRAPHS.join("\n\n");
    await tagClaim(editor.actor, { storyId: story.id, reportId, reportVersion: 1, ...spanOf(text, "about 3,000 people had fled"), statement: "3,000 fled" });

    await storeReport(editor.actor, { ...input, paragraphs: [...PARAGRAPHS, "Two residents said armed men were in the main square."] }, "PASTE");

    const pending = await pendingTexts(editor.actor, story.id);
    expect(pending).toContain("Two residents said armed men were in the main square.");
    expect(pending).not.toContain(FLED);
  });

  it("tagging the words of a suggestion answers it, so accepting it later makes no second claim", async () => {
    const { editor, story, input, reportId } = await storyWithReport();
    const suggestion = await suggestionFor(editor.actor, story.id, "heavy shelling");
    const text = input.paragraphs!.join("\n\n");
    const tagged = await tagClaim(editor.actor, { storyId: story.id, reportId, reportVersion: 1, ...spanOf(text, "heavy shelling on the eastern side"), statement: "Heavy shelling overnight" });

    const refused = await domainErrorFrom(acceptSuggestion(editor.actor, { suggestionId: suggestion.id }));
    expect(refused.kind).toBe("conflict");
    expect(refused.message).toMatch(/already accepted/);
    expect(await db.claim.count({ where: { reportId } })).toBe(1);
    expect(await db.claimSuggestion.findUniqueOrThrow({ where: { id: suggestion.id }, select: { state: true, claimId: true } })).toEqual({ state: "ACCEPTED", claimId: tagged.id });
    expect(await pendingTexts(editor.actor, story.id)).not.toContain(SHELLING);
  });

  it("accepting a suggestion over an existing claim offers to merge, and merging makes no new claim", async () => {
    const { editor, story, reportId } = await storyWithReport();
    const suggestion = await suggestionFor(editor.actor, story.id, "about 3,000 people");
    // a claim on the same words that did not come through tagClaim (an older desk, a script)
    const version = await db.reportVersion.findFirstOrThrow({ where: { reportId, version: 1 }, select: { id: true, bodyText: true } });
    const existing = await db.claim.create({
      data: {
        storyId: story.id,
        reportId,
        reportVersionId: version.id,
        exact: version.bodyText.slice(suggestion.start, suggestion.end),
        start: suggestion.start,
        end: suggestion.end,
        statement: "About 3,000 people fled west",
        createdById: editor.id,
      },
      select: { id: true },
    });

    const refused = await domainErrorFrom(acceptSuggestion(editor.actor, { suggestionId: suggestion.id }));
    expect(refused.kind).toBe("conflict");
    expect(refused.message).toMatch(/already a claim: “About 3,000 people fled west”\. Merge the suggestion into it, or dismiss/);
    expect(refused.fieldErrors).toEqual({ overlappingClaimId: existing.id });
    expect(await db.claimSuggestion.findUniqueOrThrow({ where: { id: suggestion.id }, select: { state: true } })).toEqual({ state: "PENDING" });

    await expect(acceptSuggestion(editor.actor, { suggestionId: suggestion.id, mergeInto: existing.id })).resolves.toEqual({ claimId: existing.id });
    expect(await db.claim.count({ where: { reportId } })).toBe(1);
    expect(await db.claimSuggestion.findUniqueOrThrow({ where: { id: suggestion.id }, select: { state: true, claimId: true } })).toEqual({ state: "ACCEPTED", claimId: existing.id });
    expect(await db.auditEvent.count({ where: { entityId: suggestion.id, action: "suggestion.merge" } })).toBe(1);
  });

  it("a suggestion left on an older version cannot be accepted", async () => {
    const { editor, story, input } = await storyWithReport();
    const old = await suggestionFor(editor.actor, story.id, "heavy shelling");
    await storeReport(editor.actor, { ...input, paragraphs: [...PARAGRAPHS, "Two residents said armed men were in the main square."] }, "PASTE");

    const error = await domainErrorFrom(acceptSuggestion(editor.actor, { suggestionId: old.id }));

    expect(error.kind).toBe("conflict");
    expect(await db.claimSuggestion.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ state: "PENDING", claimId: null });
  });

  it("a desk API token cannot accept or dismiss suggestions, and unknown ids are not found", async () => {
    const { editor, story } = await storyWithReport();
    const suggestion = await suggestionFor(editor.actor, story.id, "seized");
    const token = { ...editor.actor, apiTokenId: "x" };

    expect((await domainErrorFrom(acceptSuggestion(token, { suggestionId: suggestion.id }))).kind).toBe("forbidden");
    expect((await domainErrorFrom(dismissSuggestion(token, { suggestionId: suggestion.id }))).kind).toBe("forbidden");
    expect(await db.claimSuggestion.findUniqueOrThrow({ where: { id: suggestion.id } })).toMatchObject({ state: "PENDING" });
    // reading stays open to tokens, as story.read is
    expect(await pendingTexts(token, story.id)).toContain(suggestion.text);

    expect((await domainErrorFrom(acceptSuggestion(editor.actor, { suggestionId: "not-a-uuid" }))).kind).toBe("invalid");
    expect((await domainErrorFrom(dismissSuggestion(editor.actor, { suggestionId: "00000000-0000-4000-8000-000000000000" }))).kind).toBe("not_found");
  });
});
