import { mkdirSync, writeFileSync } from "node:fs";
import { expect, test as setup } from "@playwright/test";
import { PEOPLE_FILE, STORAGE, signIn } from "./support/auth";
import { buildPerson, type Role } from "./support/factories";

/** Signs in once per role through the real form; other tests reuse the saved sessions. */
setup("sign in once per role and keep the sessions", async ({ browser }) => {
  mkdirSync("e2e/.auth", { recursive: true });
  const people: Record<string, { id: string; name: string; email: string }> = {};
  for (const role of ["ADMIN", "REVIEWER", "EDITOR"] as const satisfies readonly Role[]) {
    const person = await buildPerson(role);
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, person);
    await expect(page.getByTestId("signed-in-as")).toContainText(person.name);
    await context.storageState({ path: STORAGE[role] });
    await context.close();
    people[role] = { id: person.id, name: person.name, email: person.email };
  }
  writeFileSync(PEOPLE_FILE, JSON.stringify(people, null, 2));
});
