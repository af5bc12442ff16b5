import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors/domain-errors";
import { isUuid } from "@/lib/http/uuid";
import type { FeedKind } from "@/lib/generated/prisma/enums";
import type { ImportResult } from "@/lib/reports/import-files";

/** A feed source with its health, as the story's Feeds page shows it. */
export type FeedSourceView = {
  id: string;
  kind: FeedKind;
  name: string;
  location: string;
  defaultSource: string | null;
  intervalMinutes: number;
  paused: boolean;
  version: number;
  createdBy: string;
  createdAt: Date;
  nextPollAt: Date;
  lastPolledAt: Date | null;
  lastSuccessAt: Date | null;
  lastErrorAt: Date | null;
  lastError: string | null;
  consecutiveFailures: number;
  itemsTaken: number;
  lastResults: ImportResult[];
  /** healthy: the last poll worked; failing: it did not (backing off); new: not polled yet */
  health: "healthy" | "failing" | "new" | "paused";
};

/** A story's feed sources with their health, oldest first. Anyone who can read the story sees them. */
export async function listFeedSources(actor: Actor, storyId: string): Promise<FeedSourceView[]> {
  assertCan(actor, "story.read");
  if (!isUuid(storyId)) throw notFound("That story");
  const story = await db.story.findUnique({
    where: { id: storyId },
    select: { feedSources: { orderBy: { createdAt: "asc" }, include: { createdBy: { select: { name: true } } } } },
  });
  if (!story) throw notFound("That story");
  return story.feedSources.map((source) => ({
    id: source.id,
    kind: source.kind,
    name: source.name,
    location: source.location,
    defaultSource: source.defaultSource,
    intervalMinutes: Math.round(source.intervalSeconds / 60),
    paused: source.paused,
    version: source.version,
    createdBy: source.createdBy.name,
    createdAt: source.createdAt,
    nextPollAt: source.nextPollAt,
    lastPolledAt: source.lastPolledAt,
    lastSuccessAt: source.lastSuccessAt,
    lastErrorAt: source.lastErrorAt,
    lastError: source.lastError,
    consecutiveFailures: source.consecutiveFailures,
    itemsTaken: source.itemsTaken,
    lastResults: Array.isArray(source.lastResults) ? (source.lastResults as ImportResult[]) : [],
    health: source.paused ? "paused" : source.consecutiveFailures > 0 ? "failing" : source.lastSuccessAt ? "healthy" : "new",
  }));
}
