/**
 * `tsx --conditions=react-server bench/ingest-concurrency.ts`: 10 concurrent clients post wire
 * reports to POST /api/v1/stories/{id}/reports on `next start` (production build), then the
 * database is checked: no 5xx, one report per external id (or per text, without one), versions
 * 1..n with no gap or repeat, and one audit event per stored report or version.
 *
 * Two phases, both bounded in count:
 *   bursts  40 rounds; in each, all 10 clients send at the same instant, cycling through
 *           (a) the same report 10 times, (b) 10 different reports, (c) one external id with
 *           two different bodies (5 + 5), (d) the same report without an external id 10 times.
 *   steady  10 clients pull 300 requests from one queue as fast as they can: new reports, and
 *           re-sends of reports other clients may still be sending.
 *
 * Server: DATABASE_URL's when set, else the embedded PostgreSQL. The database
 * `wiredesk_bench_<random>` is created, migrated, and dropped at the end, also on failure,
 * Ctrl-C or the time limit. Only 127.0.0.1 is contacted. Requires `npx next build` first.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { generateApiToken } from "../lib/api-tokens/token-format";
import { freePort, startNextServer, type NextServer } from "./lib/next-server";
import { round, summarize, table, type Summary } from "./lib/stats";
import { createBenchDatabase, finishBench, startBenchRun } from "./lib/bench-run";

const CLIENTS = 10;
const BURST_ROUNDS = 40;
const STEADY_REQUESTS = 300;
const STEADY_RESEND_EVERY = 3; // every third steady request re-sends an earlier report
const REQUEST_TIMEOUT_MS = 30_000;
const TIME_LIMIT_MS = 10 * 60 * 1000;

const root = fileURLToPath(new URL("..", import.meta.url));
process.chdir(root);

// ───────────── cleanup: runs once, on success, failure, signal or time limit ─────────────

const run = startBenchRun(TIME_LIMIT_MS);
let nextServer: NextServer | undefined;

// ───────────── workload ─────────────

type WireReport = { source: string; externalId: string | null; headline: string; byline: string; publishedAt: string; body: string };
type Outcome = "imported" | "new_version" | "duplicate" | "rejected";
type Sample = { phase: string; group: string; ms: number; status: number; outcome: Outcome | null; reportId: string | null; version: number | null; error?: string };

const PLACES = ["Kelmore", "Selby", "Lorvan", "Drumhaven", "Askeby", "Tollmere", "Brackwater", "Ostrand"];
const EVENTS = ["bridge reopens", "ferry resumes", "port strike widens", "flood barrier closes", "power restored", "rail line cleared"];

function newReport(label: string, withExternalId = true): WireReport {
  const tag = randomBytes(5).toString("hex");
  const place = PLACES[tag.charCodeAt(0) % PLACES.length]!;
  const event = EVENTS[tag.charCodeAt(1) % EVENTS.length]!;
  const sentence = (n: number) =>
    `Officials in the invented town of ${place} said on Monday that the ${event} story was developing (paragraph ${n}, ref ${tag}). ` +
    `A spokesperson for the fictional authority added that more details would follow later in the day.`;
  return {
    source: ["Northwire", "Meridian Press", "Coastline News"][tag.charCodeAt(2) % 3]!,
    externalId: withExternalId ? `urn:bench:${label}:${tag}` : null,
    headline: `${place}: ${event} (${label} ${tag})`,
    byline: "Bench Desk",
    publishedAt: "2026-06-02T09:30:00Z",
    body: Array.from({ length: 6 }, (_, index) => sentence(index + 1)).join("\n\n"),
  };
}

function amended(report: WireReport): WireReport {
  return { ...report, body: `${report.body}\n\nCorrection: an earlier version of this report misstated the day.` };
}

async function post(url: string, token: string, report: WireReport, phase: string, group: string): Promise<Sample> {
  const started = performance.now();
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(report),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    const ms = performance.now() - started;
    let line: { outcome?: Outcome; reportId?: string; version?: number } | undefined;
    try {
      line = (JSON.parse(text) as { results?: { outcome: Outcome; reportId: string; version: number }[] }).results?.[0];
    } catch {
      /* not JSON: recorded as an error below */
    }
    return {
      phase,
      group,
      ms,
      status: res.status,
      outcome: line?.outcome ?? null,
      reportId: line?.reportId ?? null,
      version: line?.version ?? null,
      error: res.status >= 300 ? text.slice(0, 300) : undefined,
    };
  } catch (error) {
    return { phase, group, ms: performance.now() - started, status: 0, outcome: null, reportId: null, version: null, error: String(error) };
  }
}

type Expected = { reports: number; versions: number };

/** All clients send at the same instant, round after round. */
async function burstPhase(url: string, token: string, samples: Sample[]): Promise<{ ms: number; expected: Expected; groups: Map<string, string> }> {
  const expected: Expected = { reports: 0, versions: 0 };
  const groups = new Map<string, string>(); // group -> kind
  const started = performance.now();
  for (let roundIndex = 0; roundIndex < BURST_ROUNDS; roundIndex++) {
    const kind = (["same", "distinct", "two-bodies", "same-no-id"] as const)[roundIndex % 4]!;
    const group = `${kind}-${roundIndex}`;
    groups.set(group, kind);
    let payloads: WireReport[];
    if (kind === "same") {
      const report = newReport(group);
      payloads = Array.from({ length: CLIENTS }, () => report);
      expected.reports += 1;
      expected.versions += 1;
    } else if (kind === "distinct") {
      payloads = Array.from({ length: CLIENTS }, (_, client) => newReport(`${group}-c${client}`));
      expected.reports += CLIENTS;
      expected.versions += CLIENTS;
    } else if (kind === "two-bodies") {
      const report = newReport(group);
      const other = amended(report);
      payloads = Array.from({ length: CLIENTS }, (_, client) => (client % 2 === 0 ? report : other));
      expected.reports += 1;
      expected.versions += 2;
    } else {
      const report = newReport(group, false);
      payloads = Array.from({ length: CLIENTS }, () => report);
      expected.reports += 1;
      expected.versions += 1;
    }
    samples.push(...(await Promise.all(payloads.map((payload) => post(url, token, payload, "bursts", group)))));
  }
  return { ms: performance.now() - started, expected, groups };
}

/** Clients pull from one queue as fast as they can; re-sends may overlap the original. */
async function steadyPhase(url: string, token: string, samples: Sample[]): Promise<{ ms: number; expected: Expected }> {
  const sent: WireReport[] = [];
  const expected: Expected = { reports: 0, versions: 0 };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let index = next++; index < STEADY_REQUESTS; index = next++) {
        let report: WireReport;
        if (index % STEADY_RESEND_EVERY === STEADY_RESEND_EVERY - 1 && sent.length > 0) {
          report = sent[sent.length - 1 - (index % Math.min(sent.length, CLIENTS))]!;
        } else {
          report = newReport(`steady-${index}`);
          sent.push(report);
          expected.reports += 1;
          expected.versions += 1;
        }
        samples.push(await post(url, token, report, "steady", `steady-${report.externalId}`));
      }
    }),
  );
  return { ms: performance.now() - started, expected };
}

// ───────────── verification ─────────────

type Check = { name: string; ok: boolean; detail: string };

async function verify(client: pg.Client, storyId: string, tokenId: string, samples: Sample[], expected: Expected, burstGroups: Map<string, string>): Promise<Check[]> {
  const checks: Check[] = [];
  const add = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });
  const one = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows;

  const serverErrors = samples.filter((sample) => sample.status >= 500 || sample.status === 0);
  const otherErrors = samples.filter((sample) => sample.status !== 200 && sample.status !== 201 && !(sample.status >= 500 || sample.status === 0));
  add("no 5xx or failed requests", serverErrors.length === 0, `${serverErrors.length} of ${samples.length}${serverErrors[0] ? `; first: ${serverErrors[0].status} ${serverErrors[0].error}` : ""}`);
  add("every request answered 200 or 201", otherErrors.length === 0, `${otherErrors.length} other statuses${otherErrors[0] ? `; first: ${otherErrors[0].status} ${otherErrors[0].error}` : ""}`);

  // what each burst's clients were told agrees with one winner
  let badBursts = 0;
  let firstBad = "";
  for (const [group, kind] of burstGroups) {
    const lines = samples.filter((sample) => sample.group === group);
    const imported = lines.filter((line) => line.outcome === "imported").length;
    const newVersions = lines.filter((line) => line.outcome === "new_version").length;
    const ids = new Set(lines.map((line) => line.reportId));
    const ok =
      kind === "distinct"
        ? imported === CLIENTS && ids.size === CLIENTS
        : kind === "two-bodies"
          ? imported === 1 && newVersions === 1 && ids.size === 1
          : imported === 1 && newVersions === 0 && ids.size === 1;
    if (!ok) {
      badBursts++;
      firstBad ||= `${group}: ${lines.map((line) => line.outcome).join(",")}`;
    }
  }
  add("each burst: exactly one client told 'imported' (and one 'new_version' for two bodies), the rest 'duplicate' of the same report", badBursts === 0, badBursts === 0 ? `${burstGroups.size} bursts` : `${badBursts} bad, first ${firstBad}`);

  const [counts] = await one<{ reports: number; versions: number }>(
    `SELECT (SELECT count(*)::int FROM "Report" WHERE "storyId" = $1) AS reports,
            (SELECT count(*)::int FROM "ReportVersion" v JOIN "Report" r ON r.id = v."reportId" WHERE r."storyId" = $1) AS versions`,
    [storyId],
  );
  add("report count as expected", counts!.reports === expected.reports, `${counts!.reports} reports (expected ${expected.reports})`);
  add("version count as expected", counts!.versions === expected.versions, `${counts!.versions} versions (expected ${expected.versions})`);

  const dupByExternalId = await one(`SELECT "externalId" FROM "Report" WHERE "storyId" = $1 AND "externalId" IS NOT NULL GROUP BY 1 HAVING count(*) > 1`, [storyId]);
  add("one report per external id", dupByExternalId.length === 0, `${dupByExternalId.length} external ids with more than one report`);
  const dupByText = await one(`SELECT "contentHash" FROM "Report" WHERE "storyId" = $1 AND "externalId" IS NULL GROUP BY 1 HAVING count(*) > 1`, [storyId]);
  add("one report per text when there is no external id", dupByText.length === 0, `${dupByText.length} texts with more than one report`);
  const dupVersionText = await one(
    `SELECT v."reportId" FROM "ReportVersion" v JOIN "Report" r ON r.id = v."reportId" WHERE r."storyId" = $1 GROUP BY v."reportId", v."contentHash" HAVING count(*) > 1`,
    [storyId],
  );
  add("no report holds the same text twice", dupVersionText.length === 0, `${dupVersionText.length} repeated versions`);
  const gaps = await one(
    `SELECT r.id FROM "Report" r
       JOIN (SELECT "reportId", count(*)::int AS n, min(version) AS lo, max(version) AS hi FROM "ReportVersion" GROUP BY "reportId") v ON v."reportId" = r.id
      WHERE r."storyId" = $1 AND NOT (v.lo = 1 AND v.hi = v.n AND v.hi = r."currentVersion")`,
    [storyId],
  );
  const noVersions = await one(`SELECT r.id FROM "Report" r WHERE r."storyId" = $1 AND NOT EXISTS (SELECT 1 FROM "ReportVersion" v WHERE v."reportId" = r.id)`, [storyId]);
  add("versions are 1..n with no gap or repeat, and n is the current version", gaps.length === 0 && noVersions.length === 0, `${gaps.length} reports with gaps, ${noVersions.length} without versions`);

  const [audit] = await one<{ imports: number; versions: number }>(
    `SELECT count(*) FILTER (WHERE action = 'report.import')::int AS imports, count(*) FILTER (WHERE action = 'report.new_version')::int AS versions
       FROM "AuditEvent" WHERE "storyId" = $1 AND "apiTokenId" = $2`,
    [storyId, tokenId],
  );
  add(
    "one audit event per stored report and per new version, naming the token",
    audit!.imports === counts!.reports && audit!.versions === counts!.versions - counts!.reports,
    `${audit!.imports} report.import, ${audit!.versions} report.new_version`,
  );
  const [token] = await one<{ lastUsedAt: Date | null }>(`SELECT "lastUsedAt" FROM "ApiToken" WHERE id = $1`, [tokenId]);
  add("the token's last-used time was recorded", token!.lastUsedAt !== null, String(token!.lastUsedAt?.toISOString() ?? "never"));
  return checks;
}

// ───────────── the run ─────────────

const ms = (value: number) => value.toFixed(1);

async function main(): Promise<{ code: number; summary?: string }> {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) {
    console.error("bench: no production build (.next/BUILD_ID is missing). Run `npx next build` first, then run this again.");
    return { code: 1 };
  }
  console.log(`Production build ${readFileSync(buildId, "utf8").trim()}`);

  const benchDb = await createBenchDatabase(run);
  const benchUrl = benchDb.url;
  const serverVersion = benchDb.serverVersion;
  run.defer("stop next start", async () => nextServer?.stop());

  // A desk admin, a story and an API token, straight in the database (only the hash is stored).
  const client = new pg.Client({ connectionString: benchUrl });
  await client.connect();
  try {
    const adminId = randomUUID();
    const storyId = randomUUID();
    const tokenId = randomUUID();
    const { token, prefix, tokenHash } = generateApiToken();
    await client.query(`INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES ($1, 'bench-admin@wiredesk.test', 'Bench Admin', 'ADMIN', now())`, [adminId]);
    await client.query(`INSERT INTO "Story" (id, title, "createdById", "updatedAt") VALUES ($1, 'Bench ingest story', $2, now())`, [storyId, adminId]);
    await client.query(`INSERT INTO "ApiToken" (id, name, prefix, "tokenHash", "createdById") VALUES ($1, 'Bench feed', $2, $3, $4)`, [tokenId, prefix, tokenHash, adminId]);

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
    const poolSize = process.env.DATABASE_POOL_SIZE ?? "10 (default)";
    console.log(`next start listening on ${nextServer.baseUrl} (pid ${nextServer.pid}), database pool ${poolSize}.`);
    const url = `${nextServer.baseUrl}/api/v1/stories/${storyId}/reports`;

    // Warm-up: loads the route and opens pool connections; its reports count in the checks.
    const samples: Sample[] = [];
    const warm: Sample[] = [];
    for (let i = 0; i < CLIENTS; i++) warm.push(await post(url, token, newReport(`warmup-${i}`), "warmup", `warmup-${i}`));
    const warmFailures = warm.filter((sample) => sample.status !== 201);
    if (warmFailures.length > 0) throw new Error(`warm-up failed: ${warmFailures[0]!.status} ${warmFailures[0]!.error}`);

    const bursts = await burstPhase(url, token, samples);
    const steady = await steadyPhase(url, token, samples);
    await nextServer.stop();
    nextServer = undefined;

    const expected = {
      reports: CLIENTS + bursts.expected.reports + steady.expected.reports,
      versions: CLIENTS + bursts.expected.versions + steady.expected.versions,
    };
    const checks = await verify(client, storyId, tokenId, [...warm, ...samples], expected, bursts.groups);

    const phases: [string, Sample[], number][] = [
      ["bursts (10 at the same instant)", samples.filter((sample) => sample.phase === "bursts"), bursts.ms],
      ["steady (10 clients, one queue)", samples.filter((sample) => sample.phase === "steady"), steady.ms],
      ["all", samples, bursts.ms + steady.ms],
    ];
    const rows: string[][] = [["phase", "requests", "seconds", "req/s", "p50 ms", "p95 ms", "max ms", "201", "200", "other"]];
    const figures: Record<string, Summary & { requests: number; seconds: number; rps: number; statuses: Record<string, number> }> = {};
    for (const [label, list, elapsed] of phases) {
      const summary = summarize(list.map((sample) => sample.ms));
      const statuses: Record<string, number> = {};
      for (const sample of list) statuses[sample.status] = (statuses[sample.status] ?? 0) + 1;
      const rps = list.length / (elapsed / 1000);
      figures[label] = { ...summary, requests: list.length, seconds: round(elapsed / 1000, 2), rps: round(rps), statuses };
      rows.push([
        label,
        String(list.length),
        (elapsed / 1000).toFixed(2),
        rps.toFixed(1),
        ms(summary.p50),
        ms(summary.p95),
        ms(summary.max),
        String(statuses[201] ?? 0),
        String(statuses[200] ?? 0),
        String(list.length - (statuses[201] ?? 0) - (statuses[200] ?? 0)),
      ]);
    }
    const outcomes: Record<string, number> = {};
    for (const sample of samples) outcomes[sample.outcome ?? "none"] = (outcomes[sample.outcome ?? "none"] ?? 0) + 1;

    console.log("");
    console.log(`HTTP ingest under ${CLIENTS} concurrent clients (after ${CLIENTS} sequential warm-up requests):`);
    console.log(table(rows));
    console.log(`Outcomes: ${Object.entries(outcomes).map(([name, count]) => `${name} ${count}`).join(", ")}`);
    console.log("");
    console.log("Verification (database after the run):");
    for (const check of checks) console.log(`  ${check.ok ? "PASS" : "FAIL"}  ${check.name}: ${check.detail}`);
    const passed = checks.every((check) => check.ok);
    console.log("");
    console.log(passed ? "All checks passed: no errors, no duplicates, contiguous versions." : "SOME CHECKS FAILED.");
    const summary = JSON.stringify({
      bench: "ingest-concurrency",
      clients: CLIENTS,
      burstRounds: BURST_ROUNDS,
      steadyRequests: STEADY_REQUESTS,
      postgres: serverVersion,
      node: process.version,
      phases: figures,
      outcomes,
      checks,
      passed,
    });
    return { code: passed ? 0 : 1, summary };
  } finally {
    await client.end().catch(() => undefined);
  }
}

await finishBench(run, main, () => {
  if (nextServer) console.error(`Last output of next start:\n${nextServer.output()}`);
});
