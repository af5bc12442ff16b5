/**
 * Checks on a server-action request that Next.js itself answers with a bare 500: a foreign
 * Origin (its CSRF check aborts the action with "Invalid Server Actions request") and a body
 * over `serverActions.bodySizeLimit`. proxy.ts runs this before Next.js reads the body, so the
 * caller gets a 403, 411 or 413 with a message instead. Pure: no server imports.
 */
import { originMatchesHost } from "./same-origin";

/** Must equal `serverActions.bodySizeLimit` in next.config.js ("1mb" is 1 MiB there too). */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

export type ActionRefusal = { status: 403 | 411 | 413; message: string };

type HeaderReader = { get(name: string): string | null };

/**
 * A POST to a page is a server action: Next.js routes pages' POSTs nowhere else. Route
 * handlers under /api check their own origin and size.
 */
export function isServerActionRequest(method: string, pathname: string): boolean {
  return method === "POST" && !pathname.startsWith("/api/");
}

/** Why a server-action request must be refused before Next.js reads it, or null to let it through. */
export function refuseServerActionRequest(headers: HeaderReader): ActionRefusal | null {
  const origin = headers.get("origin");
  // like Next.js: a request without Origin is not a browser's cross-site form (browsers send
  // Origin on every POST), so it carries no one else's cookies and is let through
  if (origin !== null && !originMatchesHost(headers)) {
    return { status: 403, message: "Cross-site request refused: this form can only be sent from the desk's own pages." };
  }
  const length = headers.get("content-length");
  if (length === null) {
    // browsers always declare the size of an action's body; without it Next.js would read a
    // chunked stream up to the limit and then fail with a 500
    return headers.get("transfer-encoding") ? { status: 411, message: "Send the request with a Content-Length." } : null;
  }
  const bytes = Number(length);
  if (!Number.isSafeInteger(bytes) || bytes < 0) return { status: 411, message: "Send the request with a valid Content-Length." };
  if (bytes > SERVER_ACTION_BODY_LIMIT_BYTES) {
    return { status: 413, message: "The request is larger than the 1 MB limit for a form. Shorten the text or split it up." };
  }
  return null;
}
