import http from "node:http";

/**
 * Next.js gives route handlers no access to the socket, and fills X-Forwarded-For with the peer
 * address only when the client sent none. So the server stamps every request with the real
 * peer address in this header, overwriting whatever a client wrote into it, before Next.js
 * sees the request (instrumentation.ts installs it once per process). No `server-only` import:
 * instrumentation is not compiled with the react-server condition.
 */
export const PEER_ADDRESS_HEADER = "x-wiredesk-peer-address";

declare global {
  var __wiredeskPeerStamping: boolean | undefined;
}

/** Installs the stamp on every Node HTTP server of this process (idempotent). */
export function stampPeerAddresses(): void {
  if (globalThis.__wiredeskPeerStamping) return;
  globalThis.__wiredeskPeerStamping = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function stampedEmit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
    }
    return (emit as (this: http.Server, ...all: unknown[]) => boolean).apply(this, [event, ...args]);
  } as typeof emit;
}

/** The stamped peer address of a request, or null when this process does not stamp (then nothing is trusted). */
export function peerAddressOf(headers: { get(name: string): string | null }): string | null {
  if (!globalThis.__wiredeskPeerStamping) return null;
  return headers.get(PEER_ADDRESS_HEADER) || null;
}
