import { bestApproximateMatch, compareWords, editDistance, similarity } from "./approximate-match";
import { type ClaimAnchor, DEFAULT_CONTEXT_LENGTH, describeAnchor, splitsSurrogatePair } from "./selectors";

/**
 * How a claim found its place in a new version of a report, in the order the steps are tried.
 * An orphan carries the best combined fuzzy score of any candidate, including one refused by the
 * guards below (null when no candidate came within the error budget), so the editor's list can
 * show how close the nearest miss was. A fuzzy result means the quoted words changed: callers
 * should flag the claim for a look, since its verification was of the old wording.
 */
export type ReanchorResult =
  | { status: "exact_position"; anchor: ClaimAnchor }
  | { status: "quote"; anchor: ClaimAnchor }
  | { status: "fuzzy"; anchor: ClaimAnchor; score: number }
  | { status: "orphan"; bestScore: number | null };

export type ReanchorOptions = {
  /** Context kept in the returned anchors' prefix and suffix (default 32). */
  contextLength?: number;
  /** Minimum combined fuzzy score to accept a match (default FUZZY_ACCEPT_SCORE). */
  acceptScore?: number;
};

/**
 * Weights of the fuzzy score (they sum to 1, so the score is in [0, 1]).
 * The quote dominates: context and position only choose between places where the quote itself
 * nearly survives. Prefix and suffix weigh the same because an edit is as likely on either side.
 * Proximity is a tie-breaker: reports grow and shrink above a claim, so moving is normal.
 */
export const FUZZY_WEIGHTS = { quote: 0.6, prefix: 0.15, suffix: 0.15, proximity: 0.1 } as const;

/**
 * A fuzzy match is accepted at a combined score of 0.75 or more. With perfect context and
 * position (0.4) the quote alone must still reach 0.58 similarity; with the context gone too
 * (a sentence moved into a rewritten paragraph) it needs 0.92 or more.
 */
export const FUZZY_ACCEPT_SCORE = 0.75;

/**
 * Whatever the context says, the quote itself must keep 70 % similarity (1 - edit distance /
 * longer length): a corrected number, a respelled name or a few inserted words cost only a handful
 * of edits. This alone does not stop "a wildly different sentence" (a parallel sentence sharing
 * its frame can reach 0.77 on characters), hence the word-level guard below as well.
 */
export const FUZZY_MIN_QUOTE_SIMILARITY = 0.7;

/**
 * Edits must also be small and local, counted on words (see compareWords): at least 75 % of the
 * quote's words must survive in order (a respelled word still counts; inserted words cost
 * nothing), and they may differ in at most 1 + ⌊words / 12⌋ separate places (two for a typical
 * 20-word sentence). A corrected figure, a respelled name or an inserted clause passes; a parallel
 * sentence ("government troops shelled X" for "rebels shelled Y") or a rewrite does not. A quote of
 * three words or fewer therefore cannot survive a changed word: it moves by position or quote only.
 */
export const FUZZY_MIN_KEPT_WORDS = 0.75;

/** Separate edited places a fuzzy match may have for a quote of `quoteWords` words. */
export function maxEditRegions(quoteWords: number): number {
  return 1 + Math.floor(quoteWords / 12);
}

/** Words seen more often than this in the new text say nothing about where a quote went. */
const MAX_SEED_OCCURRENCES = 64;
/** Seed words shorter than this ("of", "in") are too common to localize anything. */
const MIN_SEED_LENGTH = 3;
/** At most this many candidate regions (besides the old position) get the edit-distance scan. */
const MAX_CANDIDATE_REGIONS = 4;
/** Share of the quote's seed-word weight that must vote for a place before it is scanned. */
const MIN_REGION_QUOTE_VOTES = 0.4;
/** A fuzzy match that stops inside a word is stretched to the word's edge by at most this much. */
const MAX_WORD_SNAP = 16;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

/**
 * The new text with a word index built once, on first need: most anchors re-anchor by position
 * or quote and never pay for it, and a batch shares it.
 */
type NewText = { text: string; words: () => Map<string, number[]> };

function prepareNewText(text: string): NewText {
  let index: Map<string, number[]> | undefined;
  return {
    text,
    words: () => {
      if (!index) {
        index = new Map();
        for (const match of text.matchAll(WORD)) {
          if (match[0].length < MIN_SEED_LENGTH) continue;
          const key = match[0].toLowerCase();
          const positions = index.get(key);
          if (positions) positions.push(match.index);
          else index.set(key, [match.index]);
        }
      }
      return index;
    },
  };
}

/** Re-anchors one claim in a new version of its report: exact position, then quote, then fuzzy, else orphan. */
export function reanchor(anchor: ClaimAnchor, newText: string, options: ReanchorOptions = {}): ReanchorResult {
  return reanchorIn(anchor, prepareNewText(newText), options);
}

/** Re-anchors every claim of a report in its new version; results come back in the anchors' order. */
export function reanchorAll(anchors: readonly ClaimAnchor[], newText: string, options: ReanchorOptions = {}): ReanchorResult[] {
  const prepared = prepareNewText(newText);
  return anchors.map((anchor) => reanchorIn(anchor, prepared, options));
}

function reanchorIn(anchor: ClaimAnchor, prepared: NewText, options: ReanchorOptions): ReanchorResult {
  const { text } = prepared;
  const { exact } = anchor.quote;
  const contextLength = options.contextLength ?? DEFAULT_CONTEXT_LENGTH;
  // an empty quote cannot be found again; it surfaces as an orphan rather than vanish
  if (exact.length === 0) return { status: "orphan", bestScore: null };

  const { start, end } = anchor.position;
  if (Number.isInteger(start) && end - start === exact.length && text.slice(start, end) === exact && isCleanRange(text, start, end)) {
    return { status: "exact_position", anchor: describeAnchor(text, start, end, contextLength) };
  }

  const quoteStart = bestExactOccurrence(anchor, text);
  if (quoteStart !== null) {
    return { status: "quote", anchor: describeAnchor(text, quoteStart, quoteStart + exact.length, contextLength) };
  }

  const { best, bestScore } = bestFuzzyMatch(anchor, prepared, options.acceptScore ?? FUZZY_ACCEPT_SCORE);
  if (best) {
    return { status: "fuzzy", anchor: describeAnchor(text, best.start, best.end, contextLength), score: round(best.score) };
  }
  return { status: "orphan", bestScore: bestScore === null ? null : round(bestScore) };
}

/** Scores are for people and logs; four decimals keep them stable and readable. */
function round(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}

function isCleanRange(text: string, start: number, end: number): boolean {
  return !splitsSurrogatePair(text, start) && !splitsSurrogatePair(text, end);
}

/**
 * Start of the exact quote in the new text, or null. With several occurrences (a lead repeated
 * further down, a boilerplate line) the one whose surroundings match the old prefix and suffix
 * best wins; equal context goes to the occurrence nearest the old position.
 */
function bestExactOccurrence(anchor: ClaimAnchor, text: string): number | null {
  const { exact, prefix, suffix } = anchor.quote;
  const occurrences: number[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    if (isCleanRange(text, at, at + exact.length)) occurrences.push(at);
  }
  if (occurrences.length <= 1) return occurrences[0] ?? null;
  let best: { at: number; context: number; distance: number } | null = null;
  for (const at of occurrences) {
    const context = prefixSimilarity(prefix, text, at) + suffixSimilarity(suffix, text, at + exact.length);
    const distance = Math.abs(at - anchor.position.start);
    if (!best || context > best.context + 1e-9 || (Math.abs(context - best.context) <= 1e-9 && distance < best.distance)) {
      best = { at, context, distance };
    }
  }
  return best ? best.at : null;
}

/**
 * Old prefix against the same number of code units before `start` in the new text. An empty old
 * prefix means the claim opened the text, which only matches if it still does.
 */
function prefixSimilarity(oldPrefix: string, text: string, start: number): number {
  if (oldPrefix.length === 0) return start === 0 ? 1 : 0;
  return similarity(oldPrefix, text.slice(Math.max(0, start - oldPrefix.length), start));
}

/** Mirror of prefixSimilarity after the quote; an empty old suffix means the claim closed the text. */
function suffixSimilarity(oldSuffix: string, text: string, end: number): number {
  if (oldSuffix.length === 0) return end === text.length ? 1 : 0;
  return similarity(oldSuffix, text.slice(end, end + oldSuffix.length));
}

type FuzzyCandidate = { start: number; end: number; score: number };

/**
 * Best acceptable approximate place for the quote, and the best fuzzy score seen at all (for an
 * orphan's report; null when no region holds a substring within the error budget). Instead of
 * sliding an edit-distance window over the whole text it scans only a few regions: the old
 * position and the places where words of the quote, its prefix and its suffix occur at offsets
 * that agree (a cheap vote, like a BLAST seed). Candidates are scored with FUZZY_WEIGHTS and
 * checked against the guards best-first, so the word comparison runs once in the common case.
 */
function bestFuzzyMatch(anchor: ClaimAnchor, prepared: NewText, acceptScore: number): { best: FuzzyCandidate | null; bestScore: number | null } {
  const { text } = prepared;
  const { exact, prefix, suffix } = anchor.quote;
  const m = exact.length;
  // any substring with similarity >= the floor has at most this many edits: insertions lengthen
  // the match, so d <= (1 - floor) * n with n <= m / floor
  const maxErrors = Math.floor((m * (1 - FUZZY_MIN_QUOTE_SIMILARITY)) / FUZZY_MIN_QUOTE_SIMILARITY);
  if (maxErrors === 0) return { best: null, bestScore: null }; // too short to be anything but exact, and exact already failed

  const candidates: (FuzzyCandidate & { quoteSimilarity: number })[] = [];
  const seen = new Set<string>();
  for (const region of candidateRegions(anchor, prepared, maxErrors)) {
    const match = bestApproximateMatch(exact, text, region.from, region.to, maxErrors);
    if (!match) continue;
    const { start, end } = snapMatch(anchor, text, match.start, match.end);
    const key = `${start}:${end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // the scan's distance holds unless snapping moved an edge
    const distance = start === match.start && end === match.end ? match.distance : editDistance(exact, text.slice(start, end));
    const quoteSimilarity = 1 - distance / Math.max(m, end - start);
    const proximity = 1 - Math.min(1, Math.abs(start - anchor.position.start) / Math.max(1, text.length));
    const score =
      FUZZY_WEIGHTS.quote * quoteSimilarity +
      FUZZY_WEIGHTS.prefix * prefixSimilarity(prefix, text, start) +
      FUZZY_WEIGHTS.suffix * suffixSimilarity(suffix, text, end) +
      FUZZY_WEIGHTS.proximity * proximity;
    candidates.push({ start, end, score, quoteSimilarity });
  }
  if (candidates.length === 0) return { best: null, bestScore: null };
  candidates.sort((a, b) => b.score - a.score);
  for (const candidate of candidates) {
    if (candidate.score < acceptScore) break;
    if (candidate.quoteSimilarity < FUZZY_MIN_QUOTE_SIMILARITY) continue;
    const words = compareWords(exact, text.slice(candidate.start, candidate.end));
    if (words.kept >= FUZZY_MIN_KEPT_WORDS * words.words && words.regions <= maxEditRegions(words.words)) {
      return { best: candidate, bestScore: candidates[0]!.score };
    }
  }
  return { best: null, bestScore: candidates[0]!.score };
}

type Region = { from: number; to: number };

/**
 * Windows of the new text worth an edit-distance scan. Each seed word found in the new text
 * votes for where the quote would start if that word kept its offset; votes pool over three
 * buckets as wide as the error budget k, so edits inside the quote (which shift later words by at
 * most k) still land together. A bucket b pooled over b-1..b+1 puts the start in
 * [(b-1)B - k, (b+2)B + k) and the end at most m + k further, which is the window scanned.
 * The old position always gets a window; other places need the quote's own words (not just
 * context) to vote for them with at least MIN_REGION_QUOTE_VOTES of their weight, since a match
 * must keep 75 % of those words anyway. Buckets within a quote's length of a stronger one, and
 * windows inside an earlier window, are skipped.
 */
function candidateRegions(anchor: ClaimAnchor, prepared: NewText, maxErrors: number): Region[] {
  const { text } = prepared;
  const { exact, prefix, suffix } = anchor.quote;
  const m = exact.length;
  const bucketSize = Math.max(16, maxErrors);
  const allVotes = new Map<number, number>();
  const quoteVotes = new Map<number, number>();
  const words = prepared.words();
  let quoteSeedWeight = 0;

  // offsetOfFragment: where the fragment starts relative to the quote's start
  const vote = (fragment: string, offsetOfFragment: number, skipFirst: boolean, skipLast: boolean, isQuote: boolean) => {
    const tokens = [...fragment.matchAll(WORD)];
    tokens.forEach((token, i) => {
      // a context fragment is cut at a fixed length, so its outer word may be a stub
      if ((skipFirst && i === 0) || (skipLast && i === tokens.length - 1)) return;
      if (token[0].length < MIN_SEED_LENGTH) return;
      const positions = words.get(token[0].toLowerCase()) ?? [];
      if (positions.length > MAX_SEED_OCCURRENCES) return;
      if (isQuote) quoteSeedWeight += token[0].length; // a word missing from the new text still counts here
      for (const position of positions) {
        const bucket = Math.floor((position - offsetOfFragment - token.index) / bucketSize);
        allVotes.set(bucket, (allVotes.get(bucket) ?? 0) + token[0].length);
        if (isQuote) quoteVotes.set(bucket, (quoteVotes.get(bucket) ?? 0) + token[0].length);
      }
    });
  };
  vote(exact, 0, false, false, true);
  vote(prefix, -prefix.length, true, false, false);
  vote(suffix, m, false, true, false);

  const pool = (votes: Map<number, number>, bucket: number) => (votes.get(bucket - 1) ?? 0) + (votes.get(bucket) ?? 0) + (votes.get(bucket + 1) ?? 0);
  const pooled = [...allVotes.keys()]
    .filter((bucket) => quoteSeedWeight === 0 || pool(quoteVotes, bucket) >= MIN_REGION_QUOTE_VOTES * quoteSeedWeight)
    .map((bucket) => ({ bucket, weight: pool(allVotes, bucket) }));
  pooled.sort((a, b) => b.weight - a.weight || a.bucket - b.bucket);

  const clamp = (from: number, to: number): Region => ({ from: Math.max(0, from), to: Math.min(text.length, to) });
  const oldStart = Math.min(anchor.position.start, text.length);
  const regions: Region[] = [clamp(oldStart - 2 * bucketSize - maxErrors, oldStart + 2 * bucketSize + m + 2 * maxErrors)];
  // neighbouring buckets hold the same votes, so a chosen bucket stands for those within a quote's length
  const apart = Math.ceil(m / bucketSize) + 1;
  const chosen: number[] = [];
  for (const { bucket } of pooled) {
    if (chosen.length >= MAX_CANDIDATE_REGIONS) break;
    if (chosen.some((c) => Math.abs(c - bucket) < apart)) continue;
    chosen.push(bucket);
    const region = clamp((bucket - 1) * bucketSize - maxErrors, (bucket + 2) * bucketSize + m + 2 * maxErrors);
    if (!regions.some((r) => r.from <= region.from && region.to <= r.to)) regions.push(region);
  }
  return regions;
}

function isWordChar(text: string, index: number): boolean {
  return index >= 0 && index < text.length && WORD_CHAR.test(text.charAt(index));
}

/**
 * Edit distance is indifferent to word edges, so a respelled first or last word can leave the
 * match starting or ending inside a word. When the old quote began (ended) on a word boundary,
 * the new one is stretched to the nearest boundary too. Whitespace the old quote did not have at
 * its edges is dropped, and the result never splits a surrogate pair.
 */
function snapMatch(anchor: ClaimAnchor, text: string, start: number, end: number): { start: number; end: number } {
  const { exact, prefix, suffix } = anchor.quote;
  const startedOnBoundary = !(isWordChar(prefix, prefix.length - 1) && isWordChar(exact, 0));
  const endedOnBoundary = !(isWordChar(exact, exact.length - 1) && isWordChar(suffix, 0));
  if (startedOnBoundary) {
    for (let steps = 0; steps < MAX_WORD_SNAP && isWordChar(text, start - 1) && isWordChar(text, start); steps++) start -= 1;
  }
  if (endedOnBoundary) {
    for (let steps = 0; steps < MAX_WORD_SNAP && isWordChar(text, end - 1) && isWordChar(text, end); steps++) end += 1;
  }
  // a substitution can pair a letter of the quote with a space beside the new span
  if (!/^\s/u.test(exact)) while (start < end - 1 && /\s/u.test(text.charAt(start))) start += 1;
  if (!/\s$/u.test(exact)) while (end > start + 1 && /\s/u.test(text.charAt(end - 1))) end -= 1;
  if (splitsSurrogatePair(text, start)) start -= 1;
  if (splitsSurrogatePair(text, end)) end += 1;
  return { start, end };
}
