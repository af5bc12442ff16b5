/**
 * Pure helpers for a plain text field (the explainer's title and dek) bound to a shared Yjs text.
 * Two people typing in one field at once must each keep their letters together; both helpers
 * exist for that.
 */

export type Splice = { index: number; remove: number; insert: string };

/**
 * The edit that turned `before` into `after`, placed where the person typed. The field's caret
 * after the edit (`caret`) decides between equal readings: typing "a" between the two a's of
 * "aab" reads as an insert at 1, not at 2. A diff without the caret credits such a letter to the
 * neighbouring character, which may be someone else's, and the two people's letters interleave.
 * Null when nothing changed.
 */
export function spliceFor(before: string, after: string, caret: number | null): Splice | null {
  if (before === after) return null;
  // the text after the caret is untouched by typing, so the change ends at the caret
  const caretLimit = caret === null || caret < 0 || caret > after.length ? Infinity : after.length - caret;
  const maxSuffix = Math.min(before.length, after.length, caretLimit);
  let suffix = 0;
  while (suffix < maxSuffix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix += 1;
  const maxPrefix = Math.min(before.length, after.length) - suffix;
  let prefix = 0;
  while (prefix < maxPrefix && before[prefix] === after[prefix]) prefix += 1;
  return { index: prefix, remove: before.length - prefix - suffix, insert: after.slice(prefix, after.length - suffix) };
}

/** One step of a Yjs text delta (the shape of `YTextEvent.delta`). */
export type TextDeltaOp = { retain?: number; insert?: unknown; delete?: number };

/**
 * Where this person's selection is after someone else's change. Text inserted exactly at the
 * caret goes after it: the other person typed behind this person's last letter, and this
 * person's next letter must follow their own, not the other person's.
 */
export function selectionAfterDelta(delta: readonly TextDeltaOp[], start: number, end: number): [number, number] {
  let index = 0;
  for (const op of delta) {
    if (op.retain) index += op.retain;
    else if (typeof op.insert === "string") {
      const length = op.insert.length;
      if (index < start) start += length;
      if (index < end) end += length;
      index += length;
    } else if (op.delete) {
      if (index < start) start -= Math.min(op.delete, start - index);
      if (index < end) end -= Math.min(op.delete, end - index);
    }
  }
  return [start, end];
}
