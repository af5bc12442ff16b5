import { reject } from "./parse-failure";
import {
  detectDateline,
  fileStem,
  normalizeInline,
  normalizeLineEndings,
  normalizeParagraphs,
  parseTimestamp,
  withoutByPrefix,
} from "./text-normalize";
import { type ParsedReport } from "./types";

/** A run of lines between blank lines; headings are kept apart so they can become the headline. */
type TextBlock = { lines: string[]; isHeading: boolean };

const HEADLINE_MAX = 200;
const BYLINE = /^by\s+\S/i;

/**
 * A plain-text report: blank lines separate paragraphs; a short first line standing on its own
 * (or followed by a "By ..." line or a dateline) is the headline, otherwise the file name is;
 * a leading "By ..." line is the byline. A dateline is detected but stays in the text.
 */
export function parsePlainText(text: string, fileName: string): ParsedReport {
  const blocks = splitBlocks(normalizeLineEndings(text).split("\n"));
  return reportFromBlocks(blocks, fileName, {});
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
  const endBlock = () => {
    if (current.length > 0) blocks.push({ lines: current, isHeading: false });
    current = [];
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

  const paragraphs = normalizeParagraphs(blocks.map((block) => block.lines.join(" ")));
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
    paragraphs,
    html: null,
    kind: "text",
    embargoedUntil: null,
    credit: null,
    warnings: [],
  };
}

function splitBlocks(lines: string[]): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim().length === 0) {
      if (current.length > 0) blocks.push({ lines: current, isHeading: false });
      current = [];
    } else {
      current.push(line.trim());
    }
  }
  if (current.length > 0) blocks.push({ lines: current, isHeading: false });
  return blocks;
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
