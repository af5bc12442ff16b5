/**
 * Hostile input over HTTP: every server action in the build, every JSON route and the desk's
 * pages and feeds get malformed, oversized and hostile input (NUL bytes, lone surrogates, wrong
 * types, nulls, deep nesting, megabyte strings, bidi controls, script), signed in as an admin so
 * each request reaches as deep as it can. The bar: no answer is a server error, and the desk
 * still answers afterwards.
 */
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { STORAGE } from "./support/auth";
import { buildStory, createToken, signedInPerson } from "./support/api-ingest";

type Manifest = { node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }> };

function nested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let level = 0; level < depth; level++) value = { child: value };
  return value;
}

const LONE_SURROGATE = "\ud800";
const HOSTILE_VALUES: unknown[] = [
  null,
  42,
  true,
  "",
  "\u0000",
  `text with a lone surrogate ${LONE_SURROGATE}`,
  "\u202Eevil\u202C and \u200B hidden",
  "<script>alert(1)</script><img src=x onerror=alert(2)>",
  "x".repeat(300_000),
  [],
  [null, 1, "two"],
  nested(200),
  { storyId: "../../etc/passwd", id: "\u0000", version: "NaN", text: "\ud800", __proto__: { admin: true } },
];

/** A page path under which Next.js runs an action: its first page with every [segment] filled. */
function pagePathOf(worker: string, storyId: string): string {
  const path = worker
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .replace(/\/\([^)]+\)/g, "")
    .replace(/\[storyId\]/g, storyId)
    .replace(/\[[^\]]+\]/g, randomUUID());
  return path || "/";
}

function serverActions(): { id: string; name: string; worker: string }[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as Manifest;
  return Object.entries(manifest.node).map(([id, action]) => ({ id, name: `${action.filename}#${action.exportedName}`, worker: Object.keys(action.workers)[0]! }));
}

type Outcome = { what: string; status: number };

async function post(request: APIRequestContext, baseURL: string, path: string, headers: Record<string, string>, body: string): Promise<number> {
  const response = await request.post(path, { headers: { Origin: baseURL, ...headers }, data: body, maxRedirects: 0 });
  return response.status();
}

/** JSON.stringify that keeps lone surrogates as they are (a hostile client sends them raw). */
function rawJson(value: unknown): string {
  return JSON.stringify(value).replace(/\\ud800/g, LONE_SURROGATE);
}

test.describe("hostile input over HTTP", () => {
  test.use({ storageState: STORAGE.ADMIN });

  test("no form, action, route or page answers hostile input with a server error", async ({ request, baseURL, playwright }) => {
    test.setTimeout(240_000);
    const storyId = await buildStory(signedInPerson("ADMIN").id);
    const outcomes: Outcome[] = [];

    // every server action, with each hostile value as its argument (and with no argument)
    for (const action of serverActions()) {
      const path = pagePathOf(action.worker, storyId);
      for (const args of [[], ...HOSTILE_VALUES.map((value) => [value]), [HOSTILE_VALUES[12], HOSTILE_VALUES[4]]]) {
        const status = await post(request, baseURL!, path, { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" }, rawJson(args));
        outcomes.push({ what: `${action.name} ${rawJson(args).slice(0, 60)}`, status });
      }
    }

    // the JSON routes, with broken and hostile bodies
    const { token } = await createToken(request, baseURL!, `Hostile ${randomUUID().slice(0, 6)}`);
    const wire = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    const bodies = ["{", "\u0000", "null", "[]", "[null]", rawJson({ source: "\u0000", headline: LONE_SURROGATE, body: 5 }), rawJson(nested(500)), rawJson({ items: Array.from({ length: 2000 }, () => null) }), `{"headline":"${"y".repeat(600_000)}"}`];
    for (const body of bodies) {
      const pushed = await wire.post(`/api/v1/stories/${storyId}/reports`, { headers: { "Content-Type": "application/json" }, data: body, maxRedirects: 0 });
      outcomes.push({ what: `push ${body.slice(0, 40)}`, status: pushed.status() });
      for (const route of [`/api/stories/${storyId}/imports`, `/api/stories/${storyId}/explainers/${randomUUID()}/publishing`, `/api/explainers/${randomUUID()}/collab-session`]) {
        outcomes.push({ what: `${route} ${body.slice(0, 40)}`, status: await post(request, baseURL!, route, { "Content-Type": "application/json" }, body) });
      }
    }
    await wire.dispose();

    // pages, feeds and public pages with hostile paths and query strings
    const paths = [
      "/stories?q=%00",
      `/stories?q=${encodeURIComponent("x".repeat(5000))}`,
      "/stories?q=%ED%A0%80",
      "/stories/not-a-uuid",
      `/stories/${storyId}/claims?status=%00&q=%ED%A0%80&tag=${"z".repeat(3000)}`,
      `/stories/${storyId}/facts?sort=__proto__`,
      `/stories/${storyId}/reports/${randomUUID()}`,
      `/stories/${storyId}/activity?cursor=%00`,
      "/audit?actorId=%00&from=2026-99-99&to=x",
      "/explainers/%00",
      `/explainers/${"a".repeat(3000)}`,
      "/explainers/feed.rss?x=%ED%A0%80",
      "/notifications?page=-1",
      "/login?callbackUrl=javascript:alert(1)",
      "/unavailable?next=//evil.example",
    ];
    for (const path of paths) {
      const response = await request.get(path, { maxRedirects: 0 });
      outcomes.push({ what: `GET ${path.slice(0, 60)}`, status: response.status() });
    }

    // sign-in with hostile credentials
    for (const value of ["\u0000", LONE_SURROGATE, "x".repeat(100_000)]) {
      const signIn = await playwright.request.newContext({ baseURL });
      const { csrfToken } = (await (await signIn.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const response = await signIn.post("/api/auth/callback/credentials", { form: { csrfToken, email: value, password: value, json: "true" }, maxRedirects: 0 });
      outcomes.push({ what: `sign-in ${JSON.stringify(value.slice(0, 10))} (${value.length} characters)`, status: response.status() });
      await signIn.dispose();
    }

    const serverErrors = outcomes.filter((outcome) => outcome.status >= 500);
    console.log(`hostile input over HTTP: ${outcomes.length} requests, ${serverErrors.length} server errors`);
    expect(outcomes.length).toBeGreaterThanOrEqual(200);
    expect(serverErrors, serverErrors.map((outcome) => `${outcome.status} ${outcome.what}`).join("\n")).toEqual([]);
    expect((await request.get("/api/health")).status()).toBe(200);
  });
});
