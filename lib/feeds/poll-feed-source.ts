import "server-only";
import { db } from "@/lib/db/client";
import { actorCan, type Actor } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FeedKind } from "@/lib/generated/prisma/enums";
import { enqueueJob } from "@/lib/jobs/queue";
import { importParseResult, type ImportResult } from "@/lib/reports/import-files";
import { parseUploadOffThread } from "@/lib/reports/parse-off-thread";
import type { ParseFormat } from "@/lib/reports/parse/types";
import { pollJobKey } from "./add-feed-source";
import { backoffSeconds } from "./backoff";
import { feedFetchLimits, feedFolderRoot, FEED_FETCH_TIMEOUT_MS } from "./feed-access";
import { FeedFetchError, fetchFeedDocument, type FetchLimits } from "./fetch-feed-document";
import { readNewFolderFiles, resolveWatchedFolder } from "./watched-folder";

/**
 * A claimed poll holds the source this long; if the worker dies mid-poll, the source becomes due
 * again after it. Longer than any poll can take (fetch timeout plus the imports).
 */
const POLL_LEASE_MS = FEED_FETCH_TIMEOUT_MS + 10 * 60_000;

/** Per-item results kept on the source for its health panel. */
const KEPT_RESULTS = 100;

const ACCEPT: Record<Exclude<FeedKind, "FOLDER">, string> = {
  RSS_ATOM: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1",
  NINJS: "application/ninjs+json, application/json;q=0.9, */*;q=0.1",
  NEWSML_G2: "application/vnd.iptc.g2.newsitem+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1",
};

/** What each kind of endpoint must answer with; anything else (a login page, an error page) is a failure, never a report. */
const EXPECTED_FORMATS: Record<Exclude<FeedKind, "FOLDER">, { formats: ParseFormat[]; label: string }> = {
  RSS_ATOM: { formats: ["rss", "atom"], label: "an RSS or Atom feed" },
  NINJS: { formats: ["ninjs"], label: "ninjs JSON" },
  NEWSML_G2: { formats: ["newsml-g2"], label: "NewsML-G2" },
};

export type PollOutcome =
  /** paused, removed, not due yet, or another worker has it */
  | { status: "skipped" }
  | { status: "not_modified" }
  | { status: "fetched"; results: ImportResult[]; taken: number }
  | { status: "failed"; error: string; nextPollAt: Date };

type ClaimedSource = {
  id: string;
  storyId: string;
  kind: FeedKind;
  name: string;
  location: string;
  defaultSource: string | null;
  intervalSeconds: number;
  etag: string | null;
  lastModified: string | null;
  folderCursor: Date | null;
  consecutiveFailures: number;
  createdById: string;
};

const TAKEN_OUTCOMES = new Set(["imported", "new_version", "held", "killed"]);

/**
 * Polls one feed source if it is due: fetches it (conditional GET, or the folder's new files),
 * imports what it holds through the upload path (a result per item), and records its health.
 * A failure never throws: it is recorded on the source, which then backs off. Only the database
 * failing while recording throws (the queue retries the job).
 */
export async function pollFeedSource(feedSourceId: string, options: { now?: Date; limits?: Partial<FetchLimits> } = {}): Promise<PollOutcome> {
  const now = options.now ?? new Date();
  // claiming pushes nextPollAt out by the lease, so a second worker (or a duplicate job) skips it
  const [source] = await db.$queryRaw<ClaimedSource[]>`
    UPDATE "FeedSource" SET "nextPollAt" = ${new Date(now.getTime() + POLL_LEASE_MS)}, "lastPolledAt" = ${now}
    WHERE id = ${feedSourceId}::uuid AND NOT paused AND "nextPollAt" <= ${now}
    RETURNING id, "storyId", kind, name, location, "defaultSource", "intervalSeconds", etag, "lastModified", "folderCursor", "consecutiveFailures", "createdById"`;
  if (!source) return { status: "skipped" };

  try {
    const actor = await importingActor(source.createdById);
    const limits = { ...feedFetchLimits(), ...options.limits };
    const polled = source.kind === "FOLDER" ? await pollFolder(actor, source) : await pollEndpoint(actor, source, limits);
    const taken = polled.results.filter((result) => TAKEN_OUTCOMES.has(result.outcome)).length;
    await db.feedSource.updateMany({
      where: { id: source.id },
      data: {
        nextPollAt: new Date(now.getTime() + source.intervalSeconds * 1000),
        lastSuccessAt: new Date(),
        consecutiveFailures: 0,
        itemsTaken: { increment: taken },
        ...(polled.validators ? { etag: polled.validators.etag, lastModified: polled.validators.lastModified } : {}),
        ...(polled.folderCursor ? { folderCursor: polled.folderCursor } : {}),
        ...(polled.fetched ? { lastResults: polled.results.slice(0, KEPT_RESULTS) as unknown as Prisma.InputJsonValue } : {}),
      },
    });
    return polled.fetched ? { status: "fetched", results: polled.results, taken } : { status: "not_modified" };
  } catch (error) {
    const message = failureMessage(error);
    const failures = source.consecutiveFailures + 1;
    const nextPollAt = new Date(now.getTime() + backoffSeconds(source.intervalSeconds, failures) * 1000);
    await db.feedSource.updateMany({
      where: { id: source.id },
      data: { nextPollAt, lastErrorAt: new Date(), lastError: message.slice(0, 1000), consecutiveFailures: failures },
    });
    return { status: "failed", error: message, nextPollAt };
  }
}

/** Expected failures keep their words; anything else (a bug, the database) is logged and named briefly. */
function failureMessage(error: unknown): string {
  if (error instanceof FeedFetchError) return error.message;
  console.error("feed poll failed unexpectedly", error);
  const firstLine = (error instanceof Error ? error.message : String(error)).split("\n").find((line) => line.trim()) ?? "unknown error";
  return `the poll failed (${firstLine.trim().slice(0, 300)})`;
}

/** Imports run as the editor who added the source, so they are audited in their name, and stop if they may no longer import. */
async function importingActor(userId: string): Promise<Actor> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true, name: true, email: true, active: true } });
  if (!user || !user.active || !actorCan(user, "report.import")) {
    throw new FeedFetchError("the person who added this source can no longer import reports; an editor should add it again");
  }
  return { id: user.id, role: user.role, name: user.name, email: user.email };
}

type Polled = {
  /** false when nothing new was fetched (304, or no new files) */
  fetched: boolean;
  results: ImportResult[];
  validators?: { etag: string | null; lastModified: string | null };
  folderCursor?: Date;
};

async function pollEndpoint(actor: Actor, source: ClaimedSource, limits: FetchLimits): Promise<Polled> {
  const kind = source.kind as Exclude<FeedKind, "FOLDER">;
  const answer = await fetchFeedDocument(source.location, { etag: source.etag, lastModified: source.lastModified }, ACCEPT[kind], limits);
  if (answer.status === "not_modified") return { fetched: false, results: [] };
  const parsed = await parseUploadOffThread({ name: source.name, bytes: answer.bytes, contentType: answer.contentType });
  if (!parsed.ok) throw new FeedFetchError(parsed.error);
  const expected = EXPECTED_FORMATS[kind];
  if (!expected.formats.includes(parsed.format)) throw new FeedFetchError(`expected ${expected.label}, but the URL answered with ${parsed.format}`);
  const results = await importParseResult(actor, { storyId: source.storyId, defaultSource: source.defaultSource }, source.name, parsed, "FEED");
  // the validators are kept only once the document is imported: after a failure, the next poll fetches it whole again
  return { fetched: true, results, validators: { etag: answer.etag, lastModified: answer.lastModified } };
}

async function pollFolder(actor: Actor, source: ClaimedSource): Promise<Polled> {
  const folder = await resolveWatchedFolder(source.location, feedFolderRoot());
  if (!folder.ok) throw new FeedFetchError(folder.reason);
  const { files, refused } = await readNewFolderFiles(folder.folder, source.folderCursor);
  if (files.length === 0 && refused.length === 0) return { fetched: false, results: [] };
  const results: ImportResult[] = refused.map(({ name, reason }) => ({ file: name, item: null, outcome: "rejected", headline: null, reportId: null, version: null, reason }));
  let cursor = source.folderCursor;
  let anythingNew = refused.length > 0;
  for (const file of files) {
    const fileResults = await importParseResult(actor, { storyId: source.storyId, defaultSource: source.defaultSource }, file.name, await parseUploadOffThread(file), "FEED");
    // a file at exactly the old cursor was read by the last poll too: its duplicates are no news
    const seenBefore = source.folderCursor !== null && file.arrivedAt.getTime() === source.folderCursor.getTime();
    const news = seenBefore ? fileResults.filter((result) => result.outcome !== "duplicate") : fileResults;
    if (news.length > 0) anythingNew = true;
    results.push(...news);
    if (!cursor || file.arrivedAt > cursor) cursor = file.arrivedAt;
  }
  if (!anythingNew) return { fetched: false, results: [], folderCursor: cursor ?? undefined };
  return { fetched: true, results, folderCursor: cursor ?? undefined };
}

/**
 * Queues a poll for every source that is due (the worker's scheduler runs this each minute).
 * The job key keeps one pending poll per source; polls of different sources run as separate
 * jobs, so a slow or failing source never holds up the others.
 */
export async function queueDueFeedPolls(now = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const due = await tx.feedSource.findMany({ where: { paused: false, nextPollAt: { lte: now } }, select: { id: true }, orderBy: { nextPollAt: "asc" }, take: 500 });
    for (const source of due) await enqueueJob(tx, "poll-feed-source", { feedSourceId: source.id }, { jobKey: pollJobKey(source.id) });
    return due.length;
  });
}
