/**
 * The desk's writing rules for explainers. Pure, so the editor shows the same verdicts live that
 * the domain layer enforces on submit.
 *
 * - Verified: may be stated as fact (or attributed, if the writer prefers).
 * - Unverified, in progress, disputed, unverifiable: only with attribution ("according to ...").
 * - False: never stated as fact. It may appear attributed, so an explainer can say who spread it
 *   ("Northgate Wire reported ...; the desk found this to be false"); the phrase offered for a
 *   false claim says so, and the reviewer sees the false status on the chip.
 * - A bullet with text needs at least one citation.
 * - A citation must point at a claim or fact of the explainer's own story.
 */
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { bulletsOf, type CitationAttrs, type ExplainerDoc } from "./document-read";

/** What the rules need to know about a cited claim or fact (loaded by the server, or sent to the editor). */
export type CitationTargetFacts = {
  status: ClaimStatus;
  /** independent outlets carrying it */
  sourceCount: number;
};

export type RuleProblemKind = "uncited_bullet" | "false_as_fact" | "needs_attribution" | "empty_attribution" | "unknown_target";

export type RuleProblem = {
  kind: RuleProblemKind;
  /** the bullet's index in reading order (see bulletsOf) */
  bulletIndex: number;
  section: string;
  /** the bullet's text, shortened, so the writer recognises it */
  excerpt: string;
  message: string;
};

const STATUS_WORDS: Record<ClaimStatus, string> = {
  UNVERIFIED: "unverified",
  IN_PROGRESS: "still being checked",
  VERIFIED: "verified",
  DISPUTED: "disputed",
  FALSE: "false",
  UNVERIFIABLE: "unverifiable",
};

/** True when a claim or fact in this status may be stated without attribution. */
export function mayBeStatedAsFact(status: ClaimStatus): boolean {
  return status === "VERIFIED";
}

export function citationKey(attrs: Pick<CitationAttrs, "claimId" | "factId">): string {
  return attrs.claimId ? `claim:${attrs.claimId}` : `fact:${attrs.factId}`;
}

function excerptOf(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79).trimEnd()}…` : text || "(empty bullet)";
}

/**
 * Every rule the document breaks, bullet by bullet, in reading order. `targets` maps
 * citationKey → facts about the claim or fact; a key missing from it is an unknown target.
 */
export function checkWritingRules(doc: ExplainerDoc, targets: ReadonlyMap<string, CitationTargetFacts>): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const bullet of bulletsOf(doc)) {
    const base = { bulletIndex: bullet.index, section: bullet.section, excerpt: excerptOf(bullet.text) };
    if (bullet.text !== "" && bullet.citations.length === 0) {
      problems.push({ ...base, kind: "uncited_bullet", message: "This bullet states something without a citation. Cite a claim or fact, or delete it." });
    }
    for (const citation of bullet.citations) {
      const target = targets.get(citationKey(citation));
      if (!target) {
        problems.push({ ...base, kind: "unknown_target", message: "A citation points at a claim or fact that is not in this story (it may have been deleted)." });
        continue;
      }
      if (citation.attributed) {
        if (citation.attribution.trim() === "") {
          problems.push({ ...base, kind: "empty_attribution", message: "An attributed citation needs its phrase (“according to …”)." });
        }
        continue;
      }
      if (target.status === "FALSE") {
        problems.push({ ...base, kind: "false_as_fact", message: "A claim marked false cannot be stated as fact. Remove it, or attribute it and say it is false." });
      } else if (!mayBeStatedAsFact(target.status)) {
        problems.push({
          ...base,
          kind: "needs_attribution",
          message: `A ${STATUS_WORDS[target.status]} claim can only be cited with attribution (“according to …”).`,
        });
      }
    }
  }
  return problems;
}

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

function countWord(count: number): string {
  return NUMBER_WORDS[count] ?? String(count);
}

/**
 * Turns a claim's attribution ("two Syrian army sources said", "said a military spokesman") into
 * the words after "according to" ("two Syrian army sources", "a military spokesman").
 */
export function attributionSubject(attribution: string): string {
  return attribution
    .trim()
    .replace(/[.,;:]+$/, "")
    .replace(/^(according to|as reported by|reported by)\s+/i, "")
    .replace(/^(said|says|told|reported|claimed|claims)\s+/i, "")
    .replace(/\s+(said|says|told [\w\s]+|reported|claimed|claim|say)$/i, "")
    .trim();
}

export type PhraseInput = {
  status: ClaimStatus;
  /** the claim's own attribution, when it has one ("two army sources said") */
  attribution: string | null;
  /** outlets carrying it, most relevant first */
  outlets: readonly string[];
  sourceCount: number;
};

/**
 * Attribution phrases the editor offers for a citation, best first: from the claim's own
 * attribution, from its outlets, and from the number of sources. For a false claim the phrases
 * say it is false, so it is never repeated as if it might be true.
 */
export function attributionPhrases(input: PhraseInput): string[] {
  const phrases: string[] = [];
  const subject = input.attribution ? attributionSubject(input.attribution) : "";
  const outlet = input.outlets[0];
  if (input.status === "FALSE") {
    if (outlet) phrases.push(`${outlet} reported this; the desk found it to be false`);
    if (subject) phrases.push(`${subject} claimed this; it is false`);
    phrases.push("this claim circulated but is false");
    return phrases;
  }
  const unconfirmed =
    input.status === "DISPUTED" ? "other sources dispute this" : input.status === "IN_PROGRESS" ? "the desk is still checking this" : "this could not be independently verified";
  if (subject) phrases.push(`according to ${subject}`);
  if (outlet) phrases.push(`${outlet} reported; ${unconfirmed}`);
  if (input.sourceCount > 1) phrases.push(`according to ${countWord(input.sourceCount)} outlets; ${unconfirmed}`);
  if (input.outlets.length > 1) phrases.push(`according to ${input.outlets.slice(0, 3).join(", ")}`);
  if (phrases.length === 0) phrases.push(`according to reports; ${unconfirmed}`);
  return [...new Set(phrases)];
}

/** The aggregate status of a fact from its claims' statuses: false beats disputed beats verified-by-all. */
export function aggregateFactStatus(statuses: readonly ClaimStatus[]): ClaimStatus {
  if (statuses.includes("FALSE")) return "FALSE";
  if (statuses.includes("DISPUTED")) return "DISPUTED";
  if (statuses.length > 0 && statuses.every((status) => status === "VERIFIED")) return "VERIFIED";
  return "UNVERIFIED";
}
