import { reject } from "./parse-failure";
import { detectReportKind } from "./report-kind";
import {
  agencyFromDateline,
  detectDateline,
  fileStem,
  normalizeInline,
  normalizeLineEndings,
  normalizeParagraphs,
  parseTimestamp,
  publishedFrom,
  withoutByPrefix,
} from "./text-normalize";
import { type ParagraphKind, type ParsedReport } from "./types";

/** A run of lines between blank lines; headings are kept apart so they can become the headline. */
type TextBlock = { lines: string[]; isHeading: boolean; isListItem?: boolean };

const HEADLINE_MAX = 200;
const BYLINE = /^by\s+\S/i;

/**
 * A plain-text report as desks paste it. Paragraphs end at a blank line, or at a single line
 * break unless the lines are hard-wrapped (then they are joined). The first line is the headline
 * unless it is a section label ("WORLD", "Politics |"); "By ..."/"Author: ..." lines are the
 * byline; the outlet comes from a "By X | Outlet" line, an agency dateline "CITY (Agency) –" or
 * a publisher's footer; a credit ("Agency reported", "with reporting by Agency") is recorded as
 * a credit, not the outlet; a date in the text is the publication day. Every word of the body
 * stays in the paragraphs as written. A field not found is null, with a warning: the file name
 * is never the headline. A standfirst between the headline and a byline, date line or agency
 * dateline is the dek; bullets and sub-heads stay paragraphs, marked by kind.
 */
export function parsePlainText(text: string, _fileName: string): ParsedReport {
  const lines = normalizeLineEndings(text).split("\n");
  const paragraphs = plainParagraphs(lines);
  const warnings: string[] = [];

  // a masthead line above everything ("Ak-Buura News"): a short name ending as outlets' names
  // do, above another unpunctuated line
  let outletFromMasthead: string | null = null;
  if (paragraphs.length > 2 && OUTLET_NAME.test(paragraphs[0]!) && !/[.!?:]$/.test(paragraphs[1]!)) outletFromMasthead = paragraphs.shift()!;
  // section labels above the headline are not the headline; nor is a one- or two-word label
  // ("World") above a longer unpunctuated line
  while (paragraphs.length > 1 && (isSectionLabel(paragraphs[0]!) || (paragraphs.length > 2 && /^\p{Lu}[\p{L}&-]*(?:\s\p{Lu}?[\p{L}&-]*)?$/u.test(paragraphs[0]!) && paragraphs[1]!.split(" ").length >= 4 && !/[.,;:]$/.test(paragraphs[1]!)))) paragraphs.shift();
  let headline: string | null = null;
  const first = paragraphs[0];
  const second = paragraphs[1];
  if (first && second !== undefined && first.length < HEADLINE_MAX && !/[.,;:]$/.test(first) && !BYLINE_LINE.test(first)) {
    headline = first;
    paragraphs.shift();
  }

  // the first line under the headline: a dek when a byline, date line or dateline comes after it
  const lead = headline ? paragraphs[0] : undefined;
  let metaAfterLead = false;
  let byline: string | null = null;
  let outlet: string | null = outletFromMasthead;
  // the lines between the headline and the story: dek, byline, date lines
  for (let index = 0; index < Math.min(3, paragraphs.length); index += 1) {
    const line = paragraphs[index]!;
    const by = BYLINE_LINE.exec(line);
    if (!by?.[1]) continue;
    const [names, publication] = by[1].split(/\s+[|•·]\s+/);
    byline = normalizeInline(names ?? "") || null;
    outlet = publication ? normalizeInline(publication) : null;
    paragraphs.splice(index, 1);
    metaAfterLead ||= index > 0;
    break;
  }
  // a masthead line: "Eurasia 24 Live | Last updated 13:20 GMT, 17 March", "The Dispatch | World |
  // March 18, 2026": a name, then sections and a date or an update stamp
  if (!outlet) {
    for (let index = 0; index < Math.min(3, paragraphs.length); index += 1) {
      const masthead = mastheadOutlet(paragraphs[index]!);
      if (!masthead) continue;
      outlet = masthead.outlet;
      paragraphs.splice(index, 1);
      metaAfterLead ||= index > 0;
      if (masthead.date) paragraphs.splice(index, 0, masthead.date);
      break;
    }
  }
  // a line that is only a date ("December 3rd, 2031") is the report's date, not its text
  const dateLineIndex = paragraphs.slice(0, 3).findIndex((line) => dateInText(line) !== null && line.replace(DATE_IN_TEXT, "").replace(/[\s,.|–—-]|updated|published|posted/gi, "").length === 0);
  const dateLine = dateLineIndex >= 0 ? paragraphs.splice(dateLineIndex, 1)[0]! : null;
  metaAfterLead ||= dateLineIndex > 0;
  const dek = lead !== undefined && paragraphs[0] === lead && paragraphs.length > 1 && isDek(lead, metaAfterLead, paragraphs[1]!) ? paragraphs.shift()! : null;
  if (paragraphs.length === 0) reject("empty body", "empty");

  const dateline = detectDateline(paragraphs[0]) ?? detectDateline(paragraphs[1]);
  const datelineAgency = agencyFromDateline(dateline);
  const footer = publisherFooter(paragraphs[paragraphs.length - 1]);
  // the paper that published the text is its outlet; an agency in its dateline is then a credit
  outlet ??= footer?.outlet ?? datelineAgency;
  const credit = creditIn(paragraphs) ?? (datelineAgency && datelineAgency !== outlet ? datelineAgency : null);
  const dateText = (dateLine && dateInText(dateLine)) ?? footer?.date ?? paragraphs.slice(0, 3).map(dateInText).find((date) => date !== null) ?? null;
  const published = dateText ? publishedFrom(dateText) : null;

  if (!headline) warnings.push("no headline line found (the first line runs into the text)");
  if (!byline) warnings.push("no byline found");
  if (!outlet) warnings.push("no outlet found (no agency dateline, \"By X | Outlet\" line or publisher footer)");
  if (!published?.publishedAt) warnings.push("no publication date found in the text");
  else warnings.push(...published.warnings);
  return {
    source: outlet,
    externalId: null,
    sourceVersion: null,
    headline: headline ?? "",
    byline,
    dateline,
    language: null,
    url: null,
    publishedAt: published?.publishedAt ?? null,
    publishedPrecision: published?.publishedPrecision ?? "instant",
    sourceUpdatedAt: null,
    dek,
    paragraphs,
    paragraphKinds: plainTextKinds(paragraphs),
    html: null,
    kind: detectReportKind({ headline, firstParagraph: paragraphs[0] }),
    embargoedUntil: null,
    credit,
    warnings,
  };
}

const BULLET = /^\s*(?:[-*•–]|\d{1,2}[.)])\s+\S/;

/**
 * A standfirst: one short line of prose under the headline, with a byline, date line or
 * masthead after it, or the dateline that opens the story right after it. Without either
 * sign it cannot be told from a first paragraph and stays in the body (no words are lost).
 */
function isDek(line: string, metaAfter: boolean, next: string): boolean {
  if (line.length > 300 || BULLET.test(line) || detectDateline(line) !== null || BYLINE_LINE.test(line)) return false;
  return metaAfter || detectDateline(next) !== null;
}

/**
 * Bullets ("• ", "- ", "* ", "– ", "1. ", "1) ") and sub-heads: a short line between paragraphs
 * that starts with a capital and ends without punctuation ("Roads closed", "What happens next").
 */
function plainTextKinds(paragraphs: readonly string[]): ParagraphKind[] {
  return paragraphs.map((paragraph, index) => {
    if (BULLET.test(paragraph)) return "bullet";
    const next = paragraphs[index + 1];
    const isSubhead =
      index > 0 &&
      next !== undefined &&
      paragraph.length <= 80 &&
      paragraph.split(" ").length <= 10 &&
      /^[\p{Lu}\d]/u.test(paragraph) &&
      !/[.!?,;:"”’)…]$/.test(paragraph) &&
      dateInText(paragraph) === null &&
      next.split(" ").length > paragraph.split(" ").length;
    return isSubhead ? "subhead" : "paragraph";
  });
}

// A line ending in one of these words stops mid-sentence: it wraps into the next.
const DANGLING_WORD = /\b(?:a|an|the|of|at|to|in|on|for|with|and|or|but|by|from|as|that|its|their)$/i;

// "By Ilse Marrow and Tomas Quell", "Author: Petra Lind", "By Anouk Verhal | Kestrel Press"
const BYLINE_LINE = /^(?:by|author|authors|written by|reporting by)\s*:?\s+(\S.{0,150})$/i;

/**
 * Paragraphs of pasted text. A blank line always ends a paragraph. Inside a run of lines, a
 * line that fills most of the run's width and does not end a sentence is hard-wrapped and
 * joins the next; any other line break ends the paragraph. Bullets are paragraphs of their own.
 */
function plainParagraphs(lines: string[]): string[] {
  const paragraphs: string[] = [];
  let run: string[] = [];
  const flushRun = () => {
    const width = Math.max(0, ...run.map((line) => line.length));
    let current = "";
    run.forEach((line, index) => {
      const isBullet = /^\s*(?:[-*•–]|\d{1,2}[.)])\s+\S/.test(line);
      if (isBullet && current) {
        paragraphs.push(current);
        current = "";
      }
      current = current ? `${current} ${line.trim()}` : line.trim();
      const next = run[index + 1];
      // a wrapped line fills the run's width, or the next line carries on mid-sentence
      const endsSentence = /[.!?:"”’)]$/.test(line.trim());
      // (a line that opens with a date, "17.03.2026 13:40 | Osh", is a date line of its own)
      const continues = next !== undefined && (/^\s*[\p{Ll}\d(“"']/u.test(next) || DANGLING_WORD.test(line)) && !/^\s*(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})\b/.test(next);
      const wraps = !endsSentence && ((line.length >= 60 && line.length >= width * 0.7) || continues);
      const nextIsBullet = next !== undefined && /^\s*(?:[-*•–]|\d{1,2}[.)])\s+\S/.test(next);
      // a byline line starts a line of its own, however long the line above it
      const nextIsByline = next !== undefined && BYLINE_LINE.test(next.trim());
      if (!wraps || nextIsBullet || nextIsByline) {
        paragraphs.push(current);
        current = "";
      }
    });
    if (current) paragraphs.push(current);
    run = [];
  };
  for (const line of lines) {
    if (line.trim().length === 0) flushRun();
    else run.push(line.replace(/\s+$/, ""));
  }
  flushRun();
  return normalizeParagraphs(paragraphs);
}

// "Ak-Buura News", "The Harrowgate Herald", "Kestrel Daily": a name of up to five words whose last
// word is one outlets' names end with
const OUTLET_NAME = /^(?:the\s+)?\p{Lu}[\p{L}\d&'’.-]*(?:\s+\p{Lu}[\p{L}\d&'’.-]*){0,3}\s+(?:News|Times|Daily|Herald|Post|Press|Agency|Wire|Gazette|Journal|Tribune|Courier|Chronicle|Info|Online|Today|Telegraph|Observer|Express|Mail|Standard|Review|Monitor|Radio|TV)$/u;

/** "WORLD", "Middle East | Politics", "BREAKING NEWS", "Section: Region": a label, not a headline. */
function isSectionLabel(line: string): boolean {
  if (line.split(" ").length > 4) return false;
  return /^[\p{Lu}\d\s&/|-]+$/u.test(line) || /\s[|>»/]\s|\s[|>»]$/.test(line) || /^(?:section|category|topic)\s*:/i.test(line);
}

const MONTHS = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
// ISO dates and times; "December 1st, 2026"; "1 Dec 2026"
const DATE_IN_TEXT = new RegExp(
  [
    "\\b(\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?(?:Z|[+-]\\d{2}:?\\d{2})?)?)\\b",
    `\\b(${MONTHS}\\s+\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`,
    `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTHS})\\s+(\\d{4})\\b`,
    // "17.03.2026": day, month, year with dots, as European outlets write it
    "\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b",
  ].join("|"),
  "i",
);

/** The first date the text states, as text `readTimestamp` understands, or null. */
function dateInText(text: string): string | null {
  const match = DATE_IN_TEXT.exec(text);
  if (!match) return null;
  if (match[1]) return match[1];
  if (match[2] && match[3]) return `${match[2]} ${match[3]}`;
  if (match[4] && match[5] && match[6]) return `${match[4]} ${match[5]} ${match[6]}`;
  if (match[7] && match[8] && match[9]) {
    const [day, month] = [Number(match[7]), Number(match[8])];
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) return `${match[9]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  }
  return null;
}

/** "© 2031 Varesh Chronicle", "Published by the Harrowgate Herald on 3 December 2031". */
function publisherFooter(line: string | undefined): { outlet: string | null; date: string | null } | null {
  if (!line || line.length > 160) return null;
  const match =
    /^(?:©|\(c\)|copyright)\s*(?:\d{4}\s+)?(?:by\s+)?(?:the\s+)?([^,.;]+?)(?:[,.;].*)?$/i.exec(line) ??
    /^(?:published|first published|this (?:article|story) (?:was )?(?:first )?(?:published|appeared))\s+(?:by|in)\s+(?:the\s+)?(.+?)(?:\s+on\s+.+)?\.?$/i.exec(line);
  if (!match?.[1]) return null;
  // "Published in The Ferghana Herald, March 18th, 2026": the name stops where the date starts
  const name = match[1].replace(/,?\s*(?:on\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b.*$/i, "").replace(/[\s,;]*\d{4}$/, "");
  return { outlet: normalizeInline(name.replace(/^the\s+/i, "")) || null, date: dateInText(line) };
}

/**
 * "Outlet | Section | March 18, 2026", "Outlet | Last updated 13:20 GMT, 17 March": the name
 * before the first bar when a later part is a date, a time or an update stamp (so "Middle East |
 * Politics" is not one). Returns the date part, kept as the report's date line.
 */
function mastheadOutlet(line: string): { outlet: string; date: string | null } | null {
  const parts = line.split(/\s+[|•·]\s+/);
  if (parts.length < 2 || line.length > 160) return null;
  const [name, ...rest] = parts;
  const stamp = rest.find((part) => dateInText(part) !== null || /\b(?:updated|published|posted)\b|\b\d{1,2}[:.]\d{2}\b/i.test(part));
  if (!stamp || !name || !/^(?:the\s+)?\p{Lu}[\p{L}\d&'’.-]*(?:\s+[\p{Lu}\d][\p{L}\d&'’.-]*){0,4}$/u.test(name.trim())) return null;
  return { outlet: normalizeInline(name.replace(/^the\s+/i, "")), date: dateInText(stamp) ? stamp : null };
}

// "Orrin News Agency reported", "— with reporting by Orrin News Agency", "(Reporting by ...)"
const CREDIT = /(?:\b(?:with|additional)\s+reporting\s+by|\(reporting\s+by)\s+([^.;)]+)|\b((?:the\s+)?\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*){0,4})\s+(?:news\s+agency\s+)?reported\b/u;

/** The agency the text credits for its facts, or null. */
function creditIn(paragraphs: string[]): string | null {
  for (const paragraph of paragraphs) {
    const match = CREDIT.exec(paragraph);
    const name = normalizeInline(match?.[1] ?? match?.[2] ?? "").replace(/^the\s+/i, "");
    if (name) return name;
  }
  return null;
}

/**
 * A Markdown report reduced to text: headings, emphasis, code marks and link targets go, link
 * text stays; a leading heading is the headline; list items become paragraphs. YAML front
 * matter may give title, author, date and source.
 */
export function parseMarkdown(text: string, fileName: string): ParsedReport {
  const { body, frontMatter } = splitFrontMatter(normalizeLineEndings(text));
  const blocks: TextBlock[] = [];
  let current: string[] = [];
  let inFence = false;
  let currentIsListItem = false;
  const endBlock = () => {
    if (current.length > 0) blocks.push({ lines: current, isHeading: false, isListItem: currentIsListItem });
    current = [];
    currentIsListItem = false;
  };
  const lines = body.split("\n");
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (/^\s*(```|~~~)/.test(line)) {
      endBlock();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      current.push(line);
      continue;
    }
    if (/^\s*$/.test(line) || /^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line) || /^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) {
      // blank line, horizontal rule, or link reference definition
      endBlock();
      continue;
    }
    const atxHeading = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    const setextUnderline = lines[index + 1] !== undefined && /^\s{0,3}(=+|-+)\s*$/.test(lines[index + 1]!) && current.length === 0;
    if (atxHeading || setextUnderline) {
      endBlock();
      blocks.push({ lines: [stripInlineMarkdown(atxHeading ? (atxHeading[1] ?? "") : line)], isHeading: true });
      if (setextUnderline) index += 1;
      continue;
    }
    const unquoted = line.replace(/^\s{0,3}(?:>\s?)+/, "");
    const listItem = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$/.exec(unquoted);
    if (listItem) {
      // each list item is its own paragraph: items are separate statements
      endBlock();
      currentIsListItem = true;
      current.push(stripInlineMarkdown(listItem[1] ?? ""));
      continue;
    }
    current.push(stripInlineMarkdown(unquoted));
  }
  endBlock();
  return reportFromBlocks(blocks, fileName, frontMatter);
}

type FrontMatter = { title?: string; author?: string; date?: string; source?: string };

function reportFromBlocks(blocks: TextBlock[], fileName: string, frontMatter: FrontMatter): ParsedReport {
  let headline = frontMatter.title ? normalizeInline(frontMatter.title) : null;
  const first = blocks[0];
  if (!headline && first) {
    const firstLine = normalizeInline(first.lines[0] ?? "");
    const nextLine = first.lines[1] ?? blocks[1]?.lines[0];
    const standsAlone = first.lines.length === 1 && blocks.length > 1;
    const introducesBody = nextLine !== undefined && (BYLINE.test(nextLine.trim()) || detectDateline(nextLine.trim()) !== null);
    // A first line that runs straight into more text without a byline or dateline is more
    // likely a wrapped sentence than a headline; keeping it in the body never loses words.
    if (first.isHeading || (firstLine.length > 0 && firstLine.length < HEADLINE_MAX && (standsAlone || introducesBody))) {
      headline = firstLine;
      first.lines.shift();
      if (first.lines.length === 0) blocks.shift();
    }
  }

  let byline = frontMatter.author ? normalizeInline(frontMatter.author) : null;
  const bylineBlock = blocks[0];
  const candidate = normalizeInline(bylineBlock?.lines[0] ?? "");
  if (!byline && bylineBlock && BYLINE.test(candidate) && candidate.length < HEADLINE_MAX) {
    byline = withoutByPrefix(candidate);
    bylineBlock.lines.shift();
    if (bylineBlock.lines.length === 0) blocks.shift();
  }

  // a block whose text normalizes away is no paragraph: kinds follow the blocks that remain
  const kept = blocks.map((block) => ({ block, text: normalizeParagraphs([block.lines.join(" ")])[0] })).filter((entry) => entry.text !== undefined);
  const paragraphs = kept.map((entry) => entry.text!);
  const paragraphKinds: ParagraphKind[] = kept.map(({ block }) => (block.isHeading ? "subhead" : block.isListItem ? "bullet" : "paragraph"));
  if (paragraphs.length === 0) reject("empty body");
  return {
    source: frontMatter.source ? normalizeInline(frontMatter.source) || null : null,
    externalId: null,
    sourceVersion: null,
    headline: headline || normalizeInline(fileStem(fileName)) || "Untitled report",
    byline,
    dateline: detectDateline(paragraphs[0]),
    language: null,
    url: null,
    publishedAt: parseTimestamp(frontMatter.date),
    publishedPrecision: "instant",
    sourceUpdatedAt: null,
    dek: null,
    paragraphs,
    paragraphKinds,
    html: null,
    kind: "text",
    embargoedUntil: null,
    credit: null,
    warnings: [],
  };
}

function splitFrontMatter(text: string): { body: string; frontMatter: FrontMatter } {
  const match = /^---\n([\s\S]*?)\n---[^\S\n]*(?:\n|$)/.exec(text.replace(/^\uFEFF/, ""));
  if (!match) return { body: text, frontMatter: {} };
  const frontMatter: FrontMatter = {};
  for (const line of (match[1] ?? "").split("\n")) {
    const field = /^(title|author|byline|date|source)\s*:\s*(.+?)\s*$/i.exec(line);
    if (!field?.[1] || !field[2]) continue;
    const value = field[2].replace(/^(["'])(.*)\1$/, "$2");
    const key = field[1].toLowerCase();
    if (key === "title") frontMatter.title = value;
    else if (key === "author" || key === "byline") frontMatter.author = value;
    else if (key === "date") frontMatter.date = value;
    else frontMatter.source = value;
  }
  return { body: text.slice(match[0].length), frontMatter };
}

/** Markdown inline syntax removed, keeping the words a reader sees. */
export function stripInlineMarkdown(line: string): string {
  // escaped characters ("\\*") are parked in private-use code points so that no emphasis or
  // link rule sees them, and restored as the plain character at the end
  const parked = line.replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, (_, character: string) => `\uE000${character.charCodeAt(0)}\uE001`);
  return (
    parked
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "") // images carry no report text
      .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1") // [text](url)
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1") // [text][ref]
      .replace(/<(https?:\/\/[^>\s]+)>/g, "$1") // <https://autolink>
      .replace(/<\/?[A-Za-z][^>]*>/g, "") // inline HTML tags
      .replace(/`+([^`]+)`+/g, "$1")
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
      .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]*?\S)\*/gu, "$1$2")
      // underscores inside words (snake_case, file_names) are not emphasis
      .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}])/gu, "$1$2")
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, "$1")
      .replace(/\uE000(\d+)\uE001/g, (_, code: string) => String.fromCharCode(Number(code)))
  );
}
