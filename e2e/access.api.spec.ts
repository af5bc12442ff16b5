import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { PEOPLE_FILE, STORAGE } from "./support/auth";
import { buildPerson, personRow } from "./support/factories";
import { actionId, callServerAction } from "./support/server-actions";

const PEOPLE_ACTIONS = "app/(desk)/people/actions.ts";

test.describe("the people server actions refuse anyone but an admin", () => {
  test.use({ storageState: STORAGE.EDITOR });

  test("an editor calling changeRole directly is refused and nothing changes", async ({ request, baseURL }) => {
    const target = await buildPerson("EDITOR");
    const me = (JSON.parse(readFileSync(PEOPLE_FILE, "utf8")) as Record<string, { id: string }>).EDITOR!;
    for (const userId of [target.id, me.id]) {
      const before = await personRow(userId);
      const result = await callServerAction(request, baseURL!, "/people", actionId(PEOPLE_ACTIONS, "changeRoleAction"), [
        { userId, role: "ADMIN", version: before.version },
      ]);
      expect(result.body).toContain('"kind":"forbidden"');
      const after = await personRow(userId);
      expect(after.role).toBe(before.role);
      expect(after.version).toBe(before.version);
    }
  });

  test("an editor calling deactivate or create-person directly is refused", async ({ request, baseURL }) => {
    const target = await buildPerson("REVIEWER");
    const before = await personRow(target.id);
    const deactivate = await callServerAction(request, baseURL!, "/people", actionId(PEOPLE_ACTIONS, "setPersonActiveAction"), [
      { userId: target.id, active: false, version: before.version },
    ]);
    expect(deactivate.body).toContain('"kind":"forbidden"');
    expect((await personRow(target.id)).active).toBe(true);

    const link = await callServerAction(request, baseURL!, "/people", actionId(PEOPLE_ACTIONS, "issuePasswordLinkAction"), [{ userId: target.id }]);
    expect(link.body).toContain('"kind":"forbidden"');
    expect(link.body).not.toContain('"token"');
  });
});

test.describe("the same server action works for an admin", () => {
  test.use({ storageState: STORAGE.ADMIN });

  test("an admin calling changeRole directly changes the role (the refusal above is about the role, not the call)", async ({ request, baseURL }) => {
    const target = await buildPerson("EDITOR");
    const before = await personRow(target.id);
    const result = await callServerAction(request, baseURL!, "/people", actionId(PEOPLE_ACTIONS, "changeRoleAction"), [
      { userId: target.id, role: "REVIEWER", version: before.version },
    ]);
    expect(result.body).toContain('"ok":true');
    expect((await personRow(target.id)).role).toBe("REVIEWER");
  });
});

test.describe("sign-in throttling over HTTP", () => {
  test("the sixth failed sign-in for one email and address answers 429 with Retry-After", async ({ playwright, baseURL }) => {
    const person = await buildPerson("EDITOR");
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": `198.51.100.${Math.floor(Math.random() * 200) + 1}` } });
    const attempt = async (password: string) => {
      const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
      return api.post("/api/auth/callback/credentials", {
        form: { csrfToken, email: person.email, password, json: "true", callbackUrl: `${baseURL}/stories` },
        maxRedirects: 0,
      });
    };
    for (let i = 0; i < 4; i++) expect((await attempt(`wrong-${i}`)).status()).not.toBe(429);
    await attempt("wrong-last");
    const blocked = await attempt(person.password);
    expect(blocked.status()).toBe(429);
    expect(Number(blocked.headers()["retry-after"])).toBeGreaterThan(0);
    const body = (await blocked.json()) as { url: string };
    expect(decodeURIComponent(new URL(body.url).searchParams.get("error") ?? "")).toMatch(/Try again in \d+ seconds?/);

    // the account's delay holds from every address (rotating addresses gains nothing), but it is
    // a delay, not a lockout: once it has passed, the owner signs in from anywhere
    const other = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.77" } });
    const signInFromElsewhere = async () => {
      const { csrfToken } = (await (await other.get("/api/auth/csrf")).json()) as { csrfToken: string };
      return other.post("/api/auth/callback/credentials", {
        form: { csrfToken, email: person.email, password: person.password, json: "true", callbackUrl: `${baseURL}/stories` },
        maxRedirects: 0,
      });
    };
    const waitedOut = await signInFromElsewhere();
    if (waitedOut.status() === 429) {
      await new Promise((resolve) => setTimeout(resolve, Number(waitedOut.headers()["retry-after"]) * 1000 + 200));
      expect((await signInFromElsewhere()).status()).not.toBe(429);
    }
    await api.dispose();
    await other.dispose();
  });
});
