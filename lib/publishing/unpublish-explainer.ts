import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { conflict, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { recordPublicSiteChange } from "./public-site-change";
import { staleExplainerConflict } from "./publish-explainer";
import { ZUnpublishExplainer } from "./schemas";
import { PUBLISHING_TRANSITIONS, canPublishFrom } from "./workflow";
import { expectVersion, lockedUpdate } from "@/lib/db/optimistic-lock";

/**
 * Takes a live explainer down: its URL answers 410 with the notice and the feeds drop it. A
 * revision in review keeps its own state; republishing goes through approval again.
 */
export async function unpublishExplainer(actor: Actor, input: unknown): Promise<{ explainerId: string; slug: string; version: number }> {
  assertCan(actor, PUBLISHING_TRANSITIONS.unpublish.permission);
  const data = parseInput(ZUnpublishExplainer, input);
  return db.$transaction(async (tx) => {
    const explainer = await tx.explainer.findFirst({
      where: { id: data.explainerId, storyId: data.storyId },
      select: { id: true, storyId: true, slug: true, state: true, version: true, publishedRevisionId: true },
    });
    if (!explainer) throw notFound("That explainer");
    await expectVersion(explainer.version, data.version, () => staleExplainerConflict());
    if (!explainer.publishedRevisionId || !canPublishFrom("unpublish", explainer.state)) throw conflict("This explainer is not published.");

    const now = new Date();
    // an explainer whose update is in review keeps that state; only a plain live one becomes UNPUBLISHED
    const state = explainer.state === "PUBLISHED" ? "UNPUBLISHED" : explainer.state;
    const version = await lockedUpdate(
      tx.explainer,
      {
        where: { id: explainer.id, publishedRevisionId: explainer.publishedRevisionId },
        version: explainer.version,
        data: { state, publishedRevisionId: null, unpublishedAt: now, unpublishNotice: data.notice },
      },
      () => staleExplainerConflict(),
    );
    await audit(tx, {
      actorId: actor.id,
      action: "explainer.unpublish",
      entityType: "explainer",
      entityId: explainer.id,
      storyId: explainer.storyId,
      before: { state: explainer.state, publishedRevisionId: explainer.publishedRevisionId },
      after: { state, publishedRevisionId: null, notice: data.notice },
    });
    await recordPublicSiteChange(tx, explainer.slug);
    return { explainerId: explainer.id, slug: explainer.slug, version };
  });
}
