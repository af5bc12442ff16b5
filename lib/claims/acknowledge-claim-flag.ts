import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { type ClaimDetail, requireClaimDetail, staleClaimConflict } from "./claim-view";
import { ZAcknowledgeClaimFlag } from "./schemas";
import { expectVersion, lockedUpdate } from "@/lib/db/optimistic-lock";

/** Clears a claim's flag (set when its report was killed) once an editor has dealt with it; a stale version gets a conflict. */
export async function acknowledgeClaimFlag(actor: Actor, input: unknown): Promise<ClaimDetail> {
  assertCan(actor, "claim.verify");
  const data = parseInput(ZAcknowledgeClaimFlag, input);
  const claimId = await db.$transaction(async (tx) => {
    const current = await tx.claim.findUnique({ where: { id: data.claimId }, select: { id: true, storyId: true, version: true, flagReason: true } });
    if (!current) throw notFound("That claim");
    await expectVersion(current.version, data.version, () => staleClaimConflict(tx, current.id, actor.id));
    // nothing to clear: a second click (or another editor) got there first
    if (current.flagReason === null) return current.id;
    await lockedUpdate(tx.claim, { where: { id: current.id }, version: data.version, data: { flagReason: null } }, () => staleClaimConflict(tx, current.id, actor.id));
    await audit(tx, {
      actorId: actor.id,
      action: "claim.flag_acknowledged",
      entityType: "claim",
      entityId: current.id,
      storyId: current.storyId,
      before: { flagReason: current.flagReason },
      after: { flagReason: null },
    });
    return current.id;
  });
  return requireClaimDetail(db, claimId);
}
