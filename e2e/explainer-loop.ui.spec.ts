import { mkdirSync } from "node:fs";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { STORAGE } from "./support/auth";
import { buildStoryWithReport } from "./support/factories";
import { people } from "./support/publishing-factories";

/**
 * The whole loop in the browser, through the desk's own screens: write and cite, submit, four
 * eyes, changes requested and fixed, approve, publish, read signed out (sources and JSON-LD),
 * a cited claim turns out false, the explainer is flagged, and a correction is published.
 */

const SHOTS = process.env.SHOTS_DIR ?? "/tmp/public-shots";
const TEXT = [
  "VARESH, Dec 3 (Northgate) — Fighters of the Eastern Liberation Command seized the Tel Hamra crossing early on Thursday, two army sources said.",
  "At least 21 soldiers were killed in the fighting, the sources said.",
  "Aid workers said more than 5,000 people had fled the valley.",
].join("\n\n");
const CROSSING = "ELC fighters seized the Tel Hamra crossing";
const SOLDIERS = "At least 21 soldiers were killed";
const FLED = "More than 5,000 people fled the valley";

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function as(browser: Browser, role: "EDITOR" | "REVIEWER"): Promise<Page> {
  return (await browser.newContext({ storageState: STORAGE[role] })).newPage();
}

function bullet(page: Page, index: number): Locator {
  return page.getByRole("textbox", { name: "Explainer text" }).locator("li").nth(index);
}

/** The shared document has reached the collaboration server (nothing unsynced). */
async function saved(page: Page) {
  await expect(page.locator("[data-unsynced]")).toHaveAttribute("data-unsynced", "0", { timeout: 20_000 });
}

async function submit(page: Page, message: string, number: number) {
  await saved(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  const dialog = page.getByRole("dialog", { name: "Submit for review" });
  await dialog.getByLabel("What changed (for the reviewer)").fill(message);
  await dialog.getByRole("button", { name: "Submit revision" }).click();
  await expect(page.getByText(`Revision ${number} is waiting for review`)).toBeVisible();
}

/**
 * Clicks a decision button until the page reacts (the first click may land before hydration),
 * but never clicks again once the decision was taken: on a loaded machine the outcome can take
 * longer than one retry, and a second click would find the button gone.
 */
async function decideOnce(reviewer: Page, button: string, outcome: string) {
  await expect(async () => {
    const decided = reviewer.getByText(outcome);
    if ((await decided.count()) === 0) await reviewer.getByRole("button", { name: button }).click({ timeout: 2000 });
    await expect(decided.first()).toBeVisible({ timeout: 5000 });
  }).toPass({ timeout: 30_000 });
}

async function approveAsReviewer(browser: Browser, explainerId: string) {
  const reviewer = await as(browser, "REVIEWER");
  await reviewer.goto(`/review/${explainerId}`);
  await decideOnce(reviewer, "Approve revision", "Approved. The writers were notified");
  await reviewer.context().close();
}

function jsonLd(html: string): Record<string, unknown>[] {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  expect(match, "the page carries JSON-LD").not.toBeNull();
  return JSON.parse(match![1]!) as Record<string, unknown>[];
}

test("write, review with four eyes, publish, read signed out, a claim turns false, publish a correction", async ({ browser }) => {
  test.setTimeout(240_000);
  const story = await buildStoryWithReport(people().EDITOR, {
    title: `Tel Hamra crossing ${Date.now()}`,
    source: "Northgate News Agency",
    text: TEXT,
    claims: [
      { start: TEXT.indexOf("Fighters"), end: TEXT.indexOf(" early on"), statement: CROSSING, status: "VERIFIED" },
      { start: TEXT.indexOf("At least"), end: TEXT.indexOf(" in the fighting"), statement: SOLDIERS, status: "VERIFIED" },
      { start: TEXT.indexOf("more than"), end: TEXT.indexOf(" had fled") + 9, statement: FLED, status: "UNVERIFIED" },
    ],
  });
  const soldiersClaimId = story.claimIds[1]!;

  // 1. an editor writes, citing two verified claims and one unverified claim with attribution, and submits
  const editor = await as(browser, "EDITOR");
  await editor.goto(`/stories/${story.storyId}/explainers`);
  const editorUrl = /\/explainers\/[0-9a-f-]{36}$/;
  await expect(async () => {
    if (!editorUrl.test(editor.url())) {
      await editor.getByLabel("New explainer").fill("What to know about the Tel Hamra crossing");
      await editor.getByRole("button", { name: "Start writing" }).click();
    }
    await expect(editor).toHaveURL(editorUrl, { timeout: 8000 });
  }).toPass({ timeout: 30_000 });
  const explainerId = editor.url().split("/").at(-1)!;
  await expect(editor.getByRole("textbox", { name: "Explainer text" })).toBeVisible();

  await bullet(editor, 0).click();
  await editor.keyboard.type("Rebels seized the Tel Hamra crossing on Thursday. ");
  await editor.getByRole("button", { name: `Cite: ${CROSSING}` }).click();
  await expect(bullet(editor, 0).locator("[data-citation-key]")).toContainText("Verified");
  await bullet(editor, 1).click();
  await editor.keyboard.type("At least 21 soldiers were killed. ");
  await editor.getByRole("button", { name: `Cite: ${SOLDIERS}` }).click();
  await expect(bullet(editor, 1).locator("[data-citation-key]")).toContainText("Verified");
  await bullet(editor, 2).click();
  await editor.keyboard.type("More than 5,000 people have fled, ");
  await editor.getByRole("button", { name: `Cite: ${FLED}` }).click();
  await expect(bullet(editor, 2).locator("[data-citation-key] button")).toContainText("could not be independently verified");
  await expect(editor.getByTestId("rule-checks")).toContainText("all bullets are cited correctly");
  await submit(editor, "First version from the Northgate wire.", 1);

  // 2. the same editor cannot approve; a reviewer requests changes; the editor fixes; the reviewer approves; the editor publishes
  await editor.goto(`/review/${explainerId}`);
  await expect(editor.getByText("Only reviewers and admins decide on revisions.")).toBeVisible();
  await expect(editor.getByRole("button", { name: "Approve revision" })).toHaveCount(0);

  const reviewer = await as(browser, "REVIEWER");
  await reviewer.goto(`/review/${explainerId}`);
  await reviewer.getByLabel("Comment for the writers").fill("Say where the crossing is: add the valley.");
  await decideOnce(reviewer, "Request changes", "Sent back with your comment. The writers were notified");
  await reviewer.context().close();

  await editor.goto(`/stories/${story.storyId}/explainers/${explainerId}`);
  await expect(editor.getByTestId("changes-requested")).toContainText("add the valley");
  await bullet(editor, 0).getByText("Rebels seized the Tel Hamra crossing").click();
  await editor.keyboard.press("End");
  await editor.keyboard.type(" The crossing is in the Varesh valley.");
  await expect(bullet(editor, 0)).toContainText("Varesh valley");
  await submit(editor, "Added where the crossing is.", 2);
  await approveAsReviewer(browser, explainerId);

  await editor.reload();
  const controls = editor.getByTestId("publish-controls");
  await expect(async () => {
    await controls.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(controls).toContainText("Live since", { timeout: 5000 });
  }).toPass({ timeout: 30_000 });
  const publicPath = (await controls.getByRole("link", { name: /^\/explainers\// }).textContent())!;
  await shot(editor, "loop-editor-published");

  // 3. a signed-out reader sees the page, its sources and valid JSON-LD
  const readerContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const reader = await readerContext.newPage();
  const response = await reader.goto(publicPath);
  expect(response?.status()).toBe(200);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("What to know about the Tel Hamra crossing");
  await expect(reader.getByText("The crossing is in the Varesh valley.")).toBeVisible();
  const sources = reader.getByRole("list", { name: "Sources" });
  await expect(sources).toHaveCount(3);
  await expect(sources.nth(0)).toContainText("Confirmed");
  await expect(sources.nth(0)).toContainText("Northgate News Agency");
  await expect(sources.nth(2)).toContainText("Not independently verified");
  await expect(reader.locator(".attribution")).toContainText("could not be independently verified");
  const [article, ...reviews] = jsonLd(await reader.content());
  expect(article).toMatchObject({ "@context": "https://schema.org", "@type": "NewsArticle", headline: "What to know about the Tel Hamra crossing" });
  expect(Date.parse(String(article!.datePublished))).not.toBeNaN();
  expect(Date.parse(String(article!.dateModified))).not.toBeNaN();
  expect(reviews).toHaveLength(2);
  for (const review of reviews) {
    expect(review).toMatchObject({
      "@type": "ClaimReview",
      reviewRating: { "@type": "Rating", alternateName: "Confirmed" },
      itemReviewed: { "@type": "Claim", appearance: [{ publisher: { "@type": "Organization", name: "Northgate News Agency" } }] },
    });
  }
  expect(reviews.map((review) => review.claimReviewed)).toEqual([CROSSING, SOLDIERS]);
  await shot(reader, "loop-public-page");

  // 4. a cited claim is set to false: the explainer is flagged; a correction goes through review and is published with its note
  await editor.goto(`/stories/${story.storyId}/claims/${soldiersClaimId}`);
  const verification = editor.getByRole("form", { name: "Change verification status" });
  await verification.getByLabel("New status").selectOption("FALSE");
  await verification.getByLabel("Rationale (required)").fill("The army's own casualty list, published Friday, names 12 dead.");
  await verification.getByLabel("Kind of evidence").selectOption("LINK");
  await verification.getByLabel("Link URL").fill("https://army.example.org/casualty-list");
  await verification.getByLabel("Link title").fill("Casualty list, Friday");
  await verification.getByRole("button", { name: "Save status" }).click();
  await expect(editor.getByTestId("claim-history")).toContainText("→ False");

  await editor.goto(`/stories/${story.storyId}/explainers/${explainerId}`);
  await expect(controls).toContainText("Needs re-review");
  await expect(controls).toContainText("False");
  // the live page is untouched until a reviewed correction is published
  await reader.reload();
  await expect(reader.getByText("At least 21 soldiers were killed.")).toBeVisible();

  // the editor replaces the false bullet with one citing the verified crossing claim
  await bullet(editor, 1).getByText("At least 21 soldiers were killed.").click();
  await editor.keyboard.press("End");
  await editor.keyboard.press("Shift+Home");
  await editor.keyboard.type("Fighting went on near the crossing. ");
  await editor.getByRole("button", { name: `Cite: ${CROSSING}` }).click();
  await expect(bullet(editor, 1)).not.toContainText("21 soldiers");
  await expect(bullet(editor, 1).locator("[data-citation-key]")).toHaveCount(1);
  await submit(editor, "Removed the casualty figure: the claim was false.", 3);
  await approveAsReviewer(browser, explainerId);

  await editor.reload();
  await expect(controls).not.toContainText("Needs re-review");
  await controls.getByRole("button", { name: "Publish as correction…" }).click();
  const dialog = editor.getByRole("dialog", { name: "Publish a correction" });
  const note = "An earlier version said at least 21 soldiers were killed. That figure was wrong and has been removed.";
  await dialog.getByLabel("Public correction note").fill(note);
  await dialog.getByRole("button", { name: "Publish correction" }).click();
  await expect(dialog).toBeHidden();

  await reader.reload();
  await expect(reader.getByRole("region", { name: "Corrections" })).toContainText(note);
  // the bullets no longer state it (the correction note quotes it, so look at the bullets only)
  await expect(reader.locator("article > ul").nth(1)).toContainText("Fighting went on near the crossing.");
  await expect(reader.locator("article > ul")).not.toContainText(["21 soldiers"]);
  await expect(reader.getByText("Updated", { exact: true })).toBeVisible();
  await shot(reader, "loop-public-page-corrected");
  await readerContext.close();
  await editor.context().close();
});
