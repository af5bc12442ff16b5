import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { isSameOrigin } from "./same-origin";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./server-action-guard";

const DESK = "http://desk.example";

function actionPost(headers: Record<string, string>): NextRequest {
  return new NextRequest(`${DESK}/stories/some-story`, { method: "POST", headers: { host: "desk.example", "content-length": "120", ...headers } });
}

describe("the same-origin guard on server actions (proxy.ts)", () => {
  it("refuses a form posted from another site with a 403 that says why, before Next.js reads it", async () => {
    const response = await proxy(actionPost({ origin: "https://attacker.example" }));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, kind: "forbidden", error: expect.stringContaining("Cross-site request refused") });
  });

  it.each([
    ["an opaque origin (sandboxed frame)", { origin: "null" }],
    ["a malformed origin", { origin: "not a url" }],
    ["the right host on another port", { origin: "http://desk.example:8080" }],
    ["a forwarded host that is not the origin's", { origin: DESK, "x-forwarded-host": "other.example" }],
  ])("refuses %s", async (_case, headers) => {
    expect((await proxy(actionPost(headers))).status).toBe(403);
  });

  it("lets the desk's own forms through, behind a proxy too (first X-Forwarded-Host entry)", async () => {
    expect((await proxy(actionPost({ origin: DESK }))).status).toBe(200);
    const proxied = actionPost({ origin: "https://news.example.org", host: "10.0.0.5:3000", "x-forwarded-host": "news.example.org, lb.internal" });
    expect((await proxy(proxied)).status).toBe(200);
  });

  it("refuses an oversized action body with 413 and a chunked one with 411", async () => {
    expect((await proxy(actionPost({ origin: DESK, "content-length": String(SERVER_ACTION_BODY_LIMIT_BYTES + 1) }))).status).toBe(413);
    const chunked = new NextRequest(`${DESK}/stories/x`, { method: "POST", headers: { host: "desk.example", origin: DESK, "transfer-encoding": "chunked" } });
    expect((await proxy(chunked)).status).toBe(411);
  });

  it("leaves page reads alone, whatever their Origin", async () => {
    const read = new NextRequest(`${DESK}/stories`, { headers: { host: "desk.example", origin: "https://attacker.example" } });
    expect((await proxy(read)).status).toBe(200);
  });
});

describe("the same-origin guard on cookie-authenticated API routes", () => {
  const post = (headers: Record<string, string>) => new Request(`${DESK}/api/stories/x/imports`, { method: "POST", headers });

  it("accepts only a request whose Origin names the requested host", () => {
    expect(isSameOrigin(post({ host: "desk.example", origin: DESK }))).toBe(true);
    expect(isSameOrigin(post({ host: "desk.example", origin: "https://attacker.example" }))).toBe(false);
    expect(isSameOrigin(post({ host: "desk.example", origin: "null" }))).toBe(false);
  });

  it("refuses a request without Origin (a route cannot tell where it came from)", () => {
    expect(isSameOrigin(post({ host: "desk.example" }))).toBe(false);
  });
});
