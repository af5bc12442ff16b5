import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { STORAGE } from "./support/auth";

/*
 * Facts across outlets, end to end: reports imported through the UI are analysed by the queue
 * worker that runs beside the app (scripts/with-test-db.ts --e2e starts one), and the Facts tab
 * fills in by itself. Texts are invented.
 */

const SHOTS = process.env.FACTS_SHOTS_DIR;

function wire(uri: string, outlet: string, headline: string, paragraphs: string[]) {
  return JSON.stringify({
    uri,
    version: "1",
    versioncreated: "2026-12-04T08:00:00Z",
    headline,
    copyrightholder: outlet,
    language: "en",
    body_text: paragraphs.join("\n\n"),
  });
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test.describe("facts across outlets", () => {
  test.use({ storageState: STORAGE.EDITOR });

  test("imported reports become facts with outlet counts and a conflict badge; an editor confirms one and splits another", async ({ page }) => {
    test.setTimeout(90_000);
    const run = Date.now();
    await page.goto("/stories");
    await page.getByRole("button", { name: "New story" }).click();
    await page.getByRole("dialog").getByLabel("Title").fill(`Tel Hamra crossing ${run}`);
    await page.getByRole("dialog").getByRole("button", { name: "Create story" }).click();
    await expect(page).toHaveURL(/\/reports$/);

    const files = [
      {
        name: "northgate.json",
        content: wire(`urn:e2e:facts:${run}:1`, "Northgate News Agency", "Rebels seize Tel Hamra crossing", [
          "Rebel fighters seized the Tel Hamra crossing on Thursday after a day of heavy clashes.",
          "Twelve soldiers were killed in the fighting, two army sources said.",
        ]),
      },
      {
        name: "meridian.json",
        content: wire(`urn:e2e:facts:${run}:2`, "Meridian Press", "Insurgents take border crossing", [
          "Insurgents captured the Tel Hamra border crossing on Thursday following heavy fighting.",
          "Fifteen soldiers were killed in the clashes, according to a military source.",
        ]),
      },
      {
        name: "kestrel.json",
        content: wire(`urn:e2e:facts:${run}:3`, "Kestrel Daily", "Crossing falls to rebels", [
          "Rebel forces took control of the Tel Hamra crossing on Thursday, residents said.",
          "About 3,000 residents fled west toward Halvek, a local official said.",
        ]),
      },
    ];
    await page.getByRole("button", { name: "Import reports" }).click();
    await page.getByLabel("Files to import").setInputFiles(files.map((file) => ({ name: file.name, mimeType: "application/json", buffer: Buffer.from(file.content) })));
    await page.getByRole("button", { name: "Import 3 files" }).click();
    await expect(page.getByTestId("import-results").locator('[data-outcome="imported"]')).toHaveCount(3);

    await page.getByRole("link", { name: /^Facts/ }).click();
    await expect(page).toHaveURL(/\/facts$/);
    await shot(page, "facts-progress");
    // the worker analyses in the background; the tab refreshes itself until it is done
    const facts = page.getByRole("list", { name: "Facts" });
    await expect(facts.locator('[data-outlets="3"]')).toHaveCount(1, { timeout: 30_000 });
    await expect(page.getByRole("status").filter({ hasText: "Analysing" })).toHaveCount(0, { timeout: 30_000 });
    const seized = facts.getByRole("listitem").filter({ has: page.locator('[data-outlets="3"]') });
    await expect(seized).toContainText("3 outlets");
    const toll = facts.getByRole("listitem").filter({ has: page.locator('[data-conflict="NUMBER"]') });
    await expect(toll).toHaveCount(1);
    await expect(toll).toContainText("Numbers differ");
    await expect(toll).toContainText("2 outlets");
    await shot(page, "facts-list");

    await page.getByRole("link", { name: "With conflicts" }).click();
    await expect(facts.getByRole("listitem")).toHaveCount(1);
    await page.getByRole("link", { name: "Reported by one outlet" }).click();
    await expect(facts.locator('[data-outlets="3"]')).toHaveCount(0);
    await expect(facts.locator('[data-outlets="1"]').first()).toBeVisible();
    await page.getByRole("link", { name: "Two or more outlets" }).click();
    // the default list is what two or more outlets carry
    await expect(facts.locator('[data-outlets="1"]')).toHaveCount(0);

    // confirm the fact three outlets carry
    await seized.getByRole("link").first().click();
    await expect(page.getByRole("list", { name: "Claims in this fact" }).getByRole("listitem")).toHaveCount(3);
    // the status comes from the claims until an editor sets it
    await expect(page.getByTestId("fact-status-breakdown")).toHaveText("no claims tagged yet: unverified");
    await page.getByLabel("Set status").selectOption("UNVERIFIABLE");
    await page.getByRole("button", { name: "Save status" }).click();
    await expect(page.getByTestId("fact-status-breakdown")).toContainText("set by an editor to unverifiable");
    await expect(page.locator('[data-fact-status="UNVERIFIABLE"]')).toBeVisible();
    await shot(page, "fact-confirm");
    // (pressed again only while the button is still offered: a slow confirmation that did land
    // must not be followed by a click on a button that is gone)
    const confirm = page.getByRole("button", { name: /Confirm fact/ });
    await expect(async () => {
      if (await confirm.isVisible()) await confirm.click({ timeout: 2_000 });
      await expect(page.getByText(/Confirmed by/)).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 30_000 });

    // split the conflicting toll: Meridian's fifteen is about something else, says the editor
    await page.getByRole("link", { name: "← All facts" }).click();
    await toll.getByRole("link").first().click();
    await expect(page.getByText("Where the outlets disagree")).toBeVisible();
    await shot(page, "fact-conflict");
    const meridian = page.getByRole("list", { name: "Claims in this fact" }).getByRole("listitem").filter({ hasText: "Meridian Press" });
    await expect(async () => {
      await meridian.getByLabel("Tick to split off").check();
      await expect(page.getByRole("button", { name: /Split 1 ticked/ })).toBeEnabled({ timeout: 2_000 });
    }).toPass();
    await page.getByRole("button", { name: /Split 1 ticked/ }).click();
    await expect(page.getByRole("list", { name: "Claims in this fact" }).getByRole("listitem")).toHaveCount(1);
    await expect(page.getByRole("list", { name: "Claims in this fact" })).toContainText("Meridian Press");

    await page.getByRole("link", { name: "← All facts" }).click();
    await expect(facts.locator('[data-conflict="NUMBER"]')).toHaveCount(0);
    await expect(facts.getByRole("listitem").filter({ hasText: "Confirmed" })).toHaveCount(1);
    await shot(page, "facts-after");
  });
});
