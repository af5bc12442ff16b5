import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { loadCitationTargets } from "@/lib/explainers/citation-targets";
import { writingRuleProblems } from "@/lib/explainers/enforce-writing-rules";
import { EXPLAINER_TRANSITIONS, canTransition } from "@/lib/explainers/workflow";
import { recordPublicSiteChange } from "@/lib/publishing/public-site-change";
import { ZAcknowledgeReReview } from "./schemas";
import { notifyDeskChange } from "@/lib/live/desk-events";
import { expectVersion, lockedUpdate } from "@/lib/db/optimistic-lock";

const STALE_EXPLAINER = "This explainer changed since you opened it. Reload to see its current state and flags.";

export const ACKNOWLEDGE_OWN_WORK_MESSAGE = "You wrote part of the approved text, so someone else has to confirm it still holds (four eyes).";

export type AcknowledgedFlag = { flagId: string; openFlags: number; version: number };

/**
 * Resolves one "needs re-review" flag without an edit: the reviewer read the approved (and live)
 * text with the claim's new status, and notes why it still holds. Refused when the text now
 * breaks the citation rules (that needs an edit and a new review), and for anyone who wrote the
 * approved revision. The citations' status snapshots of that claim are brought up to date, so
 * labels and ClaimReview ratings show what was acknowledged. Publishing waits until no flag is open.
 */
export async function acknowledgeReReview(actor: Actor, input: unknown): Promise<AcknowledgedFlag> {
  const transition = EXPLAINER_TRANSITIONS.acknowledge_rereview;
  assertCan(actor, transition.permission);
  const data = parseInput(ZAcknowledgeReReview, input);
  const result = await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Explainer" WHERE "id" = ${data.explainerId}::uuid AND "storyId" = ${data.storyId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFound("That explainer");
    const explainer = await tx.explainer.findUniqueOrThrow({
      where: { id: data.explainerId },
      select: {
        id: true,
        storyId: true,
        slug: true,
        state: true,
        version: true,
        approvedRevisionId: true,
        publishedRevisionId: true,
        approvedRevision: { select: { content: true } },
        publishedRevision: { select: { content: true } },
      },
    });
    await expectVersion(explainer.version, data.version, () => conflict(STALE_EXPLAINER));
    if (!canTransition("acknowledge_rereview", explainer.state)) throw invalid("This explainer cannot be re-reviewed now.");
    const flag = await tx.reReviewFlag.findFirst({ where: { id: data.flagId, explainerId: explainer.id }, select: { id: true, claimId: true, reason: true, resolvedAt: true } });
    if (!flag) throw notFound("That re-review flag");
    if (flag.resolvedAt) throw conflict("Someone resolved this flag already. Reload to see the open ones.");

    const revisionIds = [explainer.approvedRevisionId, explainer.publishedRevisionId].filter((id): id is string => id !== null);
    const authors = await tx.explainerRevisionAuthor.count({ where: { revisionId: { in: revisionIds }, userId: actor.id } });
    if (authors > 0) throw forbidden(ACKNOWLEDGE_OWN_WORK_MESSAGE);

    // the text readers see (or will see) must hold under every status of today, not only this claim's
    for (const [label, revision] of [["approved", explainer.approvedRevision], ["published", explainer.publishedRevision]] as const) {
      if (!revision) continue;
      const { problems } = await writingRuleProblems(tx, explainer.storyId, revision.content);
      if (problems.length > 0) {
        throw invalid(`The ${label} text breaks the citation rules with today's statuses, so it needs an edit and a new review, not an acknowledgement: ${problems[0]!.message}`);
      }
    }

    // bring the snapshots of this claim (and of the fact it belongs to) up to today's status
    const refreshed: { citationId: string; from: string; to: string }[] = [];
    if (flag.claimId) {
      const claim = await tx.claim.findUnique({ where: { id: flag.claimId }, select: { id: true, factId: true } });
      const rows = claim
        ? await tx.citation.findMany({
            where: { revisionId: { in: revisionIds }, OR: [{ claimId: claim.id }, ...(claim.factId ? [{ factId: claim.factId }] : [])] },
            select: { id: true, claimId: true, factId: true, status: true, sourceCount: true },
          })
        : [];
      const targets = await loadCitationTargets(tx, explainer.storyId, {
        claimIds: [...new Set(rows.flatMap((row) => (row.claimId ? [row.claimId] : [])))],
        factIds: [...new Set(rows.flatMap((row) => (row.factId ? [row.factId] : [])))],
      });
      const byKey = new Map(targets.map((target) => [target.key, target]));
      for (const row of rows) {
        const target = byKey.get(row.claimId ? `claim:${row.claimId}` : `fact:${row.factId}`);
        if (!target || (target.status === row.status && target.sourceCount === row.sourceCount)) continue;
        await tx.citation.update({ where: { id: row.id }, data: { status: target.status, sourceCount: target.sourceCount } });
        refreshed.push({ citationId: row.id, from: row.status, to: target.status });
      }
    }

    const now = new Date();
    await tx.reReviewFlag.update({ where: { id: flag.id }, data: { resolvedAt: now, resolvedById: actor.id, resolution: "ACKNOWLEDGED", note: data.note } });
    const open = await tx.reReviewFlag.findFirst({ where: { explainerId: explainer.id, resolvedAt: null }, orderBy: { createdAt: "desc" }, select: { reason: true } });
    const openFlags = await tx.reReviewFlag.count({ where: { explainerId: explainer.id, resolvedAt: null } });
    const version = await lockedUpdate(
      tx.explainer,
      { where: { id: explainer.id }, version: explainer.version, data: { needsReReview: openFlags > 0, reReviewReason: open?.reason ?? null } },
      () => conflict(STALE_EXPLAINER),
    );
    await audit(tx, {
      actorId: actor.id,
      action: "explainer.acknowledge_rereview",
      entityType: "explainer",
      entityId: explainer.id,
      storyId: explainer.storyId,
      before: { needsReReview: true, flagId: flag.id, reason: flag.reason },
      after: { needsReReview: openFlags > 0, flagId: flag.id, note: data.note, openFlags, refreshedCitations: refreshed },
    });
    await notifyDeskChange(tx, { storyId: explainer.storyId, kind: "review", explainerId: explainer.id });
    const livePageChanged = refreshed.length > 0 && explainer.publishedRevisionId !== null;
    if (livePageChanged) await recordPublicSiteChange(tx, explainer.slug);
    return { flagId: flag.id, openFlags, version, livePageChanged };
  });
  return { flagId: result.flagId, openFlags: result.openFlags, version: result.version };
}
