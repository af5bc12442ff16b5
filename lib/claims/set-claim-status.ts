import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { invalid, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { flagExplainersCitingClaim } from "@/lib/review/flag-re-review";
import { notifyDeskChange } from "@/lib/live/desk-events";
import { createEvidence } from "./add-evidence";
import { type ClaimDetail, requireClaimDetail, staleClaimConflict, statusLabel } from "./claim-view";
import { STATUSES_NEEDING_EVIDENCE, ZSetClaimStatus } from "./schemas";
import { expectVersion, lockedUpdate } from "@/lib/db/optimistic-lock";

function needsEvidence(status: ClaimStatus): boolean {
  return (STATUSES_NEEDING_EVIDENCE as readonly ClaimStatus[]).includes(status);
}

/**
 * Moves a claim to a verification status, with an optional new piece of evidence, and records it
 * in the claim's history. Verified, false and disputed need a rationale and at least one piece of
 * evidence (already on the claim or sent now). A stale version gets a conflict naming who changed
 * the claim and its current status; nothing is overwritten.
 */
export async function setClaimStatus(actor: Actor, input: unknown): Promise<ClaimDetail> {
  assertCan(actor, "claim.verify");
  const data = parseInput(ZSetClaimStatus, input);
  const claimId = await db.$transaction(async (tx) => {
    const current = await tx.claim.findUnique({
      where: { id: data.claimId },
      select: { id: true, storyId: true, statement: true, factId: true, status: true, version: true, _count: { select: { evidence: true } } },
    });
    if (!current) throw notFound("That claim");
    await expectVersion(current.version, data.version, () => staleClaimConflict(tx, current.id, actor.id));

    const rationale = data.rationale || null;
    const label = statusLabel(data.status);
    if (current.status === data.status && !data.evidence) {
      throw invalid(`This claim is already ${label}.`, { status: `The claim is already ${label}.` });
    }
    if (needsEvidence(data.status)) {
      const fieldErrors: Record<string, string> = {};
      if (!rationale) fieldErrors.rationale = `Explain why this claim is ${label.toLowerCase()}.`;
      if (current._count.evidence === 0 && !data.evidence) {
        fieldErrors.evidence = "Add at least one piece of evidence: a link, a note, or a claim or report that corroborates it.";
      }
      if (Object.keys(fieldErrors).length > 0) {
        throw invalid(`Marking a claim ${label.toLowerCase()} needs a rationale and at least one piece of evidence.`, fieldErrors);
      }
    }

    // the version check and the write are one statement: of two editors on the same version,
    // the second waits for the first's row lock, then matches no row and gets the conflict
    await lockedUpdate(tx.claim, { where: { id: current.id }, version: data.version, data: { status: data.status } }, () => staleClaimConflict(tx, current.id, actor.id));

    const evidence = data.evidence ? await createEvidence(tx, current, data.evidence, actor.id) : null;
    await tx.claimStatusChange.create({
      data: { claimId: current.id, fromStatus: current.status, toStatus: data.status, rationale, actorId: actor.id },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "claim.set_status",
      entityType: "claim",
      entityId: current.id,
      storyId: current.storyId,
      before: { status: current.status },
      after: { status: data.status, rationale, evidence: data.evidence ? { id: evidence?.id, ...data.evidence } : null },
    });
    // explainers approved while citing this claim must be looked at again
    await flagExplainersCitingClaim(tx, actor, current, { from: current.status, to: data.status });
    await notifyDeskChange(tx, { storyId: current.storyId, kind: "claim_status", claimIds: [current.id] });
    return current.id;
  });
  // read after commit: the detail takes several queries, and the row lock should not wait for them
  return requireClaimDetail(db, claimId);
}
