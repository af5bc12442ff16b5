import { expect, test } from "@playwright/test";
import { STORAGE } from "./support/auth";

test.describe("an editor works with stories", () => {
  test.use({ storageState: STORAGE.EDITOR });

  test("creates, renames and archives a story, and the Activity tab shows who did what", async ({ page }) => {
    const title = `Dam breach near Korvel ${Date.now()}`;
    await page.goto("/stories");
    await page.getByRole("button", { name: "New story" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Title").fill(title);
    await dialog.getByLabel("Description").fill("Flooding downstream of the Korvel reservoir.");
    await dialog.getByRole("button", { name: "Create story" }).click();
    await expect(page).toHaveURL(/\/stories\/[0-9a-f-]{36}\/reports/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    for (const tab of ["Reports", "Claims", "Facts", "Explainers", "Activity"]) {
      await expect(page.getByRole("navigation", { name: "Story sections" }).getByRole("link", { name: new RegExp(`^${tab}`) })).toBeVisible();
    }

    await page.getByRole("button", { name: "Rename" }).click();
    await page.getByRole("dialog").getByLabel("Title").fill(`${title} (updated)`);
    await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${title} (updated)`);

    await page.getByRole("link", { name: "Activity" }).click();
    const activity = page.getByRole("table");
    await expect(activity).toContainText("story.rename");
    await expect(activity).toContainText("story.create");
    await expect(activity).toContainText(title);

    await page.getByRole("button", { name: "Archive" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Archive story" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Archived");

    await page.goto("/stories");
    await expect(page.getByRole("link", { name: `${title} (updated)` })).toHaveCount(0);
    await page.getByRole("link", { name: "Archived", exact: true }).click();
    await expect(page.getByRole("link", { name: `${title} (updated)` })).toBeVisible();
  });

  test("a story with an empty title is refused with a message on the form", async ({ page }) => {
    await page.goto("/stories");
    await page.getByRole("button", { name: "New story" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Title").fill("   ");
    await dialog.getByRole("button", { name: "Create story" }).click();
    await expect(dialog.getByText("Enter a title.")).toBeVisible();
  });

  test("an unknown story shows the not-found page", async ({ page }) => {
    const response = await page.goto("/stories/00000000-0000-7000-8000-000000000000/reports");
    expect(response?.status()).toBe(404);
  });
});

test.describe("an admin reads the desk audit log", () => {
  test.use({ storageState: STORAGE.ADMIN });

  test("filters the audit log by action", async ({ page }) => {
    await page.goto("/stories");
    const title = `Audit check ${Date.now()}`;
    await page.getByRole("button", { name: "New story" }).click();
    await page.getByRole("dialog").getByLabel("Title").fill(title);
    await page.getByRole("dialog").getByRole("button", { name: "Create story" }).click();
    await expect(page).toHaveURL(/\/reports$/);

    await page.goto("/audit");
    await page.getByLabel("Action").selectOption("story.create");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/action=story\.create/);
    const table = page.getByRole("table");
    await expect(table).toContainText(title);
    await expect(table.getByRole("row").filter({ hasText: "person.create" })).toHaveCount(0);
  });
});
