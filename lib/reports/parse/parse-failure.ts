import { type ParseErrorCode } from "./types";

/**
 * A parser's way of saying "this input is not acceptable", with a message an editor can act on.
 * Parsers throw it from deep inside; `parseUpload` turns it into `{ ok: false, error }`, so no
 * caller ever sees it thrown. Anything else thrown is a bug, not bad input.
 */
export class ReportParseError extends Error {
  override readonly name = "ReportParseError";
  constructor(
    message: string,
    readonly code: ParseErrorCode = "invalid",
  ) {
    super(message);
  }
}

/** Throws a ReportParseError; a function so parsers can use it in expression position. */
export function reject(message: string, code: ParseErrorCode = "invalid"): never {
  throw new ReportParseError(message, code);
}

/**
 * Runs `build` for one item of a multi-item file and prefixes its rejection with the item
 * ("item 3 ("Rebels seize ..."): empty body") so an editor can find it. Other errors pass as is.
 */
export function inItem<T>(label: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof ReportParseError) throw new ReportParseError(`${label}: ${error.message}`, error.code);
    throw error;
  }
}

/** "item 3" or, when the item has a title, `item 3 ("Rebels seize the crossing")`. */
export function itemLabel(kind: string, index: number, title: string | null): string {
  const shortTitle = title && title.length > 60 ? `${title.slice(0, 59)}…` : title;
  return shortTitle ? `${kind} ${index + 1} ("${shortTitle}")` : `${kind} ${index + 1}`;
}
