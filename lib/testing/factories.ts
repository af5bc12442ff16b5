/**
 * Factories for integration tests. Every call makes fresh rows with unique emails, titles and
 * report text, so test files can share one database and run in any order.
 */
import "./integration-setup";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors/domain-errors";
import type { User } from "@/lib/generated/prisma/client";
import type { ClaimStatus, ExplainerState, Role } from "@/lib/generated/prisma/enums";
import type { TNormalizedReport } from "@/lib/reports/schemas";
import { createStory, type StoryRef } from "@/lib/stories/mutate-story";

/** A short token that makes names, emails and texts unique across files and runs. */
export function uniqueToken(): string {
  return `${Date.now().toString(36)}${randomBytes(4).toString("hex")}`;
}

export type BuiltUser = User & { actor: Actor };

/**
 * Creates a desk member straight in the database. The password is hashed only when given
 * (argon2 costs ~20 ms); without one the person has no password and cannot sign in.
 */
export async function buildUser(options: { role?: Role; active?: boolean; password?: string; name?: string } = {}): Promise<BuiltUser> {
  const token = uniqueToken();
  const user = await db.user.create({
    data: {
      name: options.name ?? `Test Person ${token}`,
      email: `person-${token}@test.wiredesk.example`,
      role: options.role ?? "EDITOR",
      active: options.active ?? true,
      deactivatedAt: options.active === false ? new Date() : null,
      passwordHash: options.password ? await hashPassword(options.password) : null,
    },
  });
  return { ...user, actor: { id: user.id, role: user.role, name: user.name, email: user.email } };
}

/** Creates a story through the domain function, so it carries its creation audit event. */
export function buildStory(actor: Actor, overrides: { title?: string; description?: string } = {}): Promise<StoryRef> {
  return createStory(actor, {
    title: overrides.title ?? `Test story ${uniqueToken()}`,
    description: overrides.description ?? "An invented event for tests.",
  });
}

/** A normalized report with invented text; each call's body is unique unless paragraphs are given. */
export function buildReportInput(storyId: string, overrides: Partial<TNormalizedReport> = {}): TNormalizedReport & { paragraphs: string[] } {
  const token = uniqueToken();
  return {
    storyId,
    source: "Testwire Agency",
    externalId: null,
    headline: `Ferry service resumes on the Lorvan estuary (${token})`,
    byline: "Test Desk",
    dateline: "LORVAN, Mar 4",
    language: "en",
    url: null,
    publishedAt: "2026-03-04T08:00:00Z",
    paragraphs: [
      `The invented harbour authority of Lorvan said the ferry would run again from Tuesday. Reference ${token}.`,
      "A spokesperson for the fictional operator said 14 crossings a day were planned.",
    ],
    ...overrides,
  } as TNormalizedReport & { paragraphs: string[] };
}

/** A claim row on a stored report version (no claim domain function exists yet). */
export async function buildClaim(input: {
  storyId: string;
  reportId: string;
  createdById: string;
  status?: ClaimStatus;
}): Promise<{ id: string }> {
  const version = await db.reportVersion.findFirstOrThrow({
    where: { reportId: input.reportId },
    orderBy: { version: "desc" },
    select: { id: true, bodyText: true },
  });
  const end = Math.min(20, version.bodyText.length);
  return db.claim.create({
    data: {
      storyId: input.storyId,
      reportId: input.reportId,
      reportVersionId: version.id,
      exact: version.bodyText.slice(0, end),
      start: 0,
      end,
      statement: "An invented statement under test.",
      status: input.status ?? "UNVERIFIED",
      createdById: input.createdById,
    },
    select: { id: true },
  });
}

/** An explainer row in a given state (no explainer domain function exists yet). */
export function buildExplainer(input: { storyId: string; createdById: string; state?: ExplainerState }): Promise<{ id: string }> {
  const token = uniqueToken();
  return db.explainer.create({
    data: {
      storyId: input.storyId,
      slug: `test-explainer-${token}`,
      title: `What we know about the invented event ${token}`,
      state: input.state ?? "DRAFT",
      content: { type: "doc", content: [] },
      createdById: input.createdById,
    },
    select: { id: true },
  });
}

/** Awaits a call that must fail with a DomainError and returns that error; anything else fails the test. */
export async function domainErrorFrom(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("Expected a DomainError, but the call succeeded.");
}

/** A client address no other test uses, so sign-in throttling never crosses tests. */
export function uniqueClientAddress(): string {
  const bytes = randomBytes(3);
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
}
