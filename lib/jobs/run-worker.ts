import "server-only";
import { run, type Runner } from "graphile-worker";
import { quietQueueLogger } from "./queue-logger";
import { taskList } from "./task-list";

export const FEED_SCHEDULER_CRONTAB = "* * * * * poll-due-feeds ?max=1";

/**
 * Starts a queue worker in this process. Several processes (or machines) may run one against
 * the same database: graphile-worker hands each job to exactly one of them (SKIP LOCKED).
 */
export async function startWorker(options: { connectionString: string; concurrency: number; pollInterval?: number }): Promise<Runner> {
  return run({
    connectionString: options.connectionString,
    concurrency: options.concurrency,
    // one pool connection per concurrent job, plus LISTEN and housekeeping
    maxPoolSize: options.concurrency + 2,
    pollInterval: options.pollInterval ?? 2000,
    noHandleSignals: true,
    // the feed scheduler: each minute, queue a poll for every feed source that is due (one
    // scheduler job per minute across all workers: graphile-worker's cron is deduplicated)
    crontab: FEED_SCHEDULER_CRONTAB,
    logger: quietQueueLogger,
    taskList,
  });
}
