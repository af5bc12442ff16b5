import { mkdirSync, readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { PEOPLE_FILE, STORAGE } from "./support/auth";
import { seriousViolations } from "./support/axe";
import { buildStoryWithReport } from "./support/factories";
import { buildExplainerInReview } from "./support/explainer-factories";

/**
 * The explainer editor's live state and access: axe inside the editor (with a citation chip, its
 * details open, the "/" menu open), keyboard-only work, and two people typing in the title and dek.
 */
type Person = { id: string; name: string; email: string };
function people(): Record<"ADMIN" | "EDITOR" | "REVIEWER", Person> {
  return JSON.parse(readFileSync(PEOPLE_FILE, "utf8")) as Record<"ADMIN" | "EDITOR" | "REVIEWER", Person>;
}

async function shot(page: Page, name: string) {
  if (!process.env.SHOTS_DIR) return;
  mkdirSync(process.env.SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: `${process.env.SHOTS_DIR}/${name}.png`, fullPage: true });
}

const TEXT = [
  "SALT HOLLOW, Jun 9 (Ridgeline Press) — The Salt Hollow dam spillway opened on Sunday night, two county engineers said.",
  "About 400 homes downstream were told to leave, the county said.",
].join("\n\n");

async function storyWithClaims(title: string) {
  return buildStoryWithReport(people().EDITOR, {
    title,
    source: "Ridgeline Press",
    text: TEXT,
    claims: [
      { start: TEXT.indexOf("The Salt"), end: TEXT.indexOf(" on Sunday"), statement: "The Salt Hollow dam spillway opened", status: "VERIFIED" },
      { start: TEXT.indexOf("About 400"), end: TEXT.indexOf(", the county"), statement: "About 400 homes were told to leave", status: "UNVERIFIED" },
    ],
  });
}

function body(page: Page) {
  return page.getByRole("textbox", { name: "Explainer text" });
}

async function openEditor(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(body(page)).toBeVisible({ timeout: 20_000 });
  await expect(page.locator("[data-collab-status]")).toHaveAttribute("data-collab-status", "connected", { timeout: 15_000 });
}

test.describe("the explainer editor", () => {
  test.use({ storageState: STORAGE.EDITOR });

  test("has no serious or critical axe violations: at rest, with a chip's details open, and with the / menu open", async ({ page }) => {
    const { storyId, claimIds } = await storyWithClaims(`Dam story ${Date.now()}`);
    const { explainerId } = await buildExplainerInReview({
      storyId,
      authorId: people().EDITOR.id,
      title: "What to know about the Salt Hollow dam",
      bullets: [
        { text: "The dam's spillway opened on Sunday night.", claimId: claimIds[0]! },
        { text: "About 400 homes were told to leave", claimId: claimIds[1]!, attributed: true, attribution: "the county said" },
      ],
    });
    await openEditor(page, `/stories/${storyId}/explainers/${explainerId}`);
    await page.waitForLoadState("networkidle");
    const problems: string[] = [];
    for (const violation of await seriousViolations(page)) problems.push(`at rest: ${violation}`);
    await shot(page, "editor-axe-rest");

    await body(page).locator("li").nth(1).locator("[data-citation-key] button").focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog", { name: "Citation details" })).toBeVisible();
    for (const violation of await seriousViolations(page)) problems.push(`chip details: ${violation}`);
    await shot(page, "editor-axe-chip");
    await page.keyboard.press("Escape");

    await body(page).locator("li").nth(0).click();
    await page.keyboard.press("End");
    await page.keyboard.type(" /dam");
    await expect(page.getByRole("listbox", { name: "Claims and facts to cite" })).toBeVisible();
    for (const violation of await seriousViolations(page)) problems.push(`/ menu: ${violation}`);
    await shot(page, "editor-axe-menu");
    expect(problems).toEqual([]);
  });
});
