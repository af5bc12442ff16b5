import type { PublicPageCache } from "./public-cache";
import { etagMatches, publicBaseUrl, publicCacheKey, publicResponseHeaders } from "./public-headers";
import { ZPublicSlug } from "./schemas";

/**
 * A revalidation of a public page or feed (GET or HEAD with If-None-Match) answered by the proxy,
 * before Next routes the request: when this instance holds the response at the current site
 * version and its tag matches, the 304 costs one version query and no route handler. Anything
 * else (no cache yet, another tag, a stale entry) returns null and the route answers as usual,
 * so the result is the same as the route's own 304, only cheaper.
 *
 * The cache is the process's one instance on globalThis (`publicPageCache()`), created by the
 * route handlers; this module only reads it, so the proxy bundle carries no database client.
 */
export async function answerPublicRevalidation(request: Request, pathname: string): Promise<Response | null> {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const ifNoneMatch = request.headers.get("if-none-match");
  if (!ifNoneMatch) return null;
  const cache: PublicPageCache | undefined = globalThis.__wiredeskPublicCache;
  if (!cache) return null;
  const key = publicCacheKey(pathname, publicBaseUrl(request), (slug) => ZPublicSlug.safeParse(slug).success);
  if (!key) return null;
  const entry = await cache.current(key);
  if (!entry || !etagMatches(ifNoneMatch, entry.etag)) return null;
  return new Response(null, { status: 304, headers: publicResponseHeaders(entry, "hit") });
}
