import { nitfBody } from "./nitf";
import { inItem, itemLabel, reject } from "./parse-failure";
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
import { kindsOf, type ParagraphKind, type ParsedReport } from "./types";
import { attributeValue, childElement, childElements, findElements, innerMarkup, textContent, type XmlElement } from "./xml-tree";

// itemClass codes of news items that carry no prose (IPTC NewsCodes "ninat"); only text is a report.
const NON_TEXT_ITEM_CLASSES = /(?:^|:)(picture|graphic|video|audio|animated|composite|interactive)$/i;

// NewsML-G2 items that are not news items at all: what each is, for the refusal message.
const OTHER_G2_ITEMS: Record<string, string> = {
  packageItem: "a package (a list of references to other items, with no text of its own)",
  conceptItem: "a concept item (a description of a person, place or subject, not a report)",
  knowledgeItem: "a knowledge item (a set of concepts, not a report)",
  planningItem: "a planning item (coverage plans, not a report)",
  catalogItem: "a catalog item (a vocabulary list, not a report)",
  contentSet: "a contentSet fragment, not a complete newsItem",
};

/** The refusal for a NewsML-G2 root that is not a newsItem or newsMessage, or null. */
export function otherG2ItemReason(rootLocal: string): string | null {
  const what = OTHER_G2_ITEMS[rootLocal];
  return what ? `this NewsML-G2 document is ${what}` : null;
}

/**
 * NewsML-G2: a single `newsItem`, or a `newsMessage` whose `itemSet` carries several. Elements
 * are matched by local name, so the NAR namespace may be default or prefixed. Picture, video and
 * audio items (by `itemClass`) without inline text are skipped inside a message.
 */
export function parseNewsMlG2(root: XmlElement): ParsedReport[] {
  const otherItem = otherG2ItemReason(root.local);
  if (otherItem) reject(otherItem, "unsupported");
  if (root.local === "newsItem") {
    if (isNonTextItem(root)) reject(`this NewsML-G2 newsItem is a ${itemClassName(root)} item, not a text report`, "unsupported");
    return [newsItemToReport(root, null)];
  }
  // a message's sender (e.g. the agency's feed) names the source of items that do not
  const sender = optionalText(textContent(childElement(childElement(root, "header"), "sender")));
  const items = childElements(childElement(root, "itemSet"), "newsItem");
  if (items.length === 0) reject("the NewsML-G2 newsMessage has no newsItem in its itemSet", "empty");
  const reports: ParsedReport[] = [];
  items.forEach((item, index) => {
    if (isNonTextItem(item)) return;
    const label = itemLabel("newsItem", index, headlineOf(item));
    reports.push(inItem(label, () => newsItemToReport(item, sender)));
  });
  if (reports.length === 0) reject("the NewsML-G2 newsMessage carries only pictures, video or audio: no text reports", "unsupported");
  return reports;
}

function newsItemToReport(item: XmlElement, fallbackSource: string | null): ParsedReport {
  const itemMeta = childElement(item, "itemMeta");
  const contentMeta = childElement(item, "contentMeta");
  const body = bodyOf(item);
  const headline = headlineOf(item);
  if (!headline && body.paragraphs.length === 0) reject("the NewsML-G2 newsItem has neither a headline nor text in its contentSet", "empty");
  // the time of this version is what the item says it was published at; firstCreated is older
  const published = publishedFrom(textContent(childElement(itemMeta, "versionCreated")), textContent(childElement(itemMeta, "firstCreated")), textContent(childElement(contentMeta, "contentCreated")));
  const embargoedUntil = parseTimestamp(textContent(childElement(itemMeta, "embargoed")));
  const warnings = [...published.warnings];
  if (body.paragraphs.length === 0) warnings.push("the newsItem has no body text: a headline-only item");
  const source = newsItemSource(item) ?? fallbackSource;
  if (!source) warnings.push("the newsItem names no provider, credit line or copyright holder");
  return {
    source,
    externalId: optionalText(attributeValue(item, "guid")),
    sourceVersion: optionalText(attributeValue(item, "version")),
    headline: headline ?? "",
    byline: withoutByPrefix(optionalText(textContent(childElement(contentMeta, "by")))) ?? joinNames(childElements(contentMeta, "creator")),
    dateline:
      optionalText(textContent(childElement(contentMeta, "dateline"))) ??
      partyName(childElement(contentMeta, "located")) ??
      detectDateline(body.paragraphs[0]),
    language: languageTag(attributeValue(childElement(contentMeta, "language"), "tag")) ?? languageTag(attributeValue(item, "lang")),
    url: linkUrl(itemMeta),
    publishedAt: published.publishedAt,
    publishedPrecision: published.publishedPrecision,
    sourceUpdatedAt: parseTimestamp(textContent(childElement(itemMeta, "versionCreated"))),
    dek: dekOf(item),
    paragraphs: body.paragraphs,
    paragraphKinds: kindsOf(body),
    html: body.html,
    kind: detectReportKind({
      status: attributeValue(childElement(itemMeta, "pubStatus"), "qcode"),
      notes: [
        ...childElements(itemMeta, "signal").map((signal) => attributeValue(signal, "qcode")),
        ...childElements(itemMeta, "edNote").map((note) => textContent(note)),
      ],
      headline,
      firstParagraph: body.paragraphs[0],
      embargoedUntil,
    }),
    embargoedUntil,
    credit: null,
    warnings,
  };
}

/** The outlet: the credit line, else the information source, copyright holder or provider. */
function newsItemSource(item: XmlElement): string | null {
  const itemMeta = childElement(item, "itemMeta");
  const contentMeta = childElement(item, "contentMeta");
  return (
    optionalText(textContent(childElement(contentMeta, "creditline"))) ??
    partyName(childElement(contentMeta, "infoSource")) ??
    partyName(childElement(childElement(item, "rightsInfo"), "copyrightHolder")) ??
    partyName(childElement(itemMeta, "provider"))
  );
}

function headlineOf(item: XmlElement): string | null {
  const headlines = childElements(childElement(item, "contentMeta"), "headline");
  const main = headlines.find((headline) => /main|hld:main/i.test(attributeValue(headline, "role") ?? "")) ?? headlines.find((headline) => !attributeValue(headline, "role")) ?? headlines[0];
  return optionalText(textContent(main));
}

/** The standfirst: a `headline` whose role is a sub-headline (`hld:subHeadline`, `subheadline`). */
function dekOf(item: XmlElement): string | null {
  const headlines = childElements(childElement(item, "contentMeta"), "headline");
  const sub = headlines.find((headline) => /sub-?headline/i.test(attributeValue(headline, "role") ?? ""));
  return sub ? optionalText(textContent(sub)) : null;
}

/** Text from `contentSet`: NITF or XHTML in `inlineXML` first, then `inlineData`; empty when none. */
function bodyOf(item: XmlElement): { paragraphs: string[]; html: string | null; kinds?: ParagraphKind[] } {
  const contentSet = childElement(item, "contentSet");
  for (const inlineXml of childElements(contentSet, "inlineXML")) {
    const nitf = findElements(inlineXml, "nitf")[0];
    if (nitf) {
      const body = nitfBody(nitf);
      if (body.paragraphs.length > 0) return body;
      continue;
    }
    // XHTML: the story's own section when the sender marks one (class "main"), else the body
    const main = findElements(inlineXml, "section").find((section) => /(?:^|\s)main(?:\s|$)/.test(attributeValue(section, "class") ?? ""));
    const container = main ?? findElements(inlineXml, "body.content")[0] ?? findElements(inlineXml, "body")[0] ?? inlineXml;
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
  return { paragraphs: [], html: null };
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
  return NON_TEXT_ITEM_CLASSES.exec(qcode)?.[1]?.toLowerCase() ?? "non-text";
}

/** A picture, video, audio or composite item: its words (captions) describe media, not news. */
function isNonTextItem(item: XmlElement): boolean {
  const qcode = attributeValue(childElement(childElement(item, "itemMeta"), "itemClass"), "qcode") ?? "";
  return NON_TEXT_ITEM_CLASSES.test(qcode);
}
