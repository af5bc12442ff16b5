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
