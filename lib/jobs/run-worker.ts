import "server-only";
import { run, type Runner } from "graphile-worker";
import { quietQueueLogger } from "./queue-logger";
import { taskList } from "./task-list";

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
    // no cron jobs: an empty crontab stops the library looking for a ./crontab file
    crontab: "",
    logger: quietQueueLogger,
    taskList,
  });
}
