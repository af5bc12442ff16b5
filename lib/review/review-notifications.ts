import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { quotedExcerpt } from "@/lib/notifications/notifications";

/**
 * REVIEW_REQUESTED for every active reviewer and admin who did not write the revision (they
 * could not approve it anyway).
 */
export async function notifyReviewRequested(
  tx: Tx,
  actor: Pick<Actor, "id" | "name">,
  explainer: { id: string; title: string },
  authorIds: readonly string[],
): Promise<number> {
  const reviewers = await tx.user.findMany({
    where: { active: true, role: { in: ["REVIEWER", "ADMIN"] }, id: { notIn: [...authorIds, actor.id] } },
    select: { id: true },
  });
  if (reviewers.length === 0) return 0;
  const result = await tx.notification.createMany({
    data: reviewers.map((reviewer) => ({
      userId: reviewer.id,
      actorId: actor.id,
      kind: "REVIEW_REQUESTED" as const,
      explainerId: explainer.id,
      message: `${actor.name} asked for review of ${quotedExcerpt(explainer.title)}`,
    })),
  });
  return result.count;
}

/** REVIEW_DECIDED for the revision's authors: approved, or changes requested with the comment. */
export async function notifyReviewDecided(
  tx: Tx,
  actor: Pick<Actor, "id" | "name">,
  explainer: { id: string; title: string },
  authorIds: readonly string[],
  decision: "APPROVED" | "CHANGES_REQUESTED",
): Promise<number> {
  const recipients = [...new Set(authorIds)].filter((id) => id !== actor.id);
  if (recipients.length === 0) return 0;
  const verb = decision === "APPROVED" ? "approved" : "requested changes to";
  const result = await tx.notification.createMany({
    data: recipients.map((userId) => ({
      userId,
      actorId: actor.id,
      kind: "REVIEW_DECIDED" as const,
      explainerId: explainer.id,
      message: `${actor.name} ${verb} ${quotedExcerpt(explainer.title)}`,
    })),
  });
  return result.count;
}
