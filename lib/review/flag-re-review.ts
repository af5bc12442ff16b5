import "server-only";
import type { Tx } from "@/lib/db/client";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { CLAIM_STATUS_META } from "@/lib/claims/status-meta";
import { quotedExcerpt } from "@/lib/notifications/notifications";
import { writingRuleProblems } from "@/lib/explainers/enforce-writing-rules";
import { parseExplainerDoc } from "@/lib/explainers/document";

/**
 * Called inside a claim's status change: every explainer whose approved or published revision
 * cites the claim (directly, or through the fact it belongs to) is flagged "needs re-review"
 * with the reason (saying when the cited text now breaks the rules table), and the people who
 * wrote and approved that revision are notified.
 * Returns the flagged explainers' ids.
 */
export async function flagExplainersCitingClaim(
  tx: Tx,
  actor: Pick<Actor, "id" | "name" | "apiTokenId">,
  claim: { id: string; storyId: string; statement: string; factId: string | null },
  change: { from: ClaimStatus; to: ClaimStatus },
): Promise<string[]> {
  if (change.from === change.to) return [];
  const reason = `A cited claim changed from ${CLAIM_STATUS_META[change.from].label} to ${CLAIM_STATUS_META[change.to].label}: ${quotedExcerpt(claim.statement)}`;
  return flagExplainersCiting(tx, actor, { storyId: claim.storyId, claimIds: [claim.id], factIds: claim.factId ? [claim.factId] : [] }, reason);
}

/**
 * Flags "needs re-review", with the reason, every explainer of the story whose approved or
 * published revision cites any of the claims or facts, audits each flag and notifies the people
 * who wrote and approved those revisions. Returns the flagged explainers' ids.
 */
export async function flagExplainersCiting(
  tx: Tx,
  actor: Pick<Actor, "id" | "name" | "apiTokenId">,
  cited: { storyId: string; claimIds: string[]; factIds: string[] },
  why: string,
): Promise<string[]> {
  const targets = [...(cited.claimIds.length > 0 ? [{ claimId: { in: cited.claimIds } }] : []), ...(cited.factIds.length > 0 ? [{ factId: { in: cited.factIds } }] : [])];
  if (targets.length === 0) return [];
  const cites = { citations: { some: { OR: targets } } };
  const explainers = await tx.explainer.findMany({
    where: { storyId: cited.storyId, OR: [{ approvedRevision: cites }, { publishedRevision: cites }] },
    select: {
      id: true,
      title: true,
      needsReReview: true,
      approvedRevisionId: true,
      publishedRevisionId: true,
      approvedRevision: { select: { content: true } },
      publishedRevision: { select: { content: true } },
    },
  });
  const claimId = cited.claimIds.length === 1 ? cited.claimIds[0]! : null;
  for (const explainer of explainers) {
    // the rules table is checked again with the new status: a bullet that now breaks it cannot be
    // acknowledged away, only edited (see acknowledgeReReview)
    const content = explainer.approvedRevision?.content ?? explainer.publishedRevision?.content;
    // a revision whose document cannot be read cannot be judged against the table: it is flagged
    // with the change alone
    const { problems } = content && parseExplainerDoc(content) ? await writingRuleProblems(tx, cited.storyId, content) : { problems: [] };
    const reason = (problems.length > 0 ? `${why} The ${explainer.approvedRevision ? "approved" : "published"} text now breaks the citation rules: ${problems[0]!.message}` : why).slice(0, 1000);
    const flag = await tx.reReviewFlag.create({ data: { explainerId: explainer.id, claimId, reason, breaksRules: problems.length > 0 }, select: { id: true } });
    await tx.explainer.update({ where: { id: explainer.id }, data: { needsReReview: true, reReviewReason: reason } });
    await audit(tx, {
      actorId: actor.id,
      apiTokenId: actor.apiTokenId ?? null,
      action: "explainer.flag_rereview",
      entityType: "explainer",
      entityId: explainer.id,
      storyId: cited.storyId,
      before: { needsReReview: explainer.needsReReview },
      after: { needsReReview: true, reason, flagId: flag.id, breaksRules: problems.length > 0, ...(claimId ? { claimId } : { claimIds: cited.claimIds, factIds: cited.factIds }) },
    });
    const revisionIds = [explainer.approvedRevisionId, explainer.publishedRevisionId].filter((id): id is string => id !== null);
    const [authors, reviewers] = await Promise.all([
      tx.explainerRevisionAuthor.findMany({ where: { revisionId: { in: revisionIds } }, select: { userId: true } }),
      tx.review.findMany({ where: { revisionId: { in: revisionIds }, decision: "APPROVED" }, select: { reviewerId: true } }),
    ]);
    const recipients = [...new Set([...authors.map((row) => row.userId), ...reviewers.map((row) => row.reviewerId)])].filter((id) => id !== actor.id);
    if (recipients.length > 0) {
      await tx.notification.createMany({
        data: recipients.map((userId) => ({
          userId,
          actorId: actor.id,
          kind: "REREVIEW_NEEDED" as const,
          explainerId: explainer.id,
          claimId,
          message: `${quotedExcerpt(explainer.title)} needs re-review. ${reason}`.slice(0, 500),
        })),
      });
    }
  }
  return explainers.map((explainer) => explainer.id);
}
