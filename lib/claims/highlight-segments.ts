/**
 * Splits a report's canonical text into paragraphs of segments, each covered by a set of
 * claims, so overlapping claims render as nested-looking highlights without nested markup.
 * Pure and linear in (text length + claims): the reader renders 100 claims on a 3,000-word
 * report well inside a frame.
 */
export type HighlightClaim = { id: string; start: number; end: number; status: string };

export type Segment = {
  /** absolute offset of the segment's first character in the canonical text */
  start: number;
  text: string;
  /** ids of the claims covering this segment, in order of their start */
  claimIds: string[];
  /** claims that begin exactly here (for the status marker before the text) */
  startsClaimIds: string[];
};

export type ParagraphSegments = { start: number; segments: Segment[] };

const PARAGRAPH_BREAK = "\n\n";

/** Paragraphs of segments for `text`, with highlights for `claims` (out-of-range spans are clipped). */
export function highlightSegments(text: string, claims: readonly HighlightClaim[]): ParagraphSegments[] {
  // boundaries where the set of covering claims changes
  const opens = new Map<number, string[]>();
  const closes = new Map<number, string[]>();
  const cuts = new Set<number>();
  const ordered = [...claims].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const claim of ordered) {
    let start = Math.max(0, Math.min(text.length, claim.start));
    let end = Math.max(start, Math.min(text.length, claim.end));
    // a span may not start or end inside a paragraph break: its marker would have nowhere to go
    while (start < end && text[start] === "\n") start++;
    while (end > start && text[end - 1] === "\n") end--;
    if (end <= start) continue;
    (opens.get(start) ?? opens.set(start, []).get(start)!).push(claim.id);
    (closes.get(end) ?? closes.set(end, []).get(end)!).push(claim.id);
    cuts.add(start).add(end);
  }

  const paragraphs: ParagraphSegments[] = [];
  let paragraphStart = 0;
  const active: string[] = [];
  while (paragraphStart <= text.length) {
    const breakAt = text.indexOf(PARAGRAPH_BREAK, paragraphStart);
    const paragraphEnd = breakAt === -1 ? text.length : breakAt;
    const points = [paragraphStart, ...[...cuts].filter((cut) => cut > paragraphStart && cut < paragraphEnd).sort((a, b) => a - b), paragraphEnd];
    const segments: Segment[] = [];
    for (let index = 0; index < points.length - 1; index++) {
      const from = points[index]!;
      const to = points[index + 1]!;
      for (const id of closes.get(from) ?? []) active.splice(active.indexOf(id), 1);
      const starting = opens.get(from) ?? [];
      active.push(...starting);
      if (to > from) segments.push({ start: from, text: text.slice(from, to), claimIds: [...active], startsClaimIds: [...starting] });
    }
    // claims that close at the paragraph end (or span the break) are settled at the next cut
    for (const id of closes.get(paragraphEnd) ?? []) {
      const at = active.indexOf(id);
      if (at !== -1) active.splice(at, 1);
    }
    closes.delete(paragraphEnd);
    if (segments.length > 0) paragraphs.push({ start: paragraphStart, segments });
    if (breakAt === -1) break;
    paragraphStart = breakAt + PARAGRAPH_BREAK.length;
  }
  return paragraphs;
}
