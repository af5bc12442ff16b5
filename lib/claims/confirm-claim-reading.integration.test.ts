import { describe, expect, it } from "vitest";
import { runOnce } from "graphile-worker";
import { db } from "@/lib/db/client";
import { quietQueueLogger } from "@/lib/jobs/queue-logger";
import { taskList } from "@/lib/jobs/task-list";
import { getFact } from "@/lib/facts/get-fact";
import { storeReport } from "@/lib/reports/store-report";
import { buildReportInput, buildStory, buildUser, domainErrorFrom, uniqueToken } from "@/lib/testing/factories";
import { confirmClaimReading } from "./confirm-claim-reading";
import { getClaim } from "./get-claim";
import { acceptSuggestion } from "./suggestions";
import { reanalyzeStory } from "@/lib/facts/reanalyze-story";

/*
 * A claim from a machine-translated or corrupted passage is flagged and does not corroborate its
 * fact until an editor has checked the original. Report texts are invented.
 */

const CLEAN = [
  ["Northgate News Agency", "Rebel fighters seized the Tel Hamra crossing on Thursday after a day of heavy clashes."],
  ["Meridian Press", "Insurgents captured the Tel Hamra border crossing on Thursday following heavy fighting."],
] as const;
// an auxiliary stacked on a finite verb: the sign of a machine translation
const GARBLED = ["Kestrel Daily", "Rebel forces were took the Tel Hamra crossing on Thursday, residents said."] as const;

async function factWithGarbledMember() {
  const editor = await buildUser({ role: "EDITOR" });
  const story = await buildStory(editor.actor);
  for (const [source, sentence] of [...CLEAN, GARBLED]) {
    await storeReport(editor.actor, buildReportInput(story.id, { externalId: `wire-${uniqueToken()}`, source, paragraphs: [sentence] }), "PASTE");
  }
  await runOnce({ connectionString: process.env.DATABASE_URL!, taskList, logger: quietQueueLogger });
  const suggestions = await db.claimSuggestion.findMany({
    where: { report: { storyId: story.id }, text: { contains: "Tel Hamra" } },
    select: { id: true, factId: true, text: true },
  });
  expect(suggestions).toHaveLength(3);
  expect(new Set(suggestions.map((s) => s.factId)).size).toBe(1);
  const claims = new Map<string, string>();
  for (const suggestion of suggestions) claims.set(suggestion.text, (await acceptSuggestion(editor.actor, { suggestionId: suggestion.id })).claimId);
  await runOnce({ connectionString: process.env.DATABASE_URL!, taskList, logger: quietQueueLogger });
  const garbledClaimId = [...claims].find(([text]) => text.includes("were took"))![1];
  const cleanClaimId = [...claims].find(([text]) => !text.includes("were took"))![1];
  return { editor, story, factId: suggestions[0]!.factId!, garbledClaimId, cleanClaimId };
}

describe("garbled passages", () => {
  it("are flagged on import, on the version and on the claim taken from them", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const story = await buildStory(editor.actor);
    const { reportId } = await storeReport(
      editor.actor,
      buildReportInput(story.id, { externalId: `wire-${uniqueToken()}`, source: GARBLED[0], paragraphs: ["The market reopened on Monday.", GARBLED[1]] }),
      "PASTE",
    );
    const version = await db.reportVersion.findFirstOrThrow({ where: { reportId }, select: { bodyText: true, garbledPassages: true } });
    const passages = version.garbledPassages as { start: number; end: number; reasons: string[] }[];
    expect(passages).toHaveLength(1);
    expect(version.bodyText.slice(passages[0]!.start, passages[0]!.end)).toBe(GARBLED[1]);
    expect(passages[0]!.reasons).toEqual(["auxiliary stacked on a finite verb"]);
  });

  it("a claim from one does not count as corroboration until an editor confirms it; then it does, audited", async () => {
    const { editor, story, factId, garbledClaimId, cleanClaimId } = await factWithGarbledMember();
    const fact = await getFact(editor.actor, story.id, factId);
    expect(fact.sourceCount).toBe(2);
    expect(fact.sources).not.toContain(GARBLED[0]);

    const flagged = await getClaim(editor.actor, story.id, garbledClaimId);
    expect(flagged.garbled).toEqual({ reasons: ["auxiliary stacked on a finite verb"], confirmedAt: null, confirmedBy: null });
    const clean = await getClaim(editor.actor, story.id, cleanClaimId);
    expect(clean.garbled).toBeNull();
    // two outlets carry the fact: not "reported by one source"
    expect(clean.singleSource).toBe(false);

    const confirmed = await confirmClaimReading(editor.actor, { claimId: garbledClaimId, version: flagged.version });
    expect(confirmed.garbled).toMatchObject({ confirmedBy: { id: editor.id } });
    expect(confirmed.version).toBe(flagged.version + 1);
    const after = await getFact(editor.actor, story.id, factId);
    expect(after.sourceCount).toBe(3);
    expect(after.sources).toContain(GARBLED[0]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: garbledClaimId, action: "claim.confirm_reading" } });
    expect(audit.actorId).toBe(editor.id);
  });

  it("a viewer cannot confirm, a stale version conflicts, and a clean claim has nothing to confirm", async () => {
    const { editor, story, factId, garbledClaimId, cleanClaimId } = await factWithGarbledMember();
    const viewer = await buildUser({ role: "VIEWER" });
    const flagged = await getClaim(editor.actor, story.id, garbledClaimId);
    expect((await domainErrorFrom(confirmClaimReading(viewer.actor, { claimId: garbledClaimId, version: flagged.version }))).kind).toBe("forbidden");
    expect((await domainErrorFrom(confirmClaimReading(editor.actor, { claimId: garbledClaimId, version: flagged.version + 1 }))).kind).toBe("conflict");
    const clean = await getClaim(editor.actor, story.id, cleanClaimId);
    expect((await domainErrorFrom(confirmClaimReading(editor.actor, { claimId: cleanClaimId, version: clean.version }))).kind).toBe("invalid");
    expect((await getFact(editor.actor, story.id, factId)).sourceCount).toBe(2);
    expect(await db.auditEvent.count({ where: { entityId: garbledClaimId, action: "claim.confirm_reading" } })).toBe(0);
  });

  it("are found on reports imported before the check existed when the story is re-analysed", async () => {
    const { editor, story, factId, garbledClaimId } = await factWithGarbledMember();
    const garbled = await db.claim.findUniqueOrThrow({ where: { id: garbledClaimId }, select: { reportVersionId: true } });
    // as a version stored before garbled passages were looked for
    await db.reportVersion.update({ where: { id: garbled.reportVersionId }, data: { garbledPassages: [] } });
    expect((await getClaim(editor.actor, story.id, garbledClaimId)).garbled).toBeNull();

    await reanalyzeStory(story.id);
    const version = await db.reportVersion.findUniqueOrThrow({ where: { id: garbled.reportVersionId }, select: { garbledPassages: true } });
    expect(version.garbledPassages).toEqual([expect.objectContaining({ reasons: ["auxiliary stacked on a finite verb"] })]);
    expect((await getClaim(editor.actor, story.id, garbledClaimId)).garbled).toMatchObject({ confirmedAt: null });
    const fact = await db.claim.findUniqueOrThrow({ where: { id: garbledClaimId }, select: { factId: true } });
    expect((await getFact(editor.actor, story.id, fact.factId ?? factId)).sources).not.toContain(GARBLED[0]);
    // a second run finds the same and changes nothing
    const before = await db.reportVersion.findUniqueOrThrow({ where: { id: garbled.reportVersionId }, select: { garbledPassages: true } });
    await reanalyzeStory(story.id);
    expect((await db.reportVersion.findUniqueOrThrow({ where: { id: garbled.reportVersionId }, select: { garbledPassages: true } })).garbledPassages).toEqual(before.garbledPassages);
  });

  it("a confirmation holds while a corrected version keeps the claim's words, and lapses when they change", async () => {
    const { editor, story, garbledClaimId } = await factWithGarbledMember();
    const flagged = await getClaim(editor.actor, story.id, garbledClaimId);
    await confirmClaimReading(editor.actor, { claimId: garbledClaimId, version: flagged.version });
    const { report } = await db.claim.findUniqueOrThrow({ where: { id: garbledClaimId }, select: { report: { select: { externalId: true } } } });
    const resend = (paragraphs: string[]) =>
      storeReport(editor.actor, buildReportInput(story.id, { externalId: report.externalId, source: GARBLED[0], paragraphs }), "FEED");

    // a paragraph added above: the same words, moved
    expect((await resend(["Fighting eased overnight along the border.", GARBLED[1]])).outcome).toBe("new_version");
    expect((await getClaim(editor.actor, story.id, garbledClaimId)).garbled).toMatchObject({ confirmedBy: { id: editor.id } });

    // the garbled sentence itself reworded: what the editor checked is no longer what it says
    expect((await resend(["Fighting eased overnight along the border.", "Rebel forces were took the Tel Hamra crossing on Thursday morning, residents said."])).outcome).toBe("new_version");
    const reworded = await getClaim(editor.actor, story.id, garbledClaimId);
    expect(reworded.garbled).toMatchObject({ confirmedAt: null, confirmedBy: null });
  });
});
