/**
 * Invisible and bidirectional-control characters. In a claim or an explainer they can hide
 * words from a reviewer ("ver\u200Bified" reads as one word but never matches a search) or
 * reverse them on screen (U+202E shows "deyfirev" as "verified"), so the text a reviewer
 * approves could differ from what readers get. They are stripped wherever people write claims
 * and explainers (the zod schemas in lib/claims and lib/explainers). Pure: no server imports.
 *
 * Kept on purpose: ZERO WIDTH JOINER and NON-JOINER between letters or emoji, where they are
 * part of the writing (Persian and Indic word forms, emoji sequences such as a family), and
 * emoji tag sequences (the flags of Scotland or Wales).
 */

/** Characters that never carry meaning in a claim or an explainer. */
const ALWAYS_STRIPPED = [
  "\u00AD", // soft hyphen: invisible unless a line breaks there
  "\u061C", // Arabic letter mark (bidi)
  "\u180E", // Mongolian vowel separator (was a space, now invisible)
  "\u200B", // zero width space
  "\u200E\u200F", // left-to-right and right-to-left marks
  "\u202A-\u202E", // bidi embeddings and overrides
  "\u2060-\u2064", // word joiner and invisible operators
  "\u2066-\u2069", // bidi isolates
  "\uFEFF", // zero width no-break space (byte-order mark)
  "\uFFF9-\uFFFB", // interlinear annotation controls
].join("");

const INVISIBLE = new RegExp(
  [
    `[${ALWAYS_STRIPPED}]`,
    // joiners count only between two letters, marks or pictographs
    "(?<![\\p{L}\\p{M}\\p{Extended_Pictographic}])[\\u200C\\u200D]",
    "[\\u200C\\u200D](?![\\p{L}\\p{M}\\p{Extended_Pictographic}])",
    // Unicode tag characters hide ASCII text; outside an emoji flag sequence they are stripped
    "(?<!\\u{1F3F4}[\\u{E0020}-\\u{E007E}]*)[\\u{E0000}-\\u{E007F}]",
  ].join("|"),
  "gu",
);

/** The text without invisible and bidi-control characters (see the module comment). */
export function stripInvisibleCharacters(text: string): string {
  return text.replace(INVISIBLE, "");
}

/** True when the text holds a character stripInvisibleCharacters would remove. */
export function hasInvisibleCharacters(text: string): boolean {
  return stripInvisibleCharacters(text) !== text;
}
