/**
 * Atom 1.0 and RSS 2.0 feeds of the live explainers, newest publication first. An update or a
 * correction moves an entry's <updated> (Atom) and pubDate (RSS), so readers see it again.
 */
import { PUBLIC_SITE_NAME } from "./json-ld";
import type { FeedEntry } from "./public-explainer";
import { escapeHtml, stripUnsafeChars } from "./render-document";

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/**
 * Text for XML content and attributes: invalid characters removed, and XML's five predefined
 * entities used (every XML parser knows them; HTML's numeric forms are not needed here).
 */
export function xmlText(value: string): string {
  return stripUnsafeChars(value).replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!);
}

/**
 * Plain text inside an element whose content readers treat as HTML (RSS <description>): escaped
 * once as HTML, so "<b>" shows as text rather than markup, then once more as XML.
 */
export function xmlEscapedHtmlText(value: string): string {
  return xmlText(escapeHtml(stripUnsafeChars(value)));
}

/** The public URL of an explainer page under `baseUrl` (origin without a trailing slash). */
export function explainerUrl(baseUrl: string, slug: string): string {
  return `${baseUrl}/explainers/${encodeURIComponent(slug)}`;
}

function summaryOf(entry: FeedEntry): string {
  return entry.lastCorrection ? `${entry.dek}${entry.dek ? " " : ""}Correction: ${entry.lastCorrection}` : entry.dek;
}

/** The newer of the newest entry and the last change (an unpublish leaves no entry behind). */
function latest(entries: readonly FeedEntry[], updatedAt: Date): Date {
  const newest = entries[0]?.publishedAt;
  return newest && newest > updatedAt ? newest : updatedAt;
}

const FEED_TITLE = `${PUBLIC_SITE_NAME}: What to know`;

/** `updatedAt`: when the feed last changed (lastFeedChange), used when it has no entries. */
export function renderAtomFeed(entries: readonly FeedEntry[], baseUrl: string, updatedAt: Date): string {
  const self = `${baseUrl}/explainers/feed.atom`;
  const updated = latest(entries, updatedAt).toISOString();
  const items = entries
    .map((entry) => {
      const url = explainerUrl(baseUrl, entry.slug);
      return (
        `<entry><title>${xmlText(entry.title)}</title><id>urn:uuid:${entry.id}</id>` +
        `<link rel="alternate" type="text/html" href="${xmlText(url)}"/>` +
        `<published>${entry.firstPublishedAt.toISOString()}</published><updated>${entry.publishedAt.toISOString()}</updated>` +
        `<author><name>${PUBLIC_SITE_NAME}</name></author>` +
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

export function renderRssFeed(entries: readonly FeedEntry[], baseUrl: string, updatedAt: Date): string {
  const self = `${baseUrl}/explainers/feed.rss`;
  const built = latest(entries, updatedAt).toUTCString();
  const items = entries
    .map((entry) => {
      const url = explainerUrl(baseUrl, entry.slug);
      return (
        `<item><title>${xmlText(entry.title)}</title><link>${xmlText(url)}</link>` +
        `<guid isPermaLink="false">urn:uuid:${entry.id}</guid><pubDate>${entry.publishedAt.toUTCString()}</pubDate>` +
        `<dc:creator>${PUBLIC_SITE_NAME}</dc:creator>` +
        // RSS readers render <description> as HTML; the dek is plain text (see xmlEscapedHtmlText)
        `<description>${xmlEscapedHtmlText(summaryOf(entry))}</description></item>`
      );
    })
    .join("\n");
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>` +
    `<title>${xmlText(FEED_TITLE)}</title><link>${xmlText(baseUrl)}/</link>` +
    `<description>Explainers in which every point is traced to checked reports.</description><language>en</language>` +
    `<lastBuildDate>${built}</lastBuildDate><atom:link href="${xmlText(self)}" rel="self" type="application/rss+xml"/>\n${items}\n</channel></rss>\n`
  );
}
