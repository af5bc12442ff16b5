import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { PEOPLE_FILE, STORAGE } from "./support/auth";
import { buildStoryWithReport } from "./support/factories";

const TEXT = [
  "PORT ELLERY, May 1 (Harbour Wire) — The Port Ellery lighthouse went dark late on Monday during the storm, two harbour officials said.",
  "Posts shared overnight claimed the keeper had abandoned the lighthouse, which officials denied.",
].join("\n\n");

test.use({ storageState: STORAGE.EDITOR });

async function startExplainer(page: Page, storyId: string, title: string): Promise<void> {
  await page.goto(`/stories/${storyId}/explainers`);
  const editorUrl = /\/explainers\/[0-9a-f-]{36}$/;
  await expect(async () => {
    if (!editorUrl.test(page.url())) {
      await page.getByLabel("New explainer").fill(title);
      await page.getByRole("button", { name: "Start writing" }).click();
    }
    await expect(page).toHaveURL(editorUrl, { timeout: 8000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("textbox", { name: "Explainer text" })).toBeVisible();
}

test("a false claim comes in debunked, cannot be attributed, and its phrase field keeps focus while typing", async ({ page }) => {
  const editor = (JSON.parse(readFileSync(PEOPLE_FILE, "utf8")) as Record<string, { id: string }>).EDITOR!;
  const { storyId } = await buildStoryWithReport(editor, {
    title: `Lighthouse keeper rumour ${Date.now()}`,
    source: "Harbour Wire",
    text: TEXT,
    claims: [{ start: TEXT.indexOf("the keeper"), end: TEXT.indexOf(", which"), statement: "The keeper abandoned the lighthouse", status: "FALSE" }],
  });
  await startExplainer(page, storyId, "What to know about the lighthouse");
  const bullet = page.getByRole("textbox", { name: "Explainer text" }).locator("li").first();
  await bullet.click();
  await page.keyboard.type("Posts said the keeper abandoned the lighthouse ");
  await page.getByRole("button", { name: "Cite: The keeper abandoned the lighthouse" }).click();

  const chip = bullet.locator("[data-citation-key] button");
  await expect(chip).toContainText("Debunked");
  await expect(chip).toContainText("False");
  await expect(page.getByTestId("rule-checks")).toContainText("all bullets are cited correctly");

  // the details: only the debunked form is allowed, and the others say why
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Enter");
  const details = page.getByRole("dialog", { name: "Citation details" });
  await expect(details.getByLabel(/Debunked: say it is false/)).toBeChecked();
  await expect(details.getByLabel(/With attribution/)).toBeDisabled();
  await expect(details.getByLabel(/State as fact/)).toBeDisabled();
  await expect(details).toContainText("A claim marked false cannot support a bullet even with attribution");

  // typing a custom phrase: the field keeps focus and every letter
  const phrase = details.getByLabel(/Who spread it/);
  await phrase.click();
  await phrase.fill("");
  await page.keyboard.type("posts shared by an anonymous account", { delay: 30 });
  await expect(phrase).toBeFocused();
  await expect(phrase).toHaveValue("posts shared by an anonymous account");
  await page.keyboard.press("Enter");
  await expect(chip).toContainText("posts shared by an anonymous account");
  await expect(page.getByTestId("rule-checks")).toContainText("all bullets are cited correctly");
});
