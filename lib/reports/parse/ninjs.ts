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

type JsonObject = Record<string, unknown>;

// Fields that only ninjs (any generation) has at its top level; one is enough to recognise it.
const NINJS_MARKERS = ["uri", "headline", "headlines", "body_text", "body_html", "bodies", "versioncreated", "firstcreated", "standard"];
const MEDIA_TYPES = new Set(["picture", "graphic", "video", "audio", "image"]);
const MISSING_BODY = "`body_text`/`body_html`/`bodies` all missing";

/**
 * IPTC ninjs, generations 1.x (`body_text`/`body_html`, `byline`, `versioncreated`), 2.x
 * (`headlines`, `bodies`, `by`) and 3.x (camelCase: `versionCreated`, `contentType`, ...).
 * Property names are matched case-insensitively, which covers all three. A JSON array gives one
 * report per item; picture/video/audio items without text are skipped in an array.
 */
export function parseNinjs(text: string): ParsedReport[] {
  const json = parseJson(text);
  if (Array.isArray(json)) {
    if (json.length === 0) reject("the JSON array is empty: no ninjs items");
    const reports: ParsedReport[] = [];
    json.forEach((entry, index) => {
      const where = `ninjs item ${index + 1}`;
      if (!isObject(entry)) reject(`${where} is not a JSON object`);
      if (!looksLikeNinjs(entry)) reject(`${where} is not ninjs: ${describeKeys(entry)}`);
      if (isMediaWithoutText(entry)) return;
      // "ninjs item 2: `body_text`/... all missing": the label already says ninjs
      const label = itemLabel("ninjs item", index, headlineOf(entry));
      reports.push(inItem(label, () => ninjsToReport(entry, "")));
    });
    if (reports.length === 0) reject("the ninjs items are all pictures, video or audio: no text reports");
    return reports;
  }
  if (!isObject(json)) reject("JSON is not ninjs: expected an object (or an array of objects)");
  if (!looksLikeNinjs(json)) reject(`JSON is not ninjs: ${describeKeys(json)}`);
  if (isMediaWithoutText(json)) reject(`this ninjs item is a ${String(field(json, "type"))}, not a text report`);
  return [ninjsToReport(json)];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    // a string left open runs to the end of the file: the same truncation, said the same way
    if (/unexpected end|unterminated string/i.test(message)) return reject(`line ${lineCount(text)}: invalid JSON: unexpected end of JSON`);
    const position = /at position (\d+)/.exec(message)?.[1];
    const reason = message.replace(/\s*\(line \d+ column \d+\)/, "").replace(/\s*in JSON at position \d+.*$/, "").replace(/, ".*" is not valid JSON$/, "");
    if (position === undefined) return reject(`invalid JSON: ${reason || "unreadable"}`);
    const offset = Number(position);
    const line = lineCount(text.slice(0, offset));
    const column = offset - text.lastIndexOf("\n", offset - 1);
    return reject(`line ${line}, column ${column}: invalid JSON: ${reason}`);
  }
}

function lineCount(text: string): number {
  return text.trimEnd().split("\n").length;
}

function ninjsToReport(item: JsonObject, missingBodyPrefix = "ninjs: "): ParsedReport {
  const body = bodyOf(item, missingBodyPrefix);
  const uri = optionalText(field(item, "uri"));
  const versionCreated = parseTimestamp(field(item, "versioncreated"));
  return {
    source: sourceOf(item),
    externalId: uri,
    sourceVersion: optionalText(field(item, "version")),
    headline: headlineOf(item) ?? headlineFromBody(body.paragraphs),
    byline: withoutByPrefix(optionalText(field(item, "byline")) ?? personText(field(item, "by"))),
    dateline: placeText(field(item, "located")) ?? detectDateline(body.paragraphs[0]),
    language: languageTag(field(item, "language")),
    url: urlOf(item),
    publishedAt: parseTimestamp(field(item, "firstcreated")) ?? parseTimestamp(field(item, "contentcreated")) ?? versionCreated,
    sourceUpdatedAt: versionCreated,
    paragraphs: body.paragraphs,
    html: body.html,
  };
}

/** The body as sanitized HTML when there is markup (preferred: it carries paragraphs), else text. */
function bodyOf(item: JsonObject, missingBodyPrefix: string): { paragraphs: string[]; html: string | null } {
  const candidates: { value: string; isHtml: boolean }[] = [];
  const bodyHtml = field(item, "body_html");
  if (typeof bodyHtml === "string") candidates.push({ value: bodyHtml, isHtml: true });
  const bodyText = field(item, "body_text");
  if (typeof bodyText === "string") candidates.push({ value: bodyText, isHtml: false });
  // `bodies` (2.x/3.x) and the pre-2.0 draft `body` are arrays of {role|name, contentType, value}
  for (const key of ["bodies", "body"]) {
    const list = field(item, key);
    if (typeof list === "string") candidates.push({ value: list, isHtml: looksLikeMarkup(list) });
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      if (!isObject(entry) || typeof field(entry, "value") !== "string") continue;
      const value = field(entry, "value") as string;
      const kind = `${String(field(entry, "contenttype") ?? "")} ${String(field(entry, "role") ?? field(entry, "name") ?? "")}`;
      const isHtml = /html|xml/i.test(kind) || (!/text\/plain|\btext\b/i.test(kind) && looksLikeMarkup(value));
      candidates.push({ value, isHtml });
    }
  }
  if (candidates.length === 0) reject(`${missingBodyPrefix}${MISSING_BODY}`);
  candidates.sort((a, b) => Number(b.isHtml) - Number(a.isHtml));
  for (const candidate of candidates) {
    if (candidate.isHtml) {
      const sanitized = sanitizeBody(candidate.value);
      if (sanitized.paragraphs.length > 0) return sanitized;
    } else {
      const paragraphs = splitPlainParagraphs(candidate.value, { lineBreaksSeparate: true });
      if (paragraphs.length > 0) return { paragraphs, html: null };
    }
  }
  return reject("empty body");
}

function headlineOf(item: JsonObject): string | null {
  const headline = field(item, "headline");
  if (typeof headline === "string") return optionalText(headline);
  // 2.x/3.x `headlines: [{role, value}]`; the draft 2.0 shape was `headline: [{name, text}]`
  const list = Array.isArray(headline) ? headline : field(item, "headlines");
  if (!Array.isArray(list)) return null;
  const entries = list.filter(isObject);
  const main = entries.find((entry) => /main/i.test(String(field(entry, "role") ?? field(entry, "name") ?? ""))) ?? entries[0];
  return main ? optionalText(field(main, "value") ?? field(main, "text")) : null;
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

function isMediaWithoutText(item: JsonObject): boolean {
  const type = String(field(item, "type") ?? "").toLowerCase();
  return MEDIA_TYPES.has(type) && ["body_text", "body_html", "bodies", "body"].every((key) => field(item, key) === undefined);
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
