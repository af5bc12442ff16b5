import { mkdirSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { STORAGE } from "./support/auth";
import { database } from "./support/factories";
import { buildApprovedExplainer } from "./support/publishing-factories";

const SHOTS = process.env.SHOTS_DIR ?? "/tmp/public-shots";

async function shot(page: Page, name: string, fullPage = false) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

/** A signed-out reader's page. */
async function readerPage(browser: Browser, width = 1280, height = 900): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: { width, height } });
  return context.newPage();
}

function jsonLd(html: string): Record<string, unknown>[] {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  expect(match, "the page carries JSON-LD").not.toBeNull();
  return JSON.parse(match![1]!) as Record<string, unknown>[];
}

test.describe("publishing from the desk", () => {
  test.use({ storageState: STORAGE.EDITOR });

  test("an editor publishes an approved explainer, a reader sees it at once, then a correction and an unpublish follow", async ({ page, browser }) => {
    const fixture = await buildApprovedExplainer({ title: "What to know about the Lorvan ferry" });
    await page.goto(`/stories/${fixture.storyId}/explainers/${fixture.explainerId}`);
    const controls = page.getByTestId("publish-controls");
    await expect(controls).toContainText("Not published");
    await shot(page, "publish-controls-approved");

    await expect(async () => {
      await controls.getByRole("button", { name: "Publish", exact: true }).click();
      await expect(controls).toContainText("Live since", { timeout: 5000 });
    }).toPass({ timeout: 30_000 });
    await expect(controls.getByRole("link", { name: `/explainers/${fixture.slug}` })).toBeVisible();
    await shot(page, "publish-controls-live");

    // a signed-out reader, desktop and phone
    const reader = await readerPage(browser);
    const response = await reader.goto(`/explainers/${fixture.slug}`);
    expect(response?.status()).toBe(200);
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText("What to know about the Lorvan ferry");
    await expect(reader.getByRole("heading", { name: "What we know" })).toBeVisible();
    const sources = reader.getByRole("list", { name: "Sources" });
    await expect(sources.first()).toContainText("Confirmed");
    await expect(sources.nth(2)).toContainText("Not independently verified");
    await expect(reader.locator(".attribution")).toHaveText("according to two army sources");
    const [article, ...reviews] = jsonLd(await reader.content());
    expect(article).toMatchObject({ "@type": "NewsArticle", headline: "What to know about the Lorvan ferry" });
    expect(reviews.map((review) => review["@type"])).toEqual(["ClaimReview", "ClaimReview"]);
    await shot(reader, "public-page-desktop", true);
    const phone = await readerPage(browser, 390, 844);
    await phone.goto(`/explainers/${fixture.slug}`);
    await shot(phone, "public-page-mobile", true);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "no sideways scrolling on a phone").toBeLessThanOrEqual(0);

    // a new approved revision (the review half's job, done in the database here), published as a correction
    await database().query(`UPDATE "Explainer" SET state = 'APPROVED', version = version + 1 WHERE id = $1`, [fixture.explainerId]);
    await page.reload();
    await controls.getByRole("button", { name: "Publish as correction…" }).click();
    const correction = page.getByRole("dialog", { name: "Publish a correction" });
    await correction.getByLabel("Public correction note").fill("Fixed");
    await correction.getByRole("button", { name: "Publish correction" }).click();
    await expect(correction.getByRole("alert")).toContainText("at least 10 characters");
    await shot(page, "publish-correction-dialog");
    const note = "An earlier version gave the wrong day for the first crossing.";
    await correction.getByLabel("Public correction note").fill(note);
    await correction.getByRole("button", { name: "Publish correction" }).click();
    await expect(correction).toBeHidden();
    await expect(controls).toContainText(note);
    await reader.reload();
    await expect(reader.getByRole("region", { name: "Corrections" })).toContainText(note);

    // unpublish: the reader's next load is a 410 with the notice
    await controls.getByRole("button", { name: "Unpublish…" }).click();
    const unpublish = page.getByRole("dialog", { name: "Unpublish this explainer" });
    await unpublish.getByLabel("Notice for readers").fill("We have withdrawn this explainer while we re-check the ferry operator's statements.");
    await unpublish.getByRole("button", { name: "Unpublish" }).click();
    await expect(controls).toContainText("Unpublished");
    const gone = await reader.goto(`/explainers/${fixture.slug}`);
    expect(gone?.status()).toBe(410);
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText("This explainer has been withdrawn");
    await expect(reader.getByText("re-check the ferry operator's statements")).toBeVisible();
    await shot(reader, "public-page-410");
  });

  test("publishing an explainer that is still in review is not offered", async ({ page }) => {
    const fixture = await buildApprovedExplainer();
    await database().query(`UPDATE "Explainer" SET state = 'IN_REVIEW' WHERE id = $1`, [fixture.explainerId]);
    await page.goto(`/stories/${fixture.storyId}/explainers/${fixture.explainerId}`);
    const controls = page.getByTestId("publish-controls");
    await expect(controls).toContainText("Only an approved revision can be published");
    await expect(controls.getByRole("button", { name: "Publish", exact: true })).toHaveCount(0);
  });
});
