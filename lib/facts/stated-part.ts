/** Which part of a member's sentence states a fact (see lib/analysis/facts/entries.ts). */

/**
 * The part of a quote its entries `entries` span (from the first's start to the last's end), or
 * null when that is the whole sentence: no entries stored, all of them, or spans that no longer
 * fit the quote (its text changed since the analysis).
 */
export function statedPart(quote: string, entries: readonly number[], spans: readonly [number, number][] | null): { start: number; end: number } | null {
  if (!spans || spans.length < 2 || entries.length === 0) return null;
  const chosen = [...new Set(entries)].filter((k) => k >= 0 && k < spans.length).map((k) => spans[k]!);
  if (chosen.length === 0 || new Set(spans.map(([start, end]) => `${start}:${end}`)).size === new Set(chosen.map(([start, end]) => `${start}:${end}`)).size) return null;
  const start = Math.min(...chosen.map(([from]) => from));
  const end = Math.max(...chosen.map(([, to]) => to));
  if (start < 0 || end > quote.length || start >= end || (start === 0 && end === quote.length)) return null;
  return { start, end };
}
