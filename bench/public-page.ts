/**
 * `npm run bench:public`: the published explainer page under load, side by side in one run.
 * Seeds a story with reports from six invented outlets, 24 claims and an explainer of four
 * sections and sixteen cited bullets, taken through the real domain functions (save, submit,
 * approve by a second person, publish) into a throw-away database. Then, with autocannon at 50
 * connections:
 *
 *   - GET /healthz on `next start`: a constant Next route, the framework's floor on this host
 *   - GET /explainers/<slug> on `next start`: warm (cached), 304 (If-None-Match), paced at
 *     1,000 req/s, and cold (a second server with PUBLIC_PAGE_CACHE=off renders every request)
 *   - the same page and feed as the publishing job wrote them, served by a plain static file
 *     server (sirv on node:http, its own process): no app in the path
 *
 * and checks that an update, a correction and an unpublish, made through this server or by
 * another process (as a second app instance would), show on the very first GET after they return.
 * Goals: warm ≥ 90% of the constant route; static ≥ 5,000 req/s with p99 < 20 ms; 304s ≥ 2× the
 * full page. The exit code is 1 when a goal is missed; the figures are printed either way.
 *
 * Server: DATABASE_URL's when set, else the embedded PostgreSQL. The database is dropped at
 * the end, also on failure, Ctrl-C or the time limit. Run `npx next build` first.
 */
import { createRequire } from "node:module";
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Actor } from "../lib/auth/permissions";
import { freePort, signIn, startNextServer, timedGet } from "./lib/next-server";
import { createBenchDatabase, finishBench, startBenchRun } from "./lib/bench-run";
import { findNginx, serverWhenReady, startNginx, type StaticServer } from "./lib/nginx-static-server";
import { round, table } from "./lib/stats";

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const PACED_RATE = 1000;
const TARGET_WARM_RATIO = 0.9;
const TARGET_STATIC_RPS = 5000;
const TARGET_STATIC_P99_MS = 20;
const TARGET_304_RATIO = 2;
const TIME_LIMIT_MS = 10 * 60 * 1000;

const root = fileURLToPath(new URL("..", import.meta.url));
process.chdir(root);

type AutocannonResult = {
  requests: { average: number; total: number };
  "3xx": number;
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

/** Starts the static file server (bench/lib/static-server.ts) on `folder` in its own process. */
async function startStaticServer(folder: string, port: number, mode: "live" | "indexed"): Promise<StaticServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/lib/static-server.ts", folder, String(port), mode], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
  };
  return serverWhenReady({ baseUrl: `http://127.0.0.1:${port}`, pid: child.pid, stop }, () => child.exitCode === null, "the static file server");
}

async function main(): Promise<{ code: number; summary?: string }> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npx next build` first.");
  const benchDb = await createBenchDatabase(run);
  run.defer("disconnect Prisma", async () => disconnectPrisma?.());
  // the publishing job writes the static site here (as it would to PUBLIC_OUTPUT_DIR)
  const staticFolder = await mkdtemp(path.join(tmpdir(), "wiredesk-bench-public-"));
  run.defer("remove the static folder", () => rm(staticFolder, { recursive: true, force: true }));
  process.env.PUBLIC_OUTPUT = "folder";
  process.env.PUBLIC_OUTPUT_DIR = staticFolder;
  delete process.env.PURGE_URL;
  // no collaboration server runs here: submitting need not ask one to store the document
  process.env.WIREDESK_COLLAB = "0";
  const seeded = await seed(benchDb.url);
  const { publishExplainer } = await import("../lib/publishing/publish-explainer");
  const { unpublishExplainer } = await import("../lib/publishing/unpublish-explainer");
  const { taskList } = await import("../lib/jobs/task-list");
  const { quietQueueLogger } = await import("../lib/jobs/queue-logger");
  const { runOnce } = await import("graphile-worker");
  /** One worker pass: the publishing job writes the static page and feeds. */
  const runPublishingJobs = () => runOnce({ connectionString: benchDb.url, taskList, logger: quietQueueLogger });
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
  const warmed = await fetch(pageUrl);
  await warmed.arrayBuffer();
  if (warmed.headers.get("x-public-cache") !== "hit") throw new Error("the second GET of the page was not served from memory");
  const etag = warmed.headers.get("etag")!;

  console.log(`Warm-up, then ${DURATION_S} s per run at ${CONNECTIONS} connections…`);
  await load(`${server.baseUrl}/healthz`, { duration: 3 });
  const constant = await load(`${server.baseUrl}/healthz`);
  await load(pageUrl, { duration: 3 });
  const warm = await load(pageUrl);
  const notModified = await load(pageUrl, { headers: { "if-none-match": etag } });
  const paced = await load(pageUrl, { overallRate: PACED_RATE });
  const feed = await load(`${server.baseUrl}/explainers/feed.atom`);

  // ── publish, correct and unpublish show on the very next GET ──
  const visibility: Record<string, { firstGetShowed: boolean; firstGetMs: number; visibleAfterMs: number }> = {};
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
    visibility[label] = { firstGetShowed, firstGetMs: round(firstGet.ms), visibleAfterMs: round(performance.now() - started) };
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
  // by another process, as a second app instance would: the server sees it by its version check
  await seeded.approveChange("Republished by another instance.");
  await watch("republish (other instance)", async () => publishExplainer(seeded.editor, { explainerId: seeded.explainerId, storyId: seeded.storyId, version: await versionNow() }), (s, b) => s === 200 && b.includes("Republished by another instance."));
  await seeded.approveChange("Corrected by another instance.");
  const { publishCorrection } = await import("../lib/publishing/publish-explainer");
  await watch(
    "correction (other instance)",
    async () => publishCorrection(seeded.editor, { explainerId: seeded.explainerId, storyId: seeded.storyId, version: await versionNow(), note: "Another instance corrected the crossing's date." }),
    (s, b) => s === 200 && b.includes("Another instance corrected the crossing"),
  );
  await watch("unpublish (other instance)", async () => unpublishExplainer(seeded.editor, { explainerId: seeded.explainerId, storyId: seeded.storyId, version: await versionNow(), notice: "Withdrawn again by the bench." }), (s, b) => s === 410 && b.includes("Withdrawn again"));
  const gone = await load(pageUrl, { duration: 3 });
  await server.stop();

  // ── server 2: cache off (every request renders from PostgreSQL: the cold path), after republishing ──
  await seeded.approveChange("Republished for the uncached baseline.");
  await publishExplainer(seeded.editor, { explainerId: seeded.explainerId, storyId: seeded.storyId, version: await versionNow() });
  const uncachedServer = await startNextServer({ port: await freePort(), env: serverEnv("off"), readyTimeoutMs: 60_000 });
  run.defer("stop uncached next start", () => uncachedServer.stop());
  serverPid = uncachedServer.pid;
  const uncachedUrl = `${uncachedServer.baseUrl}/explainers/${seeded.slug}`;
  if ((await timedGet(uncachedUrl)).status !== 200) throw new Error("uncached page did not answer 200");
  await load(uncachedUrl, { duration: 3 });
  const cold = await load(uncachedUrl);
  await uncachedServer.stop();

  // ── the static output, as the publishing job wrote it, served by a plain static file server ──
  await runPublishingJobs();
  const serveStatic = async (mode: "live" | "indexed") => {
    const staticServer = await startStaticServer(staticFolder, await freePort(), mode);
    run.defer(`stop the ${mode} static server`, () => staticServer.stop());
    serverPid = staticServer.pid;
    const staticUrl = `${staticServer.baseUrl}/explainers/${seeded.slug}`;
    const staticFirst = await timedGet(staticUrl);
    if (staticFirst.status !== 200 || !staticFirst.body.includes("Republished for the uncached baseline.")) {
      throw new Error(`the static page is not the latest publication (status ${staticFirst.status})`);
    }
    await load(staticUrl, { duration: 3 });
    const pageFigures = await load(staticUrl);
    const feedFigures = mode === "live" ? await load(`${staticServer.baseUrl}/explainers/feed.atom`) : null;
    await staticServer.stop();
    return { page: pageFigures, feed: feedFigures };
  };
  const live = await serveStatic("live");
  const indexed = await serveStatic("indexed");
  // nginx with the README's configuration, when installed: what a production static server does
  const nginxBinary = findNginx();
  let nginxFigures: { page: Figures; feed: Figures } | null = null;
  if (nginxBinary) {
    const { publicCacheControl } = await import("../lib/publishing/public-responses");
    const nginx = await startNginx(nginxBinary, staticFolder, await freePort(), publicCacheControl(60));
    run.defer("stop nginx", () => nginx.stop());
    serverPid = nginx.pid;
    const nginxUrl = `${nginx.baseUrl}/explainers/${seeded.slug}`;
    const nginxFirst = await timedGet(nginxUrl);
    if (nginxFirst.status !== 200 || !nginxFirst.body.includes("Republished for the uncached baseline.")) {
      throw new Error(`nginx did not serve the latest publication (status ${nginxFirst.status})`);
    }
    await load(nginxUrl, { duration: 3 });
    nginxFigures = { page: await load(nginxUrl), feed: await load(`${nginx.baseUrl}/explainers/feed.atom`) };
    await nginx.stop();
  }
  // the goal is read on the production static server when there is one, else on sirv
  const staticPage = nginxFigures?.page ?? live.page;
  const staticServerName = nginxFigures ? "nginx" : "sirv";
  const staticFeed = live.feed!;

  const rows: string[][] = [["run (50 connections)", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "requests", "non-2xx", "errors", "server CPU µs/req"]];
  const line = (label: string, f: Figures) => [label, String(f.rps), String(f.p50), String(f.p90), String(f.p99), String(f.max), String(f.total), String(f.non2xx), String(f.errors), f.serverCpuUsPerRequest === null ? "n/a" : String(f.serverCpuUsPerRequest)];
  rows.push(line("constant Next route GET /healthz (floor)", constant));
  rows.push(line("app GET /explainers/<slug> cold (cache off)", cold));
  rows.push(line("app GET /explainers/<slug> warm", warm));
  rows.push(line("app same, If-None-Match → 304", notModified));
  rows.push(line(`app same, paced at ${PACED_RATE} req/s`, paced));
  rows.push(line("app GET /explainers/feed.atom warm", feed));
  rows.push(line("app GET unpublished page (410) warm", gone));
  rows.push(line("static (sirv, live folder) /explainers/<slug>", live.page));
  rows.push(line("static (sirv, live folder) feed.atom", staticFeed));
  rows.push(line("static (sirv, indexed at start) <slug>", indexed.page));
  if (nginxFigures) {
    rows.push(line("static (nginx, README config) /explainers/<slug>", nginxFigures.page));
    rows.push(line("static (nginx, README config) feed.atom", nginxFigures.feed));
  } else {
    rows.push(["static (nginx)", "not installed: set NGINX_BIN or install nginx to measure it", "", "", "", "", "", "", "", ""]);
  }
  console.log("");
  console.log(`Published explainer page (${(pageBytes / 1024).toFixed(1)} KB HTML, 16 cited bullets), autocannon ${DURATION_S} s per run:`);
  console.log(table(rows));
  const loadAverage = (await import("node:os")).loadavg().map((value) => value.toFixed(2)).join(", ");
  console.log(`Machine load average (1, 5, 15 min) at the end: ${loadAverage}. On a busy machine compare ratios within this run, not figures across runs.`);
  console.log("");
  for (const [label, v] of Object.entries(visibility)) {
    console.log(`${label}: the first GET after it returned showed it: ${v.firstGetShowed ? "yes" : "NO"} (that GET took ${v.firstGetMs} ms; all checks done ${v.visibleAfterMs} ms later)`);
  }

  const cpuRatio = (a: Figures, b: Figures) => (a.serverCpuUsPerRequest && b.serverCpuUsPerRequest ? String(round(a.serverCpuUsPerRequest / b.serverCpuUsPerRequest, 2)) : "n/a");
  console.log("");
  console.log(
    `Server CPU per request (less sensitive to a busy machine than req/s): warm page / constant route ${cpuRatio(warm, constant)}; ` +
      `304 / full page ${cpuRatio(notModified, warm)}; static (${staticServerName}) / warm app page ${cpuRatio(staticPage, warm)}.`,
  );
  const warmRatio = constant.rps > 0 ? warm.rps / constant.rps : 0;
  const notModifiedRatio = warm.rps > 0 ? notModified.rps / warm.rps : 0;
  const goals = {
    warmVsConstant: { value: round(warmRatio, 2), goal: TARGET_WARM_RATIO, met: warmRatio >= TARGET_WARM_RATIO && warm.errors === 0 && warm.non2xx === 0 },
    static: { rps: staticPage.rps, p99: staticPage.p99, met: staticPage.rps >= TARGET_STATIC_RPS && staticPage.p99 < TARGET_STATIC_P99_MS && staticPage.errors === 0 && staticPage.non2xx === 0 },
    notModifiedVsFull: { value: round(notModifiedRatio, 2), goal: TARGET_304_RATIO, met: notModifiedRatio >= TARGET_304_RATIO && notModified.errors === 0 && notModified.non2xx === notModified.total },
    exactVisibility: { met: Object.values(visibility).every((v) => v.firstGetShowed) },
  };
  const mark = (met: boolean) => (met ? "meets" : "MISSES");
  console.log("");
  console.log(`App route warm / constant route: ${goals.warmVsConstant.value} (${warm.rps} / ${constant.rps} req/s): ${mark(goals.warmVsConstant.met)} the goal of ≥ ${TARGET_WARM_RATIO}.`);
  console.log(`Static output (${staticServerName}): ${staticPage.rps} req/s, p99 ${staticPage.p99} ms: ${mark(goals.static.met)} the goal of ≥ ${TARGET_STATIC_RPS} req/s with p99 < ${TARGET_STATIC_P99_MS} ms.`);
  console.log(`304 / full page: ${goals.notModifiedVsFull.value} (${notModified.rps} / ${warm.rps} req/s): ${mark(goals.notModifiedVsFull.met)} the goal of ≥ ${TARGET_304_RATIO}×.`);
  console.log(`Every publishing change showed on the first GET after it returned, on this and another instance: ${goals.exactVisibility.met ? "yes" : "NO"}.`);
  const met = Object.values(goals).every((goal) => goal.met);
  const summary = JSON.stringify({
    bench: "public-page",
    connections: CONNECTIONS,
    durationS: DURATION_S,
    pageBytes,
    postgres: benchDb.serverVersion,
    node: process.version,
    constant,
    cold,
    warm,
    notModified,
    paced,
    feed,
    gone,
    staticPage,
    staticServer: staticServerName,
    staticFeed,
    staticSirvPage: live.page,
    staticIndexed: indexed.page,
    visibility,
    loadAverage,
    goals,
    met,
  });
  return { code: met ? 0 : 1, summary };
}

await finishBench(run, main);
