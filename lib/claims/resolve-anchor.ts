import "server-only";
import { dropFurtherLinks } from "@/lib/facts/fact-members";
import { queueFactRefresh } from "@/lib/facts/queue-analysis";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { conflict, invalid, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { describeAnchor } from "./anchoring/selectors";
import { type ClaimDetail, requireClaimDetail, staleClaimConflict } from "./claim-view";
import { ZConfirmClaimAnchor, ZReattachClaim, ZRetireClaim } from "./schemas";
import { expectVersion, lockedUpdate } from "@/lib/db/optimistic-lock";

/**
 * What an editor does with a claim the desk could not place with certainty after a report
 * update: re-attach an orphan (or a fuzzy match) to a span of the current version, retire an
 * orphan, or confirm that a fuzzy match still says the same thing. Each is optimistic-locked.
 */

/** Re-attaches a claim to a new span of its report's current version; the anchor is cut from the server's text. */
export async function reattachClaim(actor: Actor, input: unknown): Promise<ClaimDetail> {
  assertCan(actor, "claim.tag");
  const data = parseInput(ZReattachClaim, input);
  const claimId = await db.$transaction(async (tx) => {
    // the report row is share-locked (as tagClaim does) so an import cannot commit a newer
    // version between the check below and the write
    await tx.$queryRaw`SELECT r.id FROM "Report" r JOIN "Claim" c ON c."reportId" = r.id WHERE c.id = ${data.claimId}::uuid FOR SHARE OF r`;
    const claim = await tx.claim.findUnique({
      where: { id: data.claimId },
      select: { id: true, storyId: true, reportId: true, version: true, anchorState: true, start: true, end: true, exact: true, report: { select: { currentVersion: true } } },
    });
    if (!claim) throw notFound("That claim");
    await expectVersion(claim.version, data.version, () => staleClaimConflict(tx, claim.id, actor.id));
    if (data.reportVersion !== claim.report.currentVersion) throw conflict("This report has a newer version; reload it before re-attaching the claim.");
    const version = await tx.reportVersion.findUniqueOrThrow({
      where: { reportId_version: { reportId: claim.reportId, version: claim.report.currentVersion } },
      select: { id: true, bodyText: true },
    });
    let start = data.start;
    let end = Math.min(data.end, version.bodyText.length);
    while (start < end && /\s/.test(version.bodyText[start]!)) start++;
    while (end > start && /\s/.test(version.bodyText[end - 1]!)) end--;
    if (end <= start) throw invalid("Select the words the claim should be attached to.", { start: "Select some text." });
    const anchor = describeAnchor(version.bodyText, start, end);
    await lockedUpdate(
      tx.claim,
      {
        where: { id: claim.id },
        version: data.version,
        data: {
          reportVersionId: version.id,
          exact: anchor.quote.exact,
          prefix: anchor.quote.prefix,
          suffix: anchor.quote.suffix,
          start: anchor.position.start,
          end: anchor.position.end,
          anchorState: "ANCHORED",
        },
      },
      () => staleClaimConflict(tx, claim.id, actor.id),
    );
    await audit(tx, {
      actorId: actor.id,
      action: "claim.reattach",
      entityType: "claim",
      entityId: claim.id,
      storyId: claim.storyId,
      before: { anchorState: claim.anchorState, start: claim.start, end: claim.end, exact: claim.exact },
      after: { anchorState: "ANCHORED", start: anchor.position.start, end: anchor.position.end, exact: anchor.quote.exact, reportVersion: claim.report.currentVersion },
    });
    return claim.id;
  });
  return requireClaimDetail(db, claimId);
}

/** Retires an orphaned claim with a reason; it keeps its status, evidence and history. */
export async function retireClaim(actor: Actor, input: unknown): Promise<ClaimDetail> {
  assertCan(actor, "claim.tag");
  const data = parseInput(ZRetireClaim, input);
  const claimId = await db.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: data.claimId }, select: { id: true, storyId: true, version: true, anchorState: true, factId: true } });
    if (!claim) throw notFound("That claim");
    await expectVersion(claim.version, data.version, () => staleClaimConflict(tx, claim.id, actor.id));
    if (claim.anchorState !== "ORPHANED") throw invalid("Only a claim that lost its place in the report can be retired; re-attach or edit it instead.");
    // a retired claim no longer stands in the report, so it no longer corroborates a fact
    await lockedUpdate(tx.claim, { where: { id: claim.id }, version: data.version, data: { anchorState: "RETIRED", factId: null, factPinned: false } }, () =>
      staleClaimConflict(tx, claim.id, actor.id),
    );
    await queueFactRefresh(tx, claim.storyId, claim.factId);
    // nor the further facts it stated as well
    for (const factId of await dropFurtherLinks(tx, [claim.id])) await queueFactRefresh(tx, claim.storyId, factId);
    await audit(tx, {
      actorId: actor.id,
      action: "claim.retire",
      entityType: "claim",
      entityId: claim.id,
      storyId: claim.storyId,
      before: { anchorState: "ORPHANED" },
      after: { anchorState: "RETIRED", reason: data.reason },
    });
    return claim.id;
  });
  return requireClaimDetail(db, claimId);
}

/** An editor checked a fuzzy re-anchoring: the changed wording still states the claim. */
export async function confirmClaimAnchor(actor: Actor, input: unknown): Promise<ClaimDetail> {
  assertCan(actor, "claim.tag");
  const data = parseInput(ZConfirmClaimAnchor, input);
  const claimId = await db.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: data.claimId }, select: { id: true, storyId: true, version: true, anchorState: true, exact: true } });
    if (!claim) throw notFound("That claim");
    await expectVersion(claim.version, data.version, () => staleClaimConflict(tx, claim.id, actor.id));
    if (claim.anchorState !== "FUZZY") throw invalid("Only a claim re-attached to changed wording needs confirming.");
    await lockedUpdate(tx.claim, { where: { id: claim.id }, version: data.version, data: { anchorState: "ANCHORED" } }, () => staleClaimConflict(tx, claim.id, actor.id));
    await audit(tx, {
      actorId: actor.id,
      action: "claim.confirm_anchor",
      entityType: "claim",
      entityId: claim.id,
      storyId: claim.storyId,
      before: { anchorState: "FUZZY" },
      after: { anchorState: "ANCHORED", exact: claim.exact },
    });
    return claim.id;
  });
  return requireClaimDetail(db, claimId);
}
