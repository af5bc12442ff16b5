/**
 * The same-origin guard. Cookie-authenticated writes accept only requests from our own pages:
 * the browser's Origin header must name the host the request was sent to (X-Forwarded-Host
 * behind a proxy, its first entry when proxies chain). Route handlers under /api call
 * `isSameOrigin`; proxy.ts applies `originMatchesHost` to server actions
 * (lib/http/server-action-guard.ts). Pure: no server imports.
 */

type HeaderReader = { get(name: string): string | null };

/** The host the client addressed: X-Forwarded-Host (first entry) behind a proxy, else Host. */
export function requestHost(headers: HeaderReader): string | null {
  const host = (headers.get("x-forwarded-host") ?? headers.get("host") ?? "").split(",", 1)[0]!.trim();
  return host || null;
}

/** True when the Origin header names the requested host; "null", malformed or foreign origins are not. */
export function originMatchesHost(headers: HeaderReader): boolean {
  const origin = headers.get("origin");
  const host = requestHost(headers);
  if (!origin || origin === "null" || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** For cookie-authenticated POST routes: a request without Origin is refused too. */
export function isSameOrigin(request: Request): boolean {
  return originMatchesHost(request.headers);
}
