import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { STORAGE } from "./support/auth";

/*
 * Names in all their spellings, and passages to check against the original, end to end: three
 * outlets write one town three ways, one of them in machine-translated English. Texts invented.
 */

const SHOTS = process.env.ENTITIES_SHOTS_DIR;

function wire(uri: string, outlet: string, headline: string, paragraphs: string[]) {
  return JSON.stringify({ uri, version: "1", versioncreated: "2026-12-04T08:00:00Z", headline, copyrightholder: outlet, language: "en", body_text: paragraphs.join("\n\n") });
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test.describe("names and garbled passages", () => {
  test.use({ storageState: STORAGE.EDITOR });

  test("spellings of a town collapse into one tag and search finds any of them; a garbled passage is flagged until an editor checks it", async ({ page }) => {
    test.setTimeout(120_000);
    const run = Date.now();
    await page.goto("/stories");
    await page.getByRole("button", { name: "New story" }).click();
    await page.getByRole("dialog").getByLabel("Title").fill(`Market shelling ${run}`);
    await page.getByRole("dialog").getByRole("button", { name: "Create story" }).click();
    await expect(page).toHaveURL(/\/reports$/);

    const files = [
      wire(`urn:e2e:entities:${run}:1`, "Northgate News Agency", "Shells hit market", ["Shells hit the covered market in el Kasr on Friday morning, residents said."]),
      wire(`urn:e2e:entities:${run}:2`, "Meridian Press", "Market shelled", ["Shells struck the covered market of Al-Qassr on Friday morning, a medic said."]),
      wire(`urn:e2e:entities:${run}:3`, "Kestrel Daily", "Market attack", ["Residents were took the wounded from the market in Al Qasr to the clinic on Friday, medics said."]),
    ];
    await page.getByRole("button", { name: "Import reports" }).click();
    await page.getByLabel("Files to import").setInputFiles(files.map((content, i) => ({ name: `wire-${i}.json`, mimeType: "application/json", buffer: Buffer.from(content) })));
    await page.getByRole("button", { name: "Import 3 files" }).click();
    await expect(page.getByTestId("import-results").locator('[data-outcome="imported"]')).toHaveCount(3);

    // the machine-translated report says so on its page
    await page.goto(page.url());
    await page.getByRole("link", { name: "Market attack" }).click();
    const garbled = page.getByTestId("garbled-passages");
    await expect(garbled).toContainText("Check the original: one passage reads as machine-translated or garbled");
    await expect(garbled).toContainText("auxiliary stacked on a finite verb");
    await shot(page, "report-garbled");

    // accept the suggested claims: their place tags are three spellings of one town
    await page.getByRole("link", { name: /^Claims/ }).click();
    await page.getByText(/suggested claims from the reports/).click();
    const suggestions = page.getByRole("list", { name: "Suggested claims" });
    await expect(suggestions.getByRole("listitem")).toHaveCount(3, { timeout: 30_000 });
    for (let left = 3; left > 0; left--) {
      await suggestions.getByRole("listitem").first().getByRole("button", { name: /^Accept/ }).click();
      await expect(suggestions.getByRole("listitem")).toHaveCount(left - 1);
    }

    await page.getByRole("link", { name: "Tags" }).click();
    const town = page.getByTestId("story-tag").filter({ hasText: /el Kasr · \d+ claims/ });
    await expect(town.getByRole("list", { name: /^Spellings of/ }).getByRole("listitem")).toHaveCount(3);
    await shot(page, "tags");
    // split one spelling off, as an editor would for a look-alike
    await town.getByRole("button", { name: "Split “Al Qasr” off into a tag of its own" }).click();
    await expect(page.getByTestId("story-tag").filter({ hasText: "Al Qasr · 1 claim" })).toHaveCount(1);
    await expect(town.getByRole("list", { name: /^Spellings of/ }).getByRole("listitem")).toHaveCount(2);
    await shot(page, "tags-split");

    // the board finds all three from a fourth spelling
    await page.getByRole("link", { name: /^Claims/ }).click();
    await page.locator("#claims-q").fill("El-Qasr");
    await page.locator("#claims-q").press("Enter");
    await expect(page.getByRole("row").filter({ hasText: "market" })).toHaveCount(3);
    await shot(page, "claims-search");

    // the garbled claim asks for a check of the original, and an editor confirms it
    await page.getByRole("link", { name: /were took the wounded/ }).click();
    await expect(page.getByTestId("claim-garbled")).toContainText("Check the original: this passage reads as machine-translated or garbled");
    await shot(page, "claim-garbled");
    await page.getByRole("button", { name: "I checked the original" }).click();
    await expect(page.getByTestId("claim-garbled")).toContainText("checked the original");
    await shot(page, "claim-confirmed");
  });
});
