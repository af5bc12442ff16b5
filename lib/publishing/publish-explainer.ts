import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { conflict, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { assertWritingRules } from "@/lib/explainers/enforce-writing-rules";
import { recordPublicSiteChange } from "./public-site-change";
import { ZPublishCorrection, ZPublishExplainer } from "./schemas";
import { PUBLISHING_TRANSITIONS, canPublishFrom } from "./workflow";
import { expectVersion, lockedUpdate } from "@/lib/db/optimistic-lock";

export type PublishResult = {
  explainerId: string;
  slug: string;
  publishedRevisionId: string;
  publishedAt: Date;
  version: number;
  correctionId: string | null;
};

type Target = { explainerId: string; storyId: string; version: number };

/** The conflict a stale screen gets: someone changed the explainer since it was loaded. */
export const staleExplainerConflict = () =>
  conflict("This explainer changed since you opened it (someone edited, reviewed or published it). Reload to see its current state.");

async function publishApproved(tx: Tx, actor: Actor, target: Target, note: string | null): Promise<PublishResult> {
  const explainer = await tx.explainer.findFirst({
    where: { id: target.explainerId, storyId: target.storyId },
    select: {
      id: true,
      storyId: true,
      slug: true,
      state: true,
      version: true,
      needsReReview: true,
      approvedRevisionId: true,
      publishedRevisionId: true,
      firstPublishedAt: true,
    },
  });
  if (!explainer) throw notFound("That explainer");
  await expectVersion(explainer.version, target.version, () => staleExplainerConflict());
  if (!canPublishFrom(note === null ? "publish" : "correct", explainer.state) || !explainer.approvedRevisionId) {
    throw conflict("Only an approved revision can be published. Submit it for review and have a reviewer approve it first.");
  }
  if (explainer.needsReReview) {
    throw conflict("A claim this explainer cites changed status since it was approved. It needs another review before it can be published.");
  }
  if (note !== null && !explainer.firstPublishedAt) {
    throw conflict("A correction amends a published explainer; this one has never been published. Publish it instead.");
  }
  // the rules hold for what readers will see, with the statuses of today (not those at approval)
  const approved = await tx.explainerRevision.findUniqueOrThrow({ where: { id: explainer.approvedRevisionId }, select: { content: true } });
  await assertWritingRules(tx, explainer.storyId, approved.content, "publish");

  const now = new Date();
  const revisionId = explainer.approvedRevisionId;
  // state and version are checked again in the write itself: of two people publishing the same
  // version, the second matches no row once the first commits and gets the conflict
  const version = await lockedUpdate(
    tx.explainer,
    {
      where: { id: explainer.id, state: "APPROVED", approvedRevisionId: revisionId },
      version: explainer.version,
      data: {
        state: PUBLISHING_TRANSITIONS.publish.to,
        publishedRevisionId: revisionId,
        publishedAt: now,
        firstPublishedAt: explainer.firstPublishedAt ?? now,
        unpublishedAt: null,
        unpublishNotice: null,
      },
    },
    () => staleExplainerConflict(),
  );

  const correction = note === null ? null : await tx.correction.create({ data: { explainerId: explainer.id, revisionId, note, createdById: actor.id, createdAt: now }, select: { id: true } });
  await audit(tx, {
    actorId: actor.id,
    action: note === null ? "explainer.publish" : "explainer.publish_correction",
    entityType: "explainer",
    entityId: explainer.id,
    storyId: explainer.storyId,
    before: { state: explainer.state, publishedRevisionId: explainer.publishedRevisionId },
    after: { state: "PUBLISHED", publishedRevisionId: revisionId, ...(correction ? { correctionId: correction.id, note } : {}) },
  });
  await recordPublicSiteChange(tx, explainer.slug);
  return {
    explainerId: explainer.id,
    slug: explainer.slug,
    publishedRevisionId: revisionId,
    publishedAt: now,
    version,
    correctionId: correction?.id ?? null,
  };
}

/**
 * Publishes the approved revision: a first publication, a republication after an unpublish, or
 * an update of the live page. Every app instance shows it as soon as this returns; the static
 * output and the CDN purge follow in a queued job.
 */
export async function publishExplainer(actor: Actor, input: unknown): Promise<PublishResult> {
  assertCan(actor, PUBLISHING_TRANSITIONS.publish.permission);
  const data = parseInput(ZPublishExplainer, input);
  return db.$transaction((tx) => publishApproved(tx, actor, data, null));
}

/**
 * Publishes the approved revision of an already published explainer as a correction, with a
 * public note that the page's corrections log and the feed's updated time carry.
 */
export async function publishCorrection(actor: Actor, input: unknown): Promise<PublishResult> {
  assertCan(actor, PUBLISHING_TRANSITIONS.correct.permission);
  const data = parseInput(ZPublishCorrection, input);
  return db.$transaction((tx) => publishApproved(tx, actor, data, data.note));
}
