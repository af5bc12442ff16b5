/**
 * Edit-distance primitives for re-anchoring. Everything compares UTF-16 code units, the same
 * units anchor offsets use, so a distance or an offset never needs converting.
 */

/** Levenshtein distance (insert, delete, substitute each cost 1) between two strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // one row of the DP table, indexed by position in `b`
  const row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      const substitute = diagonal + (ai === b.charCodeAt(j - 1) ? 0 : 1);
      const fromLeft = row[j - 1]! + 1;
      const fromAbove = above + 1;
      row[j] = substitute < fromLeft ? (substitute < fromAbove ? substitute : fromAbove) : fromLeft < fromAbove ? fromLeft : fromAbove;
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** 1 - distance / longer length, in [0, 1]; two empty strings are identical (1). */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

export type ApproximateMatch = { start: number; end: number; distance: number };

/**
 * Last row of the edit-distance table of `pattern` against `window`, column by column, computed
 * 32 pattern characters at a time with Myers' bit-parallel algorithm in Hyyrö's block form
 * (the formulation approx-string-match uses). With `anchored` false the match may start anywhere
 * (row 0 is all zeros: out[j] is the distance to the best substring ending after window[j]);
 * with `anchored` true it must start at window[0] (out[j] = distance to window[0..j]).
 * Cost O(⌈m / 32⌉ × window length). All arithmetic is int32: the addition may overflow, and the
 * following XOR truncates it to 32 bits, which is exactly the bit-vector addition wanted.
 */
function lastRowDistances(pattern: string, window: Uint16Array, anchored: boolean): Int32Array {
  const m = pattern.length;
  const blocks = Math.ceil(m / 32);
  const peq = new Map<number, Int32Array>(); // char code → bit i set where pattern[i] is that char
  for (let i = 0; i < m; i++) {
    const code = pattern.charCodeAt(i);
    let bits = peq.get(code);
    if (!bits) {
      bits = new Int32Array(blocks);
      peq.set(code, bits);
    }
    bits[i >> 5]! |= 1 << (i & 31);
  }
  const noMatch = new Int32Array(blocks);
  const plusV = new Int32Array(blocks).fill(-1); // vertical deltas +1 (all ones: column 0 is 0, 1, 2, ...)
  const minusV = new Int32Array(blocks); // vertical deltas -1
  const score = new Int32Array(blocks); // value in the last row of each block
  for (let b = 0; b < blocks; b++) score[b] = Math.min(m, (b + 1) * 32);
  const lastBlockMask = 1 << ((m - 1) & 31);
  const out = new Int32Array(window.length);
  for (let j = 0; j < window.length; j++) {
    const eqs = peq.get(window[j]!) ?? noMatch;
    let hIn = anchored ? 1 : 0;
    for (let b = 0; b < blocks; b++) {
      const pV = plusV[b]!;
      const mV = minusV[b]!;
      const hInNegative = hIn < 0 ? 1 : 0;
      const eq = eqs[b]! | hInNegative;
      const xV = eq | mV;
      const xH = (((eq & pV) + pV) ^ pV) | eq;
      let pH = mV | ~(xH | pV);
      let mH = pV & xH;
      const lastRow = b === blocks - 1 ? lastBlockMask : 1 << 31;
      const hOut = pH & lastRow ? 1 : mH & lastRow ? -1 : 0;
      pH = (pH << 1) | (hIn > 0 ? 1 : 0);
      mH = (mH << 1) | hInNegative;
      plusV[b] = mH | ~(xV | pH);
      minusV[b] = pH & xV;
      score[b]! += hOut;
      hIn = hOut;
    }
    out[j] = score[blocks - 1]!;
  }
  return out;
}

/** Ends examined when several tie for the smallest distance (only degenerate text has more). */
const MAX_TIED_ENDS = 16;

/**
 * The substring of text[from, to) closest to `pattern` in edit distance, if within `maxErrors`.
 * A forward bit-parallel scan finds where the best matches end; for each, a scan of the reversed
 * pattern anchored at that end finds where it starts. Among equally close matches the one whose
 * length is nearest the pattern's wins, then the leftmost.
 */
export function bestApproximateMatch(pattern: string, text: string, from: number, to: number, maxErrors: number): ApproximateMatch | null {
  const m = pattern.length;
  const width = to - from;
  if (m === 0 || width <= 0) return null;
  const window = new Uint16Array(width);
  for (let j = 0; j < width; j++) window[j] = text.charCodeAt(from + j);
  const ends = lastRowDistances(pattern, window, false);

  let distance = Infinity;
  for (let j = 0; j < width; j++) if (ends[j]! < distance) distance = ends[j]!;
  if (distance > maxErrors || distance >= m) return null; // distance m: nothing of the pattern is there

  const reversedPattern = pattern.split("").reverse().join(""); // by code unit, as the window is
  let best: ApproximateMatch | null = null;
  let tied = 0;
  for (let j = 0; j < width && tied < MAX_TIED_ENDS; j++) {
    if (ends[j] !== distance) continue;
    tied += 1;
    const end = j + 1; // exclusive, in window offsets
    const span = Math.min(end, m + distance);
    const reversed = new Uint16Array(span);
    for (let k = 0; k < span; k++) reversed[k] = window[end - 1 - k]!;
    const starts = lastRowDistances(reversedPattern, reversed, true);
    for (let k = 0; k < span; k++) {
      if (starts[k] !== distance) continue;
      const candidate = { start: from + end - 1 - k, end: from + end, distance };
      if (!best || Math.abs(k + 1 - m) < Math.abs(best.end - best.start - m)) best = candidate;
    }
  }
  return best;
}

const WORD_TOKEN = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * Two words count as the same word when equal ignoring case or, for words of four or more code
 * units, when at most a quarter of their letters differ: "Maroun"/"Marun" are one name respelled,
 * while "21"/"12" or "seized"/"shelled" are different words.
 */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 4 || b.length < 4 || Math.abs(a.length - b.length) > 2) return false;
  return similarity(a, b) >= 0.75;
}

export type WordComparison = {
  /** Words in the first text. */
  words: number;
  /** Of those, words still present, in order, in the second text (longest common subsequence). */
  kept: number;
  /** Separate places where the texts differ: runs of words left unmatched on either side. */
  regions: number;
};

/**
 * Word-level comparison of a quote with a candidate replacement, ignoring case, punctuation and
 * spacing. "21 killed near el-Maroun" → "12 killed near al-Marun" keeps 4 of 5 words and differs
 * in 1 place; a rewritten sentence on the same topic loses many words in many places. Inserted
 * words cost a region but lose nothing.
 */
export function compareWords(a: string, b: string): WordComparison {
  const x = [...a.matchAll(WORD_TOKEN)].map((m) => m[0].toLowerCase());
  const y = [...b.matchAll(WORD_TOKEN)].map((m) => m[0].toLowerCase());
  const columns = y.length + 1;
  const same = new Uint8Array(x.length * y.length);
  for (let i = 0; i < x.length; i++) for (let j = 0; j < y.length; j++) same[i * y.length + j] = sameWord(x[i]!, y[j]!) ? 1 : 0;
  // lcs[i * columns + j]: longest common subsequence of x[i..] and y[j..]
  const lcs = new Int32Array((x.length + 1) * columns);
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      lcs[i * columns + j] = same[i * y.length + j] ? lcs[(i + 1) * columns + j + 1]! + 1 : Math.max(lcs[(i + 1) * columns + j]!, lcs[i * columns + j + 1]!);
    }
  }
  let regions = 0;
  let inRegion = false;
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && same[i * y.length + j] && lcs[i * columns + j] === lcs[(i + 1) * columns + j + 1]! + 1) {
      i += 1;
      j += 1;
      inRegion = false;
      continue;
    }
    if (!inRegion) regions += 1;
    inRegion = true;
    if (j >= y.length || (i < x.length && lcs[(i + 1) * columns + j]! >= lcs[i * columns + j + 1]!)) i += 1;
    else j += 1;
  }
  return { words: x.length, kept: lcs[0]!, regions };
}
