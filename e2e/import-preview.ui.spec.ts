import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { PEOPLE_FILE, STORAGE } from "./support/auth";
import { buildStoryWithReport } from "./support/factories";

/* Invented copy: a dam breach in a fictional valley, in two outlet styles. */
const WITH_OUTLET = [
  "Harrow dam spillway gives way before dawn",
  "By Anja Voss",
  "",
  "HARROW (Calder Wire) - Floodwater broke through the spillway of the Harrow dam before dawn on 2 April 2031, the regional water board said.",
  "",
  "At least 300 people were moved from villages downstream.",
  "",
  "Schools in the valley will stay closed on Thursday.",
].join("\n");

const WITHOUT_OUTLET = [
  "Valley schools to stay shut after dam breach",
  "",
  "Schools across the Harrow valley will stay closed for a second day, the district office said.",
  "",
  "Buses will not run on the lower valley road.",
].join("\n");

function editor(): { id: string } {
  return (JSON.parse(readFileSync(PEOPLE_FILE, "utf8")) as Record<string, { id: string }>).EDITOR!;
}

test.describe("an editor sees reports before importing and corrects them after", () => {
  test.use({ storageState: STORAGE.EDITOR });

  test("previews each file, imports with the edited headline, and keeps the refused file chosen without a success message", async ({ page }) => {
    await page.goto("/stories");
    await page.getByRole("button", { name: "New story" }).click();
    await page.getByRole("dialog").getByLabel("Title").fill(`Harrow dam ${Date.now()}`);
    await page.getByRole("dialog").getByRole("button", { name: "Create story" }).click();
    await expect(page).toHaveURL(/\/reports$/);

    await page.getByRole("button", { name: "Import reports" }).click();
    await page.getByLabel("Files to import").setInputFiles([
      { name: "calder.txt", mimeType: "text/plain", buffer: Buffer.from(WITH_OUTLET) },
      { name: "district.txt", mimeType: "text/plain", buffer: Buffer.from(WITHOUT_OUTLET) },
    ]);

    const preview = page.getByTestId("import-preview");
    const calder = preview.getByRole("article", { name: "Preview of calder.txt" });
    await expect(calder.getByLabel("Outlet")).toHaveValue("Calder Wire");
    await expect(calder.getByLabel("Byline")).toHaveValue("Anja Voss");
    await expect(calder).toContainText("3 paragraphs");
    await expect(calder).toContainText("At least 300 people were moved");
    const district = preview.getByRole("article", { name: "Preview of district.txt" });
    await expect(district.getByLabel("Outlet")).toHaveValue("");
    await expect(district).toContainText("no outlet found");

    // a cleared headline is marked at its field and blocks the import
    await calder.getByLabel("Headline").fill("");
    await expect(calder.getByText("A report needs a headline.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Import 2 files" })).toBeDisabled();
    await calder.getByLabel("Headline").fill("Harrow dam spillway breached, 300 moved");
    await page.screenshot({ path: "test-results/import-preview.png", fullPage: true });

    await page.getByRole("button", { name: "Import 2 files" }).click();
    const results = page.getByTestId("import-results");
    await expect(results.locator('[data-outcome="imported"]')).toContainText("Harrow dam spillway breached, 300 moved");
    await expect(results.locator('[data-outcome="rejected"]')).toContainText("does not name its source");
    await expect(page.getByText("1 report imported or updated")).toBeVisible();
    await expect(page.getByRole("list", { name: "Files to import" }).getByRole("listitem")).toHaveText([/district\.txt/]);

    // the refused file again, still without a source: no success message, it stays chosen
    await page.getByRole("button", { name: "Import 1 file" }).click();
    await expect(page.getByText(/Nothing was imported: 1 item was refused/)).toBeVisible();
    await expect(page.getByRole("list", { name: "Files to import" }).getByRole("listitem")).toHaveCount(1);

    // naming the outlet in the preview imports it
    await preview.getByRole("article", { name: "Preview of district.txt" }).getByLabel("Outlet").fill("Harrow District Office");
    await page.getByRole("button", { name: "Import 1 file" }).click();
    // this batch's own result and success message (the first batch's message may have faded by now)
    await expect(results.locator('[data-outcome="imported"]')).toHaveCount(1);
    await expect(results.locator('[data-outcome="rejected"]')).toHaveCount(0);
    await expect(page.getByText("1 report imported or updated").last()).toBeVisible();
    await expect(page.getByRole("list", { name: "Files to import" })).toHaveCount(0);
    await expect(page.getByRole("table")).toContainText("Harrow District Office");
  });

  test("shows a dek, bullets and a sub-head in the preview, and the report page keeps them apart from the running text", async ({ page }) => {
    const headline = `Harrow dam: second surge expected ${Date.now()}`;
    const paste = [
      headline,
      "Villages below the dam emptied overnight as the water board warns of more rain",
      "By Anja Voss | Calder Wire",
      "",
      "HARROW - Floodwater broke through the spillway of the Harrow dam before dawn, the regional water board said.",
      "",
      "What we know",
      "• 300 people were moved from three villages.",
      "• Schools in the valley are closed.",
      "",
      "The board said engineers would inspect the wall at first light.",
    ].join("\n");
    await page.goto("/stories");
    await page.getByRole("button", { name: "New story" }).click();
    await page.getByRole("dialog").getByLabel("Title").fill(`Harrow surge ${Date.now()}`);
    await page.getByRole("dialog").getByRole("button", { name: "Create story" }).click();
    await expect(page).toHaveURL(/\/reports$/);
    await page.getByRole("button", { name: "Import reports" }).click();
    await page.getByLabel("Files to import").setInputFiles({ name: "surge.txt", mimeType: "text/plain", buffer: Buffer.from(paste) });

    const item = page.getByTestId("import-preview").getByRole("article", { name: "Preview of surge.txt" });
    await expect(item.getByLabel("Dek (standfirst)")).toHaveValue("Villages below the dam emptied overnight as the water board warns of more rain");
    await expect(item).toContainText("5 paragraphs · 2 bullets · 1 sub-head");
    await expect(item.locator('[data-kind="bullet"]')).toHaveCount(2);
    await expect(item.locator('[data-kind="subhead"]')).toHaveText(/What we know/);
    await page.screenshot({ path: "test-results/import-preview-dek.png", fullPage: true });

    await page.getByRole("button", { name: "Import 1 file" }).click();
    await expect(page.getByTestId("import-results").locator('[data-outcome="imported"]')).toHaveCount(1);
    await page.getByRole("table").getByRole("link", { name: headline }).click();
    await expect(page.getByTestId("report-dek")).toHaveText("Villages below the dam emptied overnight as the water board warns of more rain");
    const text = page.getByTestId("report-text");
    await expect(text.getByRole("heading", { name: "What we know" })).toBeVisible();
    await expect(text.getByRole("listitem")).toHaveText(["• 300 people were moved from three villages.", "• Schools in the valley are closed."]);
    await page.screenshot({ path: "test-results/report-dek-bullets.png", fullPage: true });
  });

  test("corrects a report's outlet, byline and time on the report page, with field errors from the server", async ({ page }) => {
    const { storyId, reportId } = await buildStoryWithReport(editor(), {
      headline: "Dam spillway breached",
      source: `Calder Wire ${Date.now()}`,
      text: "Floodwater broke through the spillway of the Harrow dam before dawn, the regional water board said.",
    });
    await page.goto(`/stories/${storyId}/reports/${reportId}`);
    await page.getByRole("button", { name: "Correct details" }).click();
    const form = page.getByRole("form", { name: "Correct report details" });
    await expect(form.getByLabel("Headline")).toBeFocused();

    // keyboard only: move to the language field and submit with Enter
    await form.getByLabel("Language").fill("English");
    await form.getByLabel("Byline").fill("Anja Voss");
    await form.getByLabel("Language").press("Enter");
    await expect(form.getByText("Use a language code such as en, fr or pt-BR.")).toBeVisible();
    await expect(form.getByLabel("Byline")).toHaveValue("Anja Voss");
    await page.screenshot({ path: "test-results/correct-details.png", fullPage: true });

    await form.getByLabel("Language").fill("en");
    await form.getByLabel("Outlet (source)").fill("Orrin News Agency");
    await form.getByLabel("Published (UTC)").fill("2031-04-02T06:15");
    await form.getByRole("button", { name: "Save corrections" }).click();
    await expect(page.getByText("Report details corrected")).toBeVisible();
    const details = page.getByRole("region", { name: "Details" });
    await expect(details).toContainText("Orrin News Agency");
    await expect(page.getByRole("article")).toContainText("Anja Voss");
  });

  test("a kill notice kills the report it names, and the report page says so", async ({ page }) => {
    await page.goto("/stories");
    await page.getByRole("button", { name: "New story" }).click();
    await page.getByRole("dialog").getByLabel("Title").fill(`Harrow kill ${Date.now()}`);
    await page.getByRole("dialog").getByRole("button", { name: "Create story" }).click();
    await expect(page).toHaveURL(/\/reports$/);
    const uri = `urn:e2e:calder:${Date.now()}`;
    const item = { uri, versioncreated: "2031-04-02T06:00:00Z", headline: "Dam wall cracked, water board says", copyrightholder: "Calder Wire", body_text: "The Harrow dam wall has cracked, the water board said." };
    const kill = { ...item, pubstatus: "canceled", headline: "KILL: Dam wall cracked, water board says", body_text: "Calder Wire withdraws this story: the water board denies any crack." };

    await page.getByRole("button", { name: "Import reports" }).click();
    const picker = page.getByLabel("Files to import");
    await picker.setInputFiles({ name: "dam.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(item)) });
    await page.getByRole("button", { name: "Import 1 file" }).click();
    await expect(page.getByTestId("import-results").locator('[data-outcome="imported"]')).toHaveCount(1);

    await picker.setInputFiles({ name: "kill.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(kill)) });
    await expect(page.getByTestId("import-preview")).toContainText("Kill notice");
    await page.getByRole("button", { name: "Import 1 file" }).click();
    await expect(page.getByTestId("import-results").locator('[data-outcome="killed"]')).toHaveCount(1);
    await expect(page.getByRole("table").getByText("Killed")).toBeVisible();

    await page.getByRole("table").getByRole("link", { name: "Dam wall cracked, water board says" }).click();
    await expect(page.getByTestId("killed-banner")).toContainText("the water board denies any crack");
  });
});
