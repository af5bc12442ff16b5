/**
 * Test data for browser tests, written straight to the test database with parameterized SQL
 * (the app's domain modules are server-only). Every call makes new people with unique emails.
 */
import { randomBytes, randomUUID } from "node:crypto";
import argon2 from "argon2";
import pg from "pg";

export type Role = "ADMIN" | "REVIEWER" | "EDITOR" | "VIEWER";
export type TestPerson = { id: string; name: string; email: string; password: string; role: Role };

let pool: pg.Pool | undefined;
export function database(): pg.Pool {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set; run browser tests through `npm test` or `npm run test:e2e`.");
  pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  return pool;
}

const FIRST = ["Alma", "Bruno", "Cleo", "Dario", "Esme", "Farid", "Greta", "Hugo", "Ines", "Joel"];
const LAST = ["Varga", "Lindqvist", "Oduya", "Marchetti", "Kowal", "Brennan", "Haddad", "Sato"];
let counter = 0;

/** Creates an active person with a password; name and email are unique per call. */
export async function buildPerson(role: Role, overrides: { active?: boolean } = {}): Promise<TestPerson> {
  counter += 1;
  const tag = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}${counter}`;
  const name = `${FIRST[counter % FIRST.length]} ${LAST[counter % LAST.length]} ${tag.slice(-4)}`;
  const email = `${role.toLowerCase()}-${tag}@e2e.wiredesk.example`;
  const password = `pw-${randomBytes(8).toString("hex")}`;
  const hash = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const id = randomUUID();
  await database().query(
    `INSERT INTO "User" (id, email, name, role, "passwordHash", active, "updatedAt") VALUES ($1, $2, $3, $4::"Role", $5, $6, now())`,
    [id, email, name, role, hash, overrides.active ?? true],
  );
  return { id, name, email, password, role };
}

export async function personRow(id: string): Promise<{ role: Role; active: boolean; version: number }> {
  const result = await database().query<{ role: Role; active: boolean; version: number }>(
    `SELECT role, active, version FROM "User" WHERE id = $1`,
    [id],
  );
  const row = result.rows[0];
  if (!row) throw new Error(`no user ${id}`);
  return row;
}

/** A story with one report (and optional claims on it), written straight to the database. */
export async function buildStoryWithReport(
  owner: { id: string },
  options: { title?: string; headline?: string; source?: string; text: string; externalId?: string; claims?: { start: number; end: number; statement: string; status?: string }[] },
): Promise<{ storyId: string; reportId: string; claimIds: string[] }> {
  const storyId = randomUUID();
  const reportId = randomUUID();
  const versionId = randomUUID();
  const sourceName = options.source ?? `Source ${randomBytes(3).toString("hex")}`;
  const db = database();
  await db.query(`INSERT INTO "Story" (id, title, "createdById", "updatedAt") VALUES ($1, $2, $3, now())`, [storyId, options.title ?? `Story ${Date.now()}`, owner.id]);
  const source = await db.query<{ id: string }>(
    `INSERT INTO "Source" (id, name, "nameKey") VALUES ($1, $2, $3) ON CONFLICT ("nameKey") DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [randomUUID(), sourceName, sourceName.toLowerCase().replace(/\s+/g, " ").trim()],
  );
  const hash = randomBytes(32).toString("hex");
  await db.query(
    `INSERT INTO "Report" (id, "storyId", "sourceId", "externalId", "contentHash", headline, "publishedAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, now(), now())`,
    [reportId, storyId, source.rows[0]!.id, options.externalId ?? null, hash, options.headline ?? "Test report"],
  );
  await db.query(
    `INSERT INTO "ReportVersion" (id, "reportId", version, headline, "bodyText", "bodyHtml", "contentHash", channel, "importedById") VALUES ($1, $2, 1, $3, $4, '', $5, 'PASTE', $6)`,
    [versionId, reportId, options.headline ?? "Test report", options.text, hash, owner.id],
  );
  const claimIds: string[] = [];
  for (const claim of options.claims ?? []) {
    const id = randomUUID();
    claimIds.push(id);
    await db.query(
      `INSERT INTO "Claim" (id, "storyId", "reportId", "reportVersionId", exact, prefix, suffix, start, "end", statement, status, "createdById", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::"ClaimStatus", $12, now())`,
      [
        id,
        storyId,
        reportId,
        versionId,
        options.text.slice(claim.start, claim.end),
        options.text.slice(Math.max(0, claim.start - 32), claim.start),
        options.text.slice(claim.end, claim.end + 32),
        claim.start,
        claim.end,
        claim.statement,
        claim.status ?? "UNVERIFIED",
        owner.id,
      ],
    );
  }
  return { storyId, reportId, claimIds };
}
