import { expect, test } from "@playwright/test";
import { STORAGE } from "./support/auth";

const NINJS = JSON.stringify({
  uri: `urn:e2e:ninjs:${Date.now()}`,
  version: "1",
  versioncreated: "2026-12-03T08:00:00Z",
  headline: "Ferry service halted on the Orlen estuary after hull breach",
  byline: "Staff reporter",
  located: "PORT ELLIS",
  language: "en",
  copyrightholder: "Harbour Line News",
  body_text: "The Orlen estuary ferry stopped running on Thursday after a hull breach, the operator said.\n\nNo injuries were reported, according to the harbour master.",
});

const NEWSML = `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:e2e:newsml:${Date.now()}" version="1" standard="NewsML-G2" standardversion="2.29">
  <itemMeta><itemClass qcode="ninat:text"/><provider literal="Estuary Wire"/><versionCreated>2026-12-03T09:00:00Z</versionCreated></itemMeta>
  <contentMeta><headline>Second ferry operator suspends crossings at Port Ellis</headline><language tag="en"/></contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>A second operator suspended crossings at Port Ellis on Thursday.</p><p>Officials said inspections would take two days.</p></body></html></inlineXML></contentSet>
</newsItem>`;

const BROKEN = `<?xml version="1.0"?>\n<newsItem guid="x">\n  <contentMeta>\n    <headline>Cut off mid-`;

test.describe("an editor imports wire files", () => {
  test.use({ storageState: STORAGE.EDITOR });

  test("drops three files at once: two are imported, the third is rejected with its reason", async ({ page }) => {
    await page.goto("/stories");
    await page.getByRole("button", { name: "New story" }).click();
    await page.getByRole("dialog").getByLabel("Title").fill(`Estuary ferry halt ${Date.now()}`);
    await page.getByRole("dialog").getByRole("button", { name: "Create story" }).click();
    await expect(page).toHaveURL(/\/reports$/);

    await page.getByRole("button", { name: "Import reports" }).click();
    // a real drop event carrying three files, as a browser produces when files are dragged in
    const dataTransfer = await page.evaluateHandle(
      ({ files }) => {
        const transfer = new DataTransfer();
        for (const file of files) transfer.items.add(new File([file.content], file.name, { type: file.type }));
        return transfer;
      },
      {
        files: [
          { name: "ferry.json", content: NINJS, type: "application/json" },
          { name: "second-operator.xml", content: NEWSML, type: "application/xml" },
          { name: "truncated.xml", content: BROKEN, type: "application/xml" },
        ],
      },
    );
    await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer });
    await expect(page.getByRole("list", { name: "Files to import" }).getByRole("listitem")).toHaveCount(3);
    await page.getByRole("button", { name: "Import 3 files" }).click();

    const results = page.getByTestId("import-results");
    await expect(results.locator('[data-outcome="imported"]')).toHaveCount(2);
    const rejected = results.locator('[data-outcome="rejected"]');
    await expect(rejected).toHaveCount(1);
    await expect(rejected).toContainText("truncated.xml");
    await expect(rejected).toContainText(/line \d+/i);
    await expect(page.getByRole("status").filter({ hasText: "3 of 3 files" })).toBeVisible();

    const table = page.getByRole("table");
    await expect(table).toContainText("Ferry service halted on the Orlen estuary after hull breach");
    await expect(table).toContainText("Second ferry operator suspends crossings at Port Ellis");
    await expect(table).toContainText("Estuary Wire");

    // the refused file stays chosen, the imported ones leave the list
    await expect(page.getByRole("list", { name: "Files to import" }).getByRole("listitem")).toHaveText([/truncated\.xml/]);
    await page.getByRole("button", { name: "Remove truncated.xml" }).click();

    // importing the same file again changes nothing
    await page.getByLabel("Files to import").setInputFiles({ name: "ferry.json", mimeType: "application/json", buffer: Buffer.from(NINJS) });
    await page.getByRole("button", { name: "Import 1 file" }).click();
    await expect(results.locator('[data-outcome="duplicate"]')).toHaveCount(1);
  });

  test("pastes a report, then reads it and searches for it", async ({ page }) => {
    await page.goto("/stories");
    await page.getByRole("button", { name: "New story" }).click();
    await page.getByRole("dialog").getByLabel("Title").fill(`Pasted copy ${Date.now()}`);
    await page.getByRole("dialog").getByRole("button", { name: "Create story" }).click();
    await expect(page).toHaveURL(/\/reports$/);

    await page.getByRole("button", { name: "Import reports" }).click();
    await page.getByRole("tab", { name: "Paste text" }).click();
    await page.getByLabel("Source (agency or outlet)").fill("Valley Courier");
    await page.getByLabel("Report text").fill("Crews finished the levee repairs on Monday, the county said.\n\nResidents were told to stay alert for flooding.");
    // the preview shows what the desk found; the headline is corrected there before import
    await page.getByTestId("import-preview").getByLabel("Headline").fill("Levee repairs finish ahead of storm");
    await page.getByRole("button", { name: "Import pasted report" }).click();
    await expect(page.getByRole("table")).toContainText("Levee repairs finish ahead of storm");

    await page.getByLabel("Search text").fill("flooding");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByRole("table").locator("mark")).toContainText(/flooding/i);
    await page.getByLabel("Search text").fill("volcano");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByText("No reports match")).toBeVisible();

    await page.getByRole("link", { name: "Clear" }).click();
    await page.getByRole("link", { name: "Levee repairs finish ahead of storm" }).click();
    await expect(page.getByTestId("report-text")).toContainText("Residents were told to stay alert");
    await expect(page.getByRole("complementary").getByText("Valley Courier").first()).toBeVisible();
  });

  test("a corrected version of a report becomes version 2, and the reader shows what changed", async ({ page }) => {
    await page.goto("/stories");
    await page.getByRole("button", { name: "New story" }).click();
    await page.getByRole("dialog").getByLabel("Title").fill(`Corrections ${Date.now()}`);
    await page.getByRole("dialog").getByRole("button", { name: "Create story" }).click();
    await expect(page).toHaveURL(/\/reports$/);
    const uri = `urn:e2e:correction:${Date.now()}`;
    const item = (count: string, version: string) =>
      JSON.stringify({
        uri,
        version,
        versioncreated: `2026-12-03T1${version}:00:00Z`,
        headline: "Bridge closed after collision",
        copyrightholder: "Harbour Line News",
        body_text: `The bridge was closed after a barge struck it, police said.\n\nAt least ${count} people were hurt.`,
      });
    await page.getByRole("button", { name: "Import reports" }).click();
    const picker = page.getByLabel("Files to import");
    await picker.setInputFiles({ name: "v1.json", mimeType: "application/json", buffer: Buffer.from(item("21", "1")) });
    await page.getByRole("button", { name: "Import 1 file" }).click();
    await expect(page.getByTestId("import-results").locator('[data-outcome="imported"]')).toHaveCount(1);
    await picker.setInputFiles({ name: "v2.json", mimeType: "application/json", buffer: Buffer.from(item("12", "2")) });
    await page.getByRole("button", { name: "Import 1 file" }).click();
    await expect(page.getByTestId("import-results").locator('[data-outcome="new_version"]')).toHaveCount(1);

    await page.getByRole("table").getByRole("link", { name: "Bridge closed after collision" }).click();
    await expect(page.getByTestId("report-text")).toContainText("At least 12 people");
    await page.getByRole("button", { name: "Show changes" }).click();
    const diff = page.getByTestId("version-diff");
    await expect(diff.locator("del")).toContainText("21");
    await expect(diff.locator("ins")).toContainText("12");
    await page.getByRole("link", { name: /^Version 1/ }).click();
    await expect(page.getByTestId("report-text")).toContainText("At least 21 people");
    await expect(page.getByText("You are reading version 1. The latest is version 2.")).toBeVisible();
  });
});
