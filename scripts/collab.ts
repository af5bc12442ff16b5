/**
 * `npm run collab`: the collaboration (websocket) server for live co-editing of explainers.
 * `npm start` runs one beside the app; run more behind a load balancer with REDIS_URL set so
 * they share documents. Env: DATABASE_URL, NEXTAUTH_SECRET (same as the app), COLLAB_PORT
 * (default 3001), REDIS_URL (optional), COLLAB_MAX_UPDATE_BYTES and COLLAB_MAX_DOCUMENT_BYTES (size caps).
 */
import { createCollabServer } from "../lib/collab/collab-server";
import { collabEnv } from "../lib/env";

let settings;
try {
  settings = collabEnv();
} catch (error) {
  console.error(`collab: ${(error as Error).message}`);
  process.exit(1);
}
const { NEXTAUTH_SECRET, COLLAB_PORT: port, REDIS_URL: redisUrl } = settings;
const server = createCollabServer({
  port,
  secret: NEXTAUTH_SECRET,
  redisUrl,
  limits: { maxUpdateBytes: settings.COLLAB_MAX_UPDATE_BYTES, maxDocumentBytes: settings.COLLAB_MAX_DOCUMENT_BYTES },
});

// Hocuspocus runs some hooks from promises nobody awaits; one rejected there must not take
// every writer's session down. It is logged; real crashes (uncaught exceptions) still exit and
// the supervisor restarts the server.
process.on("unhandledRejection", (reason) => {
  console.error(`collab: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});

try {
  await server.listen();
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === "EADDRINUSE" ? `collab: port ${port} is already in use; set COLLAB_PORT.` : `collab: could not start: ${String(error)}`);
  process.exit(1);
}
console.log(`collab: listening on ws://localhost:${port}${redisUrl ? " (sharing documents through Redis)" : ""}; health at /health`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  // destroy stores every open document before closing
  await server.destroy();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
