import { inItem, itemLabel, reject } from "./parse-failure";
import { sanitizeBody } from "./sanitize";
import {
  detectDateline,
  headlineFromBody,
  httpUrl,
  languageTag,
  optionalText,
  parseTimestamp,
  splitPlainParagraphs,
  withoutByPrefix,
} from "./text-normalize";
import { type ParsedReport } from "./types";
import { attributeValue, childElement, childElements, innerMarkup, textContent, type XmlElement } from "./xml-tree";

const ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";

type FeedBody = { paragraphs: string[]; html: string | null };

/**
 * RSS 2.0 (and RSS 1.0/RDF): one report per `item`. Full text from `content:encoded` when
 * present, else `description`; `guid`, else `link`, identifies the item; the channel title is
 * the source of items without their own `<source>`.
 */
export function parseRss(root: XmlElement): ParsedReport[] {
  const channel = childElement(root, "channel");
  // RSS 2.0 nests items in <channel>; RSS 1.0 (RDF) puts them beside it
  const items = childElements(channel, "item").concat(childElements(root, "item"));
  if (items.length === 0) reject("the RSS feed has no items");
  const feedTitle = plainTitle(childElement(channel, "title"));
  const feedLanguage = languageTag(textContent(childElement(channel, "language"))) ?? languageTag(attributeValue(root, "lang"));

  return items.map((item, index) =>
    inItem(itemLabel("item", index, plainTitle(childElement(item, "title"))), () => {
      const body = feedBody([childElement(item, "encoded"), childElement(item, "description")]);
      const link = rssLink(item);
      const guid = optionalText(textContent(childElement(item, "guid")));
      const guidIsLink = (attributeValue(childElement(item, "guid"), "isPermaLink") ?? "true").toLowerCase() !== "false";
      return {
        source: optionalText(textContent(childElement(item, "source"))) ?? feedTitle,
        externalId: guid ?? link,
        sourceVersion: null,
        headline: plainTitle(childElement(item, "title")) ?? headlineFromBody(body.paragraphs),
        byline: rssByline(item),
        dateline: detectDateline(body.paragraphs[0]),
        language: languageTag(textContent(childElement(item, "language"))) ?? feedLanguage,
        url: link ?? (guidIsLink ? httpUrl(guid) : null),
        publishedAt: parseTimestamp(textContent(childElement(item, "pubDate"))) ?? parseTimestamp(textContent(childElement(item, "date"))),
        sourceUpdatedAt: parseTimestamp(textContent(childElement(item, "updated"))) ?? parseTimestamp(textContent(childElement(item, "modified"))),
        paragraphs: body.paragraphs,
        html: body.html,
      };
    }),
  );
}

/**
 * Atom: one report per `entry`. Full `content` when present (text, html or xhtml), else
 * `summary`; `id` identifies the entry; the feed title is the source of entries without one.
 */
export function parseAtom(root: XmlElement): ParsedReport[] {
  const entries = childElements(root, "entry");
  if (entries.length === 0) reject("the Atom feed has no entries");
  const feedTitle = plainTitle(childElement(root, "title"));
  const feedLanguage = languageTag(attributeValue(root, "lang"));

  return entries.map((entry, index) =>
    inItem(itemLabel("entry", index, plainTitle(childElement(entry, "title"))), () => {
      // out-of-line content (content@src) is a link, not text: fall back to the summary
      const content = childElements(entry, "content").find((element) => !attributeValue(element, "src")) ?? null;
      const body = feedBody([content, childElement(entry, "summary")]);
      const updated = parseTimestamp(textContent(childElement(entry, "updated")));
      const authors = childElements(entry, "author")
        .map((author) => optionalText(textContent(childElement(author, "name"))))
        .filter((name): name is string => Boolean(name));
      return {
        source: plainTitle(childElement(childElement(entry, "source"), "title")) ?? feedTitle,
        externalId: optionalText(textContent(childElement(entry, "id"))) ?? atomLink(entry),
        sourceVersion: null,
        headline: plainTitle(childElement(entry, "title")) ?? headlineFromBody(body.paragraphs),
        byline: authors.length > 0 ? authors.join(", ") : null,
        dateline: detectDateline(body.paragraphs[0]),
        language: languageTag(attributeValue(entry, "lang")) ?? feedLanguage,
        url: atomLink(entry),
        publishedAt: parseTimestamp(textContent(childElement(entry, "published"))) ?? updated,
        sourceUpdatedAt: updated,
        paragraphs: body.paragraphs,
        html: body.html,
      };
    }),
  );
}

/** The first candidate element with text: markup is sanitized, plain text split into paragraphs. */
function feedBody(candidates: (XmlElement | null)[]): FeedBody {
  for (const element of candidates) {
    if (!element) continue;
    const type = (attributeValue(element, "type") ?? "").toLowerCase();
    const markup = innerMarkup(element);
    // Atom type="text" is plain by definition; RSS says nothing, so look for tags
    const isPlain = type === "text" || type === "text/plain" || (type === "" && !/<[a-z][^>]*>/i.test(markup));
    if (isPlain) {
      const paragraphs = splitPlainParagraphs(markup, { lineBreaksSeparate: true });
      if (paragraphs.length > 0) return { paragraphs, html: null };
    } else {
      const body = sanitizeBody(markup);
      if (body.paragraphs.length > 0) return body;
    }
  }
  return reject("empty body (no content, summary or description)");
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

function rssLink(item: XmlElement): string | null {
  for (const link of childElements(item, "link")) {
    // <atom:link href> may sit beside the RSS <link> text element
    const url = link.namespace === ATOM_NAMESPACE ? httpUrl(attributeValue(link, "href")) : httpUrl(textContent(link));
    if (url) return url;
  }
  return null;
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

function atomLink(entry: XmlElement): string | null {
  const links = childElements(entry, "link");
  const alternate = links.find((link) => (attributeValue(link, "rel") ?? "alternate") === "alternate");
  return httpUrl(attributeValue(alternate ?? links[0] ?? null, "href"));
}
