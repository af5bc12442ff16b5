import { expect, test } from "@playwright/test";
import { STORAGE, signIn } from "./support/auth";
import { buildPerson, personRow } from "./support/factories";

test.describe("an admin manages people", () => {
  test.use({ storageState: STORAGE.ADMIN });

  test("adds a person with a one-time link; the person sets a password and signs in", async ({ page, browser }) => {
    const email = `new-${Date.now()}@e2e.wiredesk.example`;
    await page.goto("/people");
    await page.getByRole("button", { name: "Add person" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Odile Ferrant");
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByLabel("Role").selectOption("REVIEWER");
    await dialog.getByRole("button", { name: "Add person" }).click();
    const link = await dialog.getByLabel("Set-password link", { exact: true }).inputValue();
    expect(link).toMatch(/\/set-password\/[\w-]{20,}$/);
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(page.getByTestId(`person-${email}`)).toContainText("Odile Ferrant");

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const newcomer = await context.newPage();
    await newcomer.goto(link);
    await newcomer.getByLabel("New password").fill("a-long-new-password");
    await newcomer.getByLabel("Repeat the password").fill("a-long-new-password");
    await newcomer.getByRole("button", { name: "Set password" }).click();
    await expect(newcomer.getByText("Your password is set.")).toBeVisible();
    await signIn(newcomer, { email, password: "a-long-new-password" });
    await expect(newcomer.getByTestId("signed-in-as")).toContainText("Reviewer");
    // the link works once
    await newcomer.goto(link);
    await expect(newcomer.getByTestId("link-unusable")).toContainText("expired or was already used");
    await context.close();
  });

  test("a deactivated person is locked out at their next request", async ({ page, browser }) => {
    const person = await buildPerson("EDITOR");
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const theirPage = await context.newPage();
    await signIn(theirPage, person);

    await page.goto("/people");
    const row = page.getByTestId(`person-${person.email}`);
    await row.getByRole("button", { name: "Deactivate" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Deactivate" }).click();
    await expect(row).toContainText("Deactivated");

    await theirPage.goto("/stories");
    await expect(theirPage).toHaveURL(/\/login\?reason=deactivated/);
    await expect(theirPage.getByTestId("login-notice")).toContainText("deactivated");
    // and they cannot sign back in
    await theirPage.getByLabel("Email").fill(person.email);
    await theirPage.getByLabel("Password").fill(person.password);
    await theirPage.getByRole("button", { name: "Sign in" }).click();
    await expect(theirPage.getByTestId("form-error")).toContainText("deactivated");
    await context.close();
  });

  test("setting a new password through a fresh link ends the person's other sessions", async ({ page, browser }) => {
    const person = await buildPerson("EDITOR");
    const old = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const oldPage = await old.newPage();
    await signIn(oldPage, person);

    await page.goto("/people");
    await page.getByTestId(`person-${person.email}`).getByRole("button", { name: "New password link" }).click();
    const link = await page.getByRole("dialog").getByLabel("Set-password link", { exact: true }).inputValue();

    const fresh = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const freshPage = await fresh.newPage();
    await freshPage.goto(link);
    await freshPage.getByLabel("New password").fill("another-long-password");
    await freshPage.getByLabel("Repeat the password").fill("another-long-password");
    await freshPage.getByRole("button", { name: "Set password" }).click();
    await signIn(freshPage, { email: person.email, password: "another-long-password" });

    await oldPage.goto("/stories");
    await expect(oldPage).toHaveURL(/\/login/);
    await freshPage.goto("/stories");
    await expect(freshPage.getByTestId("signed-in-as")).toContainText(person.name);
    await old.close();
    await fresh.close();
  });

  test("a role change takes effect at the person's next request", async ({ page, browser }) => {
    const person = await buildPerson("EDITOR");
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const theirPage = await context.newPage();
    await signIn(theirPage, person);
    await expect(theirPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" })).toHaveCount(0);

    await page.goto("/people");
    const row = page.getByTestId(`person-${person.email}`);
    await row.getByLabel(`Role of ${person.name}`).selectOption("ADMIN");
    // choosing alone changes nothing; the explicit Save does
    expect((await personRow(person.id)).role).toBe("EDITOR");
    await row.getByRole("button", { name: `Save role of ${person.name}` }).click();
    await expect(page.getByText(`${person.name} is now admin`)).toBeVisible();
    expect((await personRow(person.id)).role).toBe("ADMIN");

    await theirPage.reload();
    await expect(theirPage.getByTestId("signed-in-as")).toContainText("Admin");
    await expect(theirPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" })).toBeVisible();
    await context.close();
  });
});

test.describe("an editor and people management", () => {
  test.use({ storageState: STORAGE.EDITOR });

  test("an editor cannot reach the People or audit pages", async ({ page }) => {
    const people = await page.goto("/people");
    expect(people?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    const audit = await page.goto("/audit");
    expect(audit?.status()).toBe(404);
  });
});
