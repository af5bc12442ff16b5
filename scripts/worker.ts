/**
 * `npm run worker`: one background worker for the desk's job queue (fact analysis). `npm start`
 * runs one beside the app; for more throughput run more of these, on any machine that reaches
 * the database (WIREDESK_WORKER=0 on the app then leaves the work to them). Ctrl-C / SIGTERM
 * lets running jobs finish, then exits.
 *   DATABASE_URL=... WORKER_CONCURRENCY=2 npm run worker
 */
import { workerEnv } from "../lib/env";
import { migrateJobQueue } from "../lib/jobs/migrate-queue";
import { startWorker } from "../lib/jobs/run-worker";

let config;
try {
  config = workerEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

await migrateJobQueue(config.DATABASE_URL);
const runner = await startWorker({ connectionString: config.DATABASE_URL, concurrency: config.WORKER_CONCURRENCY });
console.log(`wiredesk worker: running ${config.WORKER_CONCURRENCY} job(s) at a time (pid ${process.pid}).`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`wiredesk worker: ${signal}, finishing running jobs…`);
  await runner.stop().catch((error: unknown) => console.error(`wiredesk worker: ${String(error)}`));
  const { db } = await import("../lib/db/client");
  await db.$disconnect();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
await runner.promise;
