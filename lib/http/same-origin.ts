/**
 * Cookie-authenticated POST routes accept only requests from our own pages: the browser's
 * Origin header must match the Host. (Server actions get the same check from Next.js.)
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
