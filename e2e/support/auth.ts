import { expect, type Page } from "@playwright/test";
import type { TestPerson } from "./factories";

/** Signs in through the real form and waits for the desk. */
export async function signIn(page: Page, person: Pick<TestPerson, "email" | "password">): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/stories/);
}

export const STORAGE = {
  ADMIN: "e2e/.auth/admin.json",
  REVIEWER: "e2e/.auth/reviewer.json",
  EDITOR: "e2e/.auth/editor.json",
} as const;

export const PEOPLE_FILE = "e2e/.auth/people.json";
