import iconv from "iconv-lite";
import { decodeUploadBytes } from "./decode-bytes";
import { parseAtom, parseRss } from "./feeds";
import { parseHtmlPage } from "./html-page";
import { fileSizeError } from "../upload-limits";
import { otherG2ItemReason, parseNewsMlG2 } from "./newsml-g2";
import { parseNewsMl1 } from "./newsml1";
import { parseNinjs } from "./ninjs";
import { parseNitf } from "./nitf";
import { ReportParseError, reject } from "./parse-failure";
import { parseMarkdown, parsePlainText } from "./plain-text";
import { fileExtension, headlineFromBody } from "./text-normalize";
import { kindsOf, type ParsedItems, type ParsedReport, type ParseErrorCode, type ParseFormat, type ParseResult, type UploadedFile } from "./types";
import { detectWireFormat, parseAnpa, parseIptc7901 } from "./wire-text";
import { parseXmlDocument } from "./xml-tree";

const EXTENSION_FORMATS: Record<string, ParseFormat | "xml"> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  html: "html",
  htm: "html",
  xhtml: "html",
  json: "ninjs",
  ninjs: "ninjs",
  xml: "xml",
  rss: "rss",
  atom: "atom",
};

// Root element (local name) → format. Anything else in an .xml file is rejected by name.
const XML_ROOT_FORMATS: Record<string, ParseFormat> = {
  newsItem: "newsml-g2",
  newsMessage: "newsml-g2",
  packageItem: "newsml-g2",
  conceptItem: "newsml-g2",
  knowledgeItem: "newsml-g2",
  planningItem: "newsml-g2",
  catalogItem: "newsml-g2",
  contentSet: "newsml-g2",
  nitf: "nitf",
  NewsML: "newsml1",
  rss: "rss",
  RDF: "rss",
  feed: "atom",
  html: "html",
};

/**
 * Parses one uploaded file into the reports it holds. The format comes from the content when
 * the content says (JSON, an XML root element, an HTML doctype) and from the extension
 * otherwise. Never throws: bad input gives `{ ok: false, error }` with a message that names the
 * file and, where there is one, the line ("report.xml: line 12: unexpected end of XML").
 */
export function parseUpload(file: UploadedFile): ParseResult {
  let format: ParseFormat | null = null;
  try {
    const sizeError = fileSizeError(file.bytes.byteLength);
    if (sizeError) reject(sizeError, "too-large");
    if (file.bytes.byteLength === 0) reject("empty file", "empty");
    const text = decodeText(file);
    if (text.trim().length === 0) reject("empty file (only whitespace)", "empty");

    const detected = detectFormat(text, fileExtension(file.name));
    format = detected.format;
    const parsed = parseAs(detected, text, file.name);
    format = parsed.format;
    // every paragraph has its kind, whatever a parser found
    const reports = parsed.reports.map(ensureHeadline).map((report) => ({ ...report, paragraphKinds: kindsOf({ paragraphs: report.paragraphs, kinds: report.paragraphKinds }) }));
    return { ok: true, format, reports, skipped: parsed.skipped };
  } catch (error) {
    const code: ParseErrorCode = error instanceof ReportParseError ? error.code : "invalid";
    return { ok: false, format, code, error: `${file.name}: ${describeFailure(error, format)}` };
  }
}

/**
 * The upload's text. Agency wire messages (ANPA 1312, IPTC 7901) come from systems that never
 * spoke UTF-8 and carry no charset: when their bytes are not UTF-8, they are Windows-1252.
 */
function decodeText(file: UploadedFile): string {
  try {
    return decodeUploadBytes(file.bytes, file.contentType).text;
  } catch (error) {
    const head = iconv.decode(Buffer.from(file.bytes.subarray(0, 64)), "latin1");
    if (error instanceof ReportParseError && detectWireFormat(head) !== null) return iconv.decode(Buffer.from(file.bytes), "windows-1252");
    throw error;
  }
}

/** What the content and extension say; `format` is null for XML whose root is not yet known. */
type DetectedFormat = { format: ParseFormat | null; isXml: boolean };

const XML_EXTENSIONS = new Set(["xml", "rss", "atom"]);

/** Decides the format from the content first; the extension settles what the content leaves open. */
export function detectFormat(text: string, extension: string): DetectedFormat {
  const byExtension = EXTENSION_FORMATS[extension];
  const start = text.replace(/^[\s\uFEFF]+/, "");
  const wire = detectWireFormat(text);
  if (wire) return { format: wire, isXml: false };

  if (start.startsWith("{") || start.startsWith("[")) {
    // "[UPDATE] Rebels ..." is text, not JSON: outside .json, the JSON must actually parse
    if (byExtension === "ninjs" || isJson(start)) return { format: "ninjs", isXml: false };
  }
  if (start.startsWith("<")) {
    if (/^<!doctype\s+html/i.test(start)) return { format: "html", isXml: false };
    const root = rootElementName(start);
    const rootFormat = root ? XML_ROOT_FORMATS[root.slice(root.indexOf(":") + 1)] : undefined;
    if (rootFormat) return { format: rootFormat, isXml: rootFormat !== "html" };
    // unknown XML: parse anyway, so a malformed file gets its line number and a stray root its name
    if (start.startsWith("<?xml") || XML_EXTENSIONS.has(extension)) return { format: null, isXml: true };
    if (byExtension === undefined || byExtension === "html") return { format: "html", isXml: false };
  }
  if (XML_EXTENSIONS.has(extension)) return { format: null, isXml: true };
  if (byExtension && byExtension !== "xml") return { format: byExtension, isXml: false };
  return { format: looksLikeMarkdown(start) ? "markdown" : "text", isXml: false };
}

function parseAs(detected: DetectedFormat, text: string, fileName: string): { format: ParseFormat } & ParsedItems {
  const single = (format: ParseFormat, report: ParsedReport) => ({ format, reports: [report], skipped: [] });
  if (detected.isXml) {
    const root = parseXmlDocument(text);
    const format = XML_ROOT_FORMATS[root.local];
    if (format === "newsml-g2") {
      const otherItem = otherG2ItemReason(root.local);
      if (otherItem) reject(otherItem, "unsupported");
      return { format, reports: parseNewsMlG2(root), skipped: [] };
    }
    if (format === "nitf") return single(format, parseNitf(root));
    if (format === "newsml1") return { format, ...parseNewsMl1(root) };
    if (format === "rss") return { format, ...parseRss(root) };
    if (format === "atom") return { format, ...parseAtom(root) };
    return reject(`XML root element <${root.name}> is not a news format this desk reads (NewsML-G2, NewsML 1.x, NITF, RSS or Atom)`, "unsupported");
  }
  switch (detected.format) {
    case "ninjs":
      return { format: "ninjs", ...parseNinjs(text) };
    case "html":
      return single("html", parseHtmlPage(text));
    case "anpa1312":
      return single("anpa1312", parseAnpa(text));
    case "iptc7901":
      return single("iptc7901", parseIptc7901(text));
    case "markdown":
      return single("markdown", parseMarkdown(text, fileName));
    default:
      return single("text", parsePlainText(text, fileName));
  }
}

/** The name of the first element, skipping the XML declaration, comments and a doctype. */
function rootElementName(text: string): string | null {
  const head = text.slice(0, 64 * 1024);
  const prolog = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)*/i.exec(head)?.[0] ?? "";
  return /^<([A-Za-z_][\w.:-]*)/.exec(head.slice(prolog.length))?.[1] ?? null;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function looksLikeMarkdown(text: string): boolean {
  return /^#{1,6}\s+\S/m.test(text) || /\[[^\]\n]+\]\([^)\s]+\)/.test(text) || /(\*\*|__)\S[^\n]*?\S\1/.test(text);
}

/** A report without a headline of its own gets the start of its text, and a warning saying so. */
function ensureHeadline(report: ParsedReport): ParsedReport {
  if (report.headline.length > 0) return report;
  const fromBody = headlineFromBody(report.paragraphs);
  if (!fromBody) reject("neither a headline nor any text", "empty");
  return { ...report, headline: fromBody, warnings: [...report.warnings, "no headline in the file; the first sentence stands in"] };
}

function describeFailure(error: unknown, format: ParseFormat | null): string {
  if (error instanceof ReportParseError) return error.message;
  if (error instanceof RangeError) return "the file is nested too deeply to read";
  // a parser bug rather than bad input: the editor still gets one readable line (one file never
  // sinks a batch), and the full error goes to the server log so the bug is not hidden
  console.error(`report parser failed unexpectedly (${format ?? "unknown format"})`, error);
  const reason = error instanceof Error ? error.message : typeof error === "string" ? error : "unknown error";
  return `could not be read as ${format ?? "a report"} (${reason})`;
}
