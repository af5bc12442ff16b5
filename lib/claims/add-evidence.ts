import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { invalid, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { type ClaimDetail, requireClaimDetail } from "./claim-view";
import { type TEvidence, ZAddEvidence } from "./schemas";

/**
 * Stores one piece of evidence for a claim and returns what the audit event should say about it.
 * A corroborating claim or report must belong to the claim's own story: an id from another story
 * is not found, so evidence never reaches across stories.
 */
export async function createEvidence(
  tx: Tx,
  claim: { id: string; storyId: string },
  evidence: TEvidence,
  actorId: string,
): Promise<{ id: string; kind: TEvidence["kind"] }> {
  const base = { claimId: claim.id, addedById: actorId, kind: evidence.kind };
  switch (evidence.kind) {
    case "LINK":
      return tx.evidence.create({ data: { ...base, url: evidence.url, title: evidence.title, note: evidence.note || null }, select: { id: true, kind: true } });
    case "NOTE":
      return tx.evidence.create({ data: { ...base, note: evidence.note }, select: { id: true, kind: true } });
    case "CLAIM": {
      if (evidence.relatedClaimId === claim.id) {
        throw invalid("A claim cannot corroborate itself.", { evidence: "Choose another claim." });
      }
      const related = await tx.claim.findFirst({ where: { id: evidence.relatedClaimId, storyId: claim.storyId }, select: { id: true } });
      if (!related) throw notFound("That corroborating claim");
      return tx.evidence.create({ data: { ...base, relatedClaimId: related.id, note: evidence.note || null }, select: { id: true, kind: true } });
    }
    case "REPORT": {
      const related = await tx.report.findFirst({ where: { id: evidence.relatedReportId, storyId: claim.storyId }, select: { id: true } });
      if (!related) throw notFound("That corroborating report");
      return tx.evidence.create({ data: { ...base, relatedReportId: related.id, note: evidence.note || null }, select: { id: true, kind: true } });
    }
  }
}

/** Adds a link, note, or corroborating claim or report to a claim without changing its status. */
export async function addEvidence(actor: Actor, input: unknown): Promise<ClaimDetail> {
  assertCan(actor, "claim.verify");
  const data = parseInput(ZAddEvidence, input);
  const claimId = await db.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: data.claimId }, select: { id: true, storyId: true } });
    if (!claim) throw notFound("That claim");
    const evidence = await createEvidence(tx, claim, data.evidence, actor.id);
    // evidence only adds, so it does not bump the version (no one's pending edit is overwritten);
    // it does count as activity on the board, which sorts by updatedAt
    await tx.claim.update({ where: { id: claim.id }, data: { updatedAt: new Date() } });
    await audit(tx, {
      actorId: actor.id,
      action: "claim.add_evidence",
      entityType: "claim",
      entityId: claim.id,
      storyId: claim.storyId,
      after: { evidenceId: evidence.id, ...data.evidence },
    });
    return claim.id;
  });
  // read after commit: the detail takes several queries, and the row lock should not wait for them
  return requireClaimDetail(db, claimId);
}
