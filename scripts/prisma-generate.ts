/**
 * Runs `prisma generate` without Prisma's native schema engine. The CLI downloads that engine
 * at the start of every command, which fails offline, yet `generate` never uses it: pointing
 * PRISMA_SCHEMA_ENGINE_BINARY at any existing executable skips the download.
 */
import { spawnSync } from "node:child_process";

const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
