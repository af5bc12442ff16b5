import { diffWordsWithSpace } from "diff";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/**
 * Word-level differences between two versions of a report's canonical text, for the
 * "compare versions" view. Pure: also used by the CLI and unit tests.
 */
export function diffReportText(before: string, after: string): DiffPart[] | null {
  // Myers diff costs length x edits: two unrelated 200k-character texts must not block the
  // server, so give up after a bounded time and let the page say they are too different
  const changes = diffWordsWithSpace(before, after, { timeout: 500 });
  if (!changes) return null;
  return changes.map((change) => ({
    kind: change.added ? "added" : change.removed ? "removed" : "same",
    text: change.value,
  }));
}

/** Counts of changed words, for the summary line above a diff. */
export function diffStats(parts: DiffPart[]): { added: number; removed: number } {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  return parts.reduce(
    (stats, part) => ({
      added: stats.added + (part.kind === "added" ? words(part.text) : 0),
      removed: stats.removed + (part.kind === "removed" ? words(part.text) : 0),
    }),
    { added: 0, removed: 0 },
  );
}
