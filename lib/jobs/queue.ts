import "server-only";
import type { Tx } from "@/lib/db/client";

/*
 * The background job queue is graphile-worker (Postgres, SKIP LOCKED): jobs are rows in the
 * graphile_worker schema, so adding one inside a domain transaction commits or rolls back with
 * the change that asked for it, and any number of worker processes share the work.
 */

/** The tasks workers run (lib/jobs/task-list.ts) and the payload each one takes. */
export type JobPayloads = {
  "analyze-report": { reportId: string };
  "reanalyze-story": { storyId: string };
  "refresh-fact": { storyId: string; factId: string };
  "publish-public-output": { slug: string };
  "poll-feed-source": { feedSourceId: string };
  "poll-due-feeds": Record<string, never>;
};
export type JobName = keyof JobPayloads;

/** Attempts before a job is given up (graphile's default of 25 hides failures for a day). */
export const JOB_MAX_ATTEMPTS = 5;

/**
 * Adds a job in the caller's transaction. Jobs with the same `queueName` run one at a time, in
 * order. `jobKey` dedupes: a job with the same key that has not
 * started yet is replaced (so ten quick changes to one report queue one analysis); one that is
 * running keeps running and a fresh job is queued after it.
 */
export async function enqueueJob<N extends JobName>(
  tx: Tx,
  name: N,
  payload: JobPayloads[N],
  options: { jobKey?: string; runAt?: Date | null; queueName?: string; maxAttempts?: number } = {},
): Promise<void> {
  // run_at null means now; a held (embargoed) report's analysis waits for its release time
  await tx.$queryRaw`
    SELECT 1 FROM graphile_worker.add_job(
      identifier => ${name}::text,
      payload => ${JSON.stringify(payload)}::json,
      run_at => ${options.runAt ?? null}::timestamptz,
      max_attempts => ${options.maxAttempts ?? JOB_MAX_ATTEMPTS}::int,
      job_key => ${options.jobKey ?? null}::text,
      queue_name => ${options.queueName ?? null}::text)`;
}
