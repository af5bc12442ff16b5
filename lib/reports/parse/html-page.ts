import { isProbablyReaderable, Readability } from "@mozilla/readability";
import { excessiveMarkupDepth, inertDom, MAX_MARKUP_DEPTH } from "./html-dom";
import { reject } from "./parse-failure";
import { sanitizeArticleElement, sanitizeBody, type SanitizedBody } from "./sanitize";
import { detectReportKind } from "./report-kind";
import { detectDateline, httpUrl, languageTag, optionalText, parseTimestamp, publishedFrom, withoutByPrefix } from "./text-normalize";
import { type ParsedReport } from "./types";

/**
 * A saved news page reduced to its article: Readability finds the article among navigation, ads
 * and comments; the sanitizer keeps basic formatting; page metadata (Open Graph, article:*,
 * canonical link, <html lang>) fills the report's fields.
 */
export function parseHtmlPage(html: string): ParsedReport {
  if (excessiveMarkupDepth(html) !== null) reject(`the HTML page is nested too deeply (more than ${MAX_MARKUP_DEPTH} levels)`);
  const dom = inertDom(html);
  const document = dom.window.document;
  // read metadata first: Readability rewrites the document it parses
  const meta = readPageMetadata(document);
  // a page that declares itself an article needs no guess (the guess walks the whole page)
  const readerable = meta.isArticle || isProbablyReaderable(document) || hasProseParagraph(document);

  // Readability's default threshold (500 characters): lower, a short "print this page" or
  // teaser block can win over the article itself
  // classes are kept so the sanitizer can recognise captions and other furniture by name
  // the serializer hands back the article element itself: it is sanitized where it stands
  const article = new Readability(document, { charThreshold: 500, keepClasses: true, serializer: (node) => node as Element }).parse();
  let body: SanitizedBody = article?.content ? sanitizeArticleElement(article.content) : { html: "", paragraphs: [], kinds: [] };
  dom.window.close();
  // Readability found nothing (very short or unusual pages): the body minus its chrome, from a
  // fresh parse because Readability has rewritten the first one
  if (body.paragraphs.length === 0) body = sanitizeBody(fallbackArticleHtml(inertDom(html).window.document));
  if (body.paragraphs.length === 0) reject("the HTML page has no article text", "empty");
  // a page Readability would not offer a reader view for, and without a single paragraph of
  // prose, is a list, a form or an index page rather than an article
  if (!readerable) reject("the HTML page does not look like an article (no paragraph of running text)", "unsupported");
  // a page that is only a list (a live blog's key points, an index of links) has no story text
  // to anchor claims in, whatever its metadata says
  if (!body.kinds.includes("paragraph")) reject(`the HTML page is only a list and headings (${body.paragraphs.length} items), with no paragraph of running text: not an article`, "unsupported");

  const canonicalUrl = httpUrl(meta.canonical) ?? httpUrl(meta.ogUrl);
  const headline = withoutSiteSuffix(optionalText(article?.title) ?? meta.title, meta.documentTitle, optionalText(article?.siteName) ?? meta.siteName);
  const published = publishedFrom(article?.publishedTime, meta.published);
  const source = optionalText(article?.siteName) ?? meta.siteName;
  const warnings = [...published.warnings];
  if (!source) warnings.push("the page names no site (og:site_name or publisher)");
  return {
    source,
    // a page's canonical address identifies it across saves, so a re-saved page is a new version
    externalId: canonicalUrl,
    sourceVersion: null,
    headline: headline ?? "",
    byline: withoutByPrefix(optionalText(article?.byline) ?? meta.author),
    dateline: detectDateline(body.paragraphs[0]),
    language: languageTag(article?.lang) ?? meta.language,
    url: canonicalUrl,
    publishedAt: published.publishedAt,
    publishedPrecision: published.publishedPrecision,
    sourceUpdatedAt: parseTimestamp(meta.modified),
    // <meta name=description> is a teaser for search engines, often cut mid-word: never the dek
    dek: null,
    paragraphs: body.paragraphs,
    paragraphKinds: body.kinds,
    html: body.html,
    kind: detectReportKind({ headline, firstParagraph: body.paragraphs[0] }),
    embargoedUntil: null,
    credit: null,
    warnings,
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
  documentTitle: string | null;
  /** the page declares itself an article (og:type article, schema.org NewsArticle) */
  isArticle: boolean;
};

function readPageMetadata(document: Document): PageMetadata {
  // one pass over each tag's elements: a selector per field walks the whole tree each time
  // (jsdom's selector engine has no index for attribute selectors), which on a 1 MB page costs
  // more than Readability itself
  const metas = Array.from(document.getElementsByTagName("meta"));
  const metaContent = (...keys: [attribute: "name" | "property" | "itemprop" | "http-equiv", value: string][]): string | null => {
    for (const [attribute, value] of keys) {
      for (const meta of metas) {
        if (meta.getAttribute(attribute)?.toLowerCase() !== value) continue;
        const content = optionalText(meta.getAttribute("content"));
        if (content) return content;
      }
    }
    return null;
  };
  const first = (tag: string, accept: (element: Element) => boolean = () => true): Element | null => {
    for (const element of Array.from(document.getElementsByTagName(tag))) if (accept(element)) return element;
    return null;
  };
  const author = metaContent(["name", "author"], ["property", "article:author"], ["name", "byl"]);
  return {
    title: metaContent(["property", "og:title"], ["name", "twitter:title"]) ?? optionalText(first("h1")?.textContent) ?? optionalText(document.title),
    // article:author is often a profile URL, which is no byline
    author: author && !httpUrl(author) ? author : null,
    siteName: metaContent(["property", "og:site_name"], ["name", "publisher"], ["name", "application-name"]),
    canonical: first("link", (link) => (link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/).includes("canonical"))?.getAttribute("href") ?? null,
    ogUrl: metaContent(["property", "og:url"]),
    published:
      metaContent(["property", "article:published_time"], ["name", "date"], ["itemprop", "datepublished"]) ??
      first("time", (time) => time.hasAttribute("datetime"))?.getAttribute("datetime") ??
      null,
    modified: metaContent(["property", "article:modified_time"], ["property", "og:updated_time"], ["itemprop", "datemodified"]),
    language: languageTag(document.documentElement.getAttribute("lang")) ?? languageTag(metaContent(["http-equiv", "content-language"])),
    documentTitle: optionalText(document.title),
    isArticle:
      /article/i.test(metaContent(["property", "og:type"]) ?? "") ||
      Array.from(document.getElementsByTagName("script")).some((script) => script.getAttribute("type") === "application/ld+json" && /"@type"\s*:\s*"(?:News|Report|Blog)?(?:Article|Posting)"/.test(script.textContent ?? "")),
  };
}

/**
 * "Rebels take the crossing – Varesh Chronicle" → "Rebels take the crossing": a <title> ends with
 * the site's name after a separator. Only a title read from <title> is cut, only at its last
 * separator, and only when the tail is the site name or a short name-like phrase.
 */
function withoutSiteSuffix(headline: string | null, documentTitle: string | null, siteName: string | null): string | null {
  if (!headline || headline !== documentTitle) return headline;
  const match = /^(.{10,}?)\s+[|–—\-:·»]\s+([^|–—:·»]{2,60})$/u.exec(headline);
  if (!match?.[1] || !match[2]) return headline;
  const tail = match[2].trim();
  const isSiteName = siteName !== null && tail.toLowerCase() === siteName.toLowerCase();
  const looksLikeName = tail.split(/\s+/).length <= 4 && !/[.!?]$/.test(tail) && match[1].split(/\s+/).length >= 3;
  return isSiteName || looksLikeName ? match[1].trim() : headline;
}

/** Whether any paragraph of the page reads as prose: a sentence, not a label or a link. */
function hasProseParagraph(document: Document): boolean {
  return Array.from(document.querySelectorAll("p, pre, blockquote")).some((paragraph) => {
    const text = (paragraph.textContent ?? "").replace(/\s+/g, " ").trim();
    return text.split(" ").length >= 3 && /\p{L}{2,}[^.!?]*[.!?…]/u.test(text);
  });
}

/** The page body without the usual chrome, for pages Readability cannot make sense of. */
function fallbackArticleHtml(document: Document): string {
  const clone = document.body?.cloneNode(true) as HTMLElement | undefined;
  if (!clone) return "";
  const main = clone.querySelector("article, main, [role=main]") ?? clone;
  main.querySelectorAll("nav, header, footer, aside, form, [role=navigation], [role=banner], [role=contentinfo], [role=complementary]").forEach((node) => node.remove());
  return main.innerHTML;
}
