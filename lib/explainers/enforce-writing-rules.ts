import "server-only";
import type { Tx } from "@/lib/db/client";
import { invalid } from "@/lib/errors/domain-errors";
import { loadCitationTargets, type CitationTarget } from "./citation-targets";
import { extractCitations, ZExplainerDoc, type ExplainerDoc } from "./document";
import { checkWritingRules, type RuleProblem } from "./writing-rules";

/** The moment the rules are checked, for the message the writer or reviewer reads. */
export type RuleCheckpoint = "submit" | "approve" | "publish";

const LEAD: Record<RuleCheckpoint, (count: number) => string> = {
  submit: (count) => `Fix ${count === 1 ? "this bullet" : `these ${count} problems`} before review.`,
  approve: (count) =>
    `This revision breaks the citation rules with the claims' current statuses (${count === 1 ? "one problem" : `${count} problems`}); request changes instead of approving it.`,
  publish: (count) =>
    `The approved revision breaks the citation rules with the claims' current statuses (${count === 1 ? "one problem" : `${count} problems`}). Edit it and have it reviewed again before publishing.`,
};

/** Rule problems of a stored document, against the current statuses of what it cites. */
export async function writingRuleProblems(tx: Tx, storyId: string, content: unknown): Promise<{ doc: ExplainerDoc; problems: RuleProblem[]; targets: Map<string, CitationTarget> }> {
  const doc = ZExplainerDoc.parse(content);
  const citations = extractCitations(doc);
  const loaded = await loadCitationTargets(tx, storyId, {
    claimIds: [...new Set(citations.flatMap((citation) => (citation.claimId ? [citation.claimId] : [])))],
    factIds: [...new Set(citations.flatMap((citation) => (citation.factId ? [citation.factId] : [])))],
  });
  const targets = new Map(loaded.map((target) => [target.key, target]));
  return { doc, problems: checkWritingRules(doc, targets), targets };
}

/**
 * Refuses (invalid, each offending bullet under `bullet.<index>`) a document that breaks the
 * writing rules with the current statuses of the claims and facts it cites. Submit, approve and
 * publish all call it, so a status changed in between cannot slip a refused citation through.
 */
export async function assertWritingRules(tx: Tx, storyId: string, content: unknown, checkpoint: RuleCheckpoint) {
  const checked = await writingRuleProblems(tx, storyId, content);
  if (checked.problems.length > 0) {
    const fieldErrors: Record<string, string> = {};
    for (const problem of checked.problems) {
      fieldErrors[`bullet.${problem.bulletIndex}`] ??= `${problem.section ? `${problem.section}: ` : ""}“${problem.excerpt}” — ${problem.message}`;
    }
    throw invalid(LEAD[checkpoint](checked.problems.length), fieldErrors);
  }
  return checked;
}
