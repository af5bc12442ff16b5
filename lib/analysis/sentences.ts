/**
 * Sentence splitting of a report's canonical text with exact JavaScript string offsets. Uses
 * wink-nlp and the English model that ships inside npm, so nothing is downloaded at run time.
 * Pure: no database, no server or Next imports; a CLI can call it on plain files.
 */
import winkNLP, { type ItemEntity, type ItemSentence, type WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";

export type Sentence = { start: number; end: number; text: string };

/** A token of an analysed sentence, with its offsets in the whole text. */
export type AnalysedToken = { start: number; end: number; value: string };
/** An entity wink recognised (numbers, dates, times, quantities ...), offsets in the whole text. */
export type AnalysedEntity = { start: number; end: number; value: string; type: string };
export type AnalysedSentence = Sentence & { tokens: AnalysedToken[]; entities: AnalysedEntity[] };

let nlp: WinkMethods | null = null;

/** The wink instance, created on first use: loading the model takes a noticeable moment. */
function winkInstance(): WinkMethods {
  // only sentence boundaries and entities (numbers, dates, times) are used; without the
  // part-of-speech, negation and sentiment steps a report is read about 40% faster, and the
  // sentences and entities come out the same
  nlp ??= winkNLP(model, ["sbd", "ner"]);
  return nlp;
}

/** Paragraphs of the text: runs of characters between blank lines, with their start offset. */
function paragraphsOf(text: string): { start: number; text: string }[] {
  const paragraphs: { start: number; text: string }[] = [];
  const breaks = /\n[^\S\n]*\n\s*/g;
  let from = 0;
  for (const match of text.matchAll(breaks)) {
    paragraphs.push({ start: from, text: text.slice(from, match.index) });
    from = match.index + match[0].length;
  }
  paragraphs.push({ start: from, text: text.slice(from) });
  return paragraphs.flatMap(linesOf).filter((paragraph) => paragraph.text.trim().length > 0);
}

// a line that opens with a list mark: a bullet, a dash, or "1." / "a)" before a word
const LIST_ITEM = /^\s*(?:[•▪●◦‣∙·*–—-]|\d{1,2}[.)]|[a-z][.)])\s+\S/u;
// a line that stops mid-phrase: on a possessive, an article, a preposition or a conjunction
const RUNS_ON = /(?:\p{L}['’]s|\b(?:the|a|an|of|in|on|at|to|for|from|with|and|or|but|by|its|their|his|her|near|into|than|as|that|which|who)\b)\s*$/u;
// a line that ends a sentence by itself: closing punctuation, possibly inside quotes or brackets
const LINE_END = /[.!?…]["'”’)\]]*\s*$/u;

/**
 * Lines of a paragraph that stand alone. A line without closing punctuation (a headline, a
 * byline, a masthead, a "LIVE:" title) followed by a line starting with a capital or a digit ends
 * there, so it is never glued to the next sentence. A hard-wrapped paragraph (most lines long and
 * unpunctuated) keeps its lines together: there a line break is only whitespace.
 */
function linesOf(paragraph: { start: number; text: string }): { start: number; text: string }[] {
  const lines: { start: number; text: string }[] = [];
  let from = 0;
  for (const match of paragraph.text.matchAll(/\n/g)) {
    lines.push({ start: paragraph.start + from, text: paragraph.text.slice(from, match.index) });
    from = match.index + 1;
  }
  lines.push({ start: paragraph.start + from, text: paragraph.text.slice(from) });
  if (lines.length < 2) return [paragraph];
  const inner = lines.slice(0, -1);
  const wrapped = inner.filter((line) => line.text.trim().length >= 50 && !LINE_END.test(line.text)).length;
  if (lines.length >= 3 && wrapped * 3 >= inner.length * 2) return [paragraph];
  const out: { start: number; text: string }[] = [];
  let current = lines[0]!;
  for (const line of lines.slice(1)) {
    // a line ending in a colon, comma or dash continues ("the minister said:\n\"We ...\"")
    // a list item always starts its own line: "What we know" above "• 300 people were moved"
    // an indented line under a list item is the item's hanging indent ("- More rain ... until\n  Wednesday.")
    const hanging = LIST_ITEM.test(current.text) && /^[^\S\n]+\S/u.test(line.text);
    // and a line that stops on a word no title ends with ("in the city's\nQasba district", "of the\nInterior
    // Ministry") is a hard-wrapped sentence running on to a name
    const standsAlone =
      current.text.trim().length > 0 &&
      !(hanging && !LIST_ITEM.test(line.text)) &&
      (LIST_ITEM.test(line.text) || (!LINE_END.test(current.text) && !/[:,;–—-]\s*$/u.test(current.text) && !RUNS_ON.test(current.text) && /^\s*[\p{Lu}\d"“(]/u.test(line.text)));
    if (standsAlone) {
      out.push(current);
      current = line;
    } else current = { start: current.start, text: paragraph.text.slice(current.start - paragraph.start, line.start - paragraph.start + line.text.length) };
  }
  out.push(current);
  return out;
}

/**
 * Start offset of every token of a wink document in `text`. wink keeps each token's original
 * value and the whitespace before it, so walking forward with indexOf recovers exact offsets;
 * the search stays anchored near the cursor so a repeated word never jumps ahead.
 */
function tokenOffsets(text: string, values: readonly string[]): number[] {
  const starts: number[] = [];
  let cursor = 0;
  for (const value of values) {
    let at = text.indexOf(value, cursor);
    // a token the tokenizer changed (never seen with this model, but never trust it blindly)
    if (at < 0 || /\S/.test(text.slice(cursor, at))) at = cursor + (text.slice(cursor).length - text.slice(cursor).trimStart().length);
    starts.push(at);
    cursor = Math.min(text.length, at + value.length);
  }
  return starts;
}

/**
 * Sentences with their tokens and wink entities. Each paragraph is read separately, so a
 * sentence never crosses a paragraph break. Offsets index `text` exactly.
 */
export function analyseSentences(text: string): AnalysedSentence[] {
  const its = winkInstance().its;
  const sentences: AnalysedSentence[] = [];
  for (const paragraph of paragraphsOf(text)) {
    const doc = winkInstance().readDoc(paragraph.text);
    const values = doc.tokens().out(its.value) as string[];
    const starts = tokenOffsets(paragraph.text, values);
    const tokenAt = (index: number): AnalysedToken => {
      const start = paragraph.start + starts[index]!;
      return { start, end: start + values[index]!.length, value: values[index]! };
    };
    const entities: AnalysedEntity[] = [];
    doc.entities().each((entity: ItemEntity) => {
      const [first, last] = spanOf(entity.out(its.span));
      const start = tokenAt(first).start;
      const end = tokenAt(last).end;
      entities.push({ start, end, value: text.slice(start, end), type: entity.out(its.type) });
    });
    const pieces: AnalysedToken[][] = [];
    doc.sentences().each((sentence: ItemSentence) => {
      const [first, last] = spanOf(sentence.out(its.span));
      const tokens: AnalysedToken[] = [];
      for (let i = first; i <= last; i++) {
        // a single line break inside a paragraph is whitespace, never part of a sentence
        if (values[i]!.trim()) tokens.push(tokenAt(i));
      }
      const previous = pieces[pieces.length - 1];
      if (previous && tokens.length > 0 && continuesSentence(text, previous, tokens)) previous.push(...tokens);
      else if (tokens.length > 0) pieces.push(tokens);
    });
    for (const tokens of pieces) {
      dropListMark(text, tokens);
      const start = tokens[0]!.start;
      const end = tokens[tokens.length - 1]!.end;
      // wink may read a list number ("1.") as a sentence of its own: it is only the item's mark
      if (/^(?:\d{1,2}|[a-z])[.)]$|^[•▪●◦‣∙·*–—-]$/u.test(text.slice(start, end))) continue;
      sentences.push({ start, end, text: text.slice(start, end), tokens, entities: entities.filter((e) => e.start >= start && e.end <= end) });
    }
  }
  return sentences;
}

const LIST_SYMBOL = /^[•▪●◦‣∙·*–—-]$/u;
const LIST_NUMBER = /^(?:\d{1,2}|[a-z])[.)]$/u;

/**
 * A list mark at the start of a line ("• ", "- ", "1. ", "a) ") is layout, not part of the
 * sentence after it: a claim taken from a bullet starts at its first word. The text itself keeps
 * the mark, so offsets still index it exactly.
 */
function dropListMark(text: string, tokens: AnalysedToken[]): void {
  const first = tokens[0];
  if (!first || tokens.length < 3) return;
  const atLineStart = first.start === 0 || /\n[^\S\n]*$/u.test(text.slice(Math.max(0, first.start - 8), first.start));
  if (!atLineStart) return;
  if (LIST_SYMBOL.test(first.value) || LIST_NUMBER.test(first.value)) {
    tokens.shift();
    return;
  }
  // a number and its stop as two tokens ("1" "."), followed by a space
  const stop = tokens[1]!;
  if (/^\d{1,2}$/u.test(first.value) && /^[.)]$/u.test(stop.value) && stop.start === first.end && /\s/u.test(text.charAt(stop.end))) tokens.splice(0, 2);
}

/** First and last token index of a wink span. */
function spanOf(span: number[] | string): [number, number] {
  if (!Array.isArray(span) || span.length !== 2) throw new Error("wink returned a span without token indexes");
  return [span[0]!, span[1]!];
}

// titles wink's model does not know as abbreviations ("Maj. Gen. Osrek"); the next word is a name
const TITLE_BEFORE_NAME = /(?:^|[\s(])(?:Maj|Gen|Brig|Col|Lt|Capt|Cmdr|Cdr|Adm|Sgt|Cpl|Pvt|Gov|Sen|Rep|Pres|Prof|Dr|Mr|Mrs|Ms|Mt|St|Ft|Rev|Hon|No|Nos|Vol|Art|approx)\.$/;
const MONTH_BEFORE_DAY = /(?:^|[\s(])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$/;

/**
 * Whether wink split one sentence in two: at a title abbreviation before a name, at a month
 * abbreviation before a day, or at a full stop with no space after it ("4.20pm").
 */
function continuesSentence(text: string, previous: readonly AnalysedToken[], next: readonly AnalysedToken[]): boolean {
  const last = previous[previous.length - 1]!;
  const first = next[0]!;
  if (first.start === last.end) return true;
  const tail = text.slice(Math.max(0, last.end - 8), last.end);
  if (TITLE_BEFORE_NAME.test(tail)) return /^[\p{Lu}\d]/u.test(first.value);
  if (MONTH_BEFORE_DAY.test(tail)) return /^\d/.test(first.value);
  return false;
}

/** Splits canonical report text (paragraphs separated by "\n\n") into sentences with exact offsets. */
export function splitSentences(text: string): Sentence[] {
  return analyseSentences(text).map(({ start, end, text: sentence }) => ({ start, end, text: sentence }));
}
