/**
 * `npm run collab`: the collaboration (websocket) server for live co-editing of explainers.
 * `npm start` runs one beside the app; run more behind a load balancer with REDIS_URL set so
 * they share documents. Env: DATABASE_URL, NEXTAUTH_SECRET (same as the app), COLLAB_PORT
 * (default 3001), REDIS_URL (optional).
 */
import { createCollabServer } from "../lib/collab/collab-server";
import { env } from "../lib/env";

const port = Number(process.env.COLLAB_PORT ?? 3001);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`collab: COLLAB_PORT must be a port number, got "${process.env.COLLAB_PORT}".`);
  process.exit(1);
}

const { NEXTAUTH_SECRET } = env();
const redisUrl = process.env.REDIS_URL || undefined;
const server = createCollabServer({ port, secret: NEXTAUTH_SECRET, redisUrl });

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
