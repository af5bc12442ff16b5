import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { EXPLAINER_TRANSITIONS, canTransition } from "@/lib/explainers/workflow";
import { assertWritingRules } from "@/lib/explainers/enforce-writing-rules";
import { notifyDeskChange } from "@/lib/live/desk-events";
import { notifyReviewDecided } from "./review-notifications";
import { ZApproveRevision, ZRequestChanges } from "./schemas";

export const SELF_APPROVAL_MESSAGE = "You wrote part of this revision since the last approval, so someone else has to approve it (four eyes).";

type Decision = "APPROVED" | "CHANGES_REQUESTED";

async function lockRevisionUnderReview(tx: Tx, input: { storyId: string; explainerId: string; revisionId: string }) {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Explainer" WHERE "id" = ${input.explainerId}::uuid AND "storyId" = ${input.storyId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw notFound("That explainer");
  const explainer = await tx.explainer.findUniqueOrThrow({
    where: { id: input.explainerId },
    select: { id: true, storyId: true, title: true, state: true, version: true },
  });
  const latest = await tx.explainerRevision.findFirst({
    where: { explainerId: explainer.id },
    orderBy: { number: "desc" },
    select: { id: true, number: true, content: true, authors: { select: { userId: true } } },
  });
  if (!latest || latest.id !== input.revisionId) {
    const known = await tx.explainerRevision.count({ where: { id: input.revisionId, explainerId: explainer.id } });
    if (known === 0) throw notFound("That revision");
    throw conflict("A newer revision of this explainer was submitted after you opened it. Reload to review the latest one.");
  }
  if (explainer.state !== "IN_REVIEW") {
    throw conflict(
      explainer.state === "DRAFT"
        ? "The writers changed this explainer after submitting it, so this revision was withdrawn from review."
        : "This revision is no longer waiting for review (someone decided it already).",
    );
  }
  return { explainer, revision: latest, authorIds: latest.authors.map((author) => author.userId) };
}

async function decide(actor: Actor, input: { storyId: string; explainerId: string; revisionId: string; comment: string }, decision: Decision) {
  const action = decision === "APPROVED" ? "approve" : "request_changes";
  const transition = EXPLAINER_TRANSITIONS[action];
  assertCan(actor, transition.permission);
  return db.$transaction(async (tx) => {
    const { explainer, revision, authorIds } = await lockRevisionUnderReview(tx, input);
    if (!canTransition(action, explainer.state)) throw invalid("This explainer is not waiting for review.");
    // four eyes: the reviewer must differ from every author since the last approval
    if (decision === "APPROVED" && authorIds.includes(actor.id)) throw forbidden(SELF_APPROVAL_MESSAGE);
    // a cited claim may have changed status since submission: approve what holds today
    if (decision === "APPROVED") await assertWritingRules(tx, explainer.storyId, revision.content, "approve");

    const review = await tx.review.create({
      data: { revisionId: revision.id, reviewerId: actor.id, decision, comment: input.comment },
      select: { id: true },
    });
    await tx.explainer.update({
      where: { id: explainer.id },
      data:
        decision === "APPROVED"
          ? { state: transition.to, approvedRevisionId: revision.id, editorIdsSinceApproval: [], needsReReview: false, reReviewReason: null, version: { increment: 1 } }
          : { state: transition.to, version: { increment: 1 } },
    });
    // approving a new revision answers every open re-review flag: the reviewer read it with today's statuses
    const resolvedFlags =
      decision === "APPROVED"
        ? (await tx.reReviewFlag.updateMany({ where: { explainerId: explainer.id, resolvedAt: null }, data: { resolvedAt: new Date(), resolvedById: actor.id, resolution: "APPROVED" } })).count
        : 0;
    await audit(tx, {
      actorId: actor.id,
      action: decision === "APPROVED" ? "explainer.approve" : "explainer.request_changes",
      entityType: "explainer",
      entityId: explainer.id,
      storyId: explainer.storyId,
      before: { state: explainer.state },
      after: { state: transition.to, revisionId: revision.id, number: revision.number, reviewId: review.id, comment: input.comment, ...(resolvedFlags > 0 ? { resolvedReReviewFlags: resolvedFlags } : {}) },
    });
    await notifyReviewDecided(tx, actor, explainer, authorIds, decision);
    await notifyDeskChange(tx, { storyId: explainer.storyId, kind: "review", explainerId: explainer.id });
    return { reviewId: review.id, state: transition.to };
  });
}

/** Approves the revision under review. Nobody who wrote any part of it since the last approval may. */
export async function approveRevision(actor: Actor, input: unknown) {
  assertCan(actor, EXPLAINER_TRANSITIONS.approve.permission);
  return decide(actor, parseInput(ZApproveRevision, input), "APPROVED");
}

/** Sends the revision under review back to its writers with a comment they see in the editor. */
export async function requestChanges(actor: Actor, input: unknown) {
  assertCan(actor, EXPLAINER_TRANSITIONS.request_changes.permission);
  return decide(actor, parseInput(ZRequestChanges, input), "CHANGES_REQUESTED");
}
