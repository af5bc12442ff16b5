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

/** A timestamp from ISO 8601 (ninjs, NewsML-G2, Atom) or RFC 822 (RSS); null when unparseable. */
export function parseTimestamp(value: unknown): Date | null {
  const text = optionalText(value);
  if (!text) return null;
  // A bare date ("2024-12-03") is read as UTC midnight by Date; anything else Date cannot read
  // (including "Tuesday morning") stays null rather than guessing.
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return null;
  const year = date.getUTCFullYear();
  return year >= 1900 && year <= 2200 ? date : null;
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

// "VARESH, Dec 3 (Agency) —", "NORTH VARESH (Agency) -", "VARESH, Karanor, Dec. 3 --":
// an upper-case place, optional region and date, optional agency, then a dash.
const DATELINE =
  /^(\p{Lu}[\p{Lu}\p{M}'’.\- ]{1,40}?(?:,\s*\p{Lu}[\p{L}\p{M}.' ]{1,30}?)?(?:,\s*\p{L}{3,9}\.?\s+\d{1,2})?(?:\s*\([^()]{1,40}\))?)\s*(?:—|–|--?)\s/u;

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
