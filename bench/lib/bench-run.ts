/**
 * The life of a benchmark run, shared by every script in bench/: a throw-away database on
 * DATABASE_URL's server (or the embedded one), and one cleanup that runs exactly once, whether
 * the run succeeds, fails, is interrupted (Ctrl-C) or hits its time limit.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { DatabaseStartupError, resolveDatabaseUrl, withDatabase } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrate";
import { migrateJobQueue } from "../../lib/jobs/migrate-queue";

type Task = { label: string; run: () => Promise<unknown> };

export type BenchRun = {
  /** true once cleanup has begun (an interrupted run's in-flight work then fails on purpose) */
  readonly interrupted: boolean;
  /** Registers cleanup work; tasks run last-registered first, each failure logged, none skipped. */
  defer: (label: string, run: () => Promise<unknown>) => void;
  /** Runs the cleanup (once; later calls return the same promise) and cancels the time limit. */
  cleanUp: () => Promise<void>;
};

/** Starts a run: installs the time limit and the signal handlers that clean up before exiting. */
export function startBenchRun(timeLimitMs: number): BenchRun {
  const tasks: Task[] = [];
  let cleaning: Promise<void> | undefined;
  const cleanUp = () => {
    cleaning ??= (async () => {
      clearTimeout(deadline);
      for (const task of tasks.reverse()) {
        await task.run().catch((error: unknown) => console.error(`could not ${task.label}: ${String(error)}`));
      }
    })();
    return cleaning;
  };
  const deadline = setTimeout(() => {
    console.error(`bench: gave up after ${timeLimitMs / 60_000} minutes.`);
    void cleanUp().finally(() => process.exit(1));
  }, timeLimitMs);
  deadline.unref();
  // `process.on`, not `once`: tsx forwards the terminal's Ctrl-C to us, so it can arrive twice,
  // and a second one without a handler would kill us before the database is dropped.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (cleaning) return;
      console.error(`bench: ${signal}, cleaning up.`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  return {
    get interrupted() {
      return cleaning !== undefined;
    },
    defer: (label, run) => void tasks.push({ label, run }),
    cleanUp,
  };
}

export type BenchDatabase = { url: string; name: string; serverVersion: string; embedded: boolean };

/** A fresh, migrated `wiredesk_bench_<random>` database; dropping it (and stopping an embedded server) is deferred. */
export async function createBenchDatabase(run: BenchRun): Promise<BenchDatabase> {
  const server = await resolveDatabaseUrl({ log: (line) => console.log(line) });
  run.defer("stop the embedded PostgreSQL", () => server.stop());
  const admin = new pg.Client({ connectionString: withDatabase(server.url, "postgres") });
  await admin.connect();
  run.defer("close the admin connection", () => admin.end());
  const name = `wiredesk_bench_${randomBytes(4).toString("hex")}`;
  const serverVersion = (await admin.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
  await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  run.defer(`drop database ${name}`, async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    console.log(`Dropped database ${name}.`);
  });
  console.log(`Created database ${name} on PostgreSQL ${serverVersion}${server.embedded ? " (embedded)" : ""}.`);
  const url = withDatabase(server.url, name);
  const migrated = await applyMigrations({ connectionString: url });
  // imports queue their fact analysis in the same transaction, so the queue's schema must exist
  await migrateJobQueue(url);
  console.log(`Applied ${migrated.applied.length} migration(s) and the job queue's schema.`);
  return { url, name, serverVersion, embedded: server.embedded };
}

/**
 * Runs a bench's `main`, reports its failure (not when the run was interrupted: that was already
 * said), cleans up once, prints the JSON summary as the last line, and exits with main's code.
 * `onFailure` adds context to a failure (e.g. the last output of `next start`).
 */
export async function finishBench(
  run: BenchRun,
  main: () => Promise<{ code: number; summary?: string }>,
  onFailure?: () => void,
): Promise<never> {
  let exitCode = 1;
  let summary: string | undefined;
  try {
    ({ code: exitCode, summary } = await main());
  } catch (error) {
    if (run.interrupted) {
      // interrupted or timed out: the in-flight work failed because cleanup began; already reported
    } else if (error instanceof DatabaseStartupError) console.error(`bench: ${error.message}`);
    else console.error(error);
    onFailure?.();
  } finally {
    await run.cleanUp();
  }
  // Last line: every figure as JSON, for tooling.
  if (summary) console.log(summary);
  process.exit(exitCode);
}
