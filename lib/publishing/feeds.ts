/**
 * Atom 1.0 and RSS 2.0 feeds of the live explainers, newest publication first. An update or a
 * correction moves an entry's <updated> (Atom) and pubDate (RSS), so readers see it again.
 */
import { PUBLIC_SITE_NAME } from "./json-ld";
import type { FeedEntry } from "./public-explainer";
import { escapeHtml, stripUnsafeChars } from "./render-document";

/** Text for XML content and attributes: invalid characters removed, markup escaped. */
export function xmlText(value: string): string {
  return escapeHtml(stripUnsafeChars(value));
}

/** The public URL of an explainer page under `baseUrl` (origin without a trailing slash). */
export function explainerUrl(baseUrl: string, slug: string): string {
  return `${baseUrl}/explainers/${encodeURIComponent(slug)}`;
}

function summaryOf(entry: FeedEntry): string {
  return entry.lastCorrection ? `${entry.dek}${entry.dek ? " " : ""}Correction: ${entry.lastCorrection}` : entry.dek;
}

const FEED_TITLE = `${PUBLIC_SITE_NAME}: What to know`;

export function renderAtomFeed(entries: readonly FeedEntry[], baseUrl: string): string {
  const self = `${baseUrl}/explainers/feed.atom`;
  const updated = (entries[0]?.publishedAt ?? new Date(0)).toISOString();
  const items = entries
    .map((entry) => {
      const url = explainerUrl(baseUrl, entry.slug);
      return (
        `<entry><title>${xmlText(entry.title)}</title><id>urn:uuid:${entry.id}</id>` +
        `<link rel="alternate" type="text/html" href="${xmlText(url)}"/>` +
        `<published>${entry.firstPublishedAt.toISOString()}</published><updated>${entry.publishedAt.toISOString()}</updated>` +
        `<summary type="text">${xmlText(summaryOf(entry))}</summary></entry>`
      );
    })
    .join("\n");
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">` +
    `<title>${xmlText(FEED_TITLE)}</title><subtitle>Explainers in which every point is traced to checked reports.</subtitle>` +
    `<id>${xmlText(self)}</id><link rel="self" type="application/atom+xml" href="${xmlText(self)}"/>` +
    `<link rel="alternate" type="text/html" href="${xmlText(baseUrl)}/"/><updated>${updated}</updated>` +
    `<author><name>${PUBLIC_SITE_NAME}</name></author>\n${items}\n</feed>\n`
  );
}

export function renderRssFeed(entries: readonly FeedEntry[], baseUrl: string): string {
  const self = `${baseUrl}/explainers/feed.rss`;
  const built = (entries[0]?.publishedAt ?? new Date(0)).toUTCString();
  const items = entries
    .map((entry) => {
      const url = explainerUrl(baseUrl, entry.slug);
      return (
        `<item><title>${xmlText(entry.title)}</title><link>${xmlText(url)}</link>` +
        `<guid isPermaLink="false">urn:uuid:${entry.id}</guid><pubDate>${entry.publishedAt.toUTCString()}</pubDate>` +
        `<description>${xmlText(summaryOf(entry))}</description></item>`
      );
    })
    .join("\n");
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>` +
    `<title>${xmlText(FEED_TITLE)}</title><link>${xmlText(baseUrl)}/</link>` +
    `<description>Explainers in which every point is traced to checked reports.</description><language>en</language>` +
    `<lastBuildDate>${built}</lastBuildDate><atom:link href="${xmlText(self)}" rel="self" type="application/rss+xml"/>\n${items}\n</channel></rss>\n`
  );
}
