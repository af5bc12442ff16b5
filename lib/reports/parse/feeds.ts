import { inItem, itemLabel, reject, ReportParseError } from "./parse-failure";
import { detectReportKind } from "./report-kind";
import { sanitizeBody } from "./sanitize";
import {
  detectDateline,
  httpUrl,
  languageTag,
  optionalText,
  parseTimestamp,
  publishedFrom,
  splitPlainParagraphs,
  withoutByPrefix,
} from "./text-normalize";
import { kindsOf, type ParagraphKind, type ParsedItems, type ParsedReport } from "./types";
import { attributeValue, childElement, childElements, innerMarkup, textContent, type XmlElement } from "./xml-tree";

const ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";
const DUBLIN_CORE_NAMESPACE = "http://purl.org/dc/elements/1.1/";

type FeedBody = { paragraphs: string[]; html: string | null; kinds?: ParagraphKind[] };

/**
 * RSS 2.0 (and 0.9x, and RSS 1.0/RDF): one report per `item`. Full text from `content:encoded`
 * when present, else `description`; `guid`, else `link`, identifies the item; the outlet is the
 * item's `dc:source`, else the channel title (an RSS `<source>` names the channel an aggregator
 * took the item from: a credit, not the outlet). An item with neither title nor text is left
 * out with its reason; the others still import.
 */
export function parseRss(root: XmlElement): ParsedItems {
  const channel = childElement(root, "channel");
  // RSS 2.0 nests items in <channel>; RSS 1.0 (RDF) puts them beside it
  const items = childElements(channel, "item").concat(childElements(root, "item"));
  if (items.length === 0) reject("the RSS feed has no items", "empty");
  const feedTitle = plainTitle(childElement(channel, "title"));
  const feedLanguage = languageTag(textContent(childElement(channel, "language"))) ?? languageTag(attributeValue(root, "lang"));
  // relative links resolve against xml:base, else the channel's own address
  const feedBase = absoluteUrl(attributeValue(channel, "base"), absoluteUrl(attributeValue(root, "base"), null)) ?? rssLink(channel, null);

  return eachItem("RSS feed", "item", items, (item) => {
    const base = absoluteUrl(attributeValue(item, "base"), feedBase) ?? feedBase;
    const title = plainTitle(childElement(item, "title"));
    const body = feedBody([childElement(item, "encoded"), childElement(item, "description")]);
    if (!title && body.paragraphs.length === 0) reject("neither a title nor any text", "empty");
    const link = rssLink(item, base);
    const guidElement = childElement(item, "guid");
    const guid = optionalText(textContent(guidElement)) ?? optionalText(attributeValue(item, "about"));
    const guidIsLink = (attributeValue(guidElement, "isPermaLink") ?? "true").toLowerCase() !== "false";
    const published = publishedFrom(textContent(childElement(item, "pubDate")), textContent(childElement(item, "date")), textContent(childElement(item, "published")));
    const outlet = optionalText(textContent(childElement(item, "source", DUBLIN_CORE_NAMESPACE))) ?? feedTitle;
    const aggregatedFrom = childElements(item, "source").find((source) => source.namespace !== DUBLIN_CORE_NAMESPACE);
    return feedReport({
      source: outlet,
      externalId: guid ?? link,
      headline: title,
      byline: rssByline(item),
      language: languageTag(textContent(childElement(item, "language"))) ?? feedLanguage,
      url: link ?? (guidIsLink ? absoluteUrl(guid, base) : null),
      published,
      sourceUpdatedAt: parseTimestamp(textContent(childElement(item, "updated"))) ?? parseTimestamp(textContent(childElement(item, "modified"))),
      body,
      credit: optionalText(textContent(aggregatedFrom)),
    });
  });
}

/**
 * Atom: one report per `entry`. Full `content` when present (text, html or xhtml), else
 * `summary`; `id` identifies the entry; the feed title is the outlet of entries without their
 * own `source`. Relative links resolve against xml:base or the feed's own link.
 */
export function parseAtom(root: XmlElement): ParsedItems {
  const entries = childElements(root, "entry");
  if (entries.length === 0) reject("the Atom feed has no entries", "empty");
  const feedTitle = plainTitle(childElement(root, "title"));
  const feedLanguage = languageTag(attributeValue(root, "lang"));
  const feedBase = absoluteUrl(attributeValue(root, "base"), null) ?? atomLink(root, null);

  return eachItem("Atom feed", "entry", entries, (entry) => {
    const base = absoluteUrl(attributeValue(entry, "base"), feedBase) ?? feedBase;
    const title = plainTitle(childElement(entry, "title"));
    // out-of-line content (content@src) is a link, not text: fall back to the summary
    const content = childElements(entry, "content").find((element) => !attributeValue(element, "src")) ?? null;
    const body = feedBody([content, childElement(entry, "summary")]);
    if (!title && body.paragraphs.length === 0) reject("neither a title nor any text", "empty");
    const authors = childElements(entry, "author")
      .map((author) => optionalText(textContent(childElement(author, "name"))))
      .filter((name): name is string => Boolean(name));
    return feedReport({
      source: plainTitle(childElement(childElement(entry, "source"), "title")) ?? feedTitle,
      externalId: optionalText(textContent(childElement(entry, "id"))) ?? atomLink(entry, base),
      headline: title,
      byline: authors.length > 0 ? authors.join(", ") : null,
      language: languageTag(attributeValue(entry, "lang")) ?? feedLanguage,
      url: atomLink(entry, base),
      published: publishedFrom(textContent(childElement(entry, "published")), textContent(childElement(entry, "issued")), textContent(childElement(entry, "updated")), textContent(childElement(entry, "modified"))),
      sourceUpdatedAt: parseTimestamp(textContent(childElement(entry, "updated"))),
      body,
      credit: null,
    });
  });
}

type FeedItemFields = {
  source: string | null;
  externalId: string | null;
  headline: string | null;
  byline: string | null;
  language: string | null;
  url: string | null;
  published: ReturnType<typeof publishedFrom>;
  sourceUpdatedAt: Date | null;
  body: FeedBody;
  credit: string | null;
};

function feedReport(fields: FeedItemFields): ParsedReport {
  const { body, published } = fields;
  const warnings = [...published.warnings];
  if (body.paragraphs.length === 0) warnings.push("the entry has a title but no text");
  if (!fields.source) warnings.push("the feed names no outlet (no channel or feed title)");
  return {
    source: fields.source,
    externalId: fields.externalId,
    sourceVersion: null,
    headline: fields.headline ?? "",
    byline: fields.byline,
    dateline: detectDateline(body.paragraphs[0]),
    language: fields.language,
    url: fields.url,
    publishedAt: published.publishedAt,
    publishedPrecision: published.publishedPrecision,
    sourceUpdatedAt: fields.sourceUpdatedAt,
    dek: null,
    paragraphs: body.paragraphs,
    paragraphKinds: kindsOf(body),
    html: body.html,
    kind: detectReportKind({ headline: fields.headline, firstParagraph: body.paragraphs[0] }),
    embargoedUntil: null,
    credit: fields.credit,
    warnings,
  };
}

/** Builds each item; an item that cannot be read is left out with its reason, unless all are. */
function eachItem(feedKind: string, itemKind: string, items: XmlElement[], build: (item: XmlElement) => ParsedReport): ParsedItems {
  const reports: ParsedReport[] = [];
  const skipped: string[] = [];
  items.forEach((item, index) => {
    try {
      reports.push(inItem(itemLabel(itemKind, index, plainTitle(childElement(item, "title"))), () => build(item)));
    } catch (error) {
      if (!(error instanceof ReportParseError)) throw error;
      skipped.push(error.message);
    }
  });
  if (reports.length === 0) reject(`the ${feedKind} has no readable ${itemKind}: ${skipped[0] ?? "no text"}`, "empty");
  return { reports, skipped };
}

/** The first candidate element with text: markup is sanitized, plain text split into paragraphs. */
function feedBody(candidates: (XmlElement | null)[]): FeedBody {
  for (const element of candidates) {
    if (!element) continue;
    const type = (attributeValue(element, "type") ?? "").toLowerCase();
    const markup = innerMarkup(element);
    // Atom type="text" is plain by definition; RSS says nothing, so look for tags or entities
    const isPlain = type === "text" || type === "text/plain" || (type === "" && !/<[a-z][^>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i.test(markup));
    if (isPlain) {
      const paragraphs = splitPlainParagraphs(markup, { lineBreaksSeparate: true });
      if (paragraphs.length > 0) return { paragraphs, html: null };
    } else {
      const body = sanitizeBody(markup);
      if (body.paragraphs.length > 0) return body;
    }
  }
  return { paragraphs: [], html: null };
}

/** A title as plain text: feeds often put (escaped) markup in titles. */
function plainTitle(element: XmlElement | null): string | null {
  if (!element) return null;
  const type = (attributeValue(element, "type") ?? "").toLowerCase();
  const text = textContent(element);
  // only markup or an entity needs the HTML parser; most titles are plain
  if (type === "text" || !/[<&]/.test(text)) return optionalText(text);
  const body = sanitizeBody(text);
  return optionalText(body.paragraphs.join(" "));
}

function rssLink(item: XmlElement | null, base: string | null): string | null {
  for (const link of childElements(item, "link")) {
    // <atom:link href> may sit beside the RSS <link> text element
    const url = link.namespace === ATOM_NAMESPACE ? absoluteUrl(attributeValue(link, "href"), base) : absoluteUrl(textContent(link), base);
    if (url) return url;
  }
  return null;
}

/** A link as an absolute http(s) URL, resolved against `base` when it is relative. */
function absoluteUrl(value: string | null | undefined, base: string | null): string | null {
  const text = optionalText(value);
  if (!text) return null;
  try {
    return httpUrl(base ? new URL(text, base).href : text);
  } catch {
    return null;
  }
}

function rssByline(item: XmlElement): string | null {
  const creators = childElements(item, "creator")
    .map((creator) => optionalText(textContent(creator)))
    .filter((name): name is string => Boolean(name));
  if (creators.length > 0) return withoutByPrefix(creators.join(", "));
  // RSS <author> is "email (Name)"; the name is the byline, a bare address is better than none
  const author = optionalText(textContent(childElement(item, "author")));
  if (!author) return null;
  return withoutByPrefix(/\(([^)]+)\)\s*$/.exec(author)?.[1]?.trim() ?? author);
}

function atomLink(entry: XmlElement, base: string | null): string | null {
  const links = childElements(entry, "link");
  const alternate = links.find((link) => (attributeValue(link, "rel") ?? "alternate") === "alternate");
  return absoluteUrl(attributeValue(alternate ?? links[0] ?? null, "href"), base);
}
