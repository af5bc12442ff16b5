import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { expectVersion, lockedUpdate } from "@/lib/db/optimistic-lock";
import { conflict, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { enqueueJob } from "@/lib/jobs/queue";
import { pollJobKey } from "./add-feed-source";
import { ZSetFeedSourcePaused } from "./schemas";

export const STALE_FEED_SOURCE = "Someone changed this feed source after you opened the page. Reload to see their change.";

/**
 * Pauses or resumes a feed source (optimistic locking on its version). Resuming polls it at once
 * and forgets its back-off: an editor who resumes a source wants to see whether it works now.
 */
export async function setFeedSourcePaused(actor: Actor, input: unknown): Promise<{ id: string; version: number; paused: boolean }> {
  assertCan(actor, "feed.manage");
  const data = parseInput(ZSetFeedSourcePaused, input);
  return db.$transaction(async (tx) => {
    const current = await tx.feedSource.findFirst({ where: { id: data.feedSourceId, storyId: data.storyId }, select: { id: true, paused: true, version: true } });
    if (!current) throw notFound("That feed source");
    await expectVersion(current.version, data.version, () => conflict(STALE_FEED_SOURCE));
    if (current.paused === data.paused) return { id: current.id, version: current.version, paused: current.paused };
    const version = await lockedUpdate(
      tx.feedSource,
      { where: { id: current.id }, version: current.version, data: { paused: data.paused, ...(data.paused ? {} : { nextPollAt: new Date(), consecutiveFailures: 0 }) } },
      () => conflict(STALE_FEED_SOURCE),
    );
    if (!data.paused) await enqueueJob(tx, "poll-feed-source", { feedSourceId: current.id }, { jobKey: pollJobKey(current.id) });
    await audit(tx, {
      actorId: actor.id,
      action: data.paused ? "feed_source.pause" : "feed_source.resume",
      entityType: "feed_source",
      entityId: current.id,
      storyId: data.storyId,
      before: { paused: current.paused },
      after: { paused: data.paused },
    });
    return { id: current.id, version, paused: data.paused };
  });
}
