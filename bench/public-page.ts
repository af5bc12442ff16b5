/**
 * `npm run bench:public`: the published explainer page under load. Seeds a story with reports
 * from six invented outlets, 24 claims and an explainer of four sections and sixteen cited
 * bullets, taken through the real domain functions (save, submit, approve by a second person,
 * publish) into a throw-away database. Then, against `next start` on the production build
 * (run `npx next build` first), with autocannon at 50 connections:
 *
 *   1. GET /healthz                   the framework's ceiling on the host that runs it (baseline)
 *   2. GET /explainers/<slug>         the published page, as readers get it (cached)
 *   3. the same page paced at 1,000 requests/s (latency when the target load is offered)
 *   4. the same page on a second server with PUBLIC_PAGE_CACHE=off (uncached render, baseline)
 *
 * and checks that a correction, an update and an unpublish made by another process (this one,
 * as a second app instance would) show on the very next GETs, timing how long that took.
 * Target: at least 1,000 req/s with p99 under 50 ms at 50 connections (run 2).
 *
 * Server: DATABASE_URL's when set, else the embedded PostgreSQL. The database is dropped at
 * the end, also on failure, Ctrl-C or the time limit.
 */
import { createRequire } from "node:module";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Actor } from "../lib/auth/permissions";
import { freePort, signIn, startNextServer, timedGet } from "./lib/next-server";
import { createBenchDatabase, finishBench, startBenchRun } from "./lib/bench-run";
import { round, table } from "./lib/stats";

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const PACED_RATE = 1000;
const TARGET_RPS = 1000;
const TARGET_P99_MS = 50;
const TIME_LIMIT_MS = 10 * 60 * 1000;

const root = fileURLToPath(new URL("..", import.meta.url));
process.chdir(root);

type AutocannonResult = {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; max: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  "2xx": number;
};
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const run = startBenchRun(TIME_LIMIT_MS);
let disconnectPrisma: (() => Promise<void>) | undefined;

const OUTLETS = ["Northwire", "Harbour Post", "Talvar Daily", "Meridian News Agency", "Eastbank Radio", "Kestrel Press"];
const SECTIONS = ["What happened", "What we know", "What we don't know yet", "What's next"];

type Figures = { rps: number; p50: number; p90: number; p99: number; max: number; total: number; non2xx: number; errors: number; serverCpuUsPerRequest: number | null };

/** CPU time (user + system, all threads) the server process has used so far, in microseconds; null off Linux. */
function processCpuUs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime are fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second)
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return null;
  }
}

let serverPid: number | undefined;

async function load(url: string, options: Record<string, unknown> = {}): Promise<Figures> {
  const cpuBefore = processCpuUs(serverPid);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, ...options });
  const cpuAfter = processCpuUs(serverPid);
  return {
    // the server's own CPU cost per request: what the machine's noise does not change much
    serverCpuUsPerRequest: cpuBefore !== null && cpuAfter !== null && result.requests.total > 0 ? round((cpuAfter - cpuBefore) / result.requests.total, 0) : null,
    rps: round(result.requests.average, 0),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function seed(benchUrl: string) {
  process.env.DATABASE_URL = benchUrl;
  const { db } = await import("../lib/db/client");
  disconnectPrisma = () => db.$disconnect();
  const { createStory } = await import("../lib/stories/mutate-story");
  const { storeReport } = await import("../lib/reports/store-report");
  const { createExplainer } = await import("../lib/explainers/create-explainer");
  const { saveExplainerDraft } = await import("../lib/explainers/save-explainer-draft");
  const { submitRevision } = await import("../lib/explainers/submit-revision");
  const { approveRevision } = await import("../lib/review/decide-revision");
  const { publishExplainer } = await import("../lib/publishing/publish-explainer");

  const { hashPassword } = await import("../lib/auth/password");
  const password = `bench-${randomBytes(8).toString("hex")}`;
  const passwordHash = await hashPassword(password);
  const person = async (role: "EDITOR" | "REVIEWER", name: string): Promise<Actor> => {
    const user = await db.user.create({ data: { name, email: `${role.toLowerCase()}-${randomBytes(3).toString("hex")}@bench.wiredesk.example`, role, passwordHash } });
    return { id: user.id, role: user.role, name: user.name, email: user.email };
  };
  const editor = await person("EDITOR", "Bench Editor");
  const reviewer = await person("REVIEWER", "Bench Reviewer");
  const story = await createStory(editor, { title: "Talvar river crossing", description: "An invented event for the public page bench." });

  const claims: { id: string; status: "VERIFIED" | "UNVERIFIED" }[] = [];
  for (const [index, outlet] of OUTLETS.entries()) {
    const report = await storeReport(
      editor,
      {
        storyId: story.id,
        source: outlet,
        externalId: null,
        headline: `Fighting near the Talvar crossing, report ${index + 1}`,
        byline: null,
        dateline: "TALVAR",
        language: "en",
        url: `https://example.org/${outlet.toLowerCase().replace(/\s+/g, "-")}/talvar-${index}`,
        publishedAt: new Date(Date.UTC(2026, 2, 4, 6 + index, 15)).toISOString(),
        paragraphs: Array.from({ length: 4 }, (_, p) => `Paragraph ${p + 1} of the ${outlet} report on the invented Talvar crossing, with details ${index}-${p}.`),
      },
      "PASTE",
    );
    const version = await db.reportVersion.findFirstOrThrow({ where: { reportId: report.reportId }, select: { id: true, bodyText: true } });
    for (let c = 0; c < 4; c++) {
      const status = c === 3 ? "UNVERIFIED" : "VERIFIED";
      const claim = await db.claim.create({
        data: {
          storyId: story.id,
          reportId: report.reportId,
          reportVersionId: version.id,
          exact: version.bodyText.slice(0, 30),
          start: 0,
          end: 30,
          statement: `${outlet} says point ${c + 1} about the Talvar crossing holds`,
          attribution: c === 3 ? `${outlet} cited two local officials` : null,
          status,
          createdById: editor.id,
        },
        select: { id: true },
      });
      claims.push({ id: claim.id, status });
    }
  }

  const created = await createExplainer(editor, { storyId: story.id, title: "What to know about the Talvar crossing" });
  const text = (value: string) => ({ type: "text", text: value });
  let next = 0;
  const content = {
    type: "doc",
    content: SECTIONS.flatMap((title, s) => [
      { type: "heading", attrs: { level: 2 }, content: [text(title)] },
      {
        type: "bulletList",
        content: Array.from({ length: 4 }, (_, b) => {
          const claim = claims[next++ % claims.length]!;
          const attributed = claim.status !== "VERIFIED";
          return {
            type: "listItem",
            content: [
              {
                type: "paragraph",
                content: [
                  text(`Point ${s + 1}.${b + 1}: the invented crossing saw a development worth a full sentence of explanation for readers`),
                  { type: "citation", attrs: { claimId: claim.id, factId: null, attributed, attribution: attributed ? "according to two local officials" : "" } },
                  text("."),
                ],
              },
            ],
          };
        }),
      },
    ]),
  };
  const explainer = await db.explainer.findUniqueOrThrow({ where: { id: created.id }, select: { version: true, slug: true } });
  const saved = await saveExplainerDraft(editor, {
    storyId: story.id,
    explainerId: created.id,
    version: explainer.version,
    title: "What to know about the Talvar crossing",
    dek: "Fighting around the river crossing, what is confirmed and what is not.",
    content,
  });
  const submitted = await submitRevision(editor, { storyId: story.id, explainerId: created.id, version: saved.version, message: "First version" });
  await approveRevision(reviewer, { storyId: story.id, explainerId: created.id, revisionId: submitted.revisionId });
  const approved = await db.explainer.findUniqueOrThrow({ where: { id: created.id }, select: { version: true } });
  await publishExplainer(editor, { explainerId: created.id, storyId: story.id, version: approved.version });

  /** A new approved revision with `sentence` added, ready to publish (as an update or a correction). */
  const approveChange = async (sentence: string) => {
    const current = await db.explainer.findUniqueOrThrow({ where: { id: created.id }, select: { version: true, title: true, dek: true, content: true } });
    const doc = current.content as { content: unknown[] };
    const changed = { ...doc, content: [...doc.content, { type: "paragraph", content: [text(sentence)] }] };
    const draft = await saveExplainerDraft(editor, { storyId: story.id, explainerId: created.id, version: current.version, title: current.title, dek: current.dek, content: changed });
    const revision = await submitRevision(editor, { storyId: story.id, explainerId: created.id, version: draft.version, message: sentence });
    await approveRevision(reviewer, { storyId: story.id, explainerId: created.id, revisionId: revision.revisionId });
  };
  return { db, editor, password, storyId: story.id, explainerId: created.id, slug: explainer.slug, approveChange };
}

async function main(): Promise<{ code: number; summary?: string }> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npx next build` first.");
  const benchDb = await createBenchDatabase(run);
  run.defer("disconnect Prisma", async () => disconnectPrisma?.());
  const seeded = await seed(benchDb.url);
  const { publishExplainer } = await import("../lib/publishing/publish-explainer");
  const { unpublishExplainer } = await import("../lib/publishing/unpublish-explainer");
  console.log(`Seeded and published /explainers/${seeded.slug}.`);

  const serverEnv = (cache: "on" | "off") => ({
    DATABASE_URL: benchDb.url,
    NEXTAUTH_SECRET: randomBytes(24).toString("hex"),
    NEXTAUTH_URL: "http://127.0.0.1",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PUBLIC_PAGE_CACHE: cache,
  });

  // ── server 1: cache on ──
  const server = await startNextServer({ port: await freePort(), env: serverEnv("on"), readyTimeoutMs: 60_000 });
  run.defer("stop next start", () => server.stop());
  serverPid = server.pid;
  const pageUrl = `${server.baseUrl}/explainers/${seeded.slug}`;
  const first = await timedGet(pageUrl);
  if (first.status !== 200) throw new Error(`GET ${pageUrl} answered ${first.status}`);
  const pageBytes = Buffer.byteLength(first.body);
  // wait until the page is served from memory (the listener is up and the page cached)
  for (let i = 0; i < 100; i++) {
    const res = await fetch(pageUrl);
    await res.arrayBuffer();
    if (res.headers.get("x-public-cache") === "hit") break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  console.log(`Warm-up, then ${DURATION_S} s per run at ${CONNECTIONS} connections…`);
  await load(`${server.baseUrl}/healthz`, { duration: 3 });
  const healthz = await load(`${server.baseUrl}/healthz`);
  await load(pageUrl, { duration: 3 });
  const page = await load(pageUrl);
  const paced = await load(pageUrl, { overallRate: PACED_RATE });
  const feed = await load(`${server.baseUrl}/explainers/feed.atom`);

  // ── publish, correct and unpublish show on the very next GET ──
  const visibility: Record<string, { firstGetShowed: boolean; visibleAfterMs: number }> = {};
  const watch = async (label: string, change: () => Promise<unknown>, shows: (status: number, body: string) => boolean) => {
    await change();
    const started = performance.now();
    const firstGet = await timedGet(pageUrl);
    let ok = shows(firstGet.status, firstGet.body);
    const firstGetShowed = ok;
    while (!ok && performance.now() - started < 5000) {
      const again = await timedGet(pageUrl);
      ok = shows(again.status, again.body);
    }
    if (!ok) throw new Error(`${label} did not show on the public page within 5 s. Server output:\n${server.output()}`);
    visibility[label] = { firstGetShowed, visibleAfterMs: round(performance.now() - started) };
  };
  const versionNow = async () => (await seeded.db.explainer.findUniqueOrThrow({ where: { id: seeded.explainerId }, select: { version: true } })).version;
  // through this server's own publishing API, as the desk's controls do
  const cookie = await signIn(server.baseUrl, seeded.editor.email, seeded.password);
  const api = async (body: Record<string, unknown>) => {
    const res = await fetch(`${server.baseUrl}/api/stories/${seeded.storyId}/explainers/${seeded.explainerId}/publishing`, {
      method: "POST",
      headers: { cookie, origin: server.baseUrl, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (res.status !== 200) throw new Error(`publishing API answered ${res.status}: ${await res.text()}`);
  };
  await seeded.approveChange("An update added in the bench.");
  await watch("update (this instance)", async () => api({ action: "publish", version: await versionNow() }), (s, b) => s === 200 && b.includes("An update added in the bench."));
  await seeded.approveChange("A corrected sentence from the bench.");
  const note = `Bench correction note ${randomBytes(3).toString("hex")}: an earlier version misdated the crossing.`;
  await watch("correction (this instance)", async () => api({ action: "correct", version: await versionNow(), note }), (s, b) => s === 200 && b.includes(note));
  await watch("unpublish (this instance)", async () => api({ action: "unpublish", version: await versionNow(), notice: "Withdrawn by the bench to check the 410." }), (s, b) => s === 410 && b.includes("Withdrawn by the bench"));
  // by another process, as a second app instance would: the change reaches this server through NOTIFY
  await seeded.approveChange("Republished by another instance.");
  await watch("republish (other instance)", async () => publishExplainer(seeded.editor, { explainerId: seeded.explainerId, storyId: seeded.storyId, version: await versionNow() }), (s, b) => s === 200 && b.includes("Republished by another instance."));
  await watch("unpublish (other instance)", async () => unpublishExplainer(seeded.editor, { explainerId: seeded.explainerId, storyId: seeded.storyId, version: await versionNow(), notice: "Withdrawn again by the bench." }), (s, b) => s === 410 && b.includes("Withdrawn again"));
  const gone = await load(pageUrl, { duration: 3 });
  await server.stop();

  // ── server 2: cache off (uncached render from PostgreSQL), after republishing ──
  await seeded.approveChange("Republished for the uncached baseline.");
  await publishExplainer(seeded.editor, { explainerId: seeded.explainerId, storyId: seeded.storyId, version: await versionNow() });
  const uncachedServer = await startNextServer({ port: await freePort(), env: serverEnv("off"), readyTimeoutMs: 60_000 });
  run.defer("stop uncached next start", () => uncachedServer.stop());
  serverPid = uncachedServer.pid;
  const uncachedUrl = `${uncachedServer.baseUrl}/explainers/${seeded.slug}`;
  if ((await timedGet(uncachedUrl)).status !== 200) throw new Error("uncached page did not answer 200");
  await load(uncachedUrl, { duration: 3 });
  const uncached = await load(uncachedUrl);
  await uncachedServer.stop();

  const rows: string[][] = [["run (50 connections)", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "requests", "non-2xx", "errors", "server CPU µs/req"]];
  const line = (label: string, f: Figures) => [label, String(f.rps), String(f.p50), String(f.p90), String(f.p99), String(f.max), String(f.total), String(f.non2xx), String(f.errors), f.serverCpuUsPerRequest === null ? "n/a" : String(f.serverCpuUsPerRequest)];
  rows.push(line("GET /healthz (framework baseline)", healthz));
  rows.push(line("GET /explainers/<slug> (published, cached)", page));
  rows.push(line(`  same, paced at ${PACED_RATE} req/s`, paced));
  rows.push(line("GET /explainers/feed.atom (cached)", feed));
  rows.push(line("GET unpublished page (410, cached)", gone));
  rows.push(line("GET /explainers/<slug> cache off (baseline)", uncached));
  console.log("");
  console.log(`Published explainer page (${(pageBytes / 1024).toFixed(1)} KB HTML, 16 cited bullets), autocannon ${DURATION_S} s per run:`);
  console.log(table(rows));
  const loadAverage = (await import("node:os")).loadavg().map((value) => value.toFixed(2)).join(", ");
  console.log(`Machine load average (1, 5, 15 min) at the end: ${loadAverage}. On a busy machine compare the page with /healthz, the same server answering a constant.`);
  console.log("");
  for (const [label, v] of Object.entries(visibility)) console.log(`${label}: the first GET after it returned showed it: ${v.firstGetShowed ? "yes" : "NO"} (all checks done ${v.visibleAfterMs} ms later)`);

  const met = page.rps >= TARGET_RPS && page.p99 < TARGET_P99_MS && page.non2xx === 0 && page.errors === 0;
  console.log("");
  console.log(
    `Published page: ${page.rps} req/s, p99 ${page.p99} ms: ${met ? "meets" : "MISSES"} the target of ≥ ${TARGET_RPS} req/s with p99 < ${TARGET_P99_MS} ms ` +
      `(framework baseline /healthz ${healthz.rps} req/s; uncached render ${uncached.rps} req/s).`,
  );
  const summary = JSON.stringify({
    bench: "public-page",
    connections: CONNECTIONS,
    durationS: DURATION_S,
    pageBytes,
    postgres: benchDb.serverVersion,
    node: process.version,
    healthz,
    page,
    paced,
    feed,
    gone,
    uncached,
    visibility,
    loadAverage,
    target: { rps: TARGET_RPS, p99Ms: TARGET_P99_MS },
    met,
  });
  return { code: met ? 0 : 1, summary };
}

await finishBench(run, main);
