/**
 * `npm run db:migrate`: applies pending migrations from prisma/migrations with the project's own
 * runner (lib/db/migrate.ts), because Prisma's schema engine cannot be downloaded here.
 * Uses DATABASE_URL when set, otherwise the embedded PostgreSQL (started and stopped here).
 * Expected failures print one line and exit 1; anything else keeps its stack trace.
 */
import { applyMigrations, MigrationError } from "../lib/db/migrate";
import { DatabaseStartupError, describeConnectionError, resolveDatabaseUrl } from "../lib/db/embedded";

async function main(): Promise<number> {
  const given = process.env.DATABASE_URL;
  const database = given
    ? { url: given, stop: async () => undefined }
    : await resolveDatabaseUrl({ log: (line) => console.log(line) });

  try {
    const { applied } = await applyMigrations({ connectionString: database.url });
    if (applied.length === 0) {
      console.log("Database is up to date");
    }
    for (const name of applied) {
      console.log(`Applied ${name}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof MigrationError) {
      const message =
        error.reason === "connection-failed"
          ? describeConnectionError(database.url, error.cause)
          : error.message;
      console.error(`db:migrate: ${message}`);
      return 1;
    }
    throw error;
  } finally {
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DatabaseStartupError) {
      console.error(`db:migrate: ${error.message}`);
      process.exit(1);
    }
    console.error(error);
    process.exit(1);
  },
);
