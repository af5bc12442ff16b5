/**
 * What changed between two explainer revisions, for the reviewer: a word-level diff of the text
 * (title, dek, sections and bullets) and the citations added, removed or re-attributed. Pure.
 */
import { diffReportText, diffStats, type DiffPart } from "@/lib/reports/text-diff";
import { documentText, extractCitations, type ExplainerDoc } from "@/lib/explainers/document";
import { citationKey } from "@/lib/explainers/writing-rules";

export type RevisionSnapshot = { title: string; dek: string; content: ExplainerDoc };

export type CitationChange = {
  key: string;
  claimId: string | null;
  factId: string | null;
  attributed: boolean;
  attribution: string;
  /** for "changed": how it was cited before */
  before?: { attributed: boolean; attribution: string };
};

export type RevisionDiff = {
  title: DiffPart[];
  dek: DiffPart[];
  /** null when the texts are too different to diff in bounded time */
  body: DiffPart[] | null;
  stats: { added: number; removed: number };
  citationsAdded: CitationChange[];
  citationsRemoved: CitationChange[];
  /** cited in both, but stated differently (attributed vs as fact, or another phrase) */
  citationsChanged: CitationChange[];
};

const EMPTY: RevisionSnapshot = { title: "", dek: "", content: { type: "doc", content: [] } };

function citationMap(doc: ExplainerDoc): Map<string, CitationChange> {
  const map = new Map<string, CitationChange>();
  for (const citation of extractCitations(doc)) {
    const key = citationKey(citation);
    if (!map.has(key)) map.set(key, { key, claimId: citation.claimId, factId: citation.factId, attributed: citation.attributed, attribution: citation.attributed ? citation.attribution : "" });
  }
  return map;
}

/** The diff from `base` (last approved or published; null for a first revision) to `head`. */
export function diffRevisions(base: RevisionSnapshot | null, head: RevisionSnapshot): RevisionDiff {
  const from = base ?? EMPTY;
  const body = diffReportText(documentText(from.content), documentText(head.content));
  const title = diffReportText(from.title, head.title) ?? [{ kind: "added", text: head.title }];
  const dek = diffReportText(from.dek, head.dek) ?? [{ kind: "added", text: head.dek }];
  const before = citationMap(from.content);
  const after = citationMap(head.content);
  const citationsAdded = [...after.values()].filter((citation) => !before.has(citation.key));
  const citationsRemoved = [...before.values()].filter((citation) => !after.has(citation.key));
  const citationsChanged = [...after.values()].flatMap((citation) => {
    const old = before.get(citation.key);
    if (!old || (old.attributed === citation.attributed && old.attribution === citation.attribution)) return [];
    return [{ ...citation, before: { attributed: old.attributed, attribution: old.attribution } }];
  });
  const stats = [title, dek, body ?? []].map(diffStats).reduce((sum, part) => ({ added: sum.added + part.added, removed: sum.removed + part.removed }), { added: 0, removed: 0 });
  return { title, dek, body, stats, citationsAdded, citationsRemoved, citationsChanged };
}
