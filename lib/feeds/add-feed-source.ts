import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { conflict, invalid, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { enqueueJob } from "@/lib/jobs/queue";
import { feedFetchLimits, feedFolderRoot } from "./feed-access";
import { hostRefusal } from "./fetch-feed-document";
import { ZAddFeedSource } from "./schemas";
import { resolveWatchedFolder } from "./watched-folder";

export type AddedFeedSource = { id: string; name: string };

/** The job key that keeps one pending poll per source, however often it is asked for. */
export const pollJobKey = (feedSourceId: string) => `feed-source:${feedSourceId}`;

/**
 * Subscribes a story to a feed source and queues its first poll. The URL must point at a public
 * address (or one the operator allow-listed), and a folder must lie inside FEED_FOLDER_ROOT;
 * the worker checks both again on every poll, since DNS and folders change.
 */
export async function addFeedSource(actor: Actor, input: unknown): Promise<AddedFeedSource> {
  assertCan(actor, "feed.manage");
  const data = parseInput(ZAddFeedSource, input);
  if (data.kind === "FOLDER") {
    const folder = await resolveWatchedFolder(data.location, feedFolderRoot());
    if (!folder.ok) throw invalid(folder.reason, { location: folder.reason });
  } else {
    const refusal = await hostRefusal(new URL(data.location), feedFetchLimits().allowList);
    if (refusal) throw invalid(`The desk will not fetch this URL: ${refusal}.`, { location: `The desk will not fetch this URL: ${refusal}.` });
  }
  try {
    return await db.$transaction(async (tx) => {
      const story = await tx.story.findUnique({ where: { id: data.storyId }, select: { id: true, status: true } });
      if (!story) throw notFound("That story");
      if (story.status === "ARCHIVED") throw conflict("The story is archived; restore it before adding feed sources.");
      const source = await tx.feedSource.create({
        data: {
          storyId: story.id,
          kind: data.kind,
          name: data.name,
          location: data.location,
          defaultSource: data.defaultSource,
          intervalSeconds: data.intervalMinutes * 60,
          createdById: actor.id,
        },
        select: { id: true, name: true },
      });
      await enqueueJob(tx, "poll-feed-source", { feedSourceId: source.id }, { jobKey: pollJobKey(source.id) });
      await audit(tx, {
        actorId: actor.id,
        action: "feed_source.add",
        entityType: "feed_source",
        entityId: source.id,
        storyId: story.id,
        after: { name: data.name, kind: data.kind, location: data.location, defaultSource: data.defaultSource, intervalMinutes: data.intervalMinutes },
      });
      return source;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("This story already subscribes to that feed.");
    throw error;
  }
}
