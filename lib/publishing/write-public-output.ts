import "server-only";
import { publicationEnv, type PublicationEnv } from "@/lib/env";
import { explainerUrl } from "./feeds";
import { publicationTarget, type PublicFile } from "./publication-target";
import { publicCacheControl, renderPublicFeed, renderPublicPage } from "./public-responses";
import { purgeCdn } from "./purge-cdn";
import { ZPublicSlug } from "./schemas";

/** Where public links point when PUBLIC_BASE_URL is not set (a desk run on one machine). */
export const DEFAULT_PUBLIC_BASE_URL = "http://localhost:3000";

export type PublicOutputResult = { target: string | null; written: string[]; removed: string[]; purged: string[] };

/**
 * The publishing job's work for one explainer: writes its page as readers should now see it
 * (the live page, or the withdrawal notice in its place), and both feeds, to the publication
 * target; then asks the CDN to drop its copies of those URLs. It renders the database's current
 * state, not a payload, so a retry or a late run never writes anything older than the last
 * change. Any failure throws: the queue retries the whole job (every step is idempotent).
 */
export async function writePublicOutput(slug: string, options: { settings?: PublicationEnv; fetch?: typeof fetch } = {}): Promise<PublicOutputResult> {
  const parsed = ZPublicSlug.safeParse(slug);
  if (!parsed.success) throw new Error(`not a public slug: ${JSON.stringify(slug)}`);
  const settings = options.settings ?? publicationEnv();
  const baseUrl = settings.PUBLIC_BASE_URL ?? DEFAULT_PUBLIC_BASE_URL;
  const cacheControl = publicCacheControl(settings.PUBLIC_CDN_MAX_AGE_SECONDS);
  const pagePath = `explainers/${slug}`;
  const page = await renderPublicPage(slug, baseUrl);
  const [atom, rss] = await Promise.all([renderPublicFeed("atom", baseUrl), renderPublicFeed("rss", baseUrl)]);

  const files: PublicFile[] = [
    { path: "explainers/feed.atom", body: Buffer.from(atom.body), contentType: atom.contentType, cacheControl },
    { path: "explainers/feed.rss", body: Buffer.from(rss.body), contentType: rss.contentType, cacheControl },
  ];
  // a page that was never public (or no longer exists) leaves no file behind
  if (page.state !== "none") files.unshift({ path: pagePath, body: Buffer.from(page.body), contentType: page.contentType, cacheControl });

  const target = publicationTarget(settings, options.fetch);
  const result: PublicOutputResult = { target: target?.description ?? null, written: [], removed: [], purged: [] };
  if (target) {
    for (const file of files) {
      await target.put(file);
      result.written.push(file.path);
    }
    if (page.state === "none") {
      await target.remove(pagePath);
      result.removed.push(pagePath);
    }
  }
  // after the files: a CDN in front of the static copy refetches the new ones
  if (settings.PURGE_URL) {
    const urls = [explainerUrl(baseUrl, slug), `${baseUrl}/explainers/feed.atom`, `${baseUrl}/explainers/feed.rss`];
    await purgeCdn({ url: settings.PURGE_URL, token: settings.PURGE_TOKEN }, urls, options.fetch);
    result.purged = urls;
  }
  return result;
}
