import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { runOnce } from "graphile-worker";
import { db } from "@/lib/db/client";
import { acceptSuggestion } from "@/lib/claims/suggestions";
import { setClaimStatus } from "@/lib/claims/set-claim-status";
import { quietQueueLogger } from "@/lib/jobs/queue-logger";
import { taskList } from "@/lib/jobs/task-list";
import { storeReport } from "@/lib/reports/store-report";
import { buildReportInput, buildStory, buildUser, domainErrorFrom, uniqueToken } from "@/lib/testing/factories";
import { getFact } from "./get-fact";
import { listFacts } from "./list-facts";
import { setFactStatus } from "./set-fact-status";

/*
 * A fact's status comes from all its claims, with a breakdown; an editor's explicit status wins
 * until cleared. Report texts are invented.
 */

const REPORTS = [
  ["Northgate News Agency", "Rebel fighters seized the Tel Hamra crossing on Thursday after a day of heavy clashes."],
  ["Meridian Press", "Insurgents captured the Tel Hamra border crossing on Thursday following heavy fighting."],
  ["Kestrel Daily", "Rebel forces took control of the Tel Hamra crossing on Thursday, residents said."],
] as const;

async function factOfThree() {
  const editor = await buildUser({ role: "EDITOR" });
  const story = await buildStory(editor.actor);
  for (const [source, sentence] of REPORTS) await storeReport(editor.actor, buildReportInput(story.id, { externalId: `wire-${uniqueToken()}`, source, paragraphs: [sentence] }), "PASTE");
  await runOnce({ connectionString: process.env.DATABASE_URL!, taskList, logger: quietQueueLogger });
  const suggestions = await db.claimSuggestion.findMany({ where: { report: { storyId: story.id }, text: { contains: "Tel Hamra" } }, select: { id: true, factId: true } });
  expect(suggestions).toHaveLength(3);
  expect(new Set(suggestions.map((s) => s.factId)).size).toBe(1);
  const claimIds = [];
  for (const suggestion of suggestions) claimIds.push((await acceptSuggestion(editor.actor, { suggestionId: suggestion.id })).claimId);
  return { editor, story, factId: suggestions[0]!.factId!, claimIds };
}

async function mark(actor: Awaited<ReturnType<typeof buildUser>>["actor"], claimId: string, status: "VERIFIED" | "FALSE") {
  const { version } = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } });
  await setClaimStatus(actor, { claimId, version, status, rationale: "Checked against the footage.", evidence: { kind: "NOTE", note: "Geolocated video of the crossing." } });
}

describe("a fact's status from its claims", () => {
  it("is derived from every claim with a breakdown, never from one member: verified beside false is disputed", async () => {
    const { editor, story, factId, claimIds } = await factOfThree();
    expect((await getFact(editor.actor, story.id, factId)).status).toMatchObject({ status: "UNVERIFIED", derived: true, breakdown: "3 unverified: unverified" });

    await mark(editor.actor, claimIds[0]!, "VERIFIED");
    await mark(editor.actor, claimIds[1]!, "VERIFIED");
    expect((await getFact(editor.actor, story.id, factId)).status).toMatchObject({ status: "VERIFIED", breakdown: "2 verified, 1 unverified: verified" });

    await mark(editor.actor, claimIds[2]!, "FALSE");
    const detail = await getFact(editor.actor, story.id, factId);
    expect(detail.status).toMatchObject({ status: "DISPUTED", breakdown: "2 verified, 1 false: disputed", derived: true, editorStatus: null });
    // the list shows the same status
    const listed = await listFacts(editor.actor, story.id, { filter: "corroborated" });
    expect(listed.facts.find((fact) => fact.id === factId)?.status.status).toBe("DISPUTED");
  });

  it("an editor's explicit status wins, is audited, and can be cleared back to the derived one", async () => {
    const { editor, story, factId, claimIds } = await factOfThree();
    await mark(editor.actor, claimIds[0]!, "VERIFIED");
    const { version } = await getFact(editor.actor, story.id, factId);
    await setFactStatus(editor.actor, { storyId: story.id, factId, version, status: "DISPUTED" });
    const set = await getFact(editor.actor, story.id, factId);
    expect(set.status).toMatchObject({ status: "DISPUTED", derived: false, editorStatus: "DISPUTED" });
    expect(set.status.breakdown).toBe("1 verified, 2 unverified: verified; set by an editor to disputed");
    expect(set.version).toBe(version + 1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: factId, action: "fact.set_status" } });
    expect(audit).toMatchObject({ actorId: editor.actor.id, before: { editorStatus: null }, after: { editorStatus: "DISPUTED" } });

    await setFactStatus(editor.actor, { storyId: story.id, factId, version: set.version, status: null });
    expect((await getFact(editor.actor, story.id, factId)).status).toMatchObject({ status: "VERIFIED", derived: true, editorStatus: null });
  });

  it("refuses a stale version, a wrong role, an API token, another story and a status that does not exist", async () => {
    const { editor, story, factId } = await factOfThree();
    const { version } = await getFact(editor.actor, story.id, factId);
    await setFactStatus(editor.actor, { storyId: story.id, factId, version, status: "FALSE" });
    expect((await domainErrorFrom(setFactStatus(editor.actor, { storyId: story.id, factId, version, status: "VERIFIED" }))).kind).toBe("conflict");

    const viewer = await buildUser({ role: "VIEWER" });
    const token = { ...editor.actor, role: "ADMIN" as const, apiTokenId: randomUUID() };
    for (const actor of [viewer.actor, token]) {
      expect((await domainErrorFrom(setFactStatus(actor, { storyId: story.id, factId, version: version + 1, status: "VERIFIED" }))).kind).toBe("forbidden");
    }
    const other = await buildStory(editor.actor);
    expect((await domainErrorFrom(setFactStatus(editor.actor, { storyId: other.id, factId, version: version + 1, status: "VERIFIED" }))).kind).toBe("not_found");
    expect((await domainErrorFrom(setFactStatus(editor.actor, { storyId: story.id, factId, version: version + 1, status: "TRUE" }))).kind).toBe("invalid");
    expect((await getFact(editor.actor, story.id, factId)).status.editorStatus).toBe("FALSE");
  });
});
