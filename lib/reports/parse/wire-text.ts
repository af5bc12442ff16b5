import { reject } from "./parse-failure";
import { detectReportKind } from "./report-kind";
import { agencyFromDateline, detectDateline, normalizeInline, normalizeParagraphs, publishedFrom, withoutByPrefix } from "./text-normalize";
import { plainKinds, type ParsedReport } from "./types";

// Transmission control characters that frame agency wire messages (ANPA 1312, IPTC 7901).
const SYN = "\u0016";
const SOH = "\u0001";
const STX = "\u0002";
const ETX = "\u0003";
const UNIT_SEPARATOR = "\u001f";
// Control characters other than tab and newline: framing and printer codes, never text.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** The wire format of a text that starts with transmission framing, or null for ordinary text. */
export function detectWireFormat(text: string): "anpa1312" | "iptc7901" | null {
  const start = text.replace(/^[\s\uFEFF]*/, "").replace(new RegExp(`^${SYN}+`), "");
  if (!start.startsWith(SOH)) return null;
  const firstLine = start.slice(1).split(/\r?\n/)[0] ?? "";
  // ANPA's first line is the service level and a 4-digit sequence number, then a unit separator
  if (firstLine.includes(UNIT_SEPARATOR) || /^[a-z]\d{4}\b/i.test(firstLine)) return "anpa1312";
  // IPTC 7901's is "source+sequence priority category word-count ... source"
  if (/^\s*\S+\s+\d\s+[a-z]\s+\d+/i.test(firstLine)) return "iptc7901";
  return null;
}

/**
 * ANPA 1312, as AP sends it: SOH, a header, STX, then lines starting with "^": the first is the
 * slug and version, the second the headline, then editors' notes ("Eds:"), photo references and
 * the byline ("By ...=", then the byline's affiliation). Body paragraphs are the tab-indented
 * lines. ETX is followed by the trailer "AP-WF-mm-dd-yy hhmmGMT", the time of transmission.
 */
export function parseAnpa(text: string): ParsedReport {
  const message = text.slice(Math.max(0, text.indexOf(STX)));
  const lines = message.replace(/\r\n?/g, "\n").split("\n");
  const caretLines: string[] = [];
  const bodyLines: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/^\u0002/, "");
    if (line.startsWith("^")) caretLines.push(cleanWireLine(line.slice(1).replace(/[<=]\s*$/, "")));
    else if (/^\t/.test(line) && !line.includes(ETX)) bodyLines.push(cleanWireLine(line));
  }
  const [slug, headline, ...headerLines] = caretLines;
  if (!headline) reject("the ANPA 1312 message has no headline line (the second line starting with ^)", "empty");

  const notes = headerLines.filter((line) => /^(?:eds?:|editor'?s note|ap photo|ap video|\(eds)/i.test(line));
  const bylineIndex = headerLines.findIndex((line) => /^by\s+\S/i.test(line));
  const byline = bylineIndex >= 0 ? withoutByPrefix(headerLines[bylineIndex] ?? null) : null;
  // the line under "By ..." names the byline's employer ("Associated Press", "AP Sports Writer")
  const affiliation = bylineIndex >= 0 ? (headerLines[bylineIndex + 1] ?? null) : null;
  // without tab-indented lines (tables, agate), the remaining header lines are the text
  const tableLines = headerLines.filter((line, index) => !notes.includes(line) && index !== bylineIndex && index !== bylineIndex + 1);
  const paragraphs = normalizeParagraphs(bodyLines.length > 0 ? bodyLines : tableLines).filter((line) => !/^_{3,}$/.test(line));
  const trailer = /AP-WF-(\d{2})-(\d{2})-(\d{2})\s+(\d{2})(\d{2})\s*GMT/i.exec(text);
  const published = publishedFrom(trailer ? `20${trailer[3]}-${trailer[1]}-${trailer[2]}T${trailer[4]}:${trailer[5]}:00Z` : null);
  const dateline = detectDateline(paragraphs[0]);
  const outlet = agencyOutlet(affiliation) ?? agencyFromDateline(dateline);
  const warnings = [...published.warnings];
  if (!outlet) warnings.push("the ANPA message names no agency");
  const version = /,\s*([^,]*(?:Ld|Writethru|Sub|Adv)[^,]*)/i.exec(slug ?? "")?.[1]?.trim() ?? null;
  return wireReport({ outlet, headline, byline, dateline, published, paragraphs, notes, version, warnings });
}

/**
 * IPTC 7901, as dpa sends it: SOH, a header line ending in the source ("eca0124 3 i 93 dpa 1888"),
 * keywords, STX, a heading block that ends in " =" (keys such as "1ST LEAD" or "EXTRA", the
 * headline, a "By ..." line), then paragraphs separated by blank lines and hard-wrapped, up to
 * the notebook ("# Notebook"), the editors' sign-off and ETX with the time.
 */
export function parseIptc7901(text: string): ParsedReport {
  const unified = text.replace(/\r\n?/g, "\n");
  const headerLine = unified.slice(unified.indexOf(SOH) + 1).split("\n")[0] ?? "";
  const outlet = headerLine.trim().split(/\s+/).slice(1).filter((token) => /^[a-z][a-z-]+$/i.test(token)).pop() ?? null;
  const afterStx = unified.includes(STX) ? unified.slice(unified.indexOf(STX) + 1) : unified;
  const story = afterStx.split(ETX)[0] ?? "";
  const headingEnd = /\s=\s*$/m.exec(story);
  if (!headingEnd) reject("the IPTC 7901 message has no heading block (the lines ending in \" =\")", "malformed");
  const headingLines = story
    .slice(0, headingEnd.index)
    .split("\n")
    .map(cleanWireLine)
    .filter((line) => line.length > 0);
  const bylineLine = headingLines.find((line) => /^by\s+\S/i.test(line)) ?? null;
  // upper-case lines are handling keys ("1ST LEAD", "EXTRA", "URGENT"), not the headline
  const titleLines = headingLines.filter((line) => line !== bylineLine && !/^[\p{Lu}\d\s.-]+$/u.test(line));
  const headline = normalizeInline(titleLines.join(" "));
  if (!headline) reject("the IPTC 7901 heading block has no headline", "empty");

  const bodyText = story.slice(headingEnd.index + headingEnd[0].length).split(/^#\s*notebook\b/im)[0] ?? "";
  const blocks = normalizeParagraphs(bodyText.split(/\n[^\S\n]*\n/).map(cleanWireLine));
  // the last line is often the editors' sign-off: the source and their initials ("dpa grj rmo")
  if (outlet && blocks.length > 1 && new RegExp(`^${escapeRegExp(outlet)}(?:\\s+[a-z]{1,4})+$`, "i").test(blocks[blocks.length - 1] ?? "")) blocks.pop();
  const trailer = /(\d{2})(\d{2})(\d{2})\s+GMT\s+([A-Z][a-z]{2})\s+(\d{2})/.exec(afterStx.split(ETX)[1] ?? "");
  const published = publishedFrom(trailer ? `${trailer[4]} ${trailer[1]} 20${trailer[5]} ${trailer[2]}:${trailer[3]} GMT` : null);
  const warnings = [...published.warnings];
  const byline = withoutByPrefix(bylineLine?.replace(/\s*=\s*$/, "") ?? null);
  return wireReport({
    outlet,
    headline,
    byline,
    dateline: detectDateline(blocks[0]),
    published,
    paragraphs: blocks,
    notes: headingLines.filter((line) => /^[\p{Lu}\d\s.-]+$/u.test(line)),
    version: null,
    warnings,
  });
}

type WireFields = {
  outlet: string | null;
  headline: string;
  byline: string | null;
  dateline: string | null;
  published: ReturnType<typeof publishedFrom>;
  paragraphs: string[];
  notes: string[];
  version: string | null;
  warnings: string[];
};

function wireReport(fields: WireFields): ParsedReport {
  return {
    source: fields.outlet,
    externalId: null,
    sourceVersion: fields.version,
    headline: fields.headline,
    byline: fields.byline,
    dateline: fields.dateline,
    language: null,
    url: null,
    publishedAt: fields.published.publishedAt,
    publishedPrecision: fields.published.publishedPrecision,
    sourceUpdatedAt: null,
    dek: null,
    paragraphs: fields.paragraphs,
    paragraphKinds: plainKinds(fields.paragraphs),
    html: null,
    kind: detectReportKind({ notes: fields.notes, headline: fields.headline, firstParagraph: fields.paragraphs[0] }),
    embargoedUntil: null,
    credit: null,
    warnings: fields.paragraphs.length === 0 ? [...fields.warnings, "the message has no body text: a headline-only item"] : fields.warnings,
  };
}

function cleanWireLine(line: string): string {
  return normalizeInline(line.replace(CONTROL, " "));
}

/** "Associated Press" names an agency; "AP Sports Writer" names a job at one. */
function agencyOutlet(affiliation: string | null): string | null {
  if (!affiliation) return null;
  const text = affiliation.replace(/[=<]\s*$/, "").trim();
  return /\b(?:writer|correspondent|editor|reporter|columnist)\b/i.test(text) ? null : text || null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
