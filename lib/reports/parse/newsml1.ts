import { nitfBody } from "./nitf";
import { inItem, itemLabel, reject } from "./parse-failure";
import { detectReportKind } from "./report-kind";
import { sanitizeBody } from "./sanitize";
import { detectDateline, languageTag, optionalText, publishedFrom, splitPlainParagraphs, withoutByPrefix } from "./text-normalize";
import { kindsOf, type ParagraphKind, type ParsedItems, type ParsedReport } from "./types";
import { attributeValue, childElement, childElements, findElements, innerMarkup, textContent, type XmlElement } from "./xml-tree";

/**
 * NewsML 1.x (AFP, Business Wire): a `NewsML` envelope with one or more `NewsItem`s. The title is
 * `NewsLines/HeadLine`, the text the `<p>`s of the text `ContentItem` (NITF or XHTML in
 * `DataContent`; with several components, the one whose Role is "Main" or "Body"), the id
 * `PublicIdentifier`, the time `ThisRevisionCreated`, the outlet the provider or copyright line.
 */
export function parseNewsMl1(root: XmlElement): ParsedItems {
  const items = findElements(root, "NewsItem");
  if (items.length === 0) reject("the NewsML 1.x document has no NewsItem", "empty");
  const reports = items.map((item, index) => inItem(itemLabel("NewsItem", index, headlineOf(item)), () => newsItemToReport(item)));
  return { reports, skipped: [] };
}

function newsItemToReport(item: XmlElement): ParsedReport {
  const identification = childElement(item, "Identification");
  const management = childElement(item, "NewsManagement");
  const headline = headlineOf(item);
  const body = bodyOf(item);
  if (!headline && body.paragraphs.length === 0) reject("the NewsML 1.x NewsItem has neither a HeadLine nor text", "empty");
  const published = publishedFrom(textContent(childElement(management, "ThisRevisionCreated")), textContent(childElement(management, "FirstCreated")));
  const outlet =
    optionalText(textContent(findElements(item, "CopyrightHolder")[0])) ??
    partyName(findElements(item, "Provider")[0]) ??
    optionalText(textContent(findElements(identification ?? item, "ProviderId")[0])) ??
    optionalText(textContent(findElements(item, "CopyrightLine")[0]));
  const warnings = [...published.warnings];
  if (body.paragraphs.length === 0) warnings.push("the NewsItem has no body text: a headline-only item");
  if (!outlet) warnings.push("the NewsItem names no provider or copyright holder");
  const status = attributeValue(childElement(management, "Status"), "FormalName");
  return {
    source: outlet,
    externalId: optionalText(textContent(findElements(identification ?? item, "PublicIdentifier")[0])),
    sourceVersion: optionalText(textContent(findElements(identification ?? item, "RevisionId")[0])),
    headline: headline ?? "",
    byline: withoutByPrefix(optionalText(textContent(findElements(item, "ByLine")[0]))),
    dateline: optionalText(textContent(findElements(item, "DateLine")[0])) ?? detectDateline(body.paragraphs[0]),
    language: languageTag(attributeValue(findElements(item, "Language")[0], "FormalName")),
    url: null,
    publishedAt: published.publishedAt,
    publishedPrecision: published.publishedPrecision,
    sourceUpdatedAt: null,
    dek: null,
    paragraphs: body.paragraphs,
    paragraphKinds: kindsOf(body),
    html: body.html,
    kind: detectReportKind({ status, headline, firstParagraph: body.paragraphs[0], embargoedUntil: null }),
    embargoedUntil: null,
    credit: null,
    warnings,
  };
}

function headlineOf(item: XmlElement): string | null {
  return optionalText(textContent(findElements(item, "HeadLine")[0]));
}

/** The text component: Role Main/Body first, else any text ContentItem with DataContent. */
function bodyOf(item: XmlElement): { paragraphs: string[]; html: string | null; kinds?: ParagraphKind[] } {
  const components = findAll(item, "NewsComponent");
  const roleOf = (component: XmlElement) => attributeValue(childElement(component, "Role"), "FormalName") ?? "";
  const ordered = [...components.filter((component) => /^(?:main|body)$/i.test(roleOf(component))), ...components.filter((component) => !/^(?:main|body)$/i.test(roleOf(component)))];
  for (const component of ordered) {
    if (/headline|contact|logo|stylesheet|caption/i.test(roleOf(component))) continue;
    for (const contentItem of childElements(component, "ContentItem")) {
      const data = childElement(contentItem, "DataContent");
      if (!data) continue;
      const nitf = findElements(data, "nitf")[0];
      const body = nitf ? nitfBody(nitf) : data.children.some((child) => child.kind === "element") ? sanitizeBody(innerMarkup(data)) : { paragraphs: splitPlainParagraphs(textContent(data)), html: "" };
      if (body.paragraphs.length > 0) return { paragraphs: body.paragraphs, html: body.html || null, kinds: "kinds" in body ? body.kinds : undefined };
    }
  }
  return { paragraphs: [], html: null };
}

/** Every descendant with the name, including nested ones (NewsComponents nest). */
function findAll(parent: XmlElement, local: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (element: XmlElement) => {
    for (const child of element.children) {
      if (child.kind !== "element") continue;
      if (child.local === local) found.push(child);
      visit(child);
    }
  };
  visit(parent);
  return found;
}

function partyName(party: XmlElement | undefined): string | null {
  if (!party) return null;
  const named = findElements(party, "Party")[0] ?? party;
  return optionalText(attributeValue(named, "FormalName")) ?? optionalText(textContent(named));
}
