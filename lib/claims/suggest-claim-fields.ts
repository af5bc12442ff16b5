/**
 * Prefills the tag-claim form from the selected span: the sentence around it, who the sentence
 * attributes the claim to ("two army sources said", "according to a spokesman"), and candidate
 * place and actor tags. Heuristics only — the editor confirms or edits every field. Pure, so
 * the form and the tests share it.
 */
export type ClaimFieldSuggestion = {
  sentence: string;
  statement: string;
  attribution: string | null;
  tags: { kind: "PLACE" | "ACTOR"; value: string }[];
};

const SPEECH_VERBS = "said|says|told|reported|reports|claimed|claims|confirmed|confirms|denied|denies|added|stated|announced|warned|estimated|wrote";
// at the start of a sentence "estimated" is usually an adjective ("An estimated 4,200 people")
const LEADING_SPEECH_VERBS = "said|says|told|reported|reports|claimed|claims|confirmed|confirms|denied|denies|stated|announced|warned|wrote";

/** The sentence (by simple punctuation rules) that contains offsets [start, end). */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number; text: string } {
  let from = start;
  while (from > 0) {
    const char = text[from - 1]!;
    if (char === "\n") break;
    if (/[.!?]/.test(char) && /\s/.test(text[from] ?? "") && !/\b(?:[A-Z]|Mr|Ms|Dr|St|No|Gen|Col|Lt|Sgt)\.$/.test(text.slice(Math.max(0, from - 4), from))) break;
    from--;
  }
  let to = Math.max(end, start);
  while (to < text.length) {
    const char = text[to]!;
    if (char === "\n") break;
    to++;
    if (/[.!?]/.test(char) && (to >= text.length || /[\s"”’)]/.test(text[to]!))) {
      while (to < text.length && /["”’)]/.test(text[to]!)) to++;
      break;
    }
  }
  while (from < to && /\s/.test(text[from]!)) from++;
  return { start: from, end: to, text: text.slice(from, to) };
}

/** Who the sentence credits, e.g. "two army sources said" or "according to the monitor". */
export function attributionOf(sentence: string): string | null {
  const according = /\b(according to [^,.;:"“”]{2,120})/i.exec(sentence);
  if (according) return according[1]!.trim();
  // "..., two army sources said." / "..., the ministry said in a statement."
  const trailing = new RegExp(`[,;]\\s*([^,;.“”"]{2,120}?\\s(?:${SPEECH_VERBS})\\b[^.;]{0,60})[.!?]?["”]?$`, "i").exec(sentence.trim());
  if (trailing) return trailing[1]!.trim();
  // "Residents told Northgate that ..." / "A spokesman said ..." (not "An estimated 4,200 people")
  const leading = new RegExp(`^([A-Z][^,;:.“”"]{1,100}?\\s(?:${LEADING_SPEECH_VERBS}))\\b`).exec(sentence.trim());
  if (leading) return leading[1]!.trim();
  return null;
}

const PLACE_CUES = /\b(?:in|at|near|toward|towards|to|from|outside|into|of the (?:town|city|village) of|across|over|around)\s+$/i;
const PLACE_WORDS = /\b(?:River|Bridge|Crossing|Province|Valley|Quarter|District|Road|Dam|Port|Airport)$/;
const NAME = /(?:(?:[A-Z][\p{L}'’]+|al|el|ez|as|ad|ash|bin|ibn)(?:[-\s](?=(?:[A-Z]|al-|el-|ez-|as-)))?)+/gu;
const STOPWORDS = new Set([
  "The", "A", "An", "In", "At", "On", "But", "And", "It", "He", "She", "They", "We", "This", "That", "There", "Their", "His", "Her",
  "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
  "January", "February", "March", "April", "June", "July", "August", "September", "October", "November", "December",
  "GMT", "UTC", "CORRECTED", "UPDATE", "BREAKING",
]);

/** Capitalised names in the sentence, as place or actor tags by the words around them. */
export function candidateTags(sentence: string): ClaimFieldSuggestion["tags"] {
  const tags: ClaimFieldSuggestion["tags"] = [];
  const seen = new Set<string>();
  for (const match of sentence.matchAll(NAME)) {
    const value = match[0].trim().replace(/[-\s]+$/, "").replace(/['’]s$/, "");
    const single = !/[\s-]/.test(value);
    if (value.length < 3 || STOPWORDS.has(value) || seen.has(value.toLowerCase())) continue;
    const before = sentence.slice(0, match.index);
    const after = sentence.slice(match.index + match[0].length);
    // a capitalised first word, or one after a dateline dash, is capitalised anyway
    if (single && (match.index === 0 || /[-—–:]\s*$/.test(before))) continue;
    // "(Meridian)" after a dateline names the outlet, not an actor; acronyms like "(ELC)" stay
    if (single && /\(\s*$/.test(before) && /^\s*\)/.test(after) && value !== value.toUpperCase()) continue;
    seen.add(value.toLowerCase());
    tags.push({ kind: PLACE_CUES.test(before) || PLACE_WORDS.test(value) ? "PLACE" : "ACTOR", value });
  }
  return tags.slice(0, 6);
}

/** All suggestions for a selection of the canonical text. */
export function suggestClaimFields(text: string, start: number, end: number): ClaimFieldSuggestion {
  const sentence = sentenceAround(text, start, end);
  const selected = text.slice(start, end).replace(/\s+/g, " ").trim();
  // tags are read in the sentence (the words before a name say whether it is a place) but kept
  // only when the name is inside the selected words: the claim is about what it quotes
  const tags = candidateTags(sentence.text).filter((tag) => selected.includes(tag.value));
  return { sentence: sentence.text, statement: selected, attribution: attributionOf(sentence.text), tags };
}
