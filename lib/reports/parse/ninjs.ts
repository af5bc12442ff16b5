import { nitfBody } from "./nitf";
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
import { parseXmlDocument } from "./xml-tree";

type JsonObject = Record<string, unknown>;

// Fields that only ninjs (any generation) has at its top level; one is enough to recognise it.
const NINJS_MARKERS = ["uri", "headline", "headlines", "body_text", "body_html", "bodies", "versioncreated", "firstcreated", "standard"];
// ninjs `type` values of items whose words (captions, event details) are not a news report. A
// "composite" is a text with pictures attached: its body decides, like a text's.
const NON_TEXT_TYPES = new Set(["picture", "graphic", "video", "audio", "image", "event", "planning", "concept"]);

/**
 * IPTC ninjs, generations 1.x (`body_text`/`body_html`, `byline`, `versioncreated`), 2.x
 * (`headlines`, `bodies`, `by`) and 3.x (camelCase: `versionCreated`, `contentType`, ...).
 * Property names are matched case-insensitively, which covers all three. A JSON array gives one
 * report per item; in an array, picture/video/audio items and items that cannot be read are
 * left out with their reason (each entry of a feed gets its own result), the rest still import.
 */
export function parseNinjs(text: string): ParsedItems {
  const json = parseJson(text);
  if (Array.isArray(json)) {
    if (json.length === 0) reject("the JSON array is empty: no ninjs items");
    const reports: ParsedReport[] = [];
    const skipped: string[] = [];
    let nonText = 0;
    json.forEach((entry, index) => {
      const where = `ninjs item ${index + 1}`;
      if (!isObject(entry)) return skipped.push(`${where} is not a JSON object`);
      if (!looksLikeNinjs(entry)) return skipped.push(`${where} is not ninjs: ${describeKeys(entry)}`);
      const label = itemLabel("ninjs item", index, headlineOf(entry));
      const type = nonTextType(entry);
      if (type) {
        nonText++;
        return skipped.push(`${label}: of type "${type}", not a text report`);
      }
      try {
        reports.push(inItem(label, () => ninjsToReport(entry)));
      } catch (error) {
        if (!(error instanceof ReportParseError)) throw error;
        skipped.push(error.message);
      }
    });
    if (reports.length === 0 && nonText === json.length) reject("the ninjs items are all pictures, video, audio or events: no text reports", "unsupported");
    if (reports.length === 0) reject(`the ninjs array has no readable text item: ${skipped[0]}`, "empty");
    return { reports, skipped };
  }
  if (!isObject(json)) reject("JSON is not ninjs: expected an object (or an array of objects)", "unsupported");
  if (!looksLikeNinjs(json)) reject(`JSON is not ninjs: ${describeKeys(json)}`, "unsupported");
  const type = nonTextType(json);
  if (type) reject(`this ninjs item is of type "${type}", not a text report`, "unsupported");
  return { reports: [ninjsToReport(json)], skipped: [] };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    // a string left open runs to the end of the file: the same truncation, said the same way
    if (/unexpected end|unterminated string/i.test(message)) return reject(`line ${lineCount(text)}: invalid JSON: unexpected end of JSON`, "malformed");
    const position = /at position (\d+)/.exec(message)?.[1];
    const reason = message.replace(/\s*\(line \d+ column \d+\)/, "").replace(/\s*in JSON at position \d+.*$/, "").replace(/, ".*" is not valid JSON$/, "");
    if (position === undefined) return reject(`invalid JSON: ${reason || "unreadable"}`, "malformed");
    const offset = Number(position);
    const line = lineCount(text.slice(0, offset));
    const column = offset - text.lastIndexOf("\n", offset - 1);
    return reject(`line ${line}, column ${column}: invalid JSON: ${reason}`, "malformed");
  }
}

function lineCount(text: string): number {
  return text.trimEnd().split("\n").length;
}

function ninjsToReport(item: JsonObject): ParsedReport {
  const body = bodyOf(item);
  const headline = headlineOf(item);
  if (!headline && body.paragraphs.length === 0) reject("the ninjs item has neither a headline nor a body (`body_*`, `bodies`)", "empty");
  // the time of this version is when the item was published as it stands; firstcreated is older
  const published = publishedFrom(field(item, "versioncreated"), field(item, "firstcreated"), field(item, "contentcreated"));
  const embargoedUntil = parseTimestamp(field(item, "embargoed")) ?? parseTimestamp(field(item, "embargoedUntil"));
  const warnings = [...published.warnings, ...body.warnings];
  if (body.paragraphs.length === 0) warnings.push("the ninjs item has no body text: a headline-only item");
  const source = sourceOf(item);
  if (!source) warnings.push("the ninjs item names no copyright holder, info source or provider");
  return {
    source,
    // `uri` identifies the item; older feeds only carry a `guid`
    externalId: optionalText(field(item, "uri")) ?? optionalText(field(item, "guid")),
    sourceVersion: optionalText(field(item, "version")),
    headline: headline ?? "",
    byline: withoutByPrefix(optionalText(field(item, "byline")) ?? personText(field(item, "by"))),
    dateline: placeText(field(item, "located")) ?? detectDateline(body.paragraphs[0]),
    language: languageTag(field(item, "language")),
    url: urlOf(item),
    publishedAt: published.publishedAt,
    publishedPrecision: published.publishedPrecision,
    sourceUpdatedAt: parseTimestamp(field(item, "versioncreated")),
    dek: dekOf(item),
    paragraphs: body.paragraphs,
    paragraphKinds: kindsOf(body),
    html: body.html,
    kind: detectReportKind({
      status: optionalText(field(item, "pubstatus")),
      notes: [optionalText(field(item, "ednote")), ...listOfText(field(item, "signals"))],
      headline,
      firstParagraph: body.paragraphs[0],
      embargoedUntil,
    }),
    embargoedUntil,
    credit: null,
    warnings,
  };
}

type NinjsBody = { paragraphs: string[]; html: string | null; kinds?: ParagraphKind[]; warnings: string[] };
type BodyCandidate = { value: string; markup: "html" | "nitf" | "text" };

/**
 * The body from whichever field carries it: 1.x `body_text`/`body_html`/`body_xhtml` and any
 * other `body_*` (`body_main`, `body_richtext`), 2.x/3.x `bodies: [{role, contentType, value}]`.
 * Markup is preferred (it carries paragraphs); NITF is read as NITF, not shown as raw XML.
 */
function bodyOf(item: JsonObject): NinjsBody {
  const candidates: BodyCandidate[] = [];
  for (const [key, value] of Object.entries(item)) {
    const name = key.toLowerCase();
    if (typeof value === "string" && (name === "body" || name.startsWith("body_"))) {
      candidates.push({ value, markup: markupOf(value, /html|xhtml|rich/.test(name) ? "html" : name.includes("nitf") ? "nitf" : "") });
    }
    if (Array.isArray(value) && (name === "bodies" || name === "body")) {
      for (const entry of value) {
        if (!isObject(entry) || typeof field(entry, "value") !== "string") continue;
        const kind = `${String(field(entry, "contenttype") ?? "")} ${String(field(entry, "role") ?? field(entry, "name") ?? "")}`;
        candidates.push({ value: field(entry, "value") as string, markup: markupOf(field(entry, "value") as string, kind) });
      }
    }
  }
  const rank = { nitf: 0, html: 1, text: 2 };
  candidates.sort((a, b) => rank[a.markup] - rank[b.markup]);
  const warnings: string[] = [];
  for (const candidate of candidates) {
    if (candidate.markup === "nitf") {
      const body = embeddedNitfBody(candidate.value);
      if (body === null) warnings.push("the NITF body could not be read as XML; another body was used");
      else if (body.paragraphs.length > 0) return { ...body, warnings };
    } else if (candidate.markup === "html") {
      const sanitized = sanitizeBody(candidate.value);
      if (sanitized.paragraphs.length > 0) return { ...sanitized, warnings };
    } else {
      const paragraphs = splitPlainParagraphs(candidate.value, { lineBreaksSeparate: true });
      if (paragraphs.length > 0) return { paragraphs, html: null, warnings };
    }
  }
  return { paragraphs: [], html: null, warnings };
}

/** What a body value is, from its declared type or name first and its content second. */
function markupOf(value: string, declared: string): BodyCandidate["markup"] {
  if (/nitf/i.test(declared) || /^\s*(?:<\?xml[^>]*\?>\s*)?<nitf[\s>]/.test(value)) return "nitf";
  if (/html|xml|rich/i.test(declared)) return "html";
  if (/text\/plain|\btext\b/i.test(declared)) return "text";
  return looksLikeMarkup(value) ? "html" : "text";
}

function embeddedNitfBody(xml: string): { paragraphs: string[]; html: string; kinds?: ParagraphKind[] } | null {
  try {
    return nitfBody(parseXmlDocument(xml));
  } catch (error) {
    if (error instanceof ReportParseError) return null;
    throw error;
  }
}

function listOfText(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((entry) => optionalText(entry) ?? (isObject(entry) ? optionalText(field(entry, "uri") ?? field(entry, "name")) : null)).filter((text): text is string => Boolean(text));
}

function headlineOf(item: JsonObject): string | null {
  const headline = field(item, "headline") ?? field(item, "headline_main");
  if (typeof headline === "string") return optionalText(headline);
  // 1.x variants: `headline_main`, `headline_extended`, ... (main first, then any)
  const variant = Object.entries(item).find(([key, value]) => /^headline_/i.test(key) && typeof value === "string");
  if (variant) return optionalText(variant[1]);
  // 2.x/3.x `headlines: [{role, value}]`; the draft 2.0 shape was `headline: [{name, text}]`
  const list = Array.isArray(headline) ? headline : field(item, "headlines");
  if (!Array.isArray(list)) return null;
  const entries = list.filter(isObject);
  const main = entries.find((entry) => /main/i.test(String(field(entry, "role") ?? field(entry, "name") ?? ""))) ?? entries[0];
  return main ? optionalText(field(main, "value") ?? field(main, "text")) : null;
}

/** The standfirst: a `subheadline` entry of `headlines` (2.x/3.x), else the 1.x `description_text`. */
function dekOf(item: JsonObject): string | null {
  const list = field(item, "headlines");
  const sub = Array.isArray(list) ? list.filter(isObject).find((entry) => /sub/i.test(String(field(entry, "role") ?? field(entry, "name") ?? ""))) : undefined;
  if (sub) return optionalText(field(sub, "value") ?? field(sub, "text"));
  const description = field(item, "description_text");
  return typeof description === "string" ? optionalText(description) : null;
}

function sourceOf(item: JsonObject): string | null {
  for (const key of ["copyrightholder", "provider", "infosource", "infosources", "source"]) {
    const value = field(item, key);
    const name = optionalText(value) ?? nameOf(Array.isArray(value) ? value.find(isObject) : value);
    if (name) return name;
  }
  return null;
}

/** A web page for the item: a self/alternate link or an HTML rendition, if any is http(s). */
function urlOf(item: JsonObject): string | null {
  const links = field(item, "links");
  if (Array.isArray(links)) {
    const page = links
      .filter(isObject)
      .find((link) => /self|canonical|alternate|web/i.test(String(field(link, "rel") ?? "")) || /html/i.test(String(field(link, "contenttype") ?? "")));
    const url = page ? httpUrl(field(page, "href")) : null;
    if (url) return url;
  }
  // renditions: an object keyed by name in 1.x, an array of {name, ...} in 3.x
  const renditions = field(item, "renditions");
  const list = Array.isArray(renditions) ? renditions : isObject(renditions) ? Object.values(renditions) : [];
  for (const rendition of list) {
    if (!isObject(rendition)) continue;
    const type = String(field(rendition, "mimetype") ?? field(rendition, "contenttype") ?? "");
    const url = /html/i.test(type) ? httpUrl(field(rendition, "href")) : null;
    if (url) return url;
  }
  return null;
}

function personText(value: unknown): string | null {
  if (Array.isArray(value)) {
    const names = value.map((entry) => optionalText(entry) ?? nameOf(entry)).filter((name): name is string => Boolean(name));
    return names.length > 0 ? names.join(", ") : null;
  }
  return optionalText(value) ?? nameOf(value);
}

function placeText(value: unknown): string | null {
  return optionalText(value) ?? nameOf(value);
}

function nameOf(value: unknown): string | null {
  return isObject(value) ? optionalText(field(value, "name") ?? field(value, "literal")) : null;
}

/** The item's `type` when it is not text (a picture's caption is not a report), else null. */
function nonTextType(item: JsonObject): string | null {
  const type = String(field(item, "type") ?? "").toLowerCase();
  return NON_TEXT_TYPES.has(type) ? type : null;
}

function looksLikeNinjs(value: JsonObject): boolean {
  return Object.keys(value).some((key) => NINJS_MARKERS.includes(key.toLowerCase()));
}

function describeKeys(value: JsonObject): string {
  const keys = Object.keys(value).slice(0, 8);
  const found = keys.length > 0 ? `found ${keys.map((key) => `\`${key}\``).join(", ")}` : "found an empty object";
  return `expected \`uri\`, \`headline\`/\`headlines\` and a body (\`body_text\`, \`body_html\` or \`bodies\`); ${found}`;
}

function looksLikeMarkup(text: string): boolean {
  return /<\/?(?:p|br|div|span|b|i|em|strong|a|ul|ol|li|h[1-6]|blockquote|section)\b[^>]*>/i.test(text);
}

/** Property lookup ignoring case: `versioncreated` (1.x/2.x) and `versionCreated` (3.x) alike. */
function field(object: JsonObject, name: string): unknown {
  if (name in object) return object[name];
  const lower = name.toLowerCase();
  const key = Object.keys(object).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : object[key];
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
