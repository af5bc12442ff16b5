import { readFileSync } from "node:fs";
import { expect, test, type Page, type Response } from "@playwright/test";
import { PEOPLE_FILE, STORAGE, signIn } from "./support/auth";
import { buildPerson, buildStoryWithReport } from "./support/factories";
import { buildApprovedExplainer, explainerVersion } from "./support/publishing-factories";
import { buildDraftExplainer } from "./support/explainer-factories";

/**
 * The Content-Security-Policy leaves the desk working: every page answers with a policy whose
 * nonce is on each of its scripts, the browser reports no violation while a user signs in, reads
 * stories and claims and co-edits an explainer, and the public site gets a script-free policy.
 */

type Violation = { directive: string; blocked: string; source: string };

declare global {
  interface Window {
    __cspViolations?: Violation[];
  }
}

const TEXT = "TALVAR, Dec 4 (Northgate) — The Talvar ferry stopped running after the storm, the port office said.";

/** Records every violation event from the first script on, and console lines about the policy. */
async function watchPolicy(page: Page): Promise<{ console: string[]; violations: () => Promise<Violation[]> }> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__cspViolations!.push({ directive: event.violatedDirective, blocked: event.blockedURI, source: event.sourceFile });
    });
  });
  const lines: string[] = [];
  page.on("console", (message) => {
    if (/content security policy/i.test(message.text())) lines.push(message.text());
  });
  // violations are kept per document, so each page is read before the next navigation
  return { console: lines, violations: async () => (await page.evaluate(() => window.__cspViolations ?? [])) ?? [] };
}

/** The nonce of a desk page's policy, after checking the policy and that every script carries it. */
async function expectNonceOnEveryScript(response: Response | null): Promise<string> {
  expect(response, "a page response").not.toBeNull();
  const policy = (await response!.allHeaders())["content-security-policy"] ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
  expect(nonce, `a nonce in "${policy}"`).toBeTruthy();
  expect(policy).toContain("'strict-dynamic'");
  expect(policy).not.toContain("'unsafe-eval'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toMatch(/connect-src 'self' ws:\/\/localhost:\d+ wss:\/\/localhost:\d+/);
  const html = await response!.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, "the page has scripts").toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, "each script carries the nonce").toContain(`nonce="${nonce}"`);
  return nonce!;
}

async function visit(page: Page, path: string): Promise<string> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  const nonce = await expectNonceOnEveryScript(response);
  await page.waitForLoadState("load");
  return nonce;
}

async function expectNoViolations(page: Page, watch: Awaited<ReturnType<typeof watchPolicy>>, where: string): Promise<void> {
  expect(await watch.violations(), `violations on ${where}`).toEqual([]);
  expect(watch.console, `console lines about the policy on ${where}`).toEqual([]);
}

function editorId(): string {
  return (JSON.parse(readFileSync(PEOPLE_FILE, "utf8")) as Record<string, { id: string }>).EDITOR!.id;
}

test.describe("the Content-Security-Policy on the sign-in page", () => {
  test("the sign-in page carries a nonce on its scripts, and signing in through it breaks no rule", async ({ page }) => {
    const watch = await watchPolicy(page);
    const response = await page.goto("/login");
    await expectNonceOnEveryScript(response);
    await expectNoViolations(page, watch, "/login");
    await signIn(page, await buildPerson("EDITOR"));
    await expect(page.getByRole("heading", { name: "Stories", level: 1 })).toBeVisible();
    await expectNoViolations(page, watch, "/stories after signing in");
  });
});

test.describe("the Content-Security-Policy on the desk", () => {
  test.use({ storageState: STORAGE.EDITOR });

  test("stories, a story, its claims board and a co-edited explainer work with no violation", async ({ page }) => {
    const watch = await watchPolicy(page);
    const storyTitle = `Ferry story ${Date.now()}`;
    const { storyId } = await buildStoryWithReport({ id: editorId() }, {
      title: storyTitle,
      text: TEXT,
      claims: [{ start: TEXT.indexOf("The Talvar"), end: TEXT.indexOf(", the port"), statement: "The Talvar ferry stopped running after the storm" }],
    });

    const nonces = new Set<string>();
    nonces.add(await visit(page, "/stories"));
    await expect(page.getByRole("heading", { name: "Stories", level: 1 })).toBeVisible();
    await expectNoViolations(page, watch, "/stories");

    nonces.add(await visit(page, `/stories/${storyId}`));
    await expect(page.getByRole("heading", { name: storyTitle, level: 1 })).toBeVisible();
    await expectNoViolations(page, watch, "the story");

    nonces.add(await visit(page, `/stories/${storyId}/claims`));
    await expect(page.getByText("The Talvar ferry stopped running after the storm").first()).toBeVisible();
    await expectNoViolations(page, watch, "the claims board");

    const explainerId = await buildDraftExplainer({
      storyId,
      authorId: editorId(),
      title: "What to know about the ferry",
      dek: "Crossings stopped.",
      content: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "First line." }] }] },
    });
    nonces.add(await visit(page, `/stories/${storyId}/explainers/${explainerId}`));
    // the websocket to the collaboration server is allowed by connect-src
    await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible({ timeout: 15_000 });
    const text = page.getByRole("textbox", { name: "Explainer text" });
    await text.getByText("First line.").click();
    await page.keyboard.press("End");
    await page.keyboard.type(" Typed under the policy.");
    await expect(text).toContainText("First line. Typed under the policy.");
    await expect(page.locator("[data-unsynced]")).toHaveAttribute("data-unsynced", "0", { timeout: 15_000 });
    await expectNoViolations(page, watch, "the explainer editor");

    expect(nonces.size, "a fresh nonce for every page").toBe(4);
  });
});

test.describe("the Content-Security-Policy on the public site", () => {
  test.use({ storageState: STORAGE.EDITOR });

  test("a published explainer gets a script-free policy that revalidates with its ETag, and breaks no rule", async ({ page, baseURL }) => {
    const fixture = await buildApprovedExplainer();
    const published = await page.request.post(`/api/stories/${fixture.storyId}/explainers/${fixture.explainerId}/publishing`, {
      headers: { Origin: baseURL!, "Content-Type": "application/json" },
      data: JSON.stringify({ action: "publish", version: await explainerVersion(fixture.explainerId) }),
    });
    expect(published.status()).toBe(200);

    const watch = await watchPolicy(page);
    const response = await page.goto(`/explainers/${fixture.slug}`);
    expect(response?.status()).toBe(200);
    const headers = await response!.allHeaders();
    expect(headers["content-security-policy"]).toContain("default-src 'none'");
    expect(headers["content-security-policy"]).not.toContain("nonce-");
    await expect(page.getByRole("heading", { name: fixture.title })).toBeVisible();
    await page.waitForLoadState("load");
    await expectNoViolations(page, watch, "the public explainer");

    // the policy is the same on every response, so the cached copy's ETag still answers 304
    const revalidated = await page.request.get(`/explainers/${fixture.slug}`, { headers: { "If-None-Match": headers.etag! } });
    expect(revalidated.status()).toBe(304);
    expect(revalidated.headers()["content-security-policy"]).toBe(headers["content-security-policy"]);
  });
});
