import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));
const alias = { "@": root, "server-only": path.resolve(root, "lib/testing/server-only-stub.ts") };

// Two projects: fast unit tests with no database, and integration tests on a real PostgreSQL
// whose fresh, migrated database arrives in DATABASE_URL (scripts/with-test-db.ts makes it).
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["lib/**/*.integration.test.ts"],
          environment: "node",
          // files share one database; each builds its own data with factories, so they may
          // run in any order; one at a time keeps the collaboration and timing tests steady on small CI hosts
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
