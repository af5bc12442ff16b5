/**
 * What changed between two explainer revisions, for the reviewer: a word-level diff of the text
 * (title, dek, sections and bullets) and the citations added, removed or re-attributed. Pure.
 */
import { diffArrays } from "diff";
import { diffReportText, diffStats, type DiffPart } from "@/lib/reports/text-diff";
import { documentText, extractCitations, type CitationForm, type ExplainerDoc } from "@/lib/explainers/document";
import { citationKey } from "@/lib/explainers/writing-rules";

export type RevisionSnapshot = { title: string; dek: string; content: ExplainerDoc };

export type CitationChange = {
  key: string;
  claimId: string | null;
  factId: string | null;
  attributed: boolean;
  attribution: string;
  form: CitationForm;
  /** for "changed": how it was cited before */
  before?: { attributed: boolean; attribution: string; form: CitationForm };
};

/**
 * One line of the document text (a section title or a bullet): unchanged, edited (word diff
 * inside), or wholly added or removed.
 */
export type DiffLine = { kind: "same" | "changed" | "added" | "removed"; parts: DiffPart[] };

export type RevisionDiff = {
  title: DiffPart[];
  dek: DiffPart[];
  /** null when the texts are too different to diff in bounded time */
  body: DiffLine[] | null;
  stats: { added: number; removed: number };
  citationsAdded: CitationChange[];
  citationsRemoved: CitationChange[];
  /** cited in both, but stated differently (attributed vs as fact, or another phrase) */
  citationsChanged: CitationChange[];
};

/** Share of the longer line's words two lines have in common (how "edited" rather than "replaced"). */
function overlap(parts: readonly DiffPart[]): number {
  const words = (kinds: DiffPart["kind"][]) => parts.filter((part) => kinds.includes(part.kind)).reduce((sum, part) => sum + part.text.split(/\s+/).filter(Boolean).length, 0);
  const same = words(["same"]);
  return same / Math.max(1, Math.max(same + words(["removed"]), same + words(["added"])));
}

/**
 * Line-aware diff: lines are matched first, then an edited line gets a word diff. A bullet that
 * was rewritten (under half of its words kept) shows as removed and added, which reads better
 * than a word salad.
 */
export function diffDocumentLines(before: string, after: string): DiffLine[] | null {
  const split = (text: string) => (text === "" ? [] : text.split("\n"));
  const chunks = diffArrays(split(before), split(after), { timeout: 500 });
  if (!chunks) return null;
  const lines: DiffLine[] = [];
  for (let index = 0; index < chunks.length; index += 1) {
    const chunk = chunks[index]!;
    if (!chunk.added && !chunk.removed) {
      for (const line of chunk.value) lines.push({ kind: "same", parts: [{ kind: "same", text: line }] });
      continue;
    }
    const next = chunks[index + 1];
    const removed = chunk.removed ? chunk.value : [];
    const added = chunk.removed && next?.added ? next.value : chunk.added ? chunk.value : [];
    if (chunk.removed && next?.added) index += 1;
    const pairs = Math.min(removed.length, added.length);
    for (let line = 0; line < Math.max(removed.length, added.length); line += 1) {
      const old = removed[line];
      const fresh = added[line];
      if (line < pairs && old !== undefined && fresh !== undefined) {
        const words = diffReportText(old, fresh);
        if (words && overlap(words) >= 0.5) {
          lines.push({ kind: "changed", parts: words });
          continue;
        }
      }
      if (old !== undefined) lines.push({ kind: "removed", parts: [{ kind: "removed", text: old }] });
      if (fresh !== undefined) lines.push({ kind: "added", parts: [{ kind: "added", text: fresh }] });
    }
  }
  return lines;
}

const EMPTY: RevisionSnapshot = { title: "", dek: "", content: { type: "doc", content: [] } };

function citationMap(doc: ExplainerDoc): Map<string, CitationChange> {
  const map = new Map<string, CitationChange>();
  for (const citation of extractCitations(doc)) {
    const key = citationKey(citation);
    if (!map.has(key)) map.set(key, { key, claimId: citation.claimId, factId: citation.factId, attributed: citation.attributed, attribution: citation.attributed ? citation.attribution : "", form: citation.form });
  }
  return map;
}

/** The diff from `base` (last approved or published; null for a first revision) to `head`. */
export function diffRevisions(base: RevisionSnapshot | null, head: RevisionSnapshot): RevisionDiff {
  const from = base ?? EMPTY;
  const body = diffDocumentLines(documentText(from.content), documentText(head.content));
  const title = diffReportText(from.title, head.title) ?? [{ kind: "added", text: head.title }];
  const dek = diffReportText(from.dek, head.dek) ?? [{ kind: "added", text: head.dek }];
  const before = citationMap(from.content);
  const after = citationMap(head.content);
  const citationsAdded = [...after.values()].filter((citation) => !before.has(citation.key));
  const citationsRemoved = [...before.values()].filter((citation) => !after.has(citation.key));
  const citationsChanged = [...after.values()].flatMap((citation) => {
    const old = before.get(citation.key);
    if (!old || (old.form === citation.form && old.attribution === citation.attribution)) return [];
    return [{ ...citation, before: { attributed: old.attributed, attribution: old.attribution, form: old.form } }];
  });
  const stats = [title, dek, (body ?? []).flatMap((line) => line.parts)].map(diffStats).reduce((sum, part) => ({ added: sum.added + part.added, removed: sum.removed + part.removed }), { added: 0, removed: 0 });
  return { title, dek, body, stats, citationsAdded, citationsRemoved, citationsChanged };
}
