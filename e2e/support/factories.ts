/**
 * Test data for browser tests, made in the test database through the desk's own domain
 * functions (lib/), with the app's Prisma client; e2e/tsconfig.json lets the test process import
 * them. Every call makes new people with unique emails.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Actor } from "@/lib/auth/permissions";
import { describeAnchor } from "@/lib/claims/anchoring/selectors";
import { setClaimStatus } from "@/lib/claims/set-claim-status";
import { STATUSES_NEEDING_EVIDENCE } from "@/lib/claims/schemas";
import { db } from "@/lib/db/client";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { bootstrapAdmin } from "@/lib/people/bootstrap-admin";
import { createPerson } from "@/lib/people/create-person";
import { setPersonActive } from "@/lib/people/update-person-access";
import { contentHash, sourceKey } from "@/lib/reports/normalize-text";
import { createStory } from "@/lib/stories/mutate-story";

export type Role = "ADMIN" | "REVIEWER" | "EDITOR" | "VIEWER";
export type TestPerson = { id: string; name: string; email: string; password: string; role: Role };

let pool: pg.Pool | undefined;
/** A plain connection for what a spec reads back to check (the factories themselves go through lib/). */
export function database(): pg.Pool {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set; run browser tests through `npm test` or `npm run test:e2e`.");
  pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  return pool;
}

const FIRST = ["Alma", "Bruno", "Cleo", "Dario", "Esme", "Farid", "Greta", "Hugo", "Ines", "Joel"];
const LAST = ["Varga", "Lindqvist", "Oduya", "Marchetti", "Kowal", "Brennan", "Haddad", "Sato"];
let counter = 0;

function uniquePerson(role: Role) {
  counter += 1;
  const tag = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}${counter}`;
  return {
    name: `${FIRST[counter % FIRST.length]} ${LAST[counter % LAST.length]} ${tag.slice(-4)}`,
    email: `${role.toLowerCase()}-${tag}@e2e.wiredesk.example`,
    password: `pw-${randomBytes(8).toString("hex")}`,
  };
}

let staffAdmin: Promise<Actor> | undefined;
/** The admin who adds the test people, as an admin adds anyone (made once per test process). */
function staff(): Promise<Actor> {
  staffAdmin ??= (async () => {
    const person = uniquePerson("ADMIN");
    const admin = await bootstrapAdmin({ ...person, name: `Staffing ${person.name}` });
    return { id: admin.id, name: admin.name, email: admin.email, role: "ADMIN" as const };
  })();
  return staffAdmin;
}

/** Creates an active person with a password (added by an admin); name and email are unique per call. */
export async function buildPerson(role: Role, overrides: { active?: boolean } = {}): Promise<TestPerson> {
  const person = uniquePerson(role);
  const admin = await staff();
  const created = await createPerson(admin, { ...person, role, credential: "password" });
  if (overrides.active === false) await setPersonActive(admin, { userId: created.person.id, active: false, version: created.person.version });
  return { id: created.person.id, ...person, role };
}

export async function personRow(id: string): Promise<{ role: Role; active: boolean; version: number }> {
  return db.user.findUniqueOrThrow({ where: { id }, select: { role: true, active: true, version: true } });
}

async function actorOf(id: string): Promise<Actor> {
  return db.user.findUniqueOrThrow({ where: { id }, select: { id: true, name: true, email: true, role: true } });
}

/**
 * A story (made by `owner` through createStory) with one report, and optional claims on it in
 * the given statuses (set through setClaimStatus, with a note as evidence where a status needs
 * one). The report and claims are written with the app's client, not through import and
 * tagging: those queue machine analysis, whose suggestions and facts the specs do not expect.
 */
export async function buildStoryWithReport(
  owner: { id: string },
  options: { title?: string; headline?: string; source?: string; text: string; externalId?: string; claims?: { start: number; end: number; statement: string; status?: string }[] },
): Promise<{ storyId: string; reportId: string; claimIds: string[] }> {
  const actor = await actorOf(owner.id);
  const story = await createStory(actor, { title: options.title ?? `Story ${Date.now()}`, description: "" });
  const sourceName = options.source ?? `Source ${randomBytes(3).toString("hex")}`;
  const nameKey = sourceKey(sourceName);
  const source = await db.source.upsert({ where: { nameKey }, create: { name: sourceName, nameKey }, update: {}, select: { id: true } });
  const headline = options.headline ?? "Test report";
  const hash = contentHash(headline, options.text);
  const report = await db.report.create({
    data: {
      storyId: story.id,
      sourceId: source.id,
      externalId: options.externalId ?? null,
      contentHash: hash,
      headline,
      publishedAt: new Date(),
      versions: { create: { version: 1, headline, bodyText: options.text, bodyHtml: "", contentHash: hash, channel: "PASTE", importedById: actor.id } },
    },
    select: { id: true, versions: { select: { id: true } } },
  });
  const versionId = report.versions[0]!.id;
  const claimIds: string[] = [];
  for (const claim of options.claims ?? []) {
    const anchor = describeAnchor(options.text, claim.start, claim.end);
    const created = await db.claim.create({
      data: {
        storyId: story.id,
        reportId: report.id,
        reportVersionId: versionId,
        exact: anchor.quote.exact,
        prefix: anchor.quote.prefix,
        suffix: anchor.quote.suffix,
        start: claim.start,
        end: claim.end,
        statement: claim.statement,
        createdById: actor.id,
      },
      select: { id: true, version: true },
    });
    const status = (claim.status ?? "UNVERIFIED") as ClaimStatus;
    if (status !== "UNVERIFIED") {
      const needsEvidence = (STATUSES_NEEDING_EVIDENCE as readonly ClaimStatus[]).includes(status);
      await setClaimStatus(actor, {
        claimId: created.id,
        version: created.version,
        status,
        ...(needsEvidence ? { rationale: "Checked by the test desk.", evidence: { kind: "NOTE", note: "Confirmed with two invented sources." } } : {}),
      });
    }
    claimIds.push(created.id);
  }
  return { storyId: story.id, reportId: report.id, claimIds };
}
