/**
 * The 503 page a desk page sends the browser to while the database is unreachable, and the way
 * back. proxy.ts stamps each request's own path in REQUEST_PATH_HEADER so a page can name it.
 * Pure: proxy.ts, pages and the route share it.
 */
export const REQUEST_PATH_HEADER = "x-wiredesk-path";
export const UNAVAILABLE_PATH = "/unavailable";

/** Only a path on this site goes back in `next` (never `//host` or `https://…`). */
export function safeReturnPath(candidate: string | null | undefined): string {
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\") || candidate.startsWith(UNAVAILABLE_PATH)) return "/stories";
  return candidate.slice(0, 2000);
}

/** `/unavailable?next=<the page that failed>`. */
export function unavailablePagePath(requestPath: string | null): string {
  return `${UNAVAILABLE_PATH}?next=${encodeURIComponent(safeReturnPath(requestPath))}`;
}
