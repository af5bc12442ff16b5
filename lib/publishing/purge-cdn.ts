import "server-only";

/**
 * The CDN purge hook. Publishing POSTs the public URLs that changed to `PURGE_URL` as JSON:
 *
 *   POST <PURGE_URL>
 *   Content-Type: application/json
 *   Authorization: Bearer <PURGE_TOKEN>        (when set)
 *   {"urls": ["https://news.example.org/explainers/lorvan-ferry", ".../feed.atom", ".../feed.rss"]}
 *
 * Any 2xx is success. Anything else, or no answer within the timeout, throws, so the publishing
 * job fails and the queue retries it with back-off.
 */

const PURGE_TIMEOUT_MS = 10_000;

export type PurgeSettings = { url: string; token?: string };

/** Asks the CDN to drop its copies of `urls`. */
export async function purgeCdn(settings: PurgeSettings, urls: readonly string[], fetchImpl: typeof fetch = fetch): Promise<void> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (settings.token) headers.Authorization = `Bearer ${settings.token}`;
  let response: Response;
  try {
    response = await fetchImpl(settings.url, { method: "POST", headers, body: JSON.stringify({ urls }), signal: AbortSignal.timeout(PURGE_TIMEOUT_MS) });
  } catch (error) {
    throw new Error(`CDN purge could not reach ${new URL(settings.url).origin}: ${error instanceof Error ? error.message : String(error)}`);
  }
  await response.body?.cancel();
  if (!response.ok) throw new Error(`CDN purge answered ${response.status} ${response.statusText}`.trim());
}
