/**
 * `npm run bench:parse`: what heavy parsing costs, and whether it stays off the request path.
 *  1. Parse time of a ~1 MB news page and of a 1,000-entry RSS feed (the parser alone, in this
 *     process, median of 3), and of the same page through the worker-thread pool.
 *  2. Against `next start` (the production build): the p95 of a light request (GET /stories)
 *     when the server is idle, then while 4 clients import large HTML pages at once through the
 *     upload route, in the same run.
 *
 * Server: DATABASE_URL's when set, else the embedded PostgreSQL; a throw-away database is created
 * and dropped. Requires `npx next build` first.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { hashPassword } from "../lib/auth/password";
import { largeFeed, largeHtmlPage } from "../lib/testing/large-inputs";
import { createBenchDatabase, finishBench, startBenchRun } from "./lib/bench-run";
import { freePort, signIn, startNextServer, timedGet, type NextServer } from "./lib/next-server";
import { seedStories } from "./lib/seed-stories";
import { round, summarize, table, type Summary } from "./lib/stats";

const PAGE_BYTES = 1024 * 1024;
const FEED_ENTRIES = 1000;
const CONCURRENT_IMPORTS = 4;
const LIGHT_REQUESTS = 60;
const WARMUP = 10;
const TIME_LIMIT_MS = 20 * 60 * 1000;
const EDITOR = { email: "bench-parse@wiredesk.test", name: "Bench Parser", password: "bench-password-1234" };

const root = fileURLToPath(new URL("..", import.meta.url));
process.chdir(root);
const run = startBenchRun(TIME_LIMIT_MS);
let nextServer: NextServer | undefined;

const ms = (value: number) => value.toFixed(1);
const encode = (text: string) => new TextEncoder().encode(text);

async function medianOf(times: number, work: () => Promise<unknown> | unknown): Promise<number> {
  const samples: number[] = [];
  for (let index = 0; index < times; index++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return summarize(samples).p50;
}

async function lightRequests(baseUrl: string, cookie: string, count: number, mustContain: string): Promise<Summary & { failures: number }> {
  const samples: number[] = [];
  let failures = 0;
  for (let index = 0; index < count; index++) {
    const result = await timedGet(`${baseUrl}/stories`, cookie);
    samples.push(result.ms);
    if (result.status !== 200 || !result.body.includes(mustContain)) failures++;
  }
  return { ...summarize(samples), failures };
}

/** One client importing pages one after another until told to stop; returns each import's time and outcome. */
async function importLoop(baseUrl: string, cookie: string, storyId: string, client: number, stop: { now: boolean }): Promise<{ ms: number; outcome: string; reason: string | null }[]> {
  const done: { ms: number; outcome: string; reason: string | null }[] = [];
  for (let round_ = 0; !stop.now; round_++) {
    const page = largeHtmlPage(PAGE_BYTES).replace("River floods Tarrow valley", `River floods Tarrow valley (client ${client}, round ${round_}, ${randomBytes(3).toString("hex")})`);
    const form = new FormData();
    form.append("files", new Blob([page], { type: "text/html" }), `page-${client}-${round_}.html`);
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/stories/${storyId}/imports`, { method: "POST", body: form, headers: { cookie, origin: baseUrl }, signal: AbortSignal.timeout(120_000) });
    const body = (await response.json().catch(() => ({}))) as { results?: { outcome: string; reason: string | null }[]; error?: string };
    done.push({ ms: performance.now() - started, outcome: response.status === 200 ? (body.results?.[0]?.outcome ?? "none") : `HTTP ${response.status}`, reason: body.results?.[0]?.reason ?? body.error ?? null });
  }
  return done;
}

async function main(): Promise<{ code: number; summary?: string }> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.error("bench: no production build (.next/BUILD_ID is missing). Run `npx next build` first.");
    return { code: 1 };
  }

  // 1. The parser alone.
  const { parseUpload } = await import("../lib/reports/parse/parse-upload");
  const { parseUploadOffThread, closeParsePool } = await import("../lib/reports/parse-off-thread");
  run.defer("stop the parse pool", closeParsePool);
  const page = { name: "page.html", bytes: encode(largeHtmlPage(PAGE_BYTES)), contentType: "text/html" };
  const feed = { name: "feed.xml", bytes: encode(largeFeed(FEED_ENTRIES)), contentType: "application/rss+xml" };
  const pageCheck = parseUpload(page);
  const feedCheck = parseUpload(feed);
  if (!pageCheck.ok || !feedCheck.ok || feedCheck.reports.length !== FEED_ENTRIES) throw new Error("the bench inputs did not parse as expected");
  const pageMs = await medianOf(3, () => parseUpload(page));
  const feedMs = await medianOf(3, () => parseUpload(feed));
  await parseUploadOffThread(page); // starts a thread, so the figure below is the parse, not the start
  const pageOffThreadMs = await medianOf(3, () => parseUploadOffThread(page));
  await closeParsePool();
  console.log(table([
    ["parse (median of 3)", "bytes", "ms"],
    [`HTML page, ${pageCheck.reports[0]!.paragraphs.length} paragraphs`, String(page.bytes.byteLength), ms(pageMs)],
    [`RSS feed, ${FEED_ENTRIES} entries`, String(feed.bytes.byteLength), ms(feedMs)],
    ["HTML page through the worker-thread pool", String(page.bytes.byteLength), ms(pageOffThreadMs)],
  ]));

  // 2. Light requests, idle and under 4 concurrent large imports.
  const benchDb = await createBenchDatabase(run);
  run.defer("stop next start", async () => nextServer?.stop());
  const seedClient = new pg.Client({ connectionString: benchDb.url });
  await seedClient.connect();
  const seed = await seedStories(seedClient, { stories: 1000, editor: { email: EDITOR.email, name: EDITOR.name, passwordHash: await hashPassword(EDITOR.password) } }).finally(() => seedClient.end());
  const port = await freePort();
  nextServer = await startNextServer({
    port,
    readyTimeoutMs: 90_000,
    env: { DATABASE_URL: benchDb.url, NEXTAUTH_SECRET: `bench-${randomBytes(24).toString("hex")}`, NEXTAUTH_URL: `http://127.0.0.1:${port}`, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  const cookie = await signIn(nextServer.baseUrl, EDITOR.email, EDITOR.password);
  const storyId = await (async () => {
    const client = new pg.Client({ connectionString: benchDb.url });
    await client.connect();
    try {
      return (await client.query<{ id: string }>(`SELECT id FROM "Story" WHERE status = 'ACTIVE' ORDER BY "lastActivityAt" DESC LIMIT 1`)).rows[0]!.id;
    } finally {
      await client.end();
    }
  })();

  await lightRequests(nextServer.baseUrl, cookie, WARMUP, seed.firstPageTitle);
  const idle = await lightRequests(nextServer.baseUrl, cookie, LIGHT_REQUESTS, seed.firstPageTitle);

  const stop = { now: false };
  const loops = Array.from({ length: CONCURRENT_IMPORTS }, (_, client) => importLoop(nextServer!.baseUrl, cookie, storyId, client, stop));
  // let the imports get going (upload, queue, parse) before measuring
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const loaded = await lightRequests(nextServer.baseUrl, cookie, LIGHT_REQUESTS, seed.firstPageTitle);
  stop.now = true;
  const imports = (await Promise.all(loops)).flat();
  await nextServer.stop();
  nextServer = undefined;

  const importTimes = summarize(imports.map((entry) => entry.ms));
  const outcomes = imports.reduce<Record<string, number>>((counts, entry) => ({ ...counts, [entry.outcome]: (counts[entry.outcome] ?? 0) + 1 }), {});
  console.log("");
  console.log(table([
    ["GET /stories (light request)", "n", "p50 ms", "p95 ms", "max ms", "bad"],
    ["idle", String(idle.n), ms(idle.p50), ms(idle.p95), ms(idle.max), String(idle.failures)],
    [`while ${CONCURRENT_IMPORTS} clients import ~1 MB HTML pages`, String(loaded.n), ms(loaded.p50), ms(loaded.p95), ms(loaded.max), String(loaded.failures)],
  ]));
  console.log(`Imports during the measurement: ${imports.length} (${Object.entries(outcomes).map(([outcome, count]) => `${count} ${outcome}`).join(", ")}), p50 ${ms(importTimes.p50)} ms, max ${ms(importTimes.max)} ms.`);
  const refusal = imports.find((entry) => entry.reason)?.reason;
  if (refusal) console.log(`First refusal: ${refusal}`);
  console.log(`p95 under load / idle: ${(loaded.p95 / idle.p95).toFixed(1)}×.`);

  const summary = JSON.stringify({
    bench: "parse-load",
    node: process.version,
    parse: { htmlBytes: page.bytes.byteLength, htmlMs: round(pageMs), feedEntries: FEED_ENTRIES, feedMs: round(feedMs), htmlOffThreadMs: round(pageOffThreadMs) },
    stories: { idle, loaded, concurrentImports: CONCURRENT_IMPORTS },
    imports: { count: imports.length, outcomes, ...importTimes },
  });
  return { code: idle.failures + loaded.failures > 0 ? 1 : 0, summary };
}

await finishBench(run, main, () => {
  if (nextServer) console.error(`Last output of next start:\n${nextServer.output()}`);
});
