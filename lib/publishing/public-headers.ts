import { publicEnv } from "@/lib/env";
import { CONTENT_SECURITY_POLICY_HEADER, scriptFreeContentSecurityPolicy } from "@/lib/http/content-security-policy";

/**
 * The headers of every public response (page, notice, feed; 200, 304 and HEAD alike), shared by
 * the route handlers and by the proxy's conditional-GET answer (`public-conditional.ts`), so a 304
 * carries exactly what the 200 it confirms carried. No server imports: the proxy bundles this.
 */

const STALE_WHILE_REVALIDATE_SECONDS = 30;
// the app answers 503 while PostgreSQL is down (it cannot tell whether a copy is current);
// a CDN may go on serving its last good copy meanwhile
const STALE_IF_ERROR_SECONDS = 86_400;

/** Cache-Control of every public page and feed (app responses and static output alike). */
export function publicCacheControl(cdnMaxAgeSeconds: number = publicEnv().PUBLIC_CDN_MAX_AGE_SECONDS): string {
  // Compression is left to Next (route handlers cannot set Content-Encoding) or to the CDN,
  // which keeps compressed copies and revalidates them by ETag.
  return `public, max-age=0, s-maxage=${cdnMaxAgeSeconds}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_SECONDS}, stale-if-error=${STALE_IF_ERROR_SECONDS}`;
}

/** Origin of public links: PUBLIC_BASE_URL when set, else the request's own origin. */
export function publicBaseUrl(request: Request): string {
  return publicEnv().PUBLIC_BASE_URL ?? new URL(request.url).origin;
}

/** If-None-Match against a strong tag (RFC 9110 13.1.2 uses the weak comparison for it). */
export function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((candidate) => {
    const value = candidate.trim();
    return value === "*" || value === etag || value === `W/${etag}`;
  });
}

/** Headers of a public response with this content type and tag; `cache` says whether memory served it. */
export function publicResponseHeaders(entry: { contentType: string; etag: string }, cache: "hit" | "miss"): Headers {
  return new Headers({
    "Content-Type": entry.contentType,
    "Cache-Control": publicCacheControl(),
    ETag: entry.etag,
    Vary: "Accept-Encoding",
    "X-Public-Cache": cache,
    // the same for every response (no nonce: public pages run no script), so it is cached with it
    [CONTENT_SECURITY_POLICY_HEADER]: scriptFreeContentSecurityPolicy(),
  });
}

/** Cache keys of the public responses: the route handlers store under them, the proxy looks up. */
export const publicCacheKeys = {
  notFound: "404",
  page: (baseUrl: string, slug: string) => `page:${baseUrl}:${slug}`,
  feed: (format: "atom" | "rss", baseUrl: string) => `feed:${format}:${baseUrl}`,
};

/** The cache key of a request path's response, or null for a path the public site does not cache. */
export function publicCacheKey(pathname: string, baseUrl: string, isSlug: (slug: string) => boolean): string | null {
  if (pathname === "/explainers/feed.atom") return publicCacheKeys.feed("atom", baseUrl);
  if (pathname === "/explainers/feed.rss") return publicCacheKeys.feed("rss", baseUrl);
  const match = /^\/explainers\/([^/]+)$/.exec(pathname);
  if (!match) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  return isSlug(slug) ? publicCacheKeys.page(baseUrl, slug) : publicCacheKeys.notFound;
}
