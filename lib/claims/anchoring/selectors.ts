/**
 * W3C Web Annotation selectors for a claim's span inside a report's canonical text.
 *
 * Offsets are JavaScript string offsets (UTF-16 code units) into the canonical text
 * (paragraphs separated by "\n\n"), the same units `String.prototype.slice` uses, so
 * `text.slice(position.start, position.end) === quote.exact` whenever the anchor is fresh.
 */

/** The quoted text with up to `contextLength` code units of context on each side. */
export type TextQuoteSelector = { exact: string; prefix: string; suffix: string };

/** Half-open range [start, end) of code-unit offsets into the canonical text. */
export type TextPositionSelector = { start: number; end: number };

/** Both selectors: the position is fast to check, the quote survives edits elsewhere. */
export type ClaimAnchor = { quote: TextQuoteSelector; position: TextPositionSelector };

/** Context kept on each side of a quote, as the issue asks ("about 32 characters"). */
export const DEFAULT_CONTEXT_LENGTH = 32;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair (inside one emoji, say). */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  return isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/**
 * Builds the quote and position selectors for text[start, end).
 * Invariants: 0 <= start < end <= text.length, integer offsets, and neither offset splits a
 * surrogate pair (a half emoji can be neither quoted nor highlighted). Prefix and suffix hold at
 * most `contextLength` code units, clipped at the text's bounds and shortened by one unit rather
 * than begin or end with half a surrogate pair.
 */
export function describeAnchor(
  text: string,
  start: number,
  end: number,
  contextLength: number = DEFAULT_CONTEXT_LENGTH,
): ClaimAnchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`anchor range [${start}, ${end}) is not a non-empty range inside a text of length ${text.length}`);
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw new RangeError(`anchor range [${start}, ${end}) splits a surrogate pair`);
  }
  if (!Number.isInteger(contextLength) || contextLength < 0) {
    throw new RangeError(`context length must be a non-negative integer, got ${contextLength}`);
  }
  let prefixStart = Math.max(0, start - contextLength);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + contextLength);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1;
  return {
    quote: { exact: text.slice(start, end), prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) },
    position: { start, end },
  };
}
