/**
 * Shared start-up for scripts: find or start the database, apply migrations (the project's and
 * the job queue's), run the work,
 * and stop an embedded server we started, also on Ctrl-C. Expected problems print one line.
 */
import { applyMigrations, MigrationError } from "../../lib/db/migrate";
import { DatabaseStartupError, resolveDatabaseUrl, type ResolvedDatabase } from "../../lib/db/embedded";
import { DomainError } from "../../lib/errors/domain-errors";
import { migrateJobQueue } from "../../lib/jobs/migrate-queue";

export async function runWithDatabase(work: (database: ResolvedDatabase) => Promise<void>, options: { keepRunning?: boolean } = {}): Promise<void> {
  let database: ResolvedDatabase | undefined;
  try {
    database = await resolveDatabaseUrl();
    process.env.DATABASE_URL = database.url;
    const { applied } = await applyMigrations({ connectionString: database.url, log: () => undefined });
    for (const name of applied) console.log(`Applied migration ${name}`);
    // the job queue's own schema: imports add analysis jobs in their transaction
    await migrateJobQueue(database.url);
    await work(database);
  } catch (error) {
    if (error instanceof DatabaseStartupError || error instanceof MigrationError || error instanceof DomainError) {
      console.error(`wiredesk: ${error.message}`);
      await database?.stop().catch(() => undefined);
      process.exit(1);
    }
    await database?.stop().catch(() => undefined);
    throw error;
  }
  if (!options.keepRunning) {
    await database.stop();
    process.exit(0);
  }
}
