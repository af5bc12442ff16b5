import { diffWords } from "diff";

/** `aside`: outside the part of the sentence that states the fact (see `setAside`) */
export type QuoteSegment = { text: string; differs: boolean; number: boolean; aside?: boolean };

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

/**
 * Marks the segments outside `stated` (offsets into the quote they spell) as aside, splitting
 * those that straddle its bounds: a lead that states a quake and its toll shows, on the toll's
 * fact, the toll as the part that counts. Unchanged when `stated` is null.
 */
export function setAside(segments: readonly QuoteSegment[], stated: { start: number; end: number } | null): QuoteSegment[] {
  if (!stated) return [...segments];
  const out: QuoteSegment[] = [];
  let at = 0;
  for (const segment of segments) {
    const from = at;
    const to = at + segment.text.length;
    at = to;
    const cuts = [from, ...[stated.start, stated.end].filter((cut) => cut > from && cut < to), to];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [a, b] = [cuts[i]!, cuts[i + 1]!];
      out.push({ ...segment, text: segment.text.slice(a - from, b - from), aside: a >= stated.end || b <= stated.start });
    }
  }
  return out;
}
