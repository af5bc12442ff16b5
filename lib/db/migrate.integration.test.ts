/**
 * The migration runner against a real PostgreSQL. Every test works in its own scratch database
 * on the server named by DATABASE_URL (the shared, already-migrated test database is left
 * alone), and migrations that must be edited or broken live in a temporary copy of the folder.
 */
import { createHash, randomUUID } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, MigrationError } from "./migrate";

const MIGRATIONS_DIR = path.resolve("prisma/migrations");

function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL must name the test PostgreSQL server");
  return url;
}

const scratchDatabases: string[] = [];
const tempDirs: string[] = [];

/** Creates an empty database on the test server and returns its connection string. */
async function createScratchDatabase(): Promise<string> {
  const name = `wiredesk_migrate_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  scratchDatabases.push(name);
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** A private copy of prisma/migrations that a test may edit or extend. */
async function copyMigrationsDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "wiredesk-migrations-"));
  tempDirs.push(dir);
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function addMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

async function localMigrationNames(dir = MIGRATIONS_DIR): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function tableExists(url: string, table: string): Promise<boolean> {
  return withClient(url, async (client) => {
    const result = await client.query<{ exists: boolean }>(
      "SELECT to_regclass(quote_ident($1)) IS NOT NULL AS exists",
      [table],
    );
    return result.rows[0]?.exists === true;
  });
}

interface MigrationRecord {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  started_at: Date;
  applied_steps_count: number;
}

async function migrationRecords(url: string): Promise<MigrationRecord[]> {
  return withClient(url, async (client) => {
    const result = await client.query<MigrationRecord>(
      'SELECT * FROM "_prisma_migrations" ORDER BY "migration_name"',
    );
    return result.rows;
  });
}

async function expectMigrationError(
  run: Promise<unknown>,
  expected: { reason: MigrationError["reason"]; migrationName: string | null },
): Promise<MigrationError> {
  const error = await run.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MigrationError);
  const migrationError = error as MigrationError;
  expect({ reason: migrationError.reason, migrationName: migrationError.migrationName }).toEqual(
    expected,
  );
  if (expected.migrationName) expect(migrationError.message).toContain(expected.migrationName);
  return migrationError;
}

afterAll(async () => {
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    for (const name of scratchDatabases) {
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("applyMigrations", () => {
  it("applies every migration to an empty database, and a second run applies nothing", async () => {
    const url = await createScratchDatabase();
    const names = await localMigrationNames();
    expect(names.length).toBeGreaterThan(0);

    const first = await applyMigrations({ connectionString: url });
    expect(first).toEqual({ applied: names, skipped: [] });
    expect(await tableExists(url, "User")).toBe(true);

    const second = await applyMigrations({ connectionString: url });
    expect(second).toEqual({ applied: [], skipped: names });
    expect(await migrationRecords(url)).toHaveLength(names.length);
  });

  it("records migrations in _prisma_migrations exactly as Prisma Migrate does", async () => {
    const url = await createScratchDatabase();
    await applyMigrations({ connectionString: url });

    // Prisma's own table definition, so `prisma migrate status/deploy` can read our rows.
    const columns = await withClient(url, async (client) => {
      const result = await client.query<{
        column_name: string;
        data_type: string;
        character_maximum_length: number | null;
        is_nullable: "YES" | "NO";
        column_default: string | null;
      }>(
        `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
           FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = '_prisma_migrations'
          ORDER BY ordinal_position`,
      );
      return result.rows;
    });
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", character_maximum_length: 36, is_nullable: "NO", column_default: null },
      { column_name: "checksum", data_type: "character varying", character_maximum_length: 64, is_nullable: "NO", column_default: null },
      { column_name: "finished_at", data_type: "timestamp with time zone", character_maximum_length: null, is_nullable: "YES", column_default: null },
      { column_name: "migration_name", data_type: "character varying", character_maximum_length: 255, is_nullable: "NO", column_default: null },
      { column_name: "logs", data_type: "text", character_maximum_length: null, is_nullable: "YES", column_default: null },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", character_maximum_length: null, is_nullable: "YES", column_default: null },
      { column_name: "started_at", data_type: "timestamp with time zone", character_maximum_length: null, is_nullable: "NO", column_default: "now()" },
      { column_name: "applied_steps_count", data_type: "integer", character_maximum_length: null, is_nullable: "NO", column_default: "0" },
    ]);
    const primaryKey = await withClient(url, async (client) => {
      const result = await client.query<{ column_name: string }>(
        `SELECT a.attname AS column_name
           FROM pg_constraint c
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
          WHERE c.conrelid = '"_prisma_migrations"'::regclass AND c.contype = 'p'`,
      );
      return result.rows.map((row) => row.column_name);
    });
    expect(primaryKey).toEqual(["id"]);

    const names = await localMigrationNames();
    const records = await migrationRecords(url);
    expect(records.map((record) => record.migration_name)).toEqual(names);
    for (const record of records) {
      const script = await readFile(path.join(MIGRATIONS_DIR, record.migration_name, "migration.sql"));
      expect(record.checksum).toBe(createHash("sha256").update(script).digest("hex"));
      expect(record.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(record.finished_at).toBeInstanceOf(Date);
      expect(record.finished_at!.getTime()).toBeGreaterThanOrEqual(record.started_at.getTime());
      expect(record.rolled_back_at).toBeNull();
      expect(record.logs).toBeNull();
      expect(record.applied_steps_count).toBe(1);
    }
  });

  it("refuses to run when an applied migration file was edited, naming it, and applies nothing newer", async () => {
    const url = await createScratchDatabase();
    const dir = await copyMigrationsDir();
    await applyMigrations({ connectionString: url, migrationsDir: dir });

    const [firstName] = await localMigrationNames(dir);
    const firstFile = path.join(dir, firstName!, "migration.sql");
    await writeFile(firstFile, `${await readFile(firstFile, "utf8")}\n-- edited after it was applied\n`);
    await addMigration(dir, "29991231000000_after_edit", 'CREATE TABLE "AfterEdit" ("id" INTEGER);');

    await expectMigrationError(applyMigrations({ connectionString: url, migrationsDir: dir }), {
      reason: "checksum-mismatch",
      migrationName: firstName!,
    });
    expect(await tableExists(url, "AfterEdit")).toBe(false);
  });

  it("treats a checkout that only changed line endings as unchanged, as Prisma does", async () => {
    const url = await createScratchDatabase();
    const dir = await copyMigrationsDir();
    await applyMigrations({ connectionString: url, migrationsDir: dir });

    for (const name of await localMigrationNames(dir)) {
      const file = path.join(dir, name, "migration.sql");
      await writeFile(file, (await readFile(file, "utf8")).replace(/\r?\n/g, "\r\n"));
    }
    const rerun = await applyMigrations({ connectionString: url, migrationsDir: dir });
    expect(rerun.applied).toEqual([]);
  });

  it("rolls a failing migration back entirely, leaving neither its changes nor its record", async () => {
    const url = await createScratchDatabase();
    const dir = await copyMigrationsDir();
    const name = "29991231000000_breaks_halfway";
    // The first statement succeeds; only a real transaction can undo it when the second fails.
    await addMigration(
      dir,
      name,
      'CREATE TABLE "HalfDone" ("id" INTEGER);\nINSERT INTO "NoSuchTable" VALUES (1);\n',
    );

    const error = await expectMigrationError(
      applyMigrations({ connectionString: url, migrationsDir: dir }),
      { reason: "migration-failed", migrationName: name },
    );
    expect(error.message).toContain("NoSuchTable");

    const earlier = await localMigrationNames();
    expect((await migrationRecords(url)).map((record) => record.migration_name)).toEqual(earlier);
    expect(await tableExists(url, "HalfDone")).toBe(false);

    // Nothing was left behind to resolve by hand: fixing the file is enough.
    await writeFile(path.join(dir, name, "migration.sql"), 'CREATE TABLE "HalfDone" ("id" INTEGER);\n');
    const retry = await applyMigrations({ connectionString: url, migrationsDir: dir });
    expect(retry.applied).toEqual([name]);
    expect(await tableExists(url, "HalfDone")).toBe(true);
  });

  it("refuses to run while an earlier attempt left an unfinished record, naming that migration", async () => {
    const url = await createScratchDatabase();
    const dir = await copyMigrationsDir();
    await applyMigrations({ connectionString: url, migrationsDir: dir });

    // What `prisma migrate deploy` leaves after a script fails midway (it uses no transaction).
    const name = "29991231000000_failed_elsewhere";
    const sql = 'CREATE TABLE "FailedElsewhere" ("id" INTEGER);\n';
    await addMigration(dir, name, sql);
    await withClient(url, (client) =>
      client.query(
        `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "logs")
         VALUES ($1, $2, $3, 'ERROR: something went wrong')`,
        [randomUUID(), createHash("sha256").update(sql).digest("hex"), name],
      ),
    );

    await expectMigrationError(applyMigrations({ connectionString: url, migrationsDir: dir }), {
      reason: "previous-attempt-failed",
      migrationName: name,
    });
    expect(await tableExists(url, "FailedElsewhere")).toBe(false);

    // `prisma migrate resolve --rolled-back` marks the row; after that the migration runs again.
    await withClient(url, (client) =>
      client.query(`UPDATE "_prisma_migrations" SET "rolled_back_at" = now() WHERE "migration_name" = $1`, [name]),
    );
    const retry = await applyMigrations({ connectionString: url, migrationsDir: dir });
    expect(retry.applied).toEqual([name]);
  });

  it("applies each migration exactly once when two runners start at the same time", async () => {
    const url = await createScratchDatabase();
    const dir = await copyMigrationsDir();
    // A slow migration widens the window in which an unlocked second runner would interfere.
    await addMigration(dir, "29991231000000_slow", 'SELECT pg_sleep(0.3);\nCREATE TABLE "Slow" ("id" INTEGER);\n');
    const names = await localMigrationNames(dir);

    const [one, two] = await Promise.all([
      applyMigrations({ connectionString: url, migrationsDir: dir }),
      applyMigrations({ connectionString: url, migrationsDir: dir }),
    ]);

    expect([...one.applied, ...two.applied].sort()).toEqual(names);
    const records = await migrationRecords(url);
    expect(records.map((record) => record.migration_name)).toEqual(names);
    expect(records.every((record) => record.finished_at !== null)).toBe(true);
  });

  it("reports a database it cannot connect to as a connection failure", async () => {
    const url = new URL(serverUrl());
    url.pathname = `/wiredesk_missing_${randomUUID().replaceAll("-", "")}`;
    await expectMigrationError(applyMigrations({ connectionString: url.toString() }), {
      reason: "connection-failed",
      migrationName: null,
    });
  });
});
