/**
 * Canonical text rules shared by every format. Claim anchors index into the paragraphs these
 * produce, so the rules must be deterministic and the same whatever the file format was.
 */

// C0/C1 control characters other than whitespace, zero-width space, word joiner and BOM:
// invisible, they break anchoring and search ("Var\u200Besh"), and PostgreSQL rejects NUL in
// text. ZWJ/ZWNJ stay: emoji sequences and Persian or Indic spelling need them.
const INVISIBLE_CHARACTERS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u200B\u2060\uFEFF]/g;

/** NFC, no control characters, whitespace runs collapsed to one space, trimmed. */
export function normalizeInline(text: string): string {
  return text
    .toWellFormed()
    .normalize("NFC")
    .replace(INVISIBLE_CHARACTERS, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Normalizes each paragraph and drops the ones left empty. */
export function normalizeParagraphs(paragraphs: readonly string[]): string[] {
  return paragraphs.map(normalizeInline).filter((paragraph) => paragraph.length > 0);
}

/** A metadata value as text, or null when it is missing, not a string/number, or blank. */
export function optionalText(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return null;
  const text = normalizeInline(value);
  return text.length > 0 ? text : null;
}

/** Unix and old Mac line endings become "\n" so paragraph splitting sees one convention. */
export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/**
 * Paragraphs of plain text: blank lines separate paragraphs, single newlines are soft wraps.
 * With `lineBreaksSeparate`, a text without any blank line is split on every newline instead,
 * because wire bodies in JSON usually put one paragraph per line.
 */
export function splitPlainParagraphs(text: string, options: { lineBreaksSeparate?: boolean } = {}): string[] {
  const unified = normalizeLineEndings(text);
  const blankLine = /\n[^\S\n]*\n/;
  const parts = options.lineBreaksSeparate && !blankLine.test(unified.trim()) ? unified.split("\n") : unified.split(blankLine);
  return normalizeParagraphs(parts);
}

/** A point in time as a source gave it: whether it had a time of day, and whether it had a zone. */
export type Timestamp = { date: Date; dateOnly: boolean; zoneless: boolean };

// ISO 8601 in extended ("2024-12-03T10:15:00+01:00") or basic form ("20241203T101500+0100", as
// NITF and IPTC 7901 write it), with optional seconds, fraction and zone.
const ISO_TIMESTAMP =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2}))?(?:[.,](\d{1,9}))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
// RFC 822/1123 as RSS writes it ("Tue, 03 Dec 2024 10:15:00 GMT"): a zone is a word or an offset
const RFC_822_ZONE = /(?:\b(?:GMT|UTC|UT|Z|[ECMP][SD]T)|[+-]\d{4})\s*$/i;

/**
 * A timestamp from ISO 8601 (ninjs, NewsML-G2, NITF, Atom) or RFC 822 (RSS); null when
 * unparseable. The one rule for a time without a zone: it is read as UTC and marked `zoneless`
 * so the caller can warn. The server's own time zone never enters (Date would use it).
 */
export function readTimestamp(value: unknown): Timestamp | null {
  const text = optionalText(value);
  if (!text) return null;
  const iso = ISO_TIMESTAMP.exec(text);
  let date: Date;
  let dateOnly = false;
  let zoneless = false;
  if (iso) {
    const [, year, month, day, hour, minute, second, fraction, zone] = iso;
    dateOnly = hour === undefined;
    zoneless = !dateOnly && zone === undefined;
    const milliseconds = Math.round(Number(`0.${fraction ?? "0"}`) * 1000);
    const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), milliseconds);
    date = new Date(utc - zoneOffsetMinutes(zone) * 60_000);
    // Date.UTC rolls "2024-02-31" over into March: an impossible date is no date
    if (new Date(utc).getUTCDate() !== Number(day)) return null;
  } else {
    if (!/[a-z]/i.test(text) || !/\d{1,2}:\d{2}|\d{4}/.test(text)) return null;
    zoneless = /\d{1,2}:\d{2}/.test(text) && !RFC_822_ZONE.test(text);
    dateOnly = !/\d{1,2}:\d{2}/.test(text);
    date = new Date(zoneless || dateOnly ? `${text} UTC` : text);
  }
  if (Number.isNaN(date.getTime())) return null;
  const year = date.getUTCFullYear();
  return year >= 1900 && year <= 2200 ? { date, dateOnly, zoneless } : null;
}

function zoneOffsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === "Z") return 0;
  const digits = zone.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0);
  return zone.startsWith("-") ? -minutes : minutes;
}

/** A timestamp as a Date (see readTimestamp for the rules), or null. */
export function parseTimestamp(value: unknown): Date | null {
  return readTimestamp(value)?.date ?? null;
}

/** The report fields for its publication time: the first candidate that reads, with any warning. */
export function publishedFrom(...candidates: unknown[]): { publishedAt: Date | null; publishedPrecision: "instant" | "date"; warnings: string[] } {
  for (const candidate of candidates) {
    const timestamp = readTimestamp(candidate);
    if (!timestamp) continue;
    const warnings = timestamp.zoneless ? [`the publication time "${optionalText(candidate)}" has no time zone; read as UTC`] : [];
    return { publishedAt: timestamp.date, publishedPrecision: timestamp.dateOnly ? "date" : "instant", warnings };
  }
  return { publishedAt: null, publishedPrecision: "instant", warnings: ["no publication time found"] };
}

/** The value as an absolute http(s) URL, or null: the domain schema accepts no other links. */
export function httpUrl(value: unknown): string | null {
  const text = optionalText(value);
  if (!text) return null;
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** A BCP 47-looking language tag ("en", "pt-BR"), or null. */
export function languageTag(value: unknown): string | null {
  const text = optionalText(value);
  if (!text) return null;
  return /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/.test(text) ? text.replace(/_/g, "-") : null;
}

// "VARESH, Dec 3 (Agency) —", "NORTH VARESH (Agency) -", "VARESH, Karanor, Dec. 3 --",
// "VARESH, 3 December 2031 / Agency / -": an upper-case place, optional region and date (either
// order, optional year), optional agency in brackets or between slashes, then a dash.
const DATELINE =
  /^(\p{Lu}[\p{Lu}\p{M}'’.\- ]{1,40}?(?:,\s*\p{Lu}[\p{L}\p{M}.' ]{1,30}?)?(?:,\s*(?:\p{L}{3,9}\.?\s+\d{1,2}|\d{1,2}\s+\p{L}{3,9}\.?)(?:,?\s+\d{4})?)?(?:\s*\([^()]{1,40}\)|\s*\/\s*[^/\n]{2,40}?\s*\/)?)\s*(?:—|–|--?)\s/u;

/**
 * The dateline at the start of a paragraph ("VARESH, Dec 3 (Agency)"), or null. The text itself
 * keeps the dateline: claims may quote it and anchors must match the original words.
 */
export function detectDateline(paragraph: string | undefined): string | null {
  if (!paragraph) return null;
  const match = DATELINE.exec(paragraph);
  const dateline = match?.[1]?.trim();
  // the place must really be upper case ("VARESH"), not a sentence that starts "A –"
  if (!dateline || !/^\p{Lu}{2}/u.test(dateline.replace(/[^\p{L}]/gu, ""))) return null;
  return dateline;
}

/** The agency a dateline credits ("VARESH, Dec 3 (Tessaly Wire)" → "Tessaly Wire"), or null. */
export function agencyFromDateline(dateline: string | null): string | null {
  const agency = (/\(([^()]{2,40})\)\s*$/.exec(dateline ?? "") ?? /\/\s*([^/]{2,40}?)\s*\/\s*$/.exec(dateline ?? ""))?.[1]?.trim();
  // "(Reuters)", "(AP)", "(dpa)"; not a date or a place in parentheses
  return agency && !/\d/.test(agency) ? agency : null;
}

/** A headline for an item that has none: the first sentence of its first paragraph, shortened. */
export function headlineFromBody(paragraphs: readonly string[]): string {
  const first = paragraphs[0] ?? "";
  const sentence = /^.{20,}?[.!?](?=\s|$)/u.exec(first)?.[0] ?? first;
  return shortenAtWord(sentence, 160);
}

/** Cuts text to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function shortenAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** "C:\\fakepath\\rebels-take-crossing.final.txt" → "rebels-take-crossing.final". */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}

/** The lower-case extension without the dot ("html"), or "" when there is none. */
export function fileExtension(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/** "By Jane Doe" → "Jane Doe"; null when nothing is left. */
export function withoutByPrefix(byline: string | null): string | null {
  if (!byline) return null;
  const stripped = byline.replace(/^by\s+/i, "").trim();
  return stripped.length > 0 ? stripped : null;
}
