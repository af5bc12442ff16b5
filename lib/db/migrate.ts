/**
 * The project's migration runner. Prisma's schema engine cannot be downloaded on our machines,
 * so `prisma migrate deploy` cannot run; this applies `prisma/migrations/<name>/migration.sql`
 * and records each one in `_prisma_migrations` exactly as Prisma Migrate does (same table, same
 * sha256 checksum, same advisory lock key), so `prisma migrate status/deploy` agree with it
 * wherever the engine is available.
 *
 * Deliberately plain Node + `pg` (no `server-only`, no Prisma client): scripts, tests and the
 * start-up path all use it before any generated client exists.
 */
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/** Why the runner stopped; lets callers and tests tell the cases apart without parsing text. */
export type MigrationErrorReason =
  | "connection-failed"
  | "invalid-migrations-dir"
  | "checksum-mismatch"
  | "previous-attempt-failed"
  | "migration-failed";

/** A refusal or failure of the runner; `migrationName` names the migration concerned, if any. */
export class MigrationError extends Error {
  override readonly name = "MigrationError";
  readonly reason: MigrationErrorReason;
  readonly migrationName: string | null;

  constructor(
    reason: MigrationErrorReason,
    message: string,
    options: { migrationName?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.reason = reason;
    this.migrationName = options.migrationName ?? null;
  }
}

export interface ApplyMigrationsOptions {
  connectionString: string;
  /** Folder holding `<name>/migration.sql` directories; relative paths resolve from the cwd. */
  migrationsDir?: string;
  log?: (message: string) => void;
}

export interface ApplyMigrationsResult {
  /** Migrations applied by this call, in the order they ran. */
  applied: string[];
  /** Migrations that were already applied before this call. */
  skipped: string[];
}

interface LocalMigration {
  name: string;
  script: string;
  checksum: string;
}

interface MigrationRow {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

/**
 * The key Prisma Migrate passes to pg_advisory_lock. Sharing it means this runner and a real
 * `prisma migrate deploy` also exclude each other, not only two copies of this runner.
 */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

/** Prisma's own definition of the bookkeeping table (schema-engine, postgres flavour). */
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Applies every pending migration in name order, each in one transaction with its record. */
export async function applyMigrations({
  connectionString,
  migrationsDir = "prisma/migrations",
  log = () => {},
}: ApplyMigrationsOptions): Promise<ApplyMigrationsResult> {
  // Read and checksum the files before touching the database: a broken folder should fail fast.
  const local = await readLocalMigrations(path.resolve(migrationsDir));

  const client = new pg.Client({ connectionString });
  // A dropped connection also rejects the pending query, which is what reports the failure;
  // without a listener the 'error' event would instead crash the process.
  client.on("error", (error) => log(`Database connection error: ${describeError(error)}`));
  try {
    await client.connect();
  } catch (error) {
    throw new MigrationError(
      "connection-failed",
      `Cannot connect to the database: ${describeError(error)}`,
      { cause: error },
    );
  }

  try {
    // Session-level lock, held across all migrations: a second runner waits here and then finds
    // everything applied, so each migration runs exactly once.
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    await client.query(CREATE_MIGRATIONS_TABLE);

    const rows = await readMigrationRows(client);
    refuseUnfinishedAttempts(rows);

    const appliedRows = new Map<string, MigrationRow>();
    for (const row of rows) {
      if (row.finished_at !== null && row.rolled_back_at === null) {
        appliedRows.set(row.migration_name, row);
      }
    }

    const localNames = new Set(local.map((migration) => migration.name));
    for (const name of appliedRows.keys()) {
      if (!localNames.has(name)) {
        // Prisma's deploy tolerates this too (e.g. a migration squashed away locally); say so.
        log(`Applied migration ${name} is missing from ${migrationsDir}`);
      }
    }

    // Check every recorded checksum before applying anything, so an edited old migration stops
    // the run before a newer one lands on top of it.
    for (const migration of local) {
      const row = appliedRows.get(migration.name);
      if (row && !scriptMatchesChecksum(migration.script, row.checksum)) {
        throw new MigrationError(
          "checksum-mismatch",
          `Migration ${migration.name} was modified after it was applied ` +
            `(recorded checksum ${row.checksum}, file checksum ${migration.checksum}). ` +
            `Restore the file and add a new migration instead.`,
          { migrationName: migration.name },
        );
      }
    }

    const applied: string[] = [];
    const skipped: string[] = [];
    for (const migration of local) {
      if (appliedRows.has(migration.name)) {
        skipped.push(migration.name);
        continue;
      }
      await applyOne(client, migration);
      applied.push(migration.name);
      log(`Applied migration ${migration.name}`);
    }
    return { applied, skipped };
  } finally {
    // Ending the session releases the advisory lock even if the unlock query never ran.
    await client.end().catch(() => undefined);
  }
}

/** Prisma's checksum: lowercase, zero-padded hex sha256 of the script's bytes. */
function checksumOf(script: string): string {
  return createHash("sha256").update(script, "utf8").digest("hex");
}

/**
 * Same leniency as Prisma's `script_matches_checksum`: a checkout that only converted line
 * endings (git on Windows) is not a modified migration.
 */
function scriptMatchesChecksum(script: string, checksum: string): boolean {
  const variants = [script, script.replace(/\r\n/g, "\n"), script.replace(/\r?\n/g, "\r\n")];
  return variants.some((variant) => checksumOf(variant) === checksum);
}

async function readLocalMigrations(dir: string): Promise<LocalMigration[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new MigrationError(
      "invalid-migrations-dir",
      `Cannot read migrations folder ${dir}: ${describeError(error)}`,
      { cause: error },
    );
  }

  // Plain code-unit order, as Prisma sorts migration folder names (timestamps first).
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const migrations: LocalMigration[] = [];
  for (const name of names) {
    const file = path.join(dir, name, "migration.sql");
    const isFile = await stat(file).then(
      (info) => info.isFile(),
      () => false,
    );
    if (!isFile) {
      throw new MigrationError(
        "invalid-migrations-dir",
        `Migration ${name} has no migration.sql (${file})`,
        { migrationName: name },
      );
    }
    const script = await readFile(file, "utf8");
    migrations.push({ name, script, checksum: checksumOf(script) });
  }
  return migrations;
}

async function readMigrationRows(client: pg.Client): Promise<MigrationRow[]> {
  const result = await client.query<MigrationRow>(
    `SELECT "id", "migration_name", "checksum", "finished_at", "rolled_back_at", "logs"
       FROM "_prisma_migrations"
      ORDER BY "started_at", "migration_name"`,
  );
  return result.rows;
}

/**
 * A row that started but neither finished nor was rolled back means an earlier attempt (ours
 * outside a transaction, or Prisma's, which does not wrap scripts in one) may have left the
 * schema half-changed. Prisma refuses to go on until a human resolves it; so do we.
 */
function refuseUnfinishedAttempts(rows: MigrationRow[]): void {
  const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
  if (!failed) return;
  const detail = failed.logs ? ` Its log: ${firstLine(failed.logs)}` : "";
  throw new MigrationError(
    "previous-attempt-failed",
    `Migration ${failed.migration_name} failed in an earlier attempt and may be partly applied. ` +
      `Inspect the database, then mark the row in _prisma_migrations as rolled back ` +
      `(rolled_back_at = now()) or finished.${detail}`,
    { migrationName: failed.migration_name },
  );
}

/**
 * Runs one script and writes its record in the same transaction, so the database never holds
 * a half-applied migration nor a record without its schema change. Consequence: scripts must
 * not manage transactions themselves or use statements barred from transactions
 * (CREATE INDEX CONCURRENTLY, ALTER TYPE ... ADD VALUE before PostgreSQL 12).
 */
async function applyOne(client: pg.Client, migration: LocalMigration): Promise<void> {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at")
       VALUES ($1, $2, $3, now())`,
      [id, migration.checksum, migration.name],
    );
    // No parameters: pg then uses the simple query protocol, which runs a multi-statement script.
    await client.query(migration.script);
    // Prisma counts one step per migration script; clock_timestamp() because now() is frozen at
    // the start of the transaction.
    await client.query(
      `UPDATE "_prisma_migrations"
          SET "finished_at" = clock_timestamp(), "applied_steps_count" = 1
        WHERE "id" = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw new MigrationError(
      "migration-failed",
      `Migration ${migration.name} failed and was rolled back: ${describeError(error)}`,
      { migrationName: migration.name, cause: error },
    );
  }
}

function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    // pg reports "connect ECONNREFUSED" for each resolved address as an AggregateError.
    return describeError(error.errors[0]);
  }
  if (error instanceof Error) return firstLine(error.message) || error.name;
  return String(error);
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0]?.trim() ?? "";
}
