/**
 * Feed sources against real feeds: a local HTTP server started here serves RSS, ninjs and
 * failing endpoints; a temporary folder stands in for a wire system's drop folder. The loopback
 * address is on the private-address allow-list only for this file, as an operator would put a
 * wire bridge on the newsroom's network.
 */
import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { buildStory, buildUser, uniqueToken } from "@/lib/testing/factories";
import { addFeedSource } from "./add-feed-source";
import { listFeedSources } from "./list-feed-sources";
import { MAX_BACKOFF_SECONDS } from "./backoff";
import { pollFeedSource, queueDueFeedPolls } from "./poll-feed-source";
import { removeFeedSource } from "./remove-feed-source";
import { setFeedSourcePaused } from "./set-feed-source-paused";

type Route = { status?: number; body?: string | Buffer; type?: string; etag?: string; hang?: boolean; location?: string };
const routes = new Map<string, Route>();
const requests: { path: string; ifNoneMatch: string | undefined }[] = [];
let server: http.Server;
let base: string;
let folderRoot: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    requests.push({ path: request.url ?? "", ifNoneMatch: request.headers["if-none-match"] });
    const route = routes.get(request.url ?? "");
    if (!route) return response.writeHead(404).end("not here");
    if (route.hang) return; // never answers: the poll's time budget must end it
    if (route.location) return response.writeHead(302, { location: route.location }).end();
    if (route.etag && request.headers["if-none-match"] === route.etag) return response.writeHead(304, { etag: route.etag }).end();
    response.writeHead(route.status ?? 200, { "content-type": route.type ?? "application/rss+xml; charset=utf-8", ...(route.etag ? { etag: route.etag } : {}) });
    response.end(route.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  folderRoot = await mkdtemp(path.join(os.tmpdir(), "wiredesk-feeds-"));
  process.env.FEED_PRIVATE_ADDRESS_ALLOWLIST = "127.0.0.1";
  process.env.FEED_FOLDER_ROOT = folderRoot;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(folderRoot, { recursive: true, force: true });
  delete process.env.FEED_PRIVATE_ADDRESS_ALLOWLIST;
  delete process.env.FEED_FOLDER_ROOT;
});

beforeEach(() => {
  process.env.FEED_PRIVATE_ADDRESS_ALLOWLIST = "127.0.0.1";
});

function rss(token: string, items: { guid: string; title: string; body: string }[]): string {
  const entries = items
    .map(
      (item) => `<item><title>${item.title}</title><guid isPermaLink="false">${item.guid}</guid><pubDate>Wed, 03 Dec 2031 07:30:00 +0000</pubDate><description><![CDATA[<p>${item.body}</p>]]></description></item>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Lorvan Coast Wire ${token}</title><link>https://lorvan-coast.example/</link>${entries}</channel></rss>`;
}

/** A feed route with two invented items; returns its path. */
function serveFeed(etag = `"v1-${uniqueToken()}"`) {
  const token = uniqueToken();
  const feedPath = `/feeds/${token}.xml`;
  const items = [
    { guid: `lcw-${token}-1`, title: "Ferry service halted at Lorvan", body: `The invented Lorvan ferry stopped after a hull breach, the operator said. Ref ${token}.` },
    { guid: `lcw-${token}-2`, title: "Shelters open in Lorvan schools", body: `Two school buildings in Lorvan opened as shelters, the council said. Ref ${token}.` },
  ];
  routes.set(feedPath, { body: rss(token, items), etag });
  return { feedPath, token, items };
}

async function editorAndStory() {
  const editor = await buildUser({ role: "EDITOR" });
  const story = await buildStory(editor.actor);
  return { editor, story };
}

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe("polling an RSS feed source", () => {
  it("imports the feed's items, then a 304 imports nothing, then a changed item becomes a new version", async () => {
    const { editor, story } = await editorAndStory();
    const feed = serveFeed();
    const added = await addFeedSource(editor.actor, { storyId: story.id, kind: "RSS_ATOM", name: "Coast wire", location: `${base}${feed.feedPath}`, intervalMinutes: 5 });
    const [queued] = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM graphile_worker.jobs WHERE key = ${`feed-source:${added.id}`}`;
    expect(Number(queued!.count)).toBe(1);

    const first = await pollFeedSource(added.id);
    expect(first.status).toBe("fetched");
    if (first.status !== "fetched") return;
    expect(first.results.map((result) => result.outcome)).toEqual(["imported", "imported"]);
    expect(first.taken).toBe(2);
    const reports = await db.report.findMany({ where: { storyId: story.id }, include: { source: true, versions: true } });
    expect(reports).toHaveLength(2);
    expect(reports.every((report) => report.versions[0]!.channel === "FEED" && report.versions[0]!.importedById === editor.id)).toBe(true);
    expect(reports[0]!.source?.name).toBe(`Lorvan Coast Wire ${feed.token}`);

    // not due yet: a second job for the same source does nothing
    expect((await pollFeedSource(added.id)).status).toBe("skipped");

    const second = await pollFeedSource(added.id, { now: later(6) });
    expect(second.status).toBe("not_modified");
    expect(requests.filter((request) => request.path === feed.feedPath).at(-1)!.ifNoneMatch).toBe(routes.get(feed.feedPath)!.etag);
    expect(await db.report.count({ where: { storyId: story.id } })).toBe(2);

    // the agency corrects the first item: same guid, new text, new ETag
    const changed = [{ ...feed.items[0]!, body: `${feed.items[0]!.body} At least 40 passengers were moved to another boat.` }, feed.items[1]!];
    routes.set(feed.feedPath, { body: rss(feed.token, changed), etag: `"v2-${feed.token}"` });
    const third = await pollFeedSource(added.id, { now: later(12) });
    expect(third.status === "fetched" && third.results.map((result) => result.outcome)).toEqual(["new_version", "duplicate"]);
    const corrected = await db.report.findFirstOrThrow({ where: { storyId: story.id, externalId: feed.items[0]!.guid } });
    expect(corrected.currentVersion).toBe(2);

    const [view] = await listFeedSources(editor.actor, story.id);
    expect(view).toMatchObject({ health: "healthy", itemsTaken: 3, consecutiveFailures: 0, lastError: null });
    expect(view!.lastSuccessAt).not.toBeNull();
    expect(view!.lastResults.map((result) => result.outcome)).toEqual(["new_version", "duplicate"]);
  });

  it("imports a ninjs endpoint's items, with the source's default outlet for those naming none", async () => {
    const { editor, story } = await editorAndStory();
    const token = uniqueToken();
    routes.set(`/ninjs/${token}`, {
      type: "application/json",
      body: JSON.stringify([
        { uri: `urn:test:${token}:1`, version: "1", headline: "Bridge closed at Tamsel", body_text: `The invented Tamsel bridge closed after cracks were found, engineers said. ${token}` },
        { uri: `urn:test:${token}:2`, version: "1", type: "picture", headline: "Photo of the bridge" },
      ]),
    });
    const added = await addFeedSource(editor.actor, { storyId: story.id, kind: "NINJS", name: "Tamsel desk", location: `${base}/ninjs/${token}`, defaultSource: "Tamsel Herald" });
    const polled = await pollFeedSource(added.id);
    expect(polled.status).toBe("fetched");
    if (polled.status !== "fetched") return;
    expect(polled.results.map((result) => result.outcome)).toEqual(["imported", "rejected"]);
    expect(polled.results[1]!.reason).toMatch(/picture/i);
    const report = await db.report.findFirstOrThrow({ where: { storyId: story.id }, include: { source: true } });
    expect(report.source?.name).toBe("Tamsel Herald");
  });
});

describe("a failing feed source", () => {
  it("backs off exponentially up to the cap while another source of the story keeps working", async () => {
    const { editor, story } = await editorAndStory();
    const token = uniqueToken();
    routes.set(`/down/${token}`, { status: 500, body: "upstream broke" });
    const healthy = serveFeed();
    const failing = await addFeedSource(editor.actor, { storyId: story.id, kind: "RSS_ATOM", name: "Down wire", location: `${base}/down/${token}`, intervalMinutes: 10 });
    const working = await addFeedSource(editor.actor, { storyId: story.id, kind: "RSS_ATOM", name: "Up wire", location: `${base}${healthy.feedPath}`, intervalMinutes: 10 });

    const start = new Date();
    const down = await pollFeedSource(failing.id, { now: start });
    expect(down.status).toBe("failed");
    if (down.status !== "failed") return;
    expect(down.error).toMatch(/HTTP 500/);
    expect(down.nextPollAt.getTime() - start.getTime()).toBe(20 * 60_000);
    const up = await pollFeedSource(working.id, { now: start });
    expect(up.status === "fetched" && up.taken).toBe(2);

    // at the ordinary interval the working one polls again; the failing one waits out its back-off
    const tick = new Date(start.getTime() + 11 * 60_000);
    expect((await pollFeedSource(failing.id, { now: tick })).status).toBe("skipped");
    expect((await pollFeedSource(working.id, { now: tick })).status).toBe("not_modified");

    const again = await pollFeedSource(failing.id, { now: new Date(start.getTime() + 21 * 60_000) });
    expect(again.status === "failed" && again.nextPollAt.getTime() - (start.getTime() + 21 * 60_000)).toBe(40 * 60_000);
    const third = await pollFeedSource(failing.id, { now: new Date(start.getTime() + 62 * 60_000) });
    expect(third.status === "failed" && third.nextPollAt.getTime() - (start.getTime() + 62 * 60_000)).toBe(MAX_BACKOFF_SECONDS * 1000);

    const views = await listFeedSources(editor.actor, story.id);
    expect(views.find((view) => view.id === failing.id)).toMatchObject({ health: "failing", consecutiveFailures: 3, itemsTaken: 0, lastError: expect.stringMatching(/HTTP 500/) });
    expect(views.find((view) => view.id === working.id)).toMatchObject({ health: "healthy", itemsTaken: 2 });

    // the working source recovers nothing it should not: the failing one's fix shows on its next poll
    routes.set(`/down/${token}`, { body: rss(token, [{ guid: `down-${token}`, title: "Back online", body: `The invented wire is back, its editor said. ${token}` }]) });
    const recovered = await pollFeedSource(failing.id, { now: new Date(start.getTime() + 200 * 60_000) });
    expect(recovered.status === "fetched" && recovered.taken).toBe(1);
    expect((await listFeedSources(editor.actor, story.id)).find((view) => view.id === failing.id)).toMatchObject({ health: "healthy", consecutiveFailures: 0 });
  });

  it("gives up on a server that never answers within the time budget, and on a body over the size cap", async () => {
    const { editor, story } = await editorAndStory();
    const token = uniqueToken();
    routes.set(`/hang/${token}`, { hang: true });
    routes.set(`/huge/${token}`, { body: Buffer.alloc(64 * 1024, 65) });
    const hanging = await addFeedSource(editor.actor, { storyId: story.id, kind: "RSS_ATOM", name: "Slow wire", location: `${base}/hang/${token}` });
    const huge = await addFeedSource(editor.actor, { storyId: story.id, kind: "RSS_ATOM", name: "Huge wire", location: `${base}/huge/${token}` });
    const started = Date.now();
    const slow = await pollFeedSource(hanging.id, { limits: { timeoutMs: 300 } });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(slow.status === "failed" && slow.error).toMatch(/no complete answer within/);
    const big = await pollFeedSource(huge.id, { limits: { maxBytes: 16 * 1024 } });
    expect(big.status === "failed" && big.error).toMatch(/larger than/);
  });

  it("fails, rather than importing, when an RSS source answers with a web page", async () => {
    const { editor, story } = await editorAndStory();
    const token = uniqueToken();
    routes.set(`/login/${token}`, { type: "text/html", body: `<!doctype html><html><head><title>Sign in</title></head><body><article><h1>Sign in to the wire</h1><p>Your session has expired. Sign in again to read the invented agency's feed ${token}.</p></article></body></html>` });
    const source = await addFeedSource(editor.actor, { storyId: story.id, kind: "RSS_ATOM", name: "Wire behind login", location: `${base}/login/${token}`, defaultSource: "Some Agency" });
    const polled = await pollFeedSource(source.id);
    expect(polled.status === "failed" && polled.error).toMatch(/expected an RSS or Atom feed, but the URL answered with html/);
    expect(await db.report.count({ where: { storyId: story.id } })).toBe(0);
  });
});

describe("refusing private addresses (SSRF)", () => {
  it("refuses private, loopback and metadata addresses unless the operator allow-listed them", async () => {
    const { editor, story } = await editorAndStory();
    for (const location of ["http://10.1.2.3/feed.xml", "http://169.254.169.254/latest/meta-data/", "http://[::1]:8080/feed", "http://192.168.0.10/rss", "http://127.0.0.2:5432/"]) {
      await expect(addFeedSource(editor.actor, { storyId: story.id, kind: "RSS_ATOM", name: "Internal", location })).rejects.toMatchObject({ kind: "invalid", fieldErrors: { location: expect.stringMatching(/will not fetch/) } });
    }
    await expect(addFeedSource(editor.actor, { storyId: story.id, kind: "RSS_ATOM", name: "Files", location: "file:///etc/passwd" })).rejects.toMatchObject({ kind: "invalid" });

    // added while allowed, then the operator narrows the list: the next poll refuses to connect
    const feed = serveFeed();
    const source = await addFeedSource(editor.actor, { storyId: story.id, kind: "RSS_ATOM", name: "Bridge", location: `${base}${feed.feedPath}` });
    process.env.FEED_PRIVATE_ADDRESS_ALLOWLIST = "";
    const polled = await pollFeedSource(source.id);
    expect(polled.status === "failed" && polled.error).toMatch(/loopback/);
    expect(requests.some((request) => request.path === feed.feedPath)).toBe(false);
  });

  it("refuses a redirect to a private address", async () => {
    const { editor, story } = await editorAndStory();
    const token = uniqueToken();
    routes.set(`/hop/${token}`, { location: "http://169.254.169.254/latest/meta-data/" });
    const source = await addFeedSource(editor.actor, { storyId: story.id, kind: "RSS_ATOM", name: "Hop", location: `${base}/hop/${token}` });
    const polled = await pollFeedSource(source.id);
    expect(polled.status === "failed" && polled.error).toMatch(/linkLocal/);
  });
});

describe("a watched folder", () => {
  it("imports files dropped into the folder once each, and only new ones on later polls", async () => {
    const { editor, story } = await editorAndStory();
    const token = uniqueToken();
    const folder = path.join(folderRoot, token);
    await mkdir(folder);
    await writeFile(path.join(folder, "a.json"), JSON.stringify({ uri: `urn:drop:${token}:a`, headline: "Dam gates opened at Selvan", body_text: `Engineers opened two gates of the invented Selvan dam, the authority said. ${token}` }));
    await writeFile(path.join(folder, "b.txt"), `Road reopens north of Selvan\n\nThe invented northern road reopened at noon, police said. ${token}`);
    await writeFile(path.join(folder, ".c.json.part"), "{ half written");
    const source = await addFeedSource(editor.actor, { storyId: story.id, kind: "FOLDER", name: "Drop folder", location: token, defaultSource: "Selvan Post", intervalMinutes: 1 });

    const first = await pollFeedSource(source.id);
    expect(first.status === "fetched" && first.results.map((result) => [result.file, result.outcome])).toEqual([
      ["a.json", "imported"],
      ["b.txt", "imported"],
    ]);
    expect((await pollFeedSource(source.id, { now: later(2) })).status).toBe("not_modified");

    // a file copied in with an old modification time still counts as new
    const copied = path.join(folder, "c.json");
    await writeFile(copied, JSON.stringify({ uri: `urn:drop:${token}:c`, headline: "Water level falls at Selvan", body_text: `The river level fell by a metre overnight, the invented authority said. ${token}` }));
    await utimes(copied, new Date("2020-01-01"), new Date("2020-01-01"));
    const third = await pollFeedSource(source.id, { now: later(4) });
    expect(third.status === "fetched" && third.results.map((result) => [result.file, result.outcome])).toEqual([["c.json", "imported"]]);
    expect(await db.report.count({ where: { storyId: story.id } })).toBe(3);
  });

  it("refuses folders outside the folder root, through .. or a symlink", async () => {
    const { editor, story } = await editorAndStory();
    const token = uniqueToken();
    await symlink(os.tmpdir(), path.join(folderRoot, `escape-${token}`));
    for (const location of ["..", "/etc", `escape-${token}`, `missing-${token}`]) {
      await expect(addFeedSource(editor.actor, { storyId: story.id, kind: "FOLDER", name: "Outside", location })).rejects.toMatchObject({ kind: "invalid" });
    }
  });
});

describe("managing feed sources", () => {
  it("lets editors add, pause, resume and remove sources, audited; viewers and API tokens may not", async () => {
    const { editor, story } = await editorAndStory();
    const viewer = await buildUser({ role: "VIEWER" });
    const feed = serveFeed();
    const input = { storyId: story.id, kind: "RSS_ATOM", name: "Coast wire", location: `${base}${feed.feedPath}` };
    await expect(addFeedSource(viewer.actor, input)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(addFeedSource({ ...editor.actor, apiTokenId: "00000000-0000-4000-8000-000000000000" }, input)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(addFeedSource(editor.actor, { ...input, intervalMinutes: 0 })).rejects.toMatchObject({ kind: "invalid", fieldErrors: { intervalMinutes: expect.any(String) } });

    const added = await addFeedSource(editor.actor, input);
    await expect(addFeedSource(editor.actor, input)).rejects.toMatchObject({ kind: "conflict" });
    expect(await listFeedSources(viewer.actor, story.id)).toHaveLength(1);

    await expect(setFeedSourcePaused(viewer.actor, { storyId: story.id, feedSourceId: added.id, paused: true, version: 1 })).rejects.toMatchObject({ kind: "forbidden" });
    const paused = await setFeedSourcePaused(editor.actor, { storyId: story.id, feedSourceId: added.id, paused: "true", version: "1" });
    expect(paused).toMatchObject({ paused: true, version: 2 });
    await expect(setFeedSourcePaused(editor.actor, { storyId: story.id, feedSourceId: added.id, paused: false, version: 1 })).rejects.toMatchObject({ kind: "conflict" });
    expect((await pollFeedSource(added.id, { now: later(60) })).status).toBe("skipped");

    await setFeedSourcePaused(editor.actor, { storyId: story.id, feedSourceId: added.id, paused: false, version: 2 });
    expect((await pollFeedSource(added.id)).status).toBe("fetched");

    // another story's id cannot reach this source
    const other = await buildStory(editor.actor);
    await expect(removeFeedSource(editor.actor, { storyId: other.id, feedSourceId: added.id })).rejects.toMatchObject({ kind: "not_found" });
    await removeFeedSource(editor.actor, { storyId: story.id, feedSourceId: added.id });
    expect(await listFeedSources(editor.actor, story.id)).toHaveLength(0);
    // the reports it imported stay
    expect(await db.report.count({ where: { storyId: story.id } })).toBe(2);

    const audit = await db.auditEvent.findMany({ where: { entityId: added.id }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true } });
    expect(audit.map((event) => event.action)).toEqual(["feed_source.add", "feed_source.pause", "feed_source.resume", "feed_source.remove"]);
    expect(audit.every((event) => event.actorId === editor.id)).toBe(true);
  });

  it("queues polls only for sources that are due and not paused", async () => {
    const { editor, story } = await editorAndStory();
    const due = await addFeedSource(editor.actor, { storyId: story.id, kind: "RSS_ATOM", name: "Due", location: `${base}${serveFeed().feedPath}` });
    const pausedSource = await addFeedSource(editor.actor, { storyId: story.id, kind: "RSS_ATOM", name: "Paused", location: `${base}${serveFeed().feedPath}` });
    await setFeedSourcePaused(editor.actor, { storyId: story.id, feedSourceId: pausedSource.id, paused: true, version: 1 });
    await db.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE key IN (${`feed-source:${due.id}`}, ${`feed-source:${pausedSource.id}`})`;
    await queueDueFeedPolls();
    const keys = await db.$queryRaw<{ key: string }[]>`SELECT key FROM graphile_worker.jobs WHERE key IN (${`feed-source:${due.id}`}, ${`feed-source:${pausedSource.id}`})`;
    expect(keys.map((row) => row.key)).toEqual([`feed-source:${due.id}`]);
  });

  it("stops importing, with a reason on the source, once the person who added it may no longer import", async () => {
    const { editor, story } = await editorAndStory();
    const source = await addFeedSource(editor.actor, { storyId: story.id, kind: "RSS_ATOM", name: "Coast wire", location: `${base}${serveFeed().feedPath}` });
    await db.user.update({ where: { id: editor.id }, data: { role: "VIEWER" } });
    const polled = await pollFeedSource(source.id);
    expect(polled.status === "failed" && polled.error).toMatch(/can no longer import/);
    expect(await db.report.count({ where: { storyId: story.id } })).toBe(0);
  });
});
