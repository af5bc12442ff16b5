/**
 * `npm run bench:claims`: seeds a story with 5,000 claims across 300 reports (and a few other
 * stories of the same size, so the indexes must pick the right story) into a throw-away
 * database, then measures the claims board as the domain function listBoardClaims called
 * directly: unfiltered, a status filter, a text search and an assignee filter, with a trivial
 * `SELECT 1` through the same Prisma client as a same-run baseline. Prints EXPLAIN (ANALYZE,
 * BUFFERS) of the exact SQL the board issues for the status filter and the text search, then a
 * table and, last, one JSON line with every figure.
 *
 * Server: DATABASE_URL's when set, else the embedded PostgreSQL. The database
 * `wiredesk_bench_<random>` is created, migrated, and dropped at the end, also on failure,
 * Ctrl-C or the overall time limit.
 */
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { Actor } from "../lib/auth/permissions";
import { ZBoardQuery } from "../lib/claims/schemas";
import { seedClaims } from "./lib/seed-claims";
import { round, summarize, table, type Summary } from "./lib/stats";
import { createBenchDatabase, finishBench, startBenchRun } from "./lib/bench-run";

const CLAIMS = 5000;
const REPORTS = 300;
const NOISE_STORIES = 3;
const RUNS = 200;
const WARMUP = 20;
const TARGET_P95_MS = 200;
const TIME_LIMIT_MS = 10 * 60 * 1000;
const EDITOR = { email: "bench-editor@wiredesk.test", name: "Bench Editor" };

const root = fileURLToPath(new URL("..", import.meta.url));
process.chdir(root);

// ───────────── cleanup: runs once, on success, failure, signal or time limit ─────────────

const run = startBenchRun(TIME_LIMIT_MS);
let disconnectPrisma: (() => Promise<void>) | undefined;

async function timeCalls(count: number, call: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await call();
    samples.push(performance.now() - started);
  }
  return samples;
}

const ms = (value: number) => value.toFixed(1);

/** Index names an EXPLAIN plan reads, in order of first appearance. */
function indexesIn(plan: string): string[] {
  return [...new Set([...plan.matchAll(/(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) "?([A-Za-z0-9_]+)"?/g)].map((match) => match[1]!))];
}

async function main(): Promise<{ code: number; summary?: string }> {
  // 1. A server, and a fresh database on it.
  const benchDb = await createBenchDatabase(run);
  const benchUrl = benchDb.url;
  const serverVersion = benchDb.serverVersion;
  run.defer("disconnect Prisma", async () => disconnectPrisma?.());

  // 2. Seed.
  const seedClient = new pg.Client({ connectionString: benchUrl });
  await seedClient.connect();
  let seed;
  try {
    seed = await seedClaims(seedClient, { claims: CLAIMS, reports: REPORTS, noiseStories: NOISE_STORIES, editor: EDITOR });
  } finally {
    await seedClient.end();
  }
  console.log(`Seeded in ${ms(seed.ms)} ms (including VACUUM ANALYZE): ` + Object.entries(seed.rows).map(([name, n]) => `${name} ${n}`).join(", "));

  // 3. The domain function, in this process.
  process.env.DATABASE_URL = benchUrl;
  const { listBoardClaims, boardQueries } = await import("../lib/claims/list-board-claims");
  const { db } = await import("../lib/db/client");
  const { Prisma } = await import("../lib/generated/prisma/client");
  disconnectPrisma = () => db.$disconnect();
  const actor: Actor = seed.editor;

  const cases: [label: string, query: Record<string, string>][] = [
    ["unfiltered (sort: updated)", {}],
    ["status=IN_PROGRESS", { status: "IN_PROGRESS" }],
    [`q="${seed.searchWord}"`, { q: seed.searchWord }],
    ["assignee=me", { assignee: "me" }],
    ["sort=report, page 10", { sort: "report", page: "10" }],
  ];
  const figures: Record<string, Summary & { total: number }> = {};
  const baselineSamples = async () => summarize(await timeCalls(RUNS, () => db.$queryRaw`SELECT 1`));
  await timeCalls(WARMUP, () => db.$queryRaw`SELECT 1`);
  const baseline = await baselineSamples();
  for (const [label, query] of cases) {
    const first = await listBoardClaims(actor, seed.storyId, query);
    if (first.claims.length === 0) throw new Error(`listBoardClaims(${JSON.stringify(query)}) returned no claims`);
    await timeCalls(WARMUP, () => listBoardClaims(actor, seed.storyId, query));
    figures[label] = { ...summarize(await timeCalls(RUNS, () => listBoardClaims(actor, seed.storyId, query))), total: first.total };
  }

  // 4. The plans of the very SQL the board sends (same builder, same parameters).
  const plans: Record<string, { indexes: string[]; executionMs: number }> = {};
  for (const [index, [label, query]] of [cases[1]!, cases[2]!].entries()) {
    const sql = boardQueries(actor, seed.storyId, ZBoardQuery.parse(query));
    // the filter choices do not depend on the query: one plan of them is enough
    const parts = [["page", sql.page], ["counts", sql.counts], ...(index === 0 ? [["filter choices", sql.choices] as const] : [])] as const;
    for (const [part, statement] of parts) {
      const result = await db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${statement}`);
      const plan = result.map((row) => row["QUERY PLAN"]).join("\n");
      const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN);
      plans[`${label} ${part}`] = { indexes: indexesIn(plan), executionMs };
      console.log(`\nEXPLAIN (ANALYZE, BUFFERS) ${part} query for ${label}:\n${plan}`);
    }
  }
  await db.$disconnect();
  disconnectPrisma = undefined;

  // Report.
  const rows: string[][] = [["listBoardClaims(actor, story, …)", "matches", "n", "p50 ms", "p95 ms", "max ms", "mean ms"]];
  rows.push(["SELECT 1 (baseline, same client)", "", String(baseline.n), ms(baseline.p50), ms(baseline.p95), ms(baseline.max), ms(baseline.mean)]);
  for (const [label, s] of Object.entries(figures)) rows.push([label, String(s.total), String(s.n), ms(s.p50), ms(s.p95), ms(s.max), ms(s.mean)]);
  console.log("");
  console.log(`Claims board, ${CLAIMS} claims across ${REPORTS} reports (+${NOISE_STORIES} other stories alike), ${RUNS} sequential calls each after ${WARMUP} warm-up:`);
  console.log(table(rows));
  console.log("");
  for (const [label, plan] of Object.entries(plans)) console.log(`plan ${label}: ${plan.executionMs} ms, indexes ${plan.indexes.join(", ") || "NONE"}`);

  const worst = Math.max(...Object.values(figures).map((s) => s.p95));
  const met = worst < TARGET_P95_MS;
  console.log("");
  console.log(`Worst board p95 ${ms(worst)} ms: ${met ? "under" : "OVER"} the ${TARGET_P95_MS} ms target (SELECT 1 baseline p95 ${ms(baseline.p95)} ms).`);
  const summary = JSON.stringify({
    bench: "claims-board",
    claims: CLAIMS,
    reports: REPORTS,
    noiseStories: NOISE_STORIES,
    runs: RUNS,
    warmup: WARMUP,
    postgres: serverVersion,
    node: process.version,
    seed: { ms: round(seed.ms), rows: seed.rows },
    baseline,
    domain: figures,
    plans,
    targetP95Ms: TARGET_P95_MS,
    met,
  });
  return { code: met ? 0 : 1, summary };
}

await finishBench(run, main);
