/**
 * Test data for browser tests, written straight to the test database with parameterized SQL
 * (the app's domain modules are server-only). Every call makes new people with unique emails.
 */
import { randomBytes, randomUUID } from "node:crypto";
import argon2 from "argon2";
import pg from "pg";

export type Role = "ADMIN" | "REVIEWER" | "EDITOR";
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
