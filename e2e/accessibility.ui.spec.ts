import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { PEOPLE_FILE, STORAGE } from "./support/auth";
import { seriousViolations } from "./support/axe";
import { buildStoryWithReport } from "./support/factories";
import { buildExplainerInReview } from "./support/explainer-factories";

/**
 * Desk pages on a phone (390 px wide): nothing scrolls sideways, and axe finds no serious or
 * critical violation (e2e/support/axe.ts).
 */

const TEXT = [
  "PORT ELLERY, May 1 (Harbour Wire) — The Port Ellery lighthouse went dark late on Monday during the storm, two harbour officials said.",
  "Coastguard vessels diverted three cargo ships to the northern channel, the officials said.",
].join("\n\n");

/** How far the page scrolls sideways, and the outermost elements that stick out (to find the culprit). */
async function sidewaysOverflow(page: Page): Promise<{ by: number; culprits: string[] }> {
  return page.evaluate(() => {
    const by = document.documentElement.scrollWidth - window.innerWidth;
    if (by <= 0) return { by, culprits: [] };
    const culprits: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
      if (element.getBoundingClientRect().right <= window.innerWidth + 1) continue;
      // inside a scroll box (a wide table): clipped there, not widening the page
      if (element.closest("[class*='overflow-x-auto'], [class*='overflow-auto']") && !element.matches("[class*='overflow-x-auto'], [class*='overflow-auto']")) continue;
      // only the outermost: an element whose parent already sticks out adds nothing
      if (element.parentElement && element.parentElement.getBoundingClientRect().right > window.innerWidth + 1) continue;
      culprits.push(`${element.tagName.toLowerCase()}.${String(element.className).split(" ").slice(0, 4).join(".")}`);
      if (culprits.length >= 3) break;
    }
    return { by, culprits };
  });
}

test.use({ storageState: STORAGE.ADMIN, viewport: { width: 390, height: 844 } });

test("desk pages fit a 390 px screen and have no serious or critical axe violations", async ({ page }) => {
  // fifteen pages, each loaded to network idle and checked by axe
  test.setTimeout(90_000);
  const people = JSON.parse(readFileSync(PEOPLE_FILE, "utf8")) as Record<string, { id: string }>;
  const { storyId, claimIds } = await buildStoryWithReport(people.EDITOR!, {
    title: `Lighthouse story ${Date.now()}`,
    source: "Harbour Wire",
    text: TEXT,
    claims: [{ start: TEXT.indexOf("The Port"), end: TEXT.indexOf(" late on"), statement: "The Port Ellery lighthouse went dark", status: "VERIFIED" }],
  });
  const { explainerId } = await buildExplainerInReview({
    storyId,
    authorId: people.EDITOR!.id,
    title: "What to know about the Port Ellery lighthouse",
    bullets: [{ text: "The lighthouse went dark during the storm.", claimId: claimIds[0]! }],
  });
  const pages = [
    "/stories",
    `/stories/${storyId}`,
    `/stories/${storyId}/reports`,
    `/stories/${storyId}/claims`,
    `/stories/${storyId}/facts`,
    `/stories/${storyId}/tags`,
    `/stories/${storyId}/explainers`,
    `/stories/${storyId}/activity`,
    "/my-claims",
    "/review",
    `/review/${explainerId}`,
    "/notifications",
    "/people",
    "/audit",
    "/settings/api-tokens",
  ];
  const problems: string[] = [];
  for (const path of pages) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const overflow = await sidewaysOverflow(page);
    if (overflow.by > 0) problems.push(`${path}: scrolls sideways by ${overflow.by} px (${overflow.culprits.join("; ")})`);
    for (const violation of await seriousViolations(page)) problems.push(`${path}: ${violation}`);
  }
  expect(problems).toEqual([]);
});

test("the Notifications link is named by its visible text", async ({ page }) => {
  await page.goto("/stories");
  const link = page.getByTestId("notifications-link");
  const visible = (await link.innerText()).replace(/\s+/g, " ").trim();
  await expect(page.getByRole("link", { name: new RegExp(`^${visible.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) })).toBeVisible();
});
