import "server-only";
import { publicPageCache, type CachedResponse, type PublicBody, type PublicPageCache } from "./public-cache";
import { explainerUrl, renderAtomFeed, renderRssFeed } from "./feeds";
import { getPublicExplainer, lastFeedChange, listPublishedExplainers } from "./public-explainer";
import { renderExplainerPage, renderGonePage, renderNotFoundPage } from "./render-public-page";
import { ZPublicSlug } from "./schemas";
import { etagMatches, publicBaseUrl, publicCacheKeys, publicResponseHeaders } from "./public-headers";

export { etagMatches, publicBaseUrl, publicCacheControl } from "./public-headers";

/**
 * HTTP responses of the public site (explainer pages, with their JSON-LD, and feeds), served
 * from the per-instance cache. The same renderers write the static output
 * (`write-public-output.ts`), so the app and a static copy serve the same bytes.
 *
 * Caching: browsers revalidate every time (`max-age=0`, a strong ETag, 304); a CDN may keep a
 * copy for `PUBLIC_CDN_MAX_AGE_SECONDS` (`s-maxage`) and serve it a little longer while it
 * refetches (`stale-while-revalidate`). Publishing purges the CDN through `PURGE_URL`, so a
 * change shows there as soon as the purge job has run, and at worst after s-maxage.
 */

const HTML = "text/html; charset=utf-8";
export const ATOM = "application/atom+xml; charset=utf-8";
export const RSS = "application/rss+xml; charset=utf-8";

/** The response for a cache entry: 304 when the request's If-None-Match names its tag. */
function toResponse(request: Request, entry: CachedResponse & { cache: "hit" | "miss" }): Response {
  const headers = publicResponseHeaders(entry, entry.cache);
  if (etagMatches(request.headers.get("if-none-match"), entry.etag)) return new Response(null, { status: 304, headers });
  if (request.method === "HEAD") return new Response(null, { status: entry.status, headers });
  return new Response(new Uint8Array(entry.bytes), { status: entry.status, headers });
}

/** What `/explainers/<slug>` shows now: the live page (200), the withdrawal notice (410), or the 404. */
export async function renderPublicPage(slug: string, baseUrl: string): Promise<PublicBody & { cacheable: boolean; state: "live" | "gone" | "none" }> {
  const explainer = ZPublicSlug.safeParse(slug).success ? await getPublicExplainer(slug) : null;
  if (!explainer) return { status: 404, contentType: HTML, body: renderNotFoundPage(), cacheable: false, state: "none" };
  if (explainer.kind === "gone") return { status: 410, contentType: HTML, body: renderGonePage(explainer), cacheable: true, state: "gone" };
  return { status: 200, contentType: HTML, body: renderExplainerPage(explainer, explainerUrl(baseUrl, explainer.slug)), cacheable: true, state: "live" };
}

/** The Atom or RSS feed of the live explainers as it reads now. */
export async function renderPublicFeed(format: "atom" | "rss", baseUrl: string): Promise<PublicBody> {
  const [entries, changedAt] = await Promise.all([listPublishedExplainers(), lastFeedChange()]);
  const updatedAt = changedAt ?? new Date();
  return format === "atom"
    ? { status: 200, contentType: ATOM, body: renderAtomFeed(entries, baseUrl, updatedAt) }
    : { status: 200, contentType: RSS, body: renderRssFeed(entries, baseUrl, updatedAt) };
}

/** GET /explainers/[slug]: 200 with the live page, 410 with the withdrawal notice, or 404. */
export async function explainerPageResponse(request: Request, slug: string, cache: PublicPageCache = publicPageCache()): Promise<Response> {
  if (!ZPublicSlug.safeParse(slug).success) {
    return toResponse(request, await cache.response(publicCacheKeys.notFound, async () => ({ status: 404, contentType: HTML, body: renderNotFoundPage(), cacheable: true })));
  }
  const baseUrl = publicBaseUrl(request);
  return toResponse(request, await cache.response(publicCacheKeys.page(baseUrl, slug), () => renderPublicPage(slug, baseUrl)));
}

/** GET /explainers/feed.atom and /explainers/feed.rss. */
export async function feedResponse(request: Request, format: "atom" | "rss", cache: PublicPageCache = publicPageCache()): Promise<Response> {
  const baseUrl = publicBaseUrl(request);
  const entry = await cache.response(publicCacheKeys.feed(format, baseUrl), async () => ({ ...(await renderPublicFeed(format, baseUrl)), cacheable: true }));
  return toResponse(request, entry);
}
