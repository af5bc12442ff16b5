import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { storeReport } from "@/lib/reports/store-report";
import { buildReportInput, buildStory, buildUser, domainErrorFrom, uniqueToken } from "@/lib/testing/factories";
import { ADVANCE, CASUALTIES, LEAD, RESPONSE, spanOf } from "./anchoring/wire-fixtures";
import { listOrphanedClaims } from "./list-report-claims";
import { confirmClaimAnchor, reattachClaim, retireClaim } from "./resolve-anchor";
import { tagClaim } from "./tag-claim";

const V1 = [LEAD, CASUALTIES, ADVANCE, RESPONSE];
const V2 = [LEAD, CASUALTIES.replace("21", "12"), ADVANCE, "The ministry later issued a short statement on the crossing."];

/** A report whose v2 orphans the response claim and moves the casualty claim fuzzily. */
async function orphanAndFuzzy() {
  const editor = await buildUser({ role: "EDITOR" });
  const story = await buildStory(editor.actor);
  const input = buildReportInput(story.id, { externalId: `wire-${uniqueToken()}`, paragraphs: V1 });
  const { reportId } = await storeReport(editor.actor, input, "FEED");
  const text = V1.join("\n\n");
  const tag = (quote: string) => tagClaim(editor.actor, { storyId: story.id, reportId, reportVersion: 1, ...spanOf(text, quote), statement: quote.slice(0, 60) });
  const response = await tag(RESPONSE);
  const casualties = await tag(CASUALTIES);
  await storeReport(editor.actor, { ...input, paragraphs: V2 }, "FEED");
  return { editor, story, reportId, response, casualties, newText: V2.join("\n\n") };
}

describe("settling claims the desk could not place after an update", () => {
  it("re-attaches an orphan to a span of the current version, with the anchor cut from the server's text", async () => {
    const { editor, story, reportId, response, newText } = await orphanAndFuzzy();
    const orphan = await db.claim.findUniqueOrThrow({ where: { id: response.id } });
    expect(orphan.anchorState).toBe("ORPHANED");
    const quote = "The ministry later issued a short statement";
    const span = spanOf(newText, quote);
    const detail = await reattachClaim(editor.actor, { claimId: response.id, version: orphan.version, reportVersion: 2, start: span.start - 1, end: span.end + 1 });
    expect(detail).toMatchObject({ anchorState: "ANCHORED", exact: quote, start: span.start, end: span.end, reportVersion: 2 });
    expect(await listOrphanedClaims(editor.actor, story.id, reportId)).toHaveLength(0);
    const audit = await db.auditEvent.findFirst({ where: { entityId: response.id, action: "claim.reattach" } });
    expect(audit?.storyId).toBe(story.id);
  });

  it("refuses a re-attach on an old version or from a stale form", async () => {
    const { editor, response } = await orphanAndFuzzy();
    const orphan = await db.claim.findUniqueOrThrow({ where: { id: response.id } });
    expect((await domainErrorFrom(reattachClaim(editor.actor, { claimId: response.id, version: orphan.version, reportVersion: 1, start: 0, end: 5 }))).kind).toBe("conflict");
    expect((await domainErrorFrom(reattachClaim(editor.actor, { claimId: response.id, version: orphan.version - 1, reportVersion: 2, start: 0, end: 5 }))).kind).toBe("conflict");
  });

  it("retires an orphan with a reason, keeping it and its history, and only orphans can be retired", async () => {
    const { editor, story, reportId, response, casualties } = await orphanAndFuzzy();
    const orphan = await db.claim.findUniqueOrThrow({ where: { id: response.id } });
    const missingReason = await domainErrorFrom(retireClaim(editor.actor, { claimId: response.id, version: orphan.version, reason: " " }));
    expect(missingReason.fieldErrors.reason).toBeDefined();
    const retired = await retireClaim(editor.actor, { claimId: response.id, version: orphan.version, reason: "The ministry sentence was withdrawn by the agency." });
    expect(retired.anchorState).toBe("RETIRED");
    expect(retired.history.length).toBeGreaterThan(0);
    expect(await listOrphanedClaims(editor.actor, story.id, reportId)).toHaveLength(0);
    const placed = await db.claim.findUniqueOrThrow({ where: { id: casualties.id } });
    expect((await domainErrorFrom(retireClaim(editor.actor, { claimId: casualties.id, version: placed.version, reason: "no" }))).kind).toBe("invalid");
  });

  it("confirms a fuzzy re-anchoring after an editor checked the new wording", async () => {
    const { editor, casualties } = await orphanAndFuzzy();
    const fuzzy = await db.claim.findUniqueOrThrow({ where: { id: casualties.id } });
    expect(fuzzy.anchorState).toBe("FUZZY");
    const confirmed = await confirmClaimAnchor(editor.actor, { claimId: casualties.id, version: fuzzy.version });
    expect(confirmed.anchorState).toBe("ANCHORED");
    expect((await domainErrorFrom(confirmClaimAnchor(editor.actor, { claimId: casualties.id, version: confirmed.version }))).kind).toBe("invalid");
  });

  it("an API token cannot settle claims", async () => {
    const { editor, response } = await orphanAndFuzzy();
    const orphan = await db.claim.findUniqueOrThrow({ where: { id: response.id } });
    const token = { ...editor.actor, apiTokenId: "token" };
    expect((await domainErrorFrom(retireClaim(token, { claimId: response.id, version: orphan.version, reason: "x" }))).kind).toBe("forbidden");
  });
});
