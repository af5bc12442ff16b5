import { reject } from "./parse-failure";
import { detectReportKind } from "./report-kind";
import { sanitizeBody } from "./sanitize";
import { detectDateline, languageTag, optionalText, parseTimestamp, publishedFrom, withoutByPrefix } from "./text-normalize";
import { kindsOf, type ParagraphKind, type ParsedReport } from "./types";
import { attributeValue, childElement, childElements, findElements, innerMarkup, textContent, withoutElements, type XmlElement } from "./xml-tree";

/**
 * NITF (News Industry Text Format), on its own or embedded in NewsML-G2 or ninjs: the title is
 * `body.head/hedline/hl1` (else `head/title`), the text the `<p>`s of `body.content`, the id
 * `doc-id/@id-string`, the time `date.issue/@norm`, the outlet the copyright holder or the
 * distributor. Inline tags (person, location, org, ...) stay inside their paragraph.
 */
export function parseNitf(root: XmlElement): ParsedReport {
  const head = childElement(root, "head");
  const body = childElement(root, "body");
  const bodyHead = childElement(body, "body.head");
  const docdata = childElement(head, "docdata");
  const headline =
    optionalText(textContent(childElement(childElement(bodyHead, "hedline"), "hl1"))) ?? optionalText(textContent(childElement(head, "title")));
  const text = nitfBody(root);
  if (!headline && text.paragraphs.length === 0) reject("the NITF document has neither a headline (hedline/hl1) nor body text (body.content)", "empty");

  const published = publishedFrom(attributeValue(childElement(docdata, "date.issue"), "norm"), attributeValue(childElement(docdata, "date.release"), "norm"));
  const release = parseTimestamp(attributeValue(childElement(docdata, "date.release"), "norm"));
  const status = attributeValue(docdata, "management-status");
  // an embargo is a release time after the issue time, or the status saying so
  const embargoedUntil = release && (/embargo/i.test(status ?? "") || (published.publishedAt && release > published.publishedAt)) ? release : null;
  const notes = childElements(docdata, "ed-msg").map((message) => attributeValue(message, "info"));
  const warnings = [...published.warnings];
  if (text.paragraphs.length === 0) warnings.push("the NITF body.content has no text: a headline-only item");
  const outlet = nitfOutlet(root);
  if (!outlet) warnings.push("the NITF document names no copyright holder or distributor");
  return {
    source: outlet,
    externalId: optionalText(attributeValue(childElement(docdata, "doc-id"), "id-string")),
    sourceVersion: null,
    headline: headline ?? "",
    byline: withoutByPrefix(optionalText(textContent(childElement(bodyHead, "byline")))),
    dateline: optionalText(textContent(childElement(bodyHead, "dateline"))) ?? detectDateline(text.paragraphs[0]),
    language: languageTag(attributeValue(root, "lang")) ?? languageTag(attributeValue(body, "lang")),
    url: null,
    publishedAt: published.publishedAt,
    publishedPrecision: published.publishedPrecision,
    sourceUpdatedAt: null,
    // hl2 is NITF's subordinate headline: the standfirst
    dek: optionalText(textContent(childElement(childElement(bodyHead, "hedline"), "hl2"))),
    paragraphs: text.paragraphs,
    paragraphKinds: kindsOf(text),
    html: text.html || null,
    kind: detectReportKind({ status, notes, headline, firstParagraph: text.paragraphs[0], embargoedUntil }),
    embargoedUntil,
    credit: null,
    warnings,
  };
}

/** The NITF story text: `body.content`, as sanitized HTML and canonical paragraphs. */
export function nitfBody(root: XmlElement): { paragraphs: string[]; html: string; kinds?: ParagraphKind[] } {
  const body = root.local === "body" ? root : (childElement(root, "body") ?? root);
  // body.content directly under <body> is the story; one inside a <note> is an editor's note
  const direct = childElements(body, "body.content");
  const contents = direct.length > 0 ? direct : findElements(body, "body.content");
  if (contents.length === 0) return { paragraphs: [], html: "" };
  return sanitizeBody(contents.map((content) => innerMarkup(withoutElements(content, NOT_STORY_TEXT))).join(""));
}

// NITF elements inside body.content whose words are not the story: editors' notes, and media
// (its caption and producer describe a picture)
const NOT_STORY_TEXT = new Set(["note", "media", "ed-msg"]);

function nitfOutlet(root: XmlElement): string | null {
  const docdata = childElement(childElement(root, "head"), "docdata");
  const bodyHead = childElement(childElement(root, "body"), "body.head");
  return (
    optionalText(attributeValue(childElement(docdata, "doc.copyright"), "holder")) ??
    optionalText(textContent(childElement(bodyHead, "distributor"))) ??
    optionalText(attributeValue(findElements(docdata ?? root, "from-src")[0], "src-name")) ??
    optionalText(attributeValue(childElement(docdata, "doc.rights"), "owner"))
  );
}
