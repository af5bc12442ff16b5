import { randomBytes, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { STORAGE } from "./support/auth";

test.describe("an admin manages API tokens", () => {
  test.use({ storageState: STORAGE.ADMIN });

  test("creates a token, sees it once with a warning, then revokes it and the token stops working", async ({ page, playwright, baseURL }) => {
    const name = `Agency bridge ${randomBytes(3).toString("hex")}`;
    await page.goto("/stories");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();

    await page.getByRole("button", { name: "Create token" }).click();
    const dialog = page.getByRole("dialog", { name: "Create an API token" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("Name").press("Enter");
    await expect(dialog.getByText("It will not be shown again")).toBeVisible();
    const token = await dialog.getByLabel("API token", { exact: true }).inputValue();
    expect(token).toMatch(/^wd_[A-Za-z0-9_-]{43}$/);
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(dialog).toBeHidden();

    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText(`${token.slice(0, 10)}…`);
    await expect(row).toContainText("Never");
    await expect(row).toContainText("Active");
    // the list never shows the token again, and a new dialog starts empty
    await expect(page.getByText(token)).toHaveCount(0);
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByRole("dialog").getByLabel("Name")).toHaveValue("");
    await page.keyboard.press("Escape");

    // the token authenticates: an unknown story is a 404, not a 401
    const wire = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    const url = `/api/v1/stories/${randomUUID()}/reports`;
    expect((await wire.post(url, { data: { source: "S", headline: "H", body: "B" } })).status()).toBe(404);
    await page.reload();
    await expect(row).not.toContainText("Never");

    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    const confirm = page.getByRole("dialog", { name: `Revoke “${name}”?` });
    await expect(confirm).toContainText("cannot be undone");
    await confirm.getByRole("button", { name: "Revoke token" }).click();
    await expect(row).toContainText("Revoked");
    await expect(row.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);

    expect((await wire.post(url, { data: { source: "S", headline: "H", body: "B" } })).status()).toBe(401);
    await wire.dispose();
  });

  test("the create dialog works from the keyboard alone and names a missing field", async ({ page }) => {
    await page.goto("/settings/api-tokens");
    await page.getByRole("button", { name: "Create token" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Create an API token" });
    await expect(dialog.getByLabel("Name")).toBeVisible();
    // submit with only spaces: the server refuses and the field says why
    await dialog.getByLabel("Name").fill("   ");
    await dialog.getByRole("button", { name: "Create token" }).press("Enter");
    await expect(dialog.getByRole("alert")).toContainText("Name the token");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("button", { name: "Create token" })).toBeFocused();
  });
});

test.describe("API tokens are for admins only", () => {
  test.use({ storageState: STORAGE.EDITOR });

  test("an editor sees no Settings link and gets a 404 on the tokens page", async ({ page }) => {
    await page.goto("/stories");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
    const response = await page.goto("/settings/api-tokens");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });
});
