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
  tags: { kind: SuggestedTagKind; value: string }[];
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

export type SuggestedTagKind = "PLACE" | "ACTOR" | "ORGANIZATION" | "OUTLET";

const PLACE_CUES = /\b(?:in|at|near|toward|towards|to|from|outside|into|of the (?:town|city|village) of|across|over|around|(?:north|south|east|west) of|outskirts of|entered|reached|captured|seized|shelled)\s+(?:the\s+)?$/i;
// "<place noun> of <Name>": the market, outskirts, people or governor of a place
const PLACE_OF = /\b(?:market|square|outskirts|edge|cent(?:re|er)|heart|streets?|neighbou?rhoods?|suburbs?|residents|people|inhabitants|governor|mayor|port|north|south|east|west)\s+of\s+(?:the\s+)?$/i;
const ARTICLE_NAME = /^(?:al|el|ez|as|ad|ash|an)[-\s]\p{Lu}[\p{L}'’]+$/iu;
// the head word says what kind of thing is named: "Sarhan River", "Talvar Province"
const PLACE_WORDS = /\b(?:River|Bridge|Crossing|Province|Valley|Quarter|District|Road|Dam|Port|Airport|Camp|Square|Street|Mountains?|Lake|Border|Governorate|Region)$/;
// toponyms whose first word is a common noun of settlement or landscape ("Tel Hamra", "Deir al-Marun", "Kafr Susa")
const PLACE_HEADS = /^(?:Tel|Tell|Tal|Deir|Dayr|Kafr|Kfar|Beit|Bayt|Khirbet|Khirbat|Wadi|Jabal|Jebel|Ras|Bir|Ain|Ein|Qaryat|Nahr|Mount|Lake|Port|Fort|Cape|Saint|San|Santa|New|North|South|East|West)\b/;
const ORG_WORDS = /\b(?:Command|Front|Army|Forces|Force|Division|Brigade|Brigades|Battalion|Regiment|Corps|Ministry|Monitor|Council|Party|Movement|Committee|Organi[sz]ation|Union|Institute|Office|Authority|Crescent|Cross|Nations|Guard|Militia|Coalition|Alliance|Group|Company|Bank|Court|Parliament|Assembly|Police|Department|Federation|Association|Observatory|Mission|Programme|Program|Fund)$/;
// names that are outlets by their head word ("Harbour Times", "Valley Radio", "Northgate News Agency")
const OUTLET_WORDS = /\b(?:News|Agency|Press|Times|Post|Herald|Gazette|Tribune|Journal|Radio|TV|Television|Wire|Daily|Chronicle|Courier|Telegraph)$/;
// an outlet is credited in the words around it: "told Northgate", "Northgate reported", "(Meridian)"
const OUTLET_BEFORE = /\b(?:told|according to|reported by|quoted by|in an interview with|speaking to)\s+$/i;
const OUTLET_AFTER = /^\s*(?:reported|reports|said it had learned|has learned|learned|could not (?:independently )?verify)/i;
// a title or role before a name, or an apposition after it, says it is a person
const PERSON_BEFORE = /\b(?:spokes(?:man|woman|person)|commander|colonel|col\.|general|gen\.|maj\.|major|lt\.|lieutenant|captain|capt\.|brigadier|sergeant|mr\.?|mrs\.?|ms\.?|dr\.?|president|minister|mayor|governor|chief|director|leader|envoy|secretary|senator|sheikh|imam|resident|nurse|doctor|engineer|farmer|teacher|named|called)\s*,?\s*$/i;
const PERSON_AFTER = /^\s*,\s*(?:a|an|the)\s+(?:[\p{Ll}-]+\s+){0,3}(?:spokes\w+|commander|official|officer|resident|researcher|analyst|leader|nurse|doctor|mayor|farmer|teacher|engineer)/iu;
const SPEECH_AFTER = /^\s*(?:said|says|told|added|denied|insisted|stated|warned)\b/i;
// demonyms and nationality adjectives ("Ruritanian", "Dravenians", "Varesh-born") name no actor
const DEMONYM = /^\p{Lu}\p{Ll}+(?:ians?|eans?|ese|ish)$/u;
// a name starts at a word's start: "bin" in "cabinet" or "ash" in "crash" is no particle
const NAME = /(?<![\p{L}\p{N}'’])(?:(?:[A-Z][\p{L}'’]+|al|el|ez|as|ad|ash|bin|ibn)(?:[-\s](?=(?:[A-Z]|al-|el-|ez-|as-|ad-|an-|ash-)))?)+/gu;
// words that are capitalised as words of time or of the sentence, never names; dropped from
// either edge of a run ("Northgate Tuesday" is the outlet, not a place called so)
const NOT_NAME_WORDS = new Set([
  "The", "A", "An", "In", "At", "On", "But", "And", "It", "He", "She", "They", "We", "This", "That", "There", "Their", "His", "Her",
  "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
  "January", "February", "March", "April", "June", "July", "August", "September", "October", "November", "December",
  "GMT", "UTC", "CORRECTED", "UPDATE", "BREAKING", "Update", "Updated",
]);

const TITLE_WORDS = new Set(["Colonel", "Col", "General", "Gen", "Major", "Maj", "Lieutenant", "Lt", "Captain", "Capt", "Brigadier", "Sergeant", "Commander", "President", "Minister", "Mayor", "Governor", "Mr", "Mrs", "Ms", "Dr", "Sheikh", "Imam", "Senator", "Envoy", "Spokesman", "Spokeswoman"]);

/** The kind of a name from its own words and the words around it; null when it names nothing a desk tags. */
export function classifyName(value: string, before: string, after: string, outlets: readonly string[] = []): SuggestedTagKind | null {
  const single = !/[\s-]/.test(value);
  if (single && DEMONYM.test(value)) return null;
  if (outlets.some((outlet) => outlet.toLowerCase() === value.toLowerCase()) || OUTLET_WORDS.test(value)) return "OUTLET";
  if (/^[A-Z]{2,6}$/.test(value) || ORG_WORDS.test(value)) return "ORGANIZATION";
  if (PLACE_WORDS.test(value) || PLACE_HEADS.test(value)) return "PLACE";
  if (PERSON_BEFORE.test(before) || PERSON_AFTER.test(after)) return "ACTOR";
  if (OUTLET_BEFORE.test(before) || (single && OUTLET_AFTER.test(after))) return "OUTLET";
  if (PLACE_CUES.test(before) || PLACE_OF.test(before)) return "PLACE";
  // an article and one name ("al-Qassr", "El Kasr") with no person cue is a place: a person's
  // name carries a given name before the family name
  if (ARTICLE_NAME.test(value)) return "PLACE";
  // "Harun Osrek said": a name of two or more words before a speech verb is a person
  if (!single && SPEECH_AFTER.test(after)) return "ACTOR";
  // a bare single name is most often a place in wire copy; a bare full name, a person
  return single ? "PLACE" : "ACTOR";
}

/**
 * Capitalised names in the sentence, typed as place, person, organisation or outlet by their own
 * head word and the words around them. `outlets` are the story's known outlet names.
 */
export function candidateTags(sentence: string, outlets: readonly string[] = []): ClaimFieldSuggestion["tags"] {
  const tags: ClaimFieldSuggestion["tags"] = [];
  const seen = new Set<string>();
  for (const match of sentence.matchAll(NAME)) {
    let words = match[0].trim().replace(/[-\s]+$/, "").split(/\s+/);
    let offset = match.index;
    // a title opening the run ("Colonel Idris Valcour") is a cue, not part of the name
    while (words.length > 1 && (NOT_NAME_WORDS.has(words[0]!) || TITLE_WORDS.has(words[0]!.replace(/\.$/, "")))) {
      offset += words[0]!.length + 1;
      words = words.slice(1);
    }
    while (words.length > 0 && NOT_NAME_WORDS.has(words[words.length - 1]!)) words = words.slice(0, -1);
    if (words.length === 0 || (words.length === 1 && NOT_NAME_WORDS.has(words[0]!))) continue;
    const value = words.join(" ").replace(/['’]s$/, "");
    const single = !/[\s-]/.test(value);
    if (value.length < 3 || seen.has(value.toLowerCase())) continue;
    const before = sentence.slice(0, offset);
    const after = sentence.slice(offset + value.length);
    // a capitalised first word, or one after a dateline dash, is capitalised anyway
    if (single && (offset === 0 || /[-—–:]\s*$/.test(before))) continue;
    // "(Meridian)" after a dateline names the outlet that wrote the report, not a tag of the claim
    if (single && /\(\s*$/.test(before) && /^\s*\)/.test(after) && value !== value.toUpperCase()) continue;
    const kind = classifyName(value, before, after, outlets);
    if (!kind) continue;
    seen.add(value.toLowerCase());
    tags.push({ kind, value });
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
