/**
 * What two claims say, compared word by word through word vectors: each content word of one
 * claim is aligned with its closest word in the other ("shook" with "rocked", "toll" with
 * "dead"), weighted by how rare the word is in the story. Names, numbers, days, months and
 * compass points are left to the exact comparisons: vectors put Tuesday next to Wednesday and
 * southeast next to southwest, which are different facts.
 */
import { rowSimilarity, vectorRow } from "../vectors/word-vectors";
import { concept, foldText, stem, STOPWORDS } from "./normalize";

/** Below this cosine two different words are not taken as saying the same thing. */
const NEAR = 0.5;

// words whose neighbours in vector space are their opposites or siblings
const EXACT_ONLY =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|north|south|east|west|northern|southern|eastern|western|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west|central|first|second|third|fourth|fifth|last|next|previous|before|after|earlier|later|up|down|more|less|fewer|higher|lower|morning|evening|night|afternoon|dawn|midnight|noon|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|hundred|hundreds|thousand|thousands|million|millions|km|kilometres|kilometers|miles|metres|meters)$/u;

/** `name`: a capitalised word inside a sentence, compared exactly */
export type MeaningWord = { word: string; key: string; row: number; exactOnly: boolean; name: boolean };

/** The content words of a text, as compared by `softOverlap`. Capitalised words inside a sentence (names) are compared exactly. */
export function meaningWords(text: string): MeaningWord[] {
  const out: MeaningWord[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(/[\p{L}][\p{L}'’-]*/gu)) {
    const raw = match[0];
    const word = foldText(raw).replace(/['’]s$/u, "");
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    const key = concept(stem(word));
    if (seen.has(key)) continue;
    seen.add(key);
    const name = /^\p{Lu}/u.test(raw) && match.index > 0 && !/[.!?:"“]\s*$/u.test(text.slice(Math.max(0, match.index - 3), match.index));
    const exactOnly = name || EXACT_ONLY.test(word);
    out.push({ word, key, row: exactOnly ? -1 : vectorRow(word), exactOnly, name });
  }
  return out;
}

// Cosines of word pairs already compared: a story's vocabulary is small and its words meet
// again and again, so grouping thousands of claims computes each pair about once. Bounded, so
// a long-running process stays flat.
const cosines = new Map<number, number>();
const ROWS = 1 << 16;

function cosine(a: number, b: number): number {
  const key = a < b ? a * ROWS + b : b * ROWS + a;
  let s = cosines.get(key);
  if (s === undefined) {
    if (cosines.size > 2_000_000) cosines.clear();
    cosines.set(key, (s = rowSimilarity(a, b)));
  }
  return s;
}

/** How close one word comes to any word of the other side: 1 for the same stem, else the cosine above NEAR, rescaled. */
function closest(word: MeaningWord, others: readonly MeaningWord[]): number {
  let best = 0;
  for (const other of others) {
    if (other.key === word.key) return 1;
    if (word.row < 0 || other.row < 0) continue;
    const s = cosine(word.row, other.row);
    if (s > best) best = s;
  }
  return best >= NEAR ? (best - NEAR) / (1 - NEAR) * 0.9 : 0;
}

/**
 * Soft overlap of two word lists in each direction: the weighted share of `a`'s words that
 * `b` says too, in the same or close words, and the other way. `weight` gives a word's weight
 * (its rarity in the story). Without `names`, names are left out of both sides.
 */
export function softOverlap(a: readonly MeaningWord[], b: readonly MeaningWord[], weight: (key: string) => number, names = true): { ab: number; ba: number } {
  const side = (x: readonly MeaningWord[], y: readonly MeaningWord[]) => {
    let total = 0;
    let got = 0;
    for (const word of x) {
      if (!names && word.name) continue;
      const w = weight(word.key);
      total += w;
      got += w * closest(word, y);
    }
    return total > 0 ? got / total : 0;
  };
  return { ab: side(a, b), ba: side(b, a) };
}


/** Whether two words say the same thing: the same stem, or (neither a name) vectors at least NEAR. */
export function sameMeaning(a: MeaningWord, b: MeaningWord): boolean {
  if (a.key === b.key) return true;
  return a.row >= 0 && b.row >= 0 && cosine(a.row, b.row) >= NEAR;
}
