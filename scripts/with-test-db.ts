/**
 * Runs a test command against a fresh, migrated database and drops it afterwards:
 *   tsx scripts/with-test-db.ts [--e2e] <command> [args...]
 * The server is DATABASE_URL's when given, else the embedded PostgreSQL. With --e2e it also
 * provides what `next start` needs (auth secret, URL, port) for Playwright's web server, and runs
 * a job-queue worker (scripts/worker.ts) so imported reports get analysed, and a collaboration
 * server (scripts/collab.ts) on COLLAB_PORT (default E2E_PORT + 100) for live co-editing; it shares
 * documents through a Redis of its own (redis-server on a free port), or REDIS_URL's, so browser
 * tests can add a second instance beside it.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../lib/db/migrate";
import { migrateJobQueue } from "../lib/jobs/migrate-queue";
import { redisAnswers } from "../lib/testing/redis-reachable";
import { redisServerBinary, startTestRedis } from "../lib/testing/redis-server";
import { DatabaseStartupError, resolveDatabaseUrl, withDatabase } from "../lib/db/embedded";

const args = process.argv.slice(2);
const e2e = args[0] === "--e2e";
const command = e2e ? args.slice(1) : args;
if (command.length === 0) {
  console.error("usage: with-test-db.ts [--e2e] <command> [args...]");
  process.exit(2);
}

let server;
try {
  server = await resolveDatabaseUrl({ log: () => undefined });
} catch (error) {
  if (error instanceof DatabaseStartupError) {
    console.error(`wiredesk: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

const name = `wiredesk_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const testUrl = withDatabase(server.url, name);
const admin = new pg.Client({ connectionString: withDatabase(server.url, "postgres") });
await admin.connect();
await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
await applyMigrations({ connectionString: testUrl, log: () => undefined });
await migrateJobQueue(testUrl);

// the worker writes the static public site here, never into the project's .data
const publicOutputDir = process.env.PUBLIC_OUTPUT_DIR ?? (e2e ? mkdtempSync(path.join(os.tmpdir(), "wiredesk-e2e-public-")) : undefined);
// the feeds browser test serves its feed from a local HTTP server: the app and the worker may
// fetch from the loopback address (everywhere else private addresses are refused)
const feedAllowList = process.env.FEED_PRIVATE_ADDRESS_ALLOWLIST ?? "127.0.0.1";

// browser tests import reports and expect them analysed, as under `npm start`: a queue worker
// runs beside the app server (integration tests run jobs themselves, deterministically)
const worker = e2e
  ? spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DATABASE_URL: testUrl, WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY ?? "1", PUBLIC_OUTPUT_DIR: publicOutputDir, FEED_PRIVATE_ADDRESS_ALLOWLIST: feedAllowList },
    })
  : undefined;

const port = process.env.E2E_PORT ?? "3107";
const secret = "e2e-secret-not-for-production-0123456789abcdef";
const collabPort = process.env.COLLAB_PORT ?? String(Number(port) + 100);

// browser tests share documents between two collaboration servers through a Redis of their own
// (Debian's redis-server on a free port), unless REDIS_URL names one
const ownRedis = e2e && !process.env.REDIS_URL && redisServerBinary ? await startTestRedis() : undefined;
const redisUrl = e2e ? (process.env.REDIS_URL ?? ownRedis?.url ?? "") : "";
const useRedis = e2e && redisUrl !== "" && (await redisAnswers(redisUrl));
if (e2e && !useRedis) console.log("with-test-db: no Redis (install redis-server, or set REDIS_URL); the collaboration server runs alone and the two-instance browser test is skipped.");
const collab = e2e
  ? spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/collab.ts"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DATABASE_URL: testUrl, NEXTAUTH_SECRET: secret, COLLAB_PORT: collabPort, REDIS_URL: useRedis ? redisUrl : "" },
    })
  : undefined;

const child = spawn(command[0]!, command.slice(1), {
  stdio: "inherit",
  shell: process.platform === "win32",
  env: {
    ...process.env,
    DATABASE_URL: testUrl,
    ...(e2e
      ? {
          NEXTAUTH_SECRET: secret,
          // the browser tests stand in for a reverse proxy on the loopback address: their
          // X-Forwarded-For gives each simulated client its own address
          TRUSTED_PROXIES: "127.0.0.1,::1",
          FEED_PRIVATE_ADDRESS_ALLOWLIST: feedAllowList,
          COLLAB_PORT: collabPort,
          E2E_REDIS_URL: useRedis ? redisUrl : "",
          NEXTAUTH_URL: `http://localhost:${port}`,
          E2E_PORT: port,
          NEXT_TELEMETRY_DISABLED: "1",
          PUBLIC_OUTPUT_DIR: publicOutputDir,
        }
      : {}),
  },
});

let cleaning = false;
async function cleanUp(code: number): Promise<never> {
  if (!cleaning) {
    cleaning = true;
    for (const helper of [worker, collab]) {
      if (helper && helper.exitCode === null) {
        helper.kill("SIGTERM");
        await new Promise((resolve) => helper.once("exit", resolve));
      }
    }
    await ownRedis?.stop();
    if (publicOutputDir && !process.env.PUBLIC_OUTPUT_DIR) rmSync(publicOutputDir, { recursive: true, force: true });
    if (!process.env.KEEP_TEST_DB) {
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`).catch((error: unknown) => {
        console.error(`could not drop test database ${name}: ${String(error)}`);
      });
    } else console.log(`kept test database ${testUrl}`);
    await admin.end().catch(() => undefined);
    await server!.stop().catch(() => undefined);
  }
  process.exit(code);
}

process.on("SIGINT", () => child.kill("SIGINT"));
process.on("SIGTERM", () => child.kill("SIGTERM"));
child.on("exit", (code, signal) => void cleanUp(code ?? (signal ? 1 : 0)));
