import { describe, expect, it } from "vitest";
import { buildReportInput, buildStory, buildUser, domainErrorFrom, uniqueToken } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import { storeReport } from "@/lib/reports/store-report";
import { describeAnchor } from "./anchoring/selectors";
import { ADVANCE, CASUALTIES, DISPLACED, LEAD, RESPONSE, spanOf } from "./anchoring/wire-fixtures";
import { getClaim } from "./get-claim";
import { listOrphanedClaims, listReportClaims } from "./list-report-claims";
import { setClaimStatus } from "./set-claim-status";
import { tagClaim } from "./tag-claim";

const V1 = [LEAD, CASUALTIES, ADVANCE, RESPONSE, DISPLACED];
const INSERTED = "Update: the government declared a state of emergency in the northern provinces.";
const CORRECTED = CASUALTIES.replace("21", "12");
/** v2: a paragraph inserted above the advance, the casualty figure corrected, the minister's response deleted */
const V2 = [LEAD, CORRECTED, INSERTED, ADVANCE, DISPLACED];

async function reportWithClaims() {
  const editor = await buildUser({ role: "EDITOR" });
  const story = await buildStory(editor.actor);
  const input = buildReportInput(story.id, { externalId: `wire-${uniqueToken()}`, paragraphs: V1 });
  const { reportId } = await storeReport(editor.actor, input, "FEED");
  const text = V1.join("\n\n");
  const tag = (quote: string) => tagClaim(editor.actor, { storyId: story.id, reportId, reportVersion: 1, ...spanOf(text, quote), statement: quote.slice(0, 60) });
  const claims = {
    lead: await tag(LEAD),
    casualties: await tag(CASUALTIES),
    advance: await tag(ADVANCE),
    response: await tag(RESPONSE),
  };
  return { editor, story, input, reportId, claims };
}

describe("claims when a report gets a new version", () => {
  it("a claim follows its moved sentence, follows a corrected figure but is flagged, and a deleted sentence's claim becomes an orphan that is kept", async () => {
    const { editor, story, input, reportId, claims } = await reportWithClaims();
    await setClaimStatus(editor.actor, {
      claimId: claims.casualties.id,
      version: 1,
      status: "VERIFIED",
      rationale: "Health office bulletin.",
      evidence: { kind: "NOTE", note: "Called the office." },
    });

    const result = await storeReport(editor.actor, { ...input, paragraphs: V2 }, "FEED");

    expect(result).toEqual({ outcome: "new_version", reportId, version: 2 });
    const newText = V2.join("\n\n");
    const v2 = await db.reportVersion.findUniqueOrThrow({ where: { reportId_version: { reportId, version: 2 } } });
    const v1 = await db.reportVersion.findUniqueOrThrow({ where: { reportId_version: { reportId, version: 1 } } });
    const rows = await db.claim.findMany({ where: { reportId } });
    expect(rows).toHaveLength(4);
    const row = (id: string) => rows.find((claim) => claim.id === id)!;

    // the lead did not move: same place, same state, no version bump, now indexing v2
    expect(row(claims.lead.id)).toMatchObject({ ...spanOf(newText, LEAD), anchorState: "ANCHORED", reportVersionId: v2.id, version: 1 });
    // the advance moved down by the inserted paragraph, found by its exact quote
    const advance = describeAnchor(newText, spanOf(newText, ADVANCE).start, spanOf(newText, ADVANCE).end);
    expect(row(claims.advance.id)).toMatchObject({ ...advance.quote, ...advance.position, anchorState: "ANCHORED", reportVersionId: v2.id, version: 2 });
    // the corrected figure: re-attached to the new wording, flagged for a look, verification kept
    expect(row(claims.casualties.id)).toMatchObject({ exact: CORRECTED, ...spanOf(newText, CORRECTED), anchorState: "FUZZY", status: "VERIFIED", reportVersionId: v2.id, version: 3 });
    // the deleted sentence: orphaned, still quoting v1 where its text was
    expect(row(claims.response.id)).toMatchObject({ exact: RESPONSE, ...spanOf(V1.join("\n\n"), RESPONSE), anchorState: "ORPHANED", reportVersionId: v1.id, version: 2 });

    const newVersionEvent = await db.auditEvent.findFirstOrThrow({ where: { entityId: reportId, action: "report.new_version" } });
    expect(newVersionEvent.after).toMatchObject({ version: 2, claims: { kept: 1, moved: 1, fuzzy: 1, orphaned: 1 } });
    const reanchored = await db.auditEvent.findMany({ where: { action: "claim.reanchor", storyId: story.id } });
    expect(reanchored.map((event) => event.entityId).sort()).toEqual([claims.advance.id, claims.casualties.id, claims.response.id].sort());
    expect(reanchored.find((event) => event.entityId === claims.response.id)).toMatchObject({
      actorId: editor.id,
      before: { anchorState: "ANCHORED", reportVersion: 1 },
      after: { anchorState: "ORPHANED", reportVersion: 1 },
    });
    expect(reanchored.find((event) => event.entityId === claims.advance.id)).toMatchObject({
      before: { start: claims.advance.start, reportVersion: 1 },
      after: { start: advance.position.start, anchorState: "ANCHORED", reportVersion: 2, match: "quote" },
    });

    // the reader highlights the three placed claims in v2; the orphan is listed for editors instead
    const highlights = await listReportClaims(editor.actor, story.id, reportId);
    expect(highlights.map((claim) => [claim.id, claim.reportVersion])).toEqual([
      [claims.lead.id, 2],
      [claims.casualties.id, 2],
      [claims.advance.id, 2],
    ]);
    const orphans = await listOrphanedClaims(editor.actor, story.id);
    expect(orphans).toEqual([expect.objectContaining({ id: claims.response.id, exact: RESPONSE, reportVersion: 1, report: expect.objectContaining({ currentVersion: 2 }) })]);
    await expect(getClaim(editor.actor, story.id, claims.response.id)).resolves.toMatchObject({ anchorState: "ORPHANED", reportVersion: 1 });
  });

  it("an editor still looking at the old version gets a conflict saying the report was updated", async () => {
    const { editor, input, claims } = await reportWithClaims();
    const colleague = await buildUser();
    await storeReport(colleague.actor, { ...input, paragraphs: V2 }, "PASTE");

    const error = await domainErrorFrom(setClaimStatus(editor.actor, { claimId: claims.advance.id, version: 1, status: "IN_PROGRESS" }));

    expect(error.kind).toBe("conflict");
    expect(error.message).toBe(
      `${colleague.name} imported a new version of this claim's report a moment ago, which moved the claim; it is Unverified. Review the current state and try again.`,
    );
  });

  it("a later version leaves orphans as they were and keeps a fuzzy claim flagged", async () => {
    const { editor, input, reportId, claims } = await reportWithClaims();
    await storeReport(editor.actor, { ...input, paragraphs: V2 }, "FEED");
    const v3Paragraphs = [...V2, "Further details were not immediately available."];

    await storeReport(editor.actor, { ...input, paragraphs: v3Paragraphs }, "FEED");

    const v1 = await db.reportVersion.findUniqueOrThrow({ where: { reportId_version: { reportId, version: 1 } } });
    const v3 = await db.reportVersion.findUniqueOrThrow({ where: { reportId_version: { reportId, version: 3 } } });
    await expect(db.claim.findUniqueOrThrow({ where: { id: claims.response.id } })).resolves.toMatchObject({ anchorState: "ORPHANED", reportVersionId: v1.id, version: 2 });
    await expect(db.claim.findUniqueOrThrow({ where: { id: claims.casualties.id } })).resolves.toMatchObject({ anchorState: "FUZZY", reportVersionId: v3.id, version: 2 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: reportId, action: "report.new_version", after: { path: ["version"], equals: 3 } } });
    expect(event.after).toMatchObject({ claims: { kept: 3, moved: 0, fuzzy: 0, orphaned: 0 } });
    expect(await db.claim.count({ where: { reportId } })).toBe(4);
  });
});
