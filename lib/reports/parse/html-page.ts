import { Readability } from "@mozilla/readability";
import { excessiveMarkupDepth, inertDom, MAX_MARKUP_DEPTH } from "./html-dom";
import { reject } from "./parse-failure";
import { sanitizeBody } from "./sanitize";
import { detectDateline, headlineFromBody, httpUrl, languageTag, optionalText, parseTimestamp, withoutByPrefix } from "./text-normalize";
import { type ParsedReport } from "./types";

/**
 * A saved news page reduced to its article: Readability finds the article among navigation, ads
 * and comments; the sanitizer keeps basic formatting; page metadata (Open Graph, article:*,
 * canonical link, <html lang>) fills the report's fields.
 */
export function parseHtmlPage(html: string): ParsedReport {
  if (excessiveMarkupDepth(html) !== null) reject(`the page is nested too deeply (more than ${MAX_MARKUP_DEPTH} levels)`);
  const dom = inertDom(html);
  const document = dom.window.document;
  // read metadata first: Readability rewrites the document it parses
  const meta = readPageMetadata(document);

  const article = new Readability(document, { charThreshold: 200 }).parse();
  dom.window.close();
  let body = sanitizeBody(article?.content ?? "");
  // Readability found nothing (very short or unusual pages): the body minus its chrome, from a
  // fresh parse because Readability has rewritten the first one
  if (body.paragraphs.length === 0) body = sanitizeBody(fallbackArticleHtml(inertDom(html).window.document));
  if (body.paragraphs.length === 0) reject("empty body: the page has no article text");

  const canonicalUrl = httpUrl(meta.canonical) ?? httpUrl(meta.ogUrl);
  return {
    source: optionalText(article?.siteName) ?? meta.siteName,
    // a page's canonical address identifies it across saves, so a re-saved page is a new version
    externalId: canonicalUrl,
    sourceVersion: null,
    headline: optionalText(article?.title) ?? meta.title ?? headlineFromBody(body.paragraphs),
    byline: withoutByPrefix(optionalText(article?.byline) ?? meta.author),
    dateline: detectDateline(body.paragraphs[0]),
    language: languageTag(article?.lang) ?? meta.language,
    url: canonicalUrl,
    publishedAt: parseTimestamp(article?.publishedTime) ?? parseTimestamp(meta.published),
    sourceUpdatedAt: parseTimestamp(meta.modified),
    paragraphs: body.paragraphs,
    html: body.html,
  };
}

type PageMetadata = {
  title: string | null;
  author: string | null;
  siteName: string | null;
  canonical: string | null;
  ogUrl: string | null;
  published: string | null;
  modified: string | null;
  language: string | null;
};

function readPageMetadata(document: Document): PageMetadata {
  const metaContent = (...selectors: string[]): string | null => {
    for (const selector of selectors) {
      const value = optionalText(document.querySelector(selector)?.getAttribute("content"));
      if (value) return value;
    }
    return null;
  };
  const author = metaContent('meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]');
  return {
    title:
      metaContent('meta[property="og:title"]', 'meta[name="twitter:title"]') ??
      optionalText(document.querySelector("h1")?.textContent) ??
      optionalText(document.title),
    // article:author is often a profile URL, which is no byline
    author: author && !httpUrl(author) ? author : null,
    siteName: metaContent('meta[property="og:site_name"]', 'meta[name="publisher"]', 'meta[name="application-name"]'),
    canonical: document.querySelector('link[rel~="canonical"]')?.getAttribute("href") ?? null,
    ogUrl: metaContent('meta[property="og:url"]'),
    published:
      metaContent('meta[property="article:published_time"]', 'meta[name="date"]', 'meta[itemprop="datePublished"]') ??
      document.querySelector("time[datetime]")?.getAttribute("datetime") ??
      null,
    modified: metaContent('meta[property="article:modified_time"]', 'meta[property="og:updated_time"]', 'meta[itemprop="dateModified"]'),
    language: languageTag(document.documentElement.getAttribute("lang")) ?? languageTag(metaContent('meta[http-equiv="content-language" i]')),
  };
}

/** The page body without the usual chrome, for pages Readability cannot make sense of. */
function fallbackArticleHtml(document: Document): string {
  const clone = document.body?.cloneNode(true) as HTMLElement | undefined;
  if (!clone) return "";
  const main = clone.querySelector("article, main, [role=main]") ?? clone;
  main.querySelectorAll("nav, header, footer, aside, form, [role=navigation], [role=banner], [role=contentinfo], [role=complementary]").forEach((node) => node.remove());
  return main.innerHTML;
}
