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
import { attributeValue, childElement, childElements, findElements, innerMarkup, textContent, type XmlElement } from "./xml-tree";

// itemClass codes of items that carry no text of their own (IPTC NewsCodes "ninat").
const MEDIA_ITEM_CLASSES = /(?:^|:)(picture|graphic|video|audio|animated)$/i;

/**
 * NewsML-G2: a single `newsItem`, or a `newsMessage` whose `itemSet` carries several. Elements
 * are matched by local name, so the NAR namespace may be default or prefixed. Picture, video and
 * audio items (by `itemClass`) without inline text are skipped inside a message.
 */
export function parseNewsMlG2(root: XmlElement): ParsedReport[] {
  if (root.local === "newsItem") {
    if (isMediaItem(root)) reject(`this NewsML-G2 item is a ${itemClassName(root)}, not a text report`);
    return [newsItemToReport(root, null)];
  }
  // a message's sender (e.g. the agency's feed) names the source of items that do not
  const sender = optionalText(textContent(childElement(childElement(root, "header"), "sender")));
  const items = childElements(childElement(root, "itemSet"), "newsItem");
  if (items.length === 0) reject("the NewsML-G2 newsMessage has no newsItem in its itemSet");
  const reports: ParsedReport[] = [];
  items.forEach((item, index) => {
    if (isMediaItem(item)) return;
    const label = itemLabel("newsItem", index, headlineOf(item));
    reports.push(inItem(label, () => newsItemToReport(item, sender)));
  });
  if (reports.length === 0) reject("the NewsML-G2 newsMessage carries only pictures, video or audio: no text reports");
  return reports;
}

function newsItemToReport(item: XmlElement, fallbackSource: string | null): ParsedReport {
  const itemMeta = childElement(item, "itemMeta");
  const contentMeta = childElement(item, "contentMeta");
  const body = bodyOf(item);
  const versionCreated = parseTimestamp(textContent(childElement(itemMeta, "versionCreated")));
  return {
    source: partyName(childElement(itemMeta, "provider")) ?? partyName(childElement(childElement(item, "rightsInfo"), "copyrightHolder")) ?? fallbackSource,
    externalId: optionalText(attributeValue(item, "guid")),
    sourceVersion: optionalText(attributeValue(item, "version")),
    headline: headlineOf(item) ?? headlineFromBody(body.paragraphs),
    byline: withoutByPrefix(optionalText(textContent(childElement(contentMeta, "by")))) ?? joinNames(childElements(contentMeta, "creator")),
    dateline:
      optionalText(textContent(childElement(contentMeta, "dateline"))) ??
      partyName(childElement(contentMeta, "located")) ??
      detectDateline(body.paragraphs[0]),
    language: languageTag(attributeValue(childElement(contentMeta, "language"), "tag")) ?? languageTag(attributeValue(item, "lang")),
    url: linkUrl(itemMeta),
    publishedAt:
      parseTimestamp(textContent(childElement(itemMeta, "firstCreated"))) ??
      parseTimestamp(textContent(childElement(contentMeta, "contentCreated"))) ??
      versionCreated,
    sourceUpdatedAt: versionCreated,
    paragraphs: body.paragraphs,
    html: body.html,
  };
}

function headlineOf(item: XmlElement): string | null {
  const headlines = childElements(childElement(item, "contentMeta"), "headline");
  const main = headlines.find((headline) => /main|hld:main/i.test(attributeValue(headline, "role") ?? "")) ?? headlines.find((headline) => !attributeValue(headline, "role")) ?? headlines[0];
  return optionalText(textContent(main));
}

/** Text from `contentSet`: XHTML or NITF in `inlineXML` first, then `inlineData`. */
function bodyOf(item: XmlElement): { paragraphs: string[]; html: string | null } {
  const contentSet = childElement(item, "contentSet");
  for (const inlineXml of childElements(contentSet, "inlineXML")) {
    // NITF keeps the story in <body.content>, XHTML in <body>; else take the whole payload
    const container = findElements(inlineXml, "body.content")[0] ?? findElements(inlineXml, "body")[0] ?? inlineXml;
    const body = sanitizeBody(innerMarkup(container));
    if (body.paragraphs.length > 0) return body;
  }
  for (const inlineData of childElements(contentSet, "inlineData")) {
    const contentType = attributeValue(inlineData, "contenttype") ?? "";
    const text = textContent(inlineData);
    if (/html/i.test(contentType)) {
      const body = sanitizeBody(text);
      if (body.paragraphs.length > 0) return body;
    } else {
      const paragraphs = splitPlainParagraphs(text, { lineBreaksSeparate: true });
      if (paragraphs.length > 0) return { paragraphs, html: null };
    }
  }
  return reject("empty body (no text in contentSet/inlineXML or inlineData)");
}

/** A party (provider, copyrightHolder, located): its <name>, else @literal, else the qcode's code. */
function partyName(party: XmlElement | null): string | null {
  if (!party) return null;
  const qcode = attributeValue(party, "qcode");
  return (
    optionalText(textContent(childElement(party, "name"))) ??
    optionalText(attributeValue(party, "literal")) ??
    optionalText(qcode ? qcode.slice(qcode.indexOf(":") + 1) : null)
  );
}

function joinNames(parties: XmlElement[]): string | null {
  const names = parties.map(partyName).filter((name): name is string => Boolean(name));
  return names.length > 0 ? names.join(", ") : null;
}

/** The item's own web page, if itemMeta links to one (rel canonical/alternate/self or HTML). */
function linkUrl(itemMeta: XmlElement | null): string | null {
  for (const link of childElements(itemMeta, "link")) {
    const rel = attributeValue(link, "rel") ?? "";
    const type = attributeValue(link, "contenttype") ?? "";
    if (!/canonical|alternate|self/i.test(rel) && !/html/i.test(type)) continue;
    const url = httpUrl(attributeValue(link, "href"));
    if (url) return url;
  }
  return null;
}

function itemClassName(item: XmlElement): string {
  const qcode = attributeValue(childElement(childElement(item, "itemMeta"), "itemClass"), "qcode") ?? "";
  return MEDIA_ITEM_CLASSES.exec(qcode)?.[1]?.toLowerCase() ?? "media item";
}

function isMediaItem(item: XmlElement): boolean {
  const qcode = attributeValue(childElement(childElement(item, "itemMeta"), "itemClass"), "qcode") ?? "";
  const hasInlineText = ["inlineXML", "inlineData"].some((local) => childElements(childElement(item, "contentSet"), local).length > 0);
  return MEDIA_ITEM_CLASSES.test(qcode) && !hasInlineText;
}
