import "server-only";
import { publicEnv } from "@/lib/env";
import { CONTENT_SECURITY_POLICY_HEADER, scriptFreeContentSecurityPolicy } from "@/lib/http/content-security-policy";
import { publicPageCache, type CachedResponse, type PublicBody, type PublicPageCache } from "./public-cache";
import { explainerUrl, renderAtomFeed, renderRssFeed } from "./feeds";
import { getPublicExplainer, lastFeedChange, listPublishedExplainers } from "./public-explainer";
import { renderExplainerPage, renderGonePage, renderNotFoundPage } from "./render-public-page";
import { ZPublicSlug } from "./schemas";

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

function toResponse(request: Request, entry: CachedResponse & { cache: "hit" | "miss" }): Response {
  const headers = new Headers({
    "Content-Type": entry.contentType,
    "Cache-Control": publicCacheControl(),
    ETag: entry.etag,
    Vary: "Accept-Encoding",
    "X-Public-Cache": entry.cache,
    // the same for every response (no nonce: public pages run no script), so it is cached with it
    [CONTENT_SECURITY_POLICY_HEADER]: scriptFreeContentSecurityPolicy(),
  });
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
    return toResponse(request, await cache.response(`404`, async () => ({ status: 404, contentType: HTML, body: renderNotFoundPage(), cacheable: true })));
  }
  const baseUrl = publicBaseUrl(request);
  return toResponse(request, await cache.response(`page:${baseUrl}:${slug}`, () => renderPublicPage(slug, baseUrl)));
}

/** GET /explainers/feed.atom and /explainers/feed.rss. */
export async function feedResponse(request: Request, format: "atom" | "rss", cache: PublicPageCache = publicPageCache()): Promise<Response> {
  const baseUrl = publicBaseUrl(request);
  const entry = await cache.response(`feed:${format}:${baseUrl}`, async () => ({ ...(await renderPublicFeed(format, baseUrl)), cacheable: true }));
  return toResponse(request, entry);
}
