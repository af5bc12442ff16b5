import { z } from "zod";
import { stripInvisibleCharacters } from "./invisible-characters";
import { withoutUnstorableCharacters } from "./unstorable-text";

/**
 * A string schema that strips invisible and bidi-control characters before any other check,
 * so `.trim().min(1)` sees what a reader would see. Use it for text people write and others
 * read as written: claims (statement, attribution, notes) and explainers (title, dek, text).
 */
export function visibleText(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).overwrite(stripInvisibleCharacters);
}

/**
 * Free text from a URL's query string (search boxes, tag filters): NUL bytes and broken
 * characters are dropped rather than refused, and anything that is not one string falls back
 * to "no filter", so a hand-edited or stale URL never errors.
 */
export function queryText(maxLength = 200) {
  return z.string().overwrite(withoutUnstorableCharacters).trim().max(maxLength).optional().catch(undefined);
}
