import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import { databaseEnv, publicEnv } from "@/lib/env";
import type { Tx } from "@/lib/db/client";

/**
 * Pre-rendered public responses (explainer pages, 410 notices, feeds), held in memory per app
 * instance so a published page costs a Map lookup instead of a render from PostgreSQL.
 *
 * Invariants:
 * - Every publish, correction and unpublish calls `notifyPublicChange(tx)` inside its
 *   transaction; PostgreSQL delivers the NOTIFY to every instance's listener only on commit,
 *   and each listener empties its cache. The instance that made the change also empties its
 *   own cache right after the commit (`invalidatePublicCache`), so its next GET shows the change
 *   without waiting for the notification round trip.
 * - While the listener is not connected (starting, or reconnecting after an error) nothing is
 *   cached: a missed notification must never leave a stale page up. Entries also expire after
 *   `MAX_AGE_MS`, a backstop against a connection that hangs silently.
 * - A render that began before an invalidation is not stored (the generation counter), so a
 *   slow render of the old state cannot overwrite the fresh one.
 */

export const PUBLIC_CHANNEL = "wiredesk_public";
const MAX_ENTRIES = 2000;
const MAX_AGE_MS = 60_000;
const RECONNECT_MS = 2000;

export type PublicBody = { status: number; contentType: string; body: string };
export type CachedResponse = PublicBody & { bytes: Buffer; etag: string; storedAt: number };

type CacheState = {
  entries: Map<string, CachedResponse>;
  generation: number;
  listening: boolean;
  listener: pg.Client | null;
  reconnectTimer: NodeJS.Timeout | null;
  stats: { hits: number; misses: number; invalidations: number };
};

declare global {
  var __wiredeskPublicCache: CacheState | undefined;
}

// on globalThis: server actions and route handlers may be bundled apart yet share this process
function state(): CacheState {
  globalThis.__wiredeskPublicCache ??= {
    entries: new Map(),
    generation: 0,
    listening: false,
    listener: null,
    reconnectTimer: null,
    stats: { hits: 0, misses: 0, invalidations: 0 },
  };
  return globalThis.__wiredeskPublicCache;
}

/** Empties this instance's cache (after a publishing change committed, or a notification). */
export function invalidatePublicCache(): void {
  const s = state();
  s.generation += 1;
  s.stats.invalidations += 1;
  s.entries.clear();
}

/** Queues the cross-instance invalidation; PostgreSQL sends it when the transaction commits. */
export async function notifyPublicChange(tx: Tx, slug: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${PUBLIC_CHANNEL}, ${slug})`;
}

function dropListener(s: CacheState): void {
  s.listening = false;
  invalidatePublicCache();
  const client = s.listener;
  s.listener = null;
  if (client) void client.end().catch(() => undefined);
  if (!s.reconnectTimer) {
    s.reconnectTimer = setTimeout(() => {
      s.reconnectTimer = null;
      ensureListener();
    }, RECONNECT_MS);
    s.reconnectTimer.unref();
  }
}

/** Starts the LISTEN connection once per process; until it is up, responses are not cached. */
function ensureListener(): void {
  const s = state();
  if (s.listener) return;
  const client = new pg.Client({ connectionString: databaseEnv().DATABASE_URL, keepAlive: true, application_name: "wiredesk-public-cache" });
  s.listener = client;
  client.on("notification", (message) => {
    if (message.channel === PUBLIC_CHANNEL) invalidatePublicCache();
  });
  client.on("error", (error) => {
    console.error(`public cache listener: ${error.message}; caching paused until it reconnects`);
    if (s.listener === client) dropListener(s);
  });
  client.on("end", () => {
    if (s.listener === client) dropListener(s);
  });
  client
    .connect()
    .then(() => client.query(`LISTEN ${PUBLIC_CHANNEL}`))
    .then(() => {
      if (s.listener !== client) return;
      // changes made while we were not listening are unknown: start empty
      invalidatePublicCache();
      s.listening = true;
    })
    .catch((error: unknown) => {
      console.error(`public cache listener could not start: ${String(error)}`);
      if (s.listener === client) dropListener(s);
    });
}

function toCached(body: PublicBody): CachedResponse {
  const bytes = Buffer.from(body.body, "utf8");
  const etag = `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 27)}"`;
  return { ...body, bytes, etag, storedAt: Date.now() };
}

/**
 * The response for `key`: from the cache when fresh, else rendered (and stored when the
 * listener is up and nothing was invalidated meanwhile). `cacheable` says whether a rendered
 * body may be kept (unknown slugs are not, so random URLs cannot fill the memory).
 */
export async function cachedPublicResponse(
  key: string,
  render: () => Promise<PublicBody & { cacheable: boolean }>,
): Promise<CachedResponse & { cache: "hit" | "miss" }> {
  const s = state();
  if (publicEnv().PUBLIC_PAGE_CACHE === "on") ensureListener();
  const hit = s.entries.get(key);
  if (hit && Date.now() - hit.storedAt < MAX_AGE_MS) {
    s.stats.hits += 1;
    return { ...hit, cache: "hit" };
  }
  s.stats.misses += 1;
  const generation = s.generation;
  const rendered = await render();
  const entry = toCached(rendered);
  if (rendered.cacheable && s.listening && publicEnv().PUBLIC_PAGE_CACHE === "on" && s.generation === generation) {
    if (s.entries.size >= MAX_ENTRIES) s.entries.delete(s.entries.keys().next().value!);
    s.entries.set(key, entry);
  }
  return { ...entry, cache: "miss" };
}

/** Counters for the benchmark and for tests. */
export function publicCacheStats(): { entries: number; listening: boolean } & CacheState["stats"] {
  const s = state();
  return { entries: s.entries.size, listening: s.listening, ...s.stats };
}
