import { diffWords } from "diff";

export type QuoteSegment = { text: string; differs: boolean; number: boolean };

const NUMBER = /\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|dozens?)\b/giu;

/**
 * Splits `quote` into segments for display beside `base` (the fact's first claim): words the
 * base does not have are marked as differing, and numbers are marked wherever they are, since a
 * different figure for the same quantity is what an editor checks first. Case is ignored.
 */
export function quoteSegments(base: string | null, quote: string): QuoteSegment[] {
  const parts = base === null ? [{ value: quote, added: false, removed: false }] : diffWords(base, quote, { ignoreCase: true });
  const segments: QuoteSegment[] = [];
  for (const part of parts) {
    if (part.removed) continue;
    let last = 0;
    for (const match of part.value.matchAll(NUMBER)) {
      const start = match.index;
      if (start > last) segments.push({ text: part.value.slice(last, start), differs: part.added, number: false });
      segments.push({ text: match[0], differs: part.added, number: true });
      last = start + match[0].length;
    }
    if (last < part.value.length) segments.push({ text: part.value.slice(last), differs: part.added, number: false });
  }
  return segments;
}
