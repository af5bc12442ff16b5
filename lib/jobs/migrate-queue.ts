/**
 * Creates or upgrades graphile-worker's own schema (graphile_worker.*). Plain Node, like
 * lib/db/migrate.ts: the start script, the test runner and the benchmarks call it right after
 * the project's migrations, before any job can be added.
 */
import { runMigrations } from "graphile-worker";
import { quietQueueLogger } from "./queue-logger";

export async function migrateJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: quietQueueLogger });
}
