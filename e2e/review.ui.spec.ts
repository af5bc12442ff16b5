import { mkdirSync, readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { PEOPLE_FILE, STORAGE } from "./support/auth";
import { buildStoryWithReport } from "./support/factories";
import { buildExplainerInReview, explainerRow } from "./support/explainer-factories";

const TEXT = [
  "VARESH, Dec 3 (Northgate) — Fighters of the Eastern Liberation Command seized the Tel Hamra crossing early on Thursday, two army sources said.",
  "At least 21 soldiers were killed in the fighting, the sources said.",
  "Aid workers said more than 5,000 people had fled the valley.",
].join("\n\n");

function person(role: "ADMIN" | "REVIEWER" | "EDITOR"): { id: string; name: string } {
  return (JSON.parse(readFileSync(PEOPLE_FILE, "utf8")) as Record<string, { id: string; name: string }>)[role]!;
}

async function shot(page: Page, name: string) {
  if (!process.env.SHOTS_DIR) return;
  mkdirSync(process.env.SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: `${process.env.SHOTS_DIR}/${name}.png`, fullPage: true });
}

async function storyWithClaims() {
  const owner = person("EDITOR");
  return buildStoryWithReport(owner, {
    title: `Crossing story ${Date.now()}`,
    source: "Northgate News Agency",
    text: TEXT,
    claims: [
      { start: TEXT.indexOf("Fighters"), end: TEXT.indexOf(" early on"), statement: "ELC fighters seized the Tel Hamra crossing", status: "VERIFIED" },
      { start: TEXT.indexOf("At least"), end: TEXT.indexOf(" in the fighting"), statement: "At least 21 soldiers were killed", status: "VERIFIED" },
      { start: TEXT.indexOf("more than"), end: TEXT.indexOf(" had fled") + 9, statement: "More than 5,000 people fled the valley", status: "UNVERIFIED" },
    ],
  });
}

test.describe("reviewing an explainer", () => {
  test("a reviewer sees the diff against the approved revision and requests changes; the writer reads the comment in the editor", async ({ browser }) => {
    const { storyId, claimIds } = await storyWithClaims();
    const [crossing, soldiers, fled] = claimIds as [string, string, string];
    const title = `What to know about the crossing ${Date.now()}`;
    const { explainerId } = await buildExplainerInReview({
      storyId,
      authorId: person("EDITOR").id,
      approvedById: person("ADMIN").id,
      title,
      approvedBullets: [
        { text: "Rebels seized the Tel Hamra crossing.", claimId: crossing },
        { text: "At least 21 soldiers were killed.", claimId: soldiers },
      ],
      bullets: [
        { text: "Rebels seized the Tel Hamra crossing on Thursday.", claimId: crossing },
        { text: "More than 5,000 people fled,", claimId: fled, attributed: true, attribution: "according to aid workers" },
      ],
      statuses: { [fled]: "UNVERIFIED" },
    });

    const reviewerContext = await browser.newContext({ storageState: STORAGE.REVIEWER });
    const page = await reviewerContext.newPage();
    await page.goto("/review");
    const row = page.getByRole("row").filter({ hasText: title });
    await expect(row).toContainText("Can review");
    await row.getByRole("link", { name: title }).click();
    await expect(page.getByRole("heading", { name: /Changes since the approved revision 1/ })).toBeVisible();
    const diff = page.getByTestId("text-diff");
    await expect(diff.locator("ins")).toContainText(["on Thursday"]);
    await expect(diff.locator("del").first()).toBeVisible();
    const citations = page.getByTestId("citation-changes");
    await expect(citations).toContainText("Added (1)");
    await expect(citations).toContainText("More than 5,000 people fled the valley");
    await expect(citations).toContainText("attributed: “according to aid workers”");
    await expect(citations).toContainText("Removed (1)");
    await expect(citations).toContainText("At least 21 soldiers were killed");
    await shot(page, "review-diff");

    // a comment is required to send it back
    await expect(async () => {
      await page.getByRole("button", { name: "Request changes" }).click();
      await expect(page.getByText("Say what needs to change.")).toBeVisible({ timeout: 1000 });
    }).toPass();
    await page.getByLabel("Comment for the writers").fill("Say which aid group, and keep the casualty figure.");
    await page.getByRole("button", { name: "Request changes" }).click();
    await expect(page.getByRole("status")).toContainText("Sent back with your comment");
    expect((await explainerRow(explainerId)).state).toBe("CHANGES_REQUESTED");
    await reviewerContext.close();

    const editorContext = await browser.newContext({ storageState: STORAGE.EDITOR });
    const editorPage = await editorContext.newPage();
    await editorPage.goto(`/stories/${storyId}/explainers/${explainerId}`);
    await expect(editorPage.getByTestId("changes-requested")).toContainText("Say which aid group, and keep the casualty figure.");
    await editorContext.close();
  });

  test("a reviewer who wrote the revision cannot approve it and is told why; another reviewer approves", async ({ browser }) => {
    const { storyId, claimIds } = await storyWithClaims();
    const title = `Four eyes ${Date.now()}`;
    const { explainerId } = await buildExplainerInReview({
      storyId,
      authorId: person("REVIEWER").id,
      title,
      bullets: [{ text: "Rebels seized the Tel Hamra crossing.", claimId: claimIds[0]! }],
    });

    const authorContext = await browser.newContext({ storageState: STORAGE.REVIEWER });
    const authorPage = await authorContext.newPage();
    await authorPage.goto("/review");
    await expect(authorPage.getByRole("row").filter({ hasText: title })).toContainText("You wrote part of it");
    await authorPage.goto(`/review/${explainerId}`);
    await expect(authorPage.getByRole("button", { name: "Approve revision" })).toBeDisabled();
    await expect(authorPage.getByText(/You wrote part of this revision since the last approval/)).toBeVisible();
    await shot(authorPage, "review-four-eyes");
    await authorContext.close();

    const adminContext = await browser.newContext({ storageState: STORAGE.ADMIN });
    const adminPage = await adminContext.newPage();
    await adminPage.goto(`/review/${explainerId}`);
    // click until the page reacts (hydration), but never again once approved: the button goes away
    await expect(async () => {
      const approved = adminPage.getByText("Approved. The writers were notified");
      if ((await approved.count()) === 0) await adminPage.getByRole("button", { name: "Approve revision" }).click({ timeout: 2000 });
      await expect(approved).toBeVisible({ timeout: 5000 });
    }).toPass({ timeout: 30_000 });
    const row = await explainerRow(explainerId);
    expect(row.state).toBe("APPROVED");
    expect(row.approvedRevisionId).not.toBeNull();
    await adminContext.close();
  });
});
