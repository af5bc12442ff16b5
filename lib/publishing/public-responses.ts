import "server-only";
import { publicEnv } from "@/lib/env";
import { CONTENT_SECURITY_POLICY_HEADER, scriptFreeContentSecurityPolicy } from "@/lib/http/content-security-policy";
import { cachedPublicResponse, type CachedResponse } from "./public-cache";
import { explainerUrl, renderAtomFeed, renderRssFeed } from "./feeds";
import { getPublicExplainer, lastFeedChange, listPublishedExplainers } from "./public-explainer";
import { renderExplainerPage, renderGonePage, renderNotFoundPage } from "./render-public-page";
import { ZPublicSlug } from "./schemas";

/**
 * HTTP responses of the public site (explainer pages and feeds), served from the per-instance
 * cache. Browsers and CDNs may keep a copy but must revalidate it every time (ETag, 304): a
 * publish, correction or unpublish has to show at once, also through a CDN.
 */

const HTML = "text/html; charset=utf-8";
// Compression is left to Next (route handlers cannot set Content-Encoding: Next drops it) or,
// better, to the CDN in front, which keeps compressed copies and revalidates them by ETag.
const CACHE_CONTROL = "public, max-age=0, must-revalidate";

/** Origin of public links: PUBLIC_BASE_URL when set, else the request's own origin. */
export function publicBaseUrl(request: Request): string {
  return publicEnv().PUBLIC_BASE_URL ?? new URL(request.url).origin;
}

function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((candidate) => {
    const value = candidate.trim();
    return value === "*" || value === etag || value === `W/${etag}`;
  });
}

function toResponse(request: Request, entry: CachedResponse & { cache: "hit" | "miss" }): Response {
  const headers = new Headers({
    "Content-Type": entry.contentType,
    "Cache-Control": CACHE_CONTROL,
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

/** GET /explainers/[slug]: 200 with the live page, 410 with the withdrawal notice, or 404. */
export async function explainerPageResponse(request: Request, slug: string): Promise<Response> {
  const baseUrl = publicBaseUrl(request);
  if (!ZPublicSlug.safeParse(slug).success) {
    return toResponse(request, { ...(await cachedPublicResponse(`404`, async () => ({ status: 404, contentType: HTML, body: renderNotFoundPage(), cacheable: true }))) });
  }
  const entry = await cachedPublicResponse(`page:${baseUrl}:${slug}`, async () => {
    const explainer = await getPublicExplainer(slug);
    if (!explainer) return { status: 404, contentType: HTML, body: renderNotFoundPage(), cacheable: false };
    if (explainer.kind === "gone") return { status: 410, contentType: HTML, body: renderGonePage(explainer), cacheable: true };
    return { status: 200, contentType: HTML, body: renderExplainerPage(explainer, explainerUrl(baseUrl, explainer.slug)), cacheable: true };
  });
  return toResponse(request, entry);
}

/** GET /explainers/feed.atom and /explainers/feed.rss. */
export async function feedResponse(request: Request, format: "atom" | "rss"): Promise<Response> {
  const baseUrl = publicBaseUrl(request);
  const entry = await cachedPublicResponse(`feed:${format}:${baseUrl}`, async () => {
    const [entries, changedAt] = await Promise.all([listPublishedExplainers(), lastFeedChange()]);
    const updatedAt = changedAt ?? new Date();
    return format === "atom"
      ? { status: 200, contentType: "application/atom+xml; charset=utf-8", body: renderAtomFeed(entries, baseUrl, updatedAt), cacheable: true }
      : { status: 200, contentType: "application/rss+xml; charset=utf-8", body: renderRssFeed(entries, baseUrl, updatedAt), cacheable: true };
  });
  return toResponse(request, entry);
}
