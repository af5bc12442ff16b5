/**
 * A stored conflict detail, laid out for reading: "Killed (soldiers): twelve (Sada Talvar) vs
 * at least 17 (Talvar Civilian Monitor)" becomes a heading and groups of sides, each side the
 * value and the outlets that carry it. Separators inside quotes or parentheses are part of the
 * text, never a split, so nothing of the detail is lost or reordered.
 */
export type ConflictSide = { value: string; outlets: string | null };
export type ConflictDetailView = { heading: string | null; groups: ConflictSide[][] };

const HEADING_END = ": ";
const GROUP_SEPARATOR = "; ";
const SIDE_SEPARATOR = " vs ";

/** Splits the detail into a heading and groups of sides ("; " between groups, " vs " between sides). */
export function conflictDetailView(detail: string): ConflictDetailView {
  const headingEnd = topLevelIndexes(detail, HEADING_END)[0];
  // the heading names the quantity or the kind ("Killed (soldiers)", "Completed vs ongoing")
  const heading = headingEnd === undefined ? null : detail.slice(0, headingEnd);
  const body = headingEnd === undefined ? detail : detail.slice(headingEnd + HEADING_END.length);
  const groups = splitTopLevel(body, GROUP_SEPARATOR).map((group) => splitTopLevel(group, SIDE_SEPARATOR).map(sideOf));
  return { heading, groups };
}

function sideOf(text: string): ConflictSide {
  const trimmed = text.trim();
  if (!trimmed.endsWith(")")) return { value: trimmed, outlets: null };
  // the outlets are the last balanced parenthesised group ("twelve (Sada Talvar (English service))")
  let depth = 0;
  for (let index = trimmed.length - 1; index >= 0; index--) {
    const char = trimmed[index];
    if (char === ")") depth++;
    else if (char === "(") depth--;
    if (depth === 0) {
      const value = trimmed.slice(0, index).trim();
      return value ? { value, outlets: trimmed.slice(index + 1, -1) } : { value: trimmed, outlets: null };
    }
  }
  return { value: trimmed, outlets: null };
}

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const index of topLevelIndexes(text, separator)) {
    parts.push(text.slice(start, index));
    start = index + separator.length;
  }
  parts.push(text.slice(start));
  return parts;
}

/** Where the separator stands outside quotes and parentheses. */
function topLevelIndexes(text: string, separator: string): number[] {
  const found: number[] = [];
  let depth = 0;
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (char === "“") quoted = true;
    else if (char === "”") quoted = false;
    else if (!quoted && char === "(") depth++;
    else if (!quoted && char === ")") depth = Math.max(0, depth - 1);
    else if (!quoted && depth === 0 && text.startsWith(separator, index)) {
      found.push(index);
      index += separator.length - 1;
    }
  }
  return found;
}
