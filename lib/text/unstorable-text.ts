/**
 * Text PostgreSQL cannot store. A NUL byte is refused by `text` and `jsonb` columns, and a lone
 * UTF-16 surrogate (half of an emoji, or `"\ud800"` in JSON) is refused by `jsonb` and turned
 * into U+FFFD elsewhere, so either one would surface as a database error (a 500) far from the
 * form that sent it. Every domain input is checked here before validation (lib/errors/parse-input.ts),
 * so the person gets a 4xx naming the field instead. Pure: no server imports.
 */

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Nesting deeper than any form or document of the desk sends; deeper input is refused unread. */
export const MAX_INPUT_DEPTH = 64;

export const UNSTORABLE_TEXT_MESSAGE =
  "This text contains a character the desk cannot store (a NUL byte or half of a broken character). Remove it and try again.";
export const TOO_DEEP_MESSAGE = "The input is nested too deeply.";

/** True when the string holds a NUL byte or a lone surrogate. */
export function hasUnstorableCharacters(value: string): boolean {
  return UNSTORABLE.test(value);
}

/** Drops NUL bytes and lone surrogates (for search boxes, where refusing would only annoy). */
export function withoutUnstorableCharacters(value: string): string {
  return value.replace(new RegExp(UNSTORABLE.source, "g"), "");
}

export type UnstorableInput = { problem: "unstorable_text" | "too_deep"; path: (string | number)[] };

/**
 * Walks any input (objects, arrays, strings, also object keys) and returns the first place that
 * holds unstorable text or nests deeper than MAX_INPUT_DEPTH, or null. Iterative, so a hostile
 * 100,000-level object cannot overflow the stack.
 */
export function findUnstorableInput(input: unknown): UnstorableInput | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      if (hasUnstorableCharacters(value)) return { problem: "unstorable_text", path };
      continue;
    }
    if (value === null || typeof value !== "object" || seen.has(value)) continue;
    if (path.length >= MAX_INPUT_DEPTH) return { problem: "too_deep", path };
    seen.add(value);
    // FormData, Map and other iterables of entries are not plain objects; the forms hand plain
    // objects to the domain layer (lib/http/action-result.ts formFields), so only those are walked
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      if (hasUnstorableCharacters(key)) return { problem: "unstorable_text", path: [...path, key] };
      stack.push({ value: item, path: [...path, key] });
    }
  }
  return null;
}
