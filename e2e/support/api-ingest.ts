/**
 * What the API-ingest tests share: a story made through createStory, a desk API token made
 * through the admin's real server action, and an invented wire report in the push format.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { db } from "@/lib/db/client";
import { createStory } from "@/lib/stories/mutate-story";
import { PEOPLE_FILE } from "./auth";
import { database } from "./factories";
import { actionId, callServerAction } from "./server-actions";

export const TOKEN_ACTIONS = "app/(desk)/settings/api-tokens/actions.ts";
export const TOKEN_PAGE = "/settings/api-tokens";

export function signedInPerson(role: "ADMIN" | "EDITOR"): { id: string } {
  return (JSON.parse(readFileSync(PEOPLE_FILE, "utf8")) as Record<string, { id: string }>)[role]!;
}

/** A story made by `createdById` through createStory (the stories UI is tested elsewhere). */
export async function buildStory(createdById: string): Promise<string> {
  const actor = await db.user.findUniqueOrThrow({ where: { id: createdById }, select: { id: true, name: true, email: true, role: true } });
  const story = await createStory(actor, { title: `API ingest story ${randomBytes(3).toString("hex")}`, description: "" });
  return story.id;
}

/** Creates a token through the admin's real server action and returns the plaintext it shows once. */
export async function createToken(request: APIRequestContext, baseURL: string, name: string): Promise<{ token: string; id: string }> {
  const result = await callServerAction(request, baseURL, TOKEN_PAGE, actionId(TOKEN_ACTIONS, "createApiTokenAction"), [{ name }]);
  const token = /"token":"(wd_[A-Za-z0-9_-]{43})"/.exec(result.body)?.[1];
  if (!token) throw new Error(`createApiTokenAction returned no token: ${result.status} ${result.body.slice(0, 300)}`);
  const row = await database().query<{ id: string }>(`SELECT id FROM "ApiToken" WHERE prefix = $1 AND name = $2`, [token.slice(0, 10), name]);
  return { token, id: row.rows[0]!.id };
}

export function wireReport(overrides: Record<string, unknown> = {}) {
  const tag = randomBytes(4).toString("hex");
  return {
    source: "Northwire",
    externalId: `urn:northwire:e2e:${tag}`,
    headline: `Ferry crossings resume on the invented Lorvan estuary (${tag})`,
    byline: "Staff",
    publishedAt: "2026-03-04T08:00:00Z",
    body: `The harbour authority said the ferry runs again from Tuesday.\n\nFourteen crossings a day are planned. Ref ${tag}.`,
    ...overrides,
  };
}

