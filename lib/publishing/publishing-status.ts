import "server-only";
import { db } from "@/lib/db/client";
import { actorCan, assertCan, type Actor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors/domain-errors";
import type { ExplainerState } from "@/lib/generated/prisma/enums";

/** What the publish controls need to know about one explainer, for the person looking. */
export type PublishingStatus = {
  explainerId: string;
  storyId: string;
  slug: string;
  state: ExplainerState;
  version: number;
  needsReReview: boolean;
  reReviewReason: string | null;
  /** an approved revision waits to be published (the domain publishes only from APPROVED) */
  approvedPending: boolean;
  live: boolean;
  publishedAt: string | null;
  firstPublishedAt: string | null;
  unpublishedAt: string | null;
  corrections: { note: string; createdAt: string }[];
  canPublish: boolean;
};

/** The explainer's publishing state, looked up by (id, storyId). */
export async function getPublishingStatus(actor: Actor, input: { explainerId: string; storyId: string }): Promise<PublishingStatus> {
  assertCan(actor, "story.read");
  const row = await db.explainer.findFirst({
    where: { id: input.explainerId, storyId: input.storyId },
    select: {
      id: true,
      storyId: true,
      slug: true,
      state: true,
      version: true,
      needsReReview: true,
      reReviewReason: true,
      approvedRevisionId: true,
      publishedRevisionId: true,
      publishedAt: true,
      firstPublishedAt: true,
      unpublishedAt: true,
      corrections: { orderBy: { createdAt: "desc" }, take: 5, select: { note: true, createdAt: true } },
    },
  });
  if (!row) throw notFound("That explainer");
  return {
    explainerId: row.id,
    storyId: row.storyId,
    slug: row.slug,
    state: row.state,
    version: row.version,
    needsReReview: row.needsReReview,
    reReviewReason: row.reReviewReason,
    approvedPending: row.state === "APPROVED" && row.approvedRevisionId !== null,
    live: row.publishedRevisionId !== null,
    publishedAt: row.publishedRevisionId ? (row.publishedAt?.toISOString() ?? null) : null,
    firstPublishedAt: row.firstPublishedAt?.toISOString() ?? null,
    unpublishedAt: row.publishedRevisionId ? null : (row.unpublishedAt?.toISOString() ?? null),
    corrections: row.corrections.map((c) => ({ note: c.note, createdAt: c.createdAt.toISOString() })),
    canPublish: actorCan(actor, "explainer.publish"),
  };
}
