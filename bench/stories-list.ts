/**
 * `npm run bench:stories`: seeds 1,000 stories with activity into a throw-away database and
 * measures the stories list, (a) as the domain function listStories called directly and (b) as
 * the real /stories page served by `next start` from the production build, with /login as a
 * same-run baseline. Prints a table and, last, one JSON line with every figure.
 *
 * Server: DATABASE_URL's when set, else the embedded PostgreSQL. The database
 * `wiredesk_bench_<random>` is created, migrated, and dropped at the end, also on failure,
 * Ctrl-C or the overall time limit. Requires `npx next build` first.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { hashPassword } from "../lib/auth/password";
import type { Actor } from "../lib/auth/permissions";
import { freePort, signIn, startNextServer, timedGet, type NextServer } from "./lib/next-server";
import { seedStories } from "./lib/seed-stories";
import { round, summarize, table, type Summary } from "./lib/stats";
import { createBenchDatabase, finishBench, startBenchRun } from "./lib/bench-run";

const STORIES = 1000;
const RUNS = 200;
const WARMUP = 20;
const TARGET_P95_MS = 150;
const TIME_LIMIT_MS = 10 * 60 * 1000;
const EDITOR = { email: "bench-editor@wiredesk.test", name: "Bench Editor", password: "bench-password-1234" };

const root = fileURLToPath(new URL("..", import.meta.url));
process.chdir(root);

// ───────────── cleanup: runs once, on success, failure, signal or time limit ─────────────

const run = startBenchRun(TIME_LIMIT_MS);
let nextServer: NextServer | undefined;
let disconnectPrisma: (() => Promise<void>) | undefined;

// ───────────── measurement helpers ─────────────

async function timeCalls(count: number, call: () => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await call();
    samples.push(performance.now() - started);
  }
  return samples;
}

type HttpCase = { label: string; path: string; cookie?: string; mustContain: string };
type HttpResult = Summary & { ttfbP50: number; bytes: number; failures: number; firstFailure?: string };

/** Round-robin over the cases so drift on this shared machine hits every case alike. */
async function measureHttp(baseUrl: string, cases: HttpCase[], warmup: number, runs: number): Promise<Record<string, HttpResult>> {
  const samples = cases.map(() => ({ ms: [] as number[], ttfb: [] as number[], bytes: 0, failures: 0, firstFailure: undefined as string | undefined }));
  for (let pass = 0; pass < warmup + runs; pass++) {
    for (const [index, item] of cases.entries()) {
      const result = await timedGet(baseUrl + item.path, item.cookie);
      if (pass < warmup) continue;
      const bucket = samples[index]!;
      bucket.ms.push(result.ms);
      bucket.ttfb.push(result.ttfbMs);
      bucket.bytes = result.body.length;
      if (result.status !== 200 || !result.body.includes(item.mustContain)) {
        bucket.failures++;
        bucket.firstFailure ??= `status ${result.status}, ${result.body.includes(item.mustContain) ? "has" : "lacks"} "${item.mustContain}"`;
      }
    }
  }
  return Object.fromEntries(
    cases.map((item, index) => {
      const bucket = samples[index]!;
      return [
        item.label,
        { ...summarize(bucket.ms), ttfbP50: summarize(bucket.ttfb).p50, bytes: bucket.bytes, failures: bucket.failures, firstFailure: bucket.firstFailure },
      ];
    }),
  );
}

const ms = (value: number) => value.toFixed(1);

// ───────────── the run ─────────────

async function main(): Promise<{ code: number; summary?: string }> {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) {
    console.error("bench: no production build (.next/BUILD_ID is missing). Run `npx next build` first, then run this again.");
    return { code: 1 };
  }
  console.log(`Production build ${readFileSync(buildId, "utf8").trim()}`);

  // 1. A server, and a fresh database on it.
  const benchDb = await createBenchDatabase(run);
  const benchUrl = benchDb.url;
  const serverVersion = benchDb.serverVersion;
  run.defer("stop next start", async () => nextServer?.stop());
  run.defer("disconnect Prisma", async () => disconnectPrisma?.());

  // 2. Seed.
  const seedClient = new pg.Client({ connectionString: benchUrl });
  await seedClient.connect();
  let seed;
  try {
    seed = await seedStories(seedClient, { stories: STORIES, editor: { email: EDITOR.email, name: EDITOR.name, passwordHash: await hashPassword(EDITOR.password) } });
  } finally {
    await seedClient.end();
  }
  const totalRows = Object.values(seed.rows).reduce((sum, n) => sum + n, 0);
  console.log(`Seeded ${totalRows} rows in ${ms(seed.ms)} ms (including ANALYZE):`);
  console.log("  " + Object.entries(seed.rows).map(([name, n]) => `${name} ${n}`).join(", "));
  console.log(`  ${seed.activeStories} active stories; search word "${seed.searchWord}".`);

  // 3a. The domain function, in this process.
  process.env.DATABASE_URL = benchUrl;
  const { listStories } = await import("../lib/stories/list-stories");
  const { db } = await import("../lib/db/client");
  disconnectPrisma = () => db.$disconnect();
  const actor: Actor = seed.editor;
  const check = async (query: Record<string, unknown>, title: string) => {
    const list = await listStories(actor, query);
    if (!list.stories.some((story) => story.title === title)) throw new Error(`listStories(${JSON.stringify(query)}) lacks "${title}"`);
  };
  const domainCases: [string, Record<string, unknown>, string][] = [
    ["listStories(actor, {})", {}, seed.firstPageTitle],
    ["listStories(actor, {page: 10})", { page: 10 }, seed.page10Title],
    [`listStories(actor, {q: "${seed.searchWord}"})`, { q: seed.searchWord }, seed.searchTitle],
  ];
  const domain: Record<string, Summary> = {};
  for (const [label, query, title] of domainCases) {
    await check(query, title);
    await timeCalls(WARMUP, () => listStories(actor, query).then(() => undefined));
    domain[label] = summarize(await timeCalls(RUNS, () => listStories(actor, query).then(() => undefined)));
  }
  await db.$disconnect();
  disconnectPrisma = undefined;

  // 3b/3c. The real pages over HTTP.
  const port = await freePort();
  nextServer = await startNextServer({
    port,
    readyTimeoutMs: 90_000,
    env: {
      DATABASE_URL: benchUrl,
      NEXTAUTH_SECRET: `bench-${randomBytes(24).toString("hex")}`,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
  });
  console.log(`next start listening on ${nextServer.baseUrl} (pid ${nextServer.pid}).`);
  const cookie = await signIn(nextServer.baseUrl, EDITOR.email, EDITOR.password);
  const query = encodeURIComponent(seed.searchWord);
  const cases: HttpCase[] = [
    { label: "GET /stories", path: "/stories", cookie, mustContain: seed.firstPageTitle },
    { label: "GET /login (baseline, signed out)", path: "/login", mustContain: "Sign in" },
    { label: "GET /stories?page=10", path: "/stories?page=10", cookie, mustContain: seed.page10Title },
    { label: `GET /stories?q=${query}`, path: `/stories?q=${query}`, cookie, mustContain: seed.searchTitle },
  ];
  const http = await measureHttp(nextServer.baseUrl, cases, WARMUP, RUNS);
  await nextServer.stop();
  nextServer = undefined;

  // Report.
  const rows: string[][] = [["measurement", "n", "p50 ms", "p95 ms", "max ms", "mean ms", "TTFB p50", "bytes", "bad"]];
  for (const [label, s] of Object.entries(domain)) rows.push([label, String(s.n), ms(s.p50), ms(s.p95), ms(s.max), ms(s.mean), "", "", ""]);
  for (const [label, s] of Object.entries(http)) {
    rows.push([label, String(s.n), ms(s.p50), ms(s.p95), ms(s.max), ms(s.mean), ms(s.ttfbP50), String(s.bytes), String(s.failures)]);
  }
  console.log("");
  console.log(`Stories list, ${STORIES} stories, ${RUNS} sequential requests each after ${WARMUP} warm-up (HTTP cases interleaved):`);
  console.log(table(rows));

  const stories = http["GET /stories"]!;
  const login = http["GET /login (baseline, signed out)"]!;
  const failures = Object.entries(http).filter(([, s]) => s.failures > 0);
  for (const [label, s] of failures) console.error(`bench: ${label}: ${s.failures} bad responses, first: ${s.firstFailure}`);
  const met = stories.p95 < TARGET_P95_MS;
  console.log("");
  console.log(
    `GET /stories p95 ${ms(stories.p95)} ms: ${met ? "under" : "OVER"} the ${TARGET_P95_MS} ms target ` +
      `(/login baseline p95 ${ms(login.p95)} ms; difference ${ms(stories.p95 - login.p95)} ms).`,
  );
  const summary = JSON.stringify({
    bench: "stories-list",
    stories: STORIES,
    runs: RUNS,
    warmup: WARMUP,
    postgres: serverVersion,
    node: process.version,
    seed: { ms: round(seed.ms), rows: seed.rows },
    domain,
    http,
    targetP95Ms: TARGET_P95_MS,
    met,
  });
  return { code: failures.length > 0 ? 1 : 0, summary };
}

await finishBench(run, main, () => {
  if (nextServer) console.error(`Last output of next start:\n${nextServer.output()}`);
});
