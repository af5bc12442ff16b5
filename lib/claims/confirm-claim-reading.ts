import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { garbledReasons } from "@/lib/analysis/garbled";
import { expectVersion, lockedUpdate } from "@/lib/db/optimistic-lock";
import { invalid, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { furtherFactIdsOf, refreshFactSummaries } from "@/lib/facts/fact-members";
import { lockStoryFacts } from "@/lib/facts/story-lock";
import { readGarbledPassages } from "@/lib/reports/garbled-passages";
import { type ClaimDetail, requireClaimDetail, staleClaimConflict } from "./claim-view";
import { ZConfirmClaimReading } from "./schemas";

/**
 * Records that an editor checked the original of a claim taken from a garbled passage: from now
 * on it counts as its outlet's corroboration of its fact. Audited; a stale version gets a conflict.
 */
export async function confirmClaimReading(actor: Actor, input: unknown): Promise<ClaimDetail> {
  assertCan(actor, "claim.verify");
  const data = parseInput(ZConfirmClaimReading, input);
  const claimId = await db.$transaction(async (tx) => {
    const current = await tx.claim.findUnique({
      where: { id: data.claimId },
      select: { id: true, storyId: true, factId: true, version: true, start: true, end: true, readingConfirmedAt: true, reportVersion: { select: { garbledPassages: true } } },
    });
    if (!current) throw notFound("That claim");
    // the fact's outlet count changes with this claim: take the story's fact lock first, as every fact writer does
    await lockStoryFacts(tx, current.storyId);
    await expectVersion(current.version, data.version, () => staleClaimConflict(tx, current.id, actor.id));
    const reasons = garbledReasons(readGarbledPassages(current.reportVersion.garbledPassages), current);
    if (reasons.length === 0) throw invalid("This claim's passage is not flagged as garbled; there is nothing to confirm.");
    // a second click (or another editor) got there first
    if (current.readingConfirmedAt) return current.id;
    await lockedUpdate(tx.claim, { where: { id: current.id }, version: data.version, data: { readingConfirmedAt: new Date(), readingConfirmedById: actor.id } }, () =>
      staleClaimConflict(tx, current.id, actor.id),
    );
    const facts = [...(current.factId ? [current.factId] : []), ...(await furtherFactIdsOf(tx, [current.id]))];
    if (facts.length > 0) await refreshFactSummaries(tx, current.storyId, facts);
    await audit(tx, {
      actorId: actor.id,
      action: "claim.confirm_reading",
      entityType: "claim",
      entityId: current.id,
      storyId: current.storyId,
      before: { readingConfirmed: false, reasons },
      after: { readingConfirmed: true },
    });
    return current.id;
  });
  return requireClaimDetail(db, claimId);
}
