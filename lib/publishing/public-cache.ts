import "server-only";
import { createHash } from "node:crypto";
import { publicEnv } from "@/lib/env";
import { PublicSiteVersionReader } from "./public-site-version";

/**
 * Pre-rendered public responses (explainer pages, 410 notices, feeds), held in memory per app
 * instance so a published page costs a Map lookup instead of a render from PostgreSQL.
 *
 * Invariants:
 * - Each entry remembers the public site version (`PublicSite.version`) read before it was
 *   rendered. Every publish, correction and unpublish bumps that version in its transaction.
 * - Every request first reads the version with a query sent after the request arrived
 *   (`PublicSiteVersionReader`), and serves an entry only when its version is the current one.
 *   So the first GET after a publishing change returns, on any instance, renders the change:
 *   there is no notification to wait for and none to miss.
 * - An entry rendered at version v may hold content newer than v (the render reads after the
 *   version query), never older: the worst case is one needless render, never a stale page.
 */

const MAX_ENTRIES = 2000;

export type PublicBody = { status: number; contentType: string; body: string };
export type CachedResponse = PublicBody & { bytes: Buffer; etag: string };
type Entry = CachedResponse & { siteVersion: bigint };

/** A strong ETag from the bytes themselves: equal bodies, on any instance, get equal tags. */
export function strongEtag(bytes: Buffer | string): string {
  return `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 27)}"`;
}

function toCached(body: PublicBody): CachedResponse {
  const bytes = Buffer.from(body.body, "utf8");
  return { ...body, bytes, etag: strongEtag(bytes) };
}

/** One instance's cache of public responses (the app has one per process; tests make several). */
export class PublicPageCache {
  private readonly entries = new Map<string, Entry>();
  readonly stats = { hits: 0, misses: 0 };

  constructor(
    private readonly versions = new PublicSiteVersionReader(),
    private readonly enabled: () => boolean = () => publicEnv().PUBLIC_PAGE_CACHE === "on",
  ) {}

  /**
   * The response for `key`: from memory when rendered at the current site version, else
   * rendered (and kept when `cacheable`: unknown slugs are not, so random URLs cannot fill the
   * memory).
   */
  async response(key: string, render: () => Promise<PublicBody & { cacheable: boolean }>): Promise<CachedResponse & { cache: "hit" | "miss" }> {
    if (!this.enabled()) {
      this.stats.misses += 1;
      return { ...toCached(await render()), cache: "miss" };
    }
    const siteVersion = await this.versions.read();
    const hit = this.entries.get(key);
    if (hit && hit.siteVersion === siteVersion) {
      this.stats.hits += 1;
      return { ...hit, cache: "hit" };
    }
    this.stats.misses += 1;
    const rendered = await render();
    const entry: Entry = { ...toCached(rendered), siteVersion };
    const stored = this.entries.get(key);
    // a slower render that started at an older version must not replace a newer one
    if (rendered.cacheable && (!stored || stored.siteVersion <= siteVersion)) {
      this.entries.delete(key);
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, entry);
    }
    return { ...entry, cache: "miss" };
  }

  /**
   * The entry for `key` when one is held at the current site version, without rendering: what
   * the proxy needs to answer a conditional GET before the route runs. Null when the cache is
   * off, empty for the key, or older than the site.
   */
  async current(key: string): Promise<CachedResponse | null> {
    if (!this.enabled() || !this.entries.has(key)) return null;
    const siteVersion = await this.versions.read();
    const hit = this.entries.get(key);
    if (!hit || hit.siteVersion !== siteVersion) return null;
    this.stats.hits += 1;
    return hit;
  }

  /** Counters for the benchmark and for tests. */
  snapshot(): { entries: number; hits: number; misses: number; versionQueries: number } {
    return { entries: this.entries.size, ...this.stats, versionQueries: this.versions.queries };
  }
}

declare global {
  var __wiredeskPublicCache: PublicPageCache | undefined;
}

/** This process's cache, on globalThis: route handlers may be bundled apart yet share it. */
export function publicPageCache(): PublicPageCache {
  globalThis.__wiredeskPublicCache ??= new PublicPageCache();
  return globalThis.__wiredeskPublicCache;
}
