import { createServer, type IncomingMessage, type Server } from "node:http";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runOnce } from "graphile-worker";
import { db } from "@/lib/db/client";
import { quietQueueLogger } from "@/lib/jobs/queue-logger";
import { taskList } from "@/lib/jobs/task-list";
import { buildUser, type BuiltUser } from "@/lib/testing/factories";
import { approvedExplainer, approveRevision, bullet, cite, documentWith, publishTarget, text, type PublishingFixture } from "@/lib/testing/publishing-fixtures";
import { answerPublicRevalidation } from "./public-conditional";
import { PublicPageCache } from "./public-cache";
import { explainerPageResponse, feedResponse } from "./public-responses";
import { PublicSiteVersionReader } from "./public-site-version";
import { publishCorrection, publishExplainer } from "./publish-explainer";
import { unpublishExplainer } from "./unpublish-explainer";

/*
 * How public pages reach readers at scale: CDN headers with a strong ETag and 304s, exact
 * invalidation across app instances, and the publishing job that writes the static site and
 * purges the CDN (retried when either fails). Texts are invented.
 */

const ORIGIN = "http://public.test";
let desk: { editor: BuiltUser; reviewer: BuiltUser };

beforeAll(async () => {
  desk = { editor: await buildUser({ role: "EDITOR" }), reviewer: await buildUser({ role: "REVIEWER" }) };
});

/** A second app instance: its own cache and its own version reader, over the same database. */
const newInstance = () => new PublicPageCache(new PublicSiteVersionReader(), () => true);

async function get(urlPath: string, options: { cache?: PublicPageCache; headers?: Record<string, string> } = {}) {
  const request = new Request(`${ORIGIN}${urlPath}`, { headers: options.headers });
  const response =
    urlPath === "/explainers/feed.atom" || urlPath === "/explainers/feed.rss"
      ? await feedResponse(request, urlPath.endsWith("atom") ? "atom" : "rss", options.cache)
      : await explainerPageResponse(request, urlPath.replace("/explainers/", ""), options.cache);
  return { status: response.status, headers: response.headers, body: await response.text() };
}

async function publishedExplainer(): Promise<PublishingFixture> {
  const fixture = await approvedExplainer(desk);
  await publishExplainer(desk.editor.actor, await publishTarget(fixture));
  return fixture;
}

/** Approves a new revision whose only bullet says `sentence` (the review's part, done directly). */
async function approveChange(fixture: PublishingFixture, sentence: string) {
  await approveRevision(desk, fixture.explainerId, { title: "Lorvan ferry, updated", content: documentWith("What we know", [bullet(text(sentence), cite(fixture.claims[0]!.id))]), claims: [fixture.claims[0]!] });
}

describe("public responses for CDNs", () => {
  it("page, 410 notice and feeds carry s-maxage, stale-while-revalidate and a strong ETag, and answer 304 to it", async () => {
    const fixture = await publishedExplainer();
    const page = `/explainers/${fixture.slug}`;
    for (const urlPath of [page, "/explainers/feed.atom", "/explainers/feed.rss"]) {
      const first = await get(urlPath);
      expect(first.status).toBe(200);
      const cacheControl = first.headers.get("cache-control")!;
      expect(cacheControl).toMatch(/(^|, )public(,|$)/);
      expect(cacheControl).toMatch(/s-maxage=\d+/);
      expect(cacheControl).toMatch(/stale-while-revalidate=\d+/);
      const etag = first.headers.get("etag")!;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/); // strong: no W/ prefix
      // another instance renders the same bytes and so the same tag (a CDN may revalidate anywhere)
      expect((await get(urlPath, { cache: newInstance() })).headers.get("etag")).toBe(etag);

      const notModified = await get(urlPath, { headers: { "if-none-match": etag } });
      expect(notModified.status).toBe(304);
      expect(notModified.body).toBe("");
      expect(notModified.headers.get("etag")).toBe(etag);
      expect(notModified.headers.get("cache-control")).toBe(cacheControl);
      expect((await get(urlPath, { headers: { "if-none-match": `"someone-elses-tag", W/${etag}` } })).status).toBe(304);
      expect((await get(urlPath, { headers: { "if-none-match": '"an-old-tag"' } })).status).toBe(200);
    }
    // the JSON-LD is part of the page, so it is cached and revalidated with it
    expect((await get(page)).body).toContain('<script type="application/ld+json">');

    // a correction changes the bytes, so the old tag gets the new page, not a 304
    const before = await get(page);
    await approveChange(fixture, "The ferry crossing reopened on Wednesday, not Tuesday.");
    await publishCorrection(desk.editor.actor, { ...(await publishTarget(fixture)), note: "An earlier version gave the wrong day for the reopening." });
    const corrected = await get(page, { headers: { "if-none-match": before.headers.get("etag")! } });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toContain("reopened on Wednesday");
    expect(corrected.headers.get("etag")).not.toBe(before.headers.get("etag"));

    await unpublishExplainer(desk.editor.actor, { ...(await publishTarget(fixture)), notice: "Withdrawn while the operator's schedule is checked." });
    const gone = await get(page, { headers: { "if-none-match": corrected.headers.get("etag")! } });
    expect(gone.status).toBe(410);
    expect(gone.headers.get("cache-control")).toMatch(/s-maxage=\d+/);
    expect((await get(page, { headers: { "if-none-match": gone.headers.get("etag")! } })).status).toBe(304);
  });
});

describe("two app instances", () => {
  it("the first GET after a publish, correction or unpublish returns shows it on the other instance", async () => {
    const fixture = await publishedExplainer();
    const page = `/explainers/${fixture.slug}`;
    const [a, b] = [newInstance(), newInstance()];
    for (const instance of [a, b]) {
      await get(page, { cache: instance });
      expect((await get(page, { cache: instance })).headers.get("x-public-cache")).toBe("hit");
      await get("/explainers/feed.atom", { cache: instance });
    }

    // instance A's request publishes (the domain verb is the same on every instance); B is warm
    await approveChange(fixture, "Fourteen crossings a day resume on Monday.");
    await publishExplainer(desk.editor.actor, await publishTarget(fixture));
    const afterUpdate = await get(page, { cache: b });
    expect(afterUpdate.body).toContain("Fourteen crossings a day resume on Monday.");

    await approveChange(fixture, "Twelve crossings a day resume on Monday.");
    const note = "An earlier version overstated the number of daily crossings.";
    await publishCorrection(desk.editor.actor, { ...(await publishTarget(fixture)), note });
    expect((await get(page, { cache: b })).body).toContain(note);
    expect((await get("/explainers/feed.atom", { cache: b })).body).toContain(note);

    await unpublishExplainer(desk.editor.actor, { ...(await publishTarget(fixture)), notice: "Withdrawn while the crossings are recounted." });
    expect((await get(page, { cache: b })).status).toBe(410);
    expect((await get("/explainers/feed.atom", { cache: b })).body).not.toContain(fixture.slug);
    expect((await get(page, { cache: a })).status).toBe(410);
  });

  it("holds while the other instance is under load during the publish, and shares one version query among concurrent requests", async () => {
    const fixture = await publishedExplainer();
    const page = `/explainers/${fixture.slug}`;
    const b = newInstance();
    await get(page, { cache: b });

    // readers keep hitting B while A publishes; the first GET B starts after publish returns must show it
    let stop = false;
    const readers = Array.from({ length: 8 }, async () => {
      while (!stop) await get(page, { cache: b });
    });
    await approveChange(fixture, "Night crossings stay suspended.");
    await publishExplainer(desk.editor.actor, await publishTarget(fixture));
    const first = await get(page, { cache: b });
    stop = true;
    await Promise.all(readers);
    expect(first.body).toContain("Night crossings stay suspended.");

    await get(page, { cache: b });
    const queriesBefore = b.snapshot().versionQueries;
    const burst = await Promise.all(Array.from({ length: 50 }, () => get(page, { cache: b })));
    expect(burst.every((response) => response.status === 200 && response.headers.get("x-public-cache") === "hit")).toBe(true);
    // one query already in flight is not joined by later arrivals; they share the next one
    expect(b.snapshot().versionQueries - queriesBefore).toBeLessThanOrEqual(2);
  });
});

type PurgeCall = { authorization: string | undefined; contentType: string | undefined; urls: string[] };

/**
 * A stand-in for a CDN's purge API: records each call and answers 200, except the first call
 * naming `failOnce.url`, which gets `failOnce.status` (other tests' jobs may purge meanwhile).
 */
async function startPurgeHook() {
  const calls: PurgeCall[] = [];
  const failOnce: { url: string | null; status: number } = { url: null, status: 503 };
  const server: Server = createServer((request: IncomingMessage, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const urls = (JSON.parse(body) as { urls: string[] }).urls;
      calls.push({ authorization: request.headers.authorization, contentType: request.headers["content-type"], urls });
      const fail = failOnce.url !== null && urls.includes(failOnce.url);
      if (fail) failOnce.url = null;
      response.statusCode = fail ? failOnce.status : 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/purge`, calls, failOnce, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const savedEnv = { ...process.env };
afterEach(() => {
  for (const name of ["PURGE_URL", "PURGE_TOKEN", "PUBLIC_OUTPUT", "PUBLIC_OUTPUT_DIR", "PUBLIC_BASE_URL"] as const) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
});

/** One worker pass over everything due (the same task list `npm run worker` runs). */
async function runDueJobs(): Promise<void> {
  await runOnce({ connectionString: process.env.DATABASE_URL!, taskList, logger: quietQueueLogger });
}

async function outputJob(slug: string) {
  const rows = await db.$queryRaw<{ id: bigint; attempts: number; last_error: string | null; queue_name: string | null }[]>`
    SELECT id, attempts, last_error, queue_name FROM graphile_worker.jobs WHERE key = ${`public-output:${slug}`}`;
  return rows[0] ?? null;
}

// runOnce may resolve a moment before the queue records a job's completion or failure, and a pass
// may find the job's named queue still locked by the previous one: passes repeat until it is done
const jobDone = (slug: string) =>
  expect
    .poll(
      async () => {
        const job = await outputJob(slug);
        if (job && job.attempts === 0) await runDueJobs();
        return outputJob(slug);
      },
      { timeout: 5000 },
    )
    .toBeNull();
async function jobFailed(slug: string) {
  await expect.poll(async () => (await outputJob(slug))?.last_error ?? null, { timeout: 5000 }).not.toBeNull();
  return (await outputJob(slug))!;
}

/** Lets a failed job's back-off pass at once. */
async function retryNow(jobId: bigint): Promise<void> {
  await db.$queryRaw`SELECT 1 FROM graphile_worker.reschedule_jobs(ARRAY[${jobId}]::bigint[], run_at => now())`;
}

describe("the publishing job", () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), "wiredesk-static-"));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("writes the page and feeds to the static folder, rewrites them on a correction, and puts the 410 notice in the page's place on unpublish", async () => {
    process.env.PUBLIC_OUTPUT_DIR = folder;
    process.env.PUBLIC_BASE_URL = ORIGIN;
    const fixture = await approvedExplainer(desk);
    await publishExplainer(desk.editor.actor, await publishTarget(fixture));
    const job = await outputJob(fixture.slug);
    expect(job?.queue_name).toBe("public-output");
    await runDueJobs();
    await jobDone(fixture.slug);

    const file = (name: string) => readFile(path.join(folder, name), "utf8");
    // the same bytes the app serves for the same base URL
    expect(await file(`explainers/${fixture.slug}.html`)).toBe((await get(`/explainers/${fixture.slug}`)).body);
    expect(await file("explainers/feed.atom")).toBe((await get("/explainers/feed.atom")).body);
    expect(await file("explainers/feed.rss")).toContain(`<link>${ORIGIN}/explainers/${fixture.slug}</link>`);

    await approveChange(fixture, "The ferry runs every forty minutes.");
    const note = "An earlier version said the ferry ran every half hour.";
    await publishCorrection(desk.editor.actor, { ...(await publishTarget(fixture)), note });
    await runDueJobs();
    await jobDone(fixture.slug);
    const corrected = await file(`explainers/${fixture.slug}.html`);
    expect(corrected).toContain("every forty minutes");
    expect(corrected).toContain(note);
    expect(await file("explainers/feed.atom")).toContain(note);

    await unpublishExplainer(desk.editor.actor, { ...(await publishTarget(fixture)), notice: "Withdrawn: the timetable is under review." });
    await runDueJobs();
    await jobDone(fixture.slug);
    const gone = await file(`explainers/${fixture.slug}.html`);
    expect(gone).toContain("This explainer has been withdrawn");
    expect(gone).toContain("Withdrawn: the timetable is under review.");
    expect(gone).not.toContain("every forty minutes");
    expect(await file("explainers/feed.atom")).not.toContain(fixture.slug);
  });

  it("sends the changed URLs to PURGE_URL after writing, and retries the job when the hook fails", async () => {
    const hook = await startPurgeHook();
    try {
      process.env.PUBLIC_OUTPUT_DIR = folder;
      process.env.PUBLIC_BASE_URL = ORIGIN;
      process.env.PURGE_URL = hook.url;
      process.env.PURGE_TOKEN = "purge-token-for-tests";
      const fixture = await publishedExplainer();
      hook.failOnce.url = `${ORIGIN}/explainers/${fixture.slug}`;
      await runDueJobs();

      const mine = () => hook.calls.filter((call) => call.urls.includes(`${ORIGIN}/explainers/${fixture.slug}`));
      expect(mine()).toHaveLength(1);
      const failed = await jobFailed(fixture.slug);
      expect(failed).toMatchObject({ attempts: 1 });
      expect(failed!.last_error).toContain("503");
      // the files were written before the purge failed; the retry writes them again (idempotent)
      expect(await readFile(path.join(folder, `explainers/${fixture.slug}.html`), "utf8")).toContain("Lorvan ferry");

      await retryNow(failed!.id);
      await runDueJobs();
      await jobDone(fixture.slug);
      expect(mine()).toHaveLength(2);
      expect(mine()[1]).toEqual({
        authorization: "Bearer purge-token-for-tests",
        contentType: "application/json",
        urls: [`${ORIGIN}/explainers/${fixture.slug}`, `${ORIGIN}/explainers/feed.atom`, `${ORIGIN}/explainers/feed.rss`],
      });

      // an unpublish purges too
      await unpublishExplainer(desk.editor.actor, { ...(await publishTarget(fixture)), notice: "Withdrawn pending a check of the operator's figures." });
      await runDueJobs();
      await jobDone(fixture.slug);
      expect(mine()).toHaveLength(3);
    } finally {
      await hook.close();
    }
  });

  it("retries the job when the static target cannot be written, and completes it once it can", async () => {
    // a file where the output folder should be: mkdir fails, as on a full or read-only volume
    const blocked = path.join(folder, "not-a-folder");
    await writeFile(blocked, "in the way");
    process.env.PUBLIC_OUTPUT_DIR = blocked;
    process.env.PUBLIC_BASE_URL = ORIGIN;
    const fixture = await publishedExplainer();
    await runDueJobs();
    const failed = await jobFailed(fixture.slug);
    expect(failed).toMatchObject({ attempts: 1 });
    expect(failed!.last_error).toMatch(/ENOTDIR|EEXIST/);

    await rm(blocked);
    await retryNow(failed!.id);
    await runDueJobs();
    await jobDone(fixture.slug);
    expect(await readFile(path.join(blocked, `explainers/${fixture.slug}.html`), "utf8")).toContain("Lorvan ferry");
  });
});

describe("revalidations answered before routing", () => {
  const revalidate = (urlPath: string, init: RequestInit = {}) => answerPublicRevalidation(new Request(`${ORIGIN}${urlPath}`, init), urlPath);
  const saved = globalThis.__wiredeskPublicCache;
  afterEach(() => {
    globalThis.__wiredeskPublicCache = saved;
  });

  it("a held tag at the current site version gets the route's 304 without the route; anything else goes on to the route", async () => {
    const fixture = await publishedExplainer();
    const page = `/explainers/${fixture.slug}`;
    const instance = newInstance();
    globalThis.__wiredeskPublicCache = instance;

    // nothing held yet: the route renders
    expect(await revalidate(page, { headers: { "if-none-match": '"any"' } })).toBeNull();
    for (const urlPath of [page, "/explainers/feed.atom", "/explainers/feed.rss"]) {
      const full = await get(urlPath, { cache: instance });
      const etag = full.headers.get("etag")!;
      const answered = await revalidate(urlPath, { headers: { "if-none-match": etag } });
      expect(answered?.status).toBe(304);
      for (const header of ["etag", "cache-control", "content-type", "content-security-policy", "vary"]) {
        expect(answered!.headers.get(header)).toBe(full.headers.get(header));
      }
      expect((await revalidate(urlPath, { method: "HEAD", headers: { "if-none-match": `W/${etag}` } }))?.status).toBe(304);
      // another tag, no condition, or a write: the route decides
      expect(await revalidate(urlPath, { headers: { "if-none-match": '"an-old-tag"' } })).toBeNull();
      expect(await revalidate(urlPath)).toBeNull();
      expect(await revalidate(urlPath, { method: "POST", headers: { "if-none-match": etag } })).toBeNull();
    }
    expect(await revalidate("/explainers/a/b", { headers: { "if-none-match": "*" } })).toBeNull();
    expect(await revalidate("/explainers/%E0%A4%A", { headers: { "if-none-match": "*" } })).toBeNull();

    // a correction made elsewhere moves the site version: the held tag no longer earns a 304
    const held = (await get(page, { cache: instance })).headers.get("etag")!;
    await approveChange(fixture, "The ferry crossing reopened at dawn on Thursday.");
    await publishCorrection(desk.editor.actor, { ...(await publishTarget(fixture)), note: "An earlier version gave the wrong day for the reopening of the crossing." });
    expect(await revalidate(page, { headers: { "if-none-match": held } })).toBeNull();
    const corrected = await get(page, { cache: instance, headers: { "if-none-match": held } });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toContain("reopened at dawn on Thursday");
  });

  it("with the page cache off nothing is answered early", async () => {
    const fixture = await publishedExplainer();
    const page = `/explainers/${fixture.slug}`;
    const off = new PublicPageCache(new PublicSiteVersionReader(), () => false);
    globalThis.__wiredeskPublicCache = off;
    const etag = (await get(page, { cache: off })).headers.get("etag")!;
    expect(await revalidate(page, { headers: { "if-none-match": etag } })).toBeNull();
    expect((await get(page, { cache: off, headers: { "if-none-match": etag } })).status).toBe(304);
  });
});
