/** Runs once when the server starts: fail fast, with one line per bad variable. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("./lib/env");
    env();
    // the sign-in throttle needs each request's real peer address (lib/http/peer-address.ts)
    const { stampPeerAddresses } = await import("./lib/http/peer-address");
    stampPeerAddresses();
  }
}

/**
 * Next.js calls this for every error a page, route or action throws on the server. An
 * unreachable database marks this instance so proxy.ts answers 503 until it is back.
 */
export async function onRequestError(error: unknown): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { isDatabaseUnavailable } = await import("./lib/db/prisma-errors");
  if (!isDatabaseUnavailable(error)) return;
  const { markDatabaseUnreachable } = await import("./lib/db/availability");
  markDatabaseUnreachable();
}
