import { mkdirSync, readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { PEOPLE_FILE, STORAGE } from "./support/auth";
import { buildStoryWithReport } from "./support/factories";
import { explainerRow } from "./support/explainer-factories";

const TEXT = [
  "VARESH, Dec 3 (Northgate) — Fighters of the Eastern Liberation Command seized the Tel Hamra crossing early on Thursday, two army sources said.",
  "At least 21 soldiers were killed in the fighting, the sources said.",
  "Aid workers said more than 5,000 people had fled the valley.",
].join("\n\n");

function editorPerson(): { id: string } {
  return (JSON.parse(readFileSync(PEOPLE_FILE, "utf8")) as Record<string, { id: string }>).EDITOR!;
}

async function shot(page: Page, name: string) {
  if (!process.env.SHOTS_DIR) return;
  mkdirSync(process.env.SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: `${process.env.SHOTS_DIR}/${name}.png`, fullPage: false });
}

async function storyWithClaims() {
  return buildStoryWithReport(editorPerson(), {
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

/** Starts an explainer from the story's Explainers tab and waits for the editor. */
async function startExplainer(page: Page, storyId: string, title: string): Promise<string> {
  await page.goto(`/stories/${storyId}/explainers`);
  const editorUrl = /\/explainers\/[0-9a-f-]{36}$/;
  // a click before hydration submits nothing useful: try again until the editor's URL appears
  await expect(async () => {
    if (!editorUrl.test(page.url())) {
      await page.getByLabel("New explainer").fill(title);
      await page.getByRole("button", { name: "Start writing" }).click();
    }
    await expect(page).toHaveURL(editorUrl, { timeout: 8000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("textbox", { name: "Explainer text" })).toBeVisible();
  return page.url().split("/").at(-1)!;
}

/** The collaboration server has every edit of this browser (it stores them shortly after). */
async function synced(page: Page): Promise<void> {
  await expect(page.locator("[data-collab-status]")).toHaveAttribute("data-collab-status", "connected", { timeout: 15_000 });
  await expect(page.locator("[data-unsynced]")).toHaveAttribute("data-unsynced", "0", { timeout: 15_000 });
}

function bullet(page: Page, index: number): Locator {
  return page.getByRole("textbox", { name: "Explainer text" }).locator("li").nth(index);
}

test.describe("writing an explainer", () => {
  test.use({ storageState: STORAGE.EDITOR });

  test("an editor writes from the template, cites by click, by / and with attribution, sees the rules live, and submits", async ({ page }) => {
    const { storyId } = await storyWithClaims();
    const explainerId = await startExplainer(page, storyId, "What to know about the crossing");
    const text = page.getByRole("textbox", { name: "Explainer text" });
    for (const section of ["What happened", "What we know", "What we don't know yet", "What's next"]) {
      await expect(text.getByRole("heading", { name: section })).toBeVisible();
    }

    // a bullet with text and no citation is flagged at once
    await bullet(page, 0).click();
    await page.keyboard.type("Rebels seized the Tel Hamra crossing on Thursday. ");
    await expect(page.getByTestId("rule-checks")).toContainText("without a citation");
    await expect(bullet(page, 0)).toHaveClass(/rule-problem/);

    // cite by click from the side panel (verified: stated as fact)
    await page.getByRole("button", { name: "Cite: ELC fighters seized the Tel Hamra crossing" }).click();
    await expect(bullet(page, 0).locator("[data-citation-key]")).toContainText("Verified");
    await expect(bullet(page, 0)).not.toHaveClass(/rule-problem/);

    // keyboard: arrow onto the chip, Enter opens its details with focus inside, Escape returns
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    const chipDetails = page.getByRole("dialog", { name: "Citation details" });
    await expect(chipDetails).toContainText("ELC fighters seized the Tel Hamra crossing");
    await expect(chipDetails.getByLabel("State as fact")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(chipDetails).toBeHidden();
    await expect(bullet(page, 0).locator("[data-citation-key]")).toHaveCount(1);

    // cite with "/" and a search
    await bullet(page, 1).click();
    await page.keyboard.type("At least 21 soldiers were killed ");
    await page.keyboard.type("/soldiers");
    const menu = page.getByRole("listbox", { name: "Claims and facts to cite" });
    await expect(menu.getByRole("option")).toHaveCount(1);
    await expect(menu).toContainText("At least 21 soldiers were killed");
    await shot(page, "editor-slash-command");
    await page.keyboard.press("Enter");
    await expect(bullet(page, 1).locator("[data-citation-key]")).toContainText("Verified");

    // an unverified claim comes in attributed, with the phrase offered from its outlet
    await bullet(page, 2).click();
    await page.keyboard.type("More than 5,000 people have fled, ");
    await page.getByRole("button", { name: "Cite: More than 5,000 people fled the valley" }).click();
    const chip = bullet(page, 2).locator("[data-citation-key] button");
    await expect(chip).toContainText("Northgate News Agency reported; this could not be independently verified");
    await expect(chip).toContainText("Unverified");
    await chip.hover();
    const details = page.getByRole("dialog", { name: "Citation details" });
    await expect(details).toContainText("more than 5,000 people had fled");
    await expect(details).toContainText("Northgate News Agency");
    await expect(details.getByLabel(/State as fact/)).toBeDisabled();
    await shot(page, "editor-chip-popover");
    await page.mouse.move(0, 0);

    await expect(page.getByTestId("rule-checks")).toContainText("all bullets are cited correctly");
    await synced(page);
    await shot(page, "editor");

    // undo works (Yjs undo: this person's own changes), then redo brings the citation back
    await text.getByRole("heading", { name: "What's next" }).click();
    await page.keyboard.press("Control+z");
    await expect(bullet(page, 2).locator("[data-citation-key]")).toHaveCount(0);
    // (a busy machine can drop the keystroke before the editor has focus back; press again then,
    // never more than once after it worked: an empty redo stack makes a second press do nothing)
    await expect(async () => {
      await text.getByRole("heading", { name: "What's next" }).click();
      await page.keyboard.press("Control+Shift+z");
      await expect(bullet(page, 2).locator("[data-citation-key]")).toHaveCount(1, { timeout: 3000 });
    }).toPass({ timeout: 15_000 });

    // what was saved survives a reload
    await synced(page);
    await page.reload();
    await expect(bullet(page, 1)).toContainText("At least 21 soldiers were killed");
    await expect(bullet(page, 2).locator("[data-citation-key]")).toContainText("Unverified");

    await page.getByRole("button", { name: "Submit for review" }).click();
    const dialog = page.getByRole("dialog", { name: "Submit for review" });
    await dialog.getByLabel("What changed (for the reviewer)").fill("First version from the Northgate wire.");
    await dialog.getByRole("button", { name: "Submit revision" }).click();
    await expect(page.getByText("Revision 1 is waiting for review")).toBeVisible();
    expect((await explainerRow(explainerId)).state).toBe("IN_REVIEW");
  });

  test("submitting with an uncited bullet is refused and the offending bullet is listed", async ({ page }) => {
    const { storyId } = await storyWithClaims();
    const explainerId = await startExplainer(page, storyId, "Uncited bullets");
    await bullet(page, 0).click();
    await page.keyboard.type("The bridge was destroyed overnight.");
    await synced(page);
    await page.getByRole("button", { name: "Submit for review" }).click();
    const dialog = page.getByRole("dialog", { name: "Submit for review" });
    await expect(dialog).toContainText("the submission will be refused");
    await dialog.getByLabel("What changed (for the reviewer)").fill("Trying anyway.");
    await dialog.getByRole("button", { name: "Submit revision" }).click();
    await expect(dialog.getByRole("list", { name: "Bullets to fix" })).toContainText("“The bridge was destroyed overnight.” — This bullet states something without a citation");
    expect((await explainerRow(explainerId)).state).toBe("DRAFT");

    // the fix: drag the claim from the side panel into the bullet
    await page.keyboard.press("Escape");
    await page.locator("[data-citation-target]").filter({ hasText: "ELC fighters seized the Tel Hamra crossing" }).dragTo(bullet(page, 0));
    await expect(bullet(page, 0).locator("[data-citation-key]")).toContainText("Verified");
    await expect(page.getByTestId("rule-checks")).toContainText("all bullets are cited correctly");
  });

  test("edits made offline are kept, even when the tab is closed before the connection returns", async ({ page, context }) => {
    const { storyId } = await storyWithClaims();
    const explainerId = await startExplainer(page, storyId, "Offline writing");
    await bullet(page, 0).click();
    await page.keyboard.type("Typed while the connection was down");
    await context.setOffline(true);
    await page.keyboard.type(", still typing.");
    await expect(page.locator("[data-collab-status]")).toHaveText("Offline — your edits are kept and will merge when you reconnect", { timeout: 15_000 });
    await shot(page, "editor-offline");
    await page.close();
    await context.setOffline(false);

    const again = await context.newPage();
    await again.goto(`/stories/${storyId}/explainers/${explainerId}`);
    await expect(bullet(again, 0)).toContainText("Typed while the connection was down, still typing.");
    await synced(again);
    await expect.poll(async () => JSON.stringify((await explainerRow(explainerId)).content), { timeout: 15_000 }).toContain("still typing.");
  });

  test("two tabs editing at once merge instead of overwriting each other", async ({ page, context }) => {
    const { storyId } = await storyWithClaims();
    const explainerId = await startExplainer(page, storyId, "Two tabs");
    const other = await context.newPage();
    await other.goto(page.url());
    await expect(other.getByRole("textbox", { name: "Explainer text" })).toBeVisible();

    await bullet(page, 0).click();
    await page.keyboard.type("First tab's words.");
    await bullet(other, 3).click();
    await other.keyboard.type("Second tab's words.");
    await synced(page);
    await synced(other);
    await expect(bullet(other, 0)).toContainText("First tab's words.");
    await expect(bullet(page, 3)).toContainText("Second tab's words.");
    await expect
      .poll(async () => JSON.stringify((await explainerRow(explainerId)).content), { timeout: 15_000 })
      .toMatch(/First tab's words\..*Second tab's words\./);
  });
});
