import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { buildPerson } from "./support/factories";

test.describe("signing in", () => {
  for (const role of ["EDITOR", "REVIEWER", "ADMIN"] as const) {
    test(`${role === "REVIEWER" ? "a" : "an"} ${role.toLowerCase()} signs in and sees the desk with their name and role`, async ({ page }) => {
      const person = await buildPerson(role);
      await signIn(page, person);
      const who = page.getByTestId("signed-in-as");
      await expect(who).toContainText(person.name);
      await expect(who).toContainText(role === "ADMIN" ? "Admin" : role === "REVIEWER" ? "Reviewer" : "Editor");
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav.getByRole("link", { name: "Stories" })).toBeVisible();
      await expect(nav.getByRole("link", { name: "Review queue" })).toBeVisible();
      await expect(nav.getByRole("link", { name: "People" })).toHaveCount(role === "ADMIN" ? 1 : 0);
    });
  }

  test("a wrong password shows a clear message on the form, not an error page", async ({ page }) => {
    const person = await buildPerson("EDITOR");
    await page.goto("/login");
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("form-error")).toContainText("do not match an account");
    await expect(page).toHaveURL(/\/login/);
  });

  test("an unknown email gets the same message as a wrong password", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("nobody-here@e2e.wiredesk.example");
    await page.getByLabel("Password").fill("whatever-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("form-error")).toContainText("do not match an account");
  });

  test("empty and absurdly long fields are explained next to the field", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your email address.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
    await page.getByLabel("Email").fill(`${"a".repeat(300)}@example.com`);
    await page.getByLabel("Password").fill("x".repeat(5000));
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Email addresses are at most 254 characters.")).toBeVisible();
    await expect(page.getByText("Passwords are at most 256 characters.")).toBeVisible();
  });

  test("repeated failures are slowed down with a message saying when to retry, and the owner still gets in", async ({ page }) => {
    const person = await buildPerson("EDITOR");
    await page.goto("/login");
    await page.getByLabel("Email").fill(person.email);
    const formError = page.getByTestId("form-error");
    // past the free attempts each failure doubles the wait (1, 2, 4 s …): fail until the form
    // asks for a wait long enough to try the right password inside it
    let wait = 0;
    for (let attempt = 1; attempt <= 12 && wait < 2; attempt++) {
      await page.getByLabel("Password").fill(`wrong-${attempt}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
      await expect(formError).toBeVisible();
      wait = Number(/Try again in (\d+) seconds?/.exec((await formError.textContent()) ?? "")?.[1] ?? 0);
    }
    expect(wait).toBeGreaterThanOrEqual(2);
    // even the right password waits now
    await page.getByLabel("Password").fill(person.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formError).toContainText(/Too many failed sign-ins\. Try again in \d+ seconds?\./);
    await expect(page).toHaveURL(/\/login/);
    // a delay, not a lockout: once it has passed, the right password signs in
    // (a refused attempt counts for nothing, so trying again meanwhile does not lengthen it)
    await expect(async () => {
      if (page.url().includes("/login")) await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/\/stories/, { timeout: 1000 });
    }).toPass({ timeout: (wait + 10) * 1000, intervals: [1000] });
  });

  test("the sign-in form works from the keyboard alone", async ({ page }) => {
    const person = await buildPerson("EDITOR");
    await page.goto("/login");
    await expect(page.getByLabel("Email")).toBeFocused();
    await page.keyboard.type(person.email);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Password")).toBeFocused();
    await page.keyboard.type(person.password);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/stories/);
  });

  test("signing out ends the session", async ({ page }) => {
    const person = await buildPerson("EDITOR");
    await signIn(page, person);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/stories");
    await expect(page).toHaveURL(/\/login/);
  });
});
