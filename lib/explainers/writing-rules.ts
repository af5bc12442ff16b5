/**
 * The desk's writing rules for explainers. Pure, so the editor shows the same verdicts live that
 * the domain layer enforces on submit, approve and publish, and that a status change checks
 * again after approval.
 *
 * The rules table (CITATION_RULES) says, for each verification status, which citation forms
 * (see CitationForm in ./document-read.ts) a bullet may use:
 * - verified: as fact, or attributed if the writer prefers;
 * - unverified, in progress, unverifiable: only attributed;
 * - disputed: attributed, or "both sides" (the bullet also cites the other side);
 * - false: never as support (not as fact, not attributed, not as one side): only "debunked",
 *   whose rendering says the claim is false.
 * Beyond the table: an attributed citation needs its phrase, a bullet with text needs at least
 * one citation, and a citation must point at a claim or fact of the explainer's own story.
 */
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { bulletsOf, CITATION_FORMS, citationFormOf, type CitationAttrs, type CitationForm, type ExplainerDoc } from "./document-read";

/** What the rules need to know about a cited claim or fact (loaded by the server, or sent to the editor). */
export type CitationTargetFacts = {
  status: ClaimStatus;
  /** independent outlets carrying it */
  sourceCount: number;
};

export type RuleProblemKind = "uncited_bullet" | "form_not_allowed" | "empty_attribution" | "missing_other_side" | "unknown_target";

export type RuleProblem = {
  kind: RuleProblemKind;
  /** the bullet's index in reading order (see bulletsOf) */
  bulletIndex: number;
  section: string;
  /** the bullet's text, shortened, so the writer recognises it */
  excerpt: string;
  message: string;
};

/** A cell of the rules table: allowed, or refused with the message the writer sees. */
export type FormVerdict = { allowed: true } | { allowed: false; message: string };

const ALLOWED: FormVerdict = { allowed: true };
const refused = (message: string): FormVerdict => ({ allowed: false, message });

const AS_FACT_ONLY_VERIFIED = (words: string) => refused(`A claim that is ${words} can only be cited with attribution (“according to …”), not stated as fact.`);
const ONLY_DISPUTED_BOTH_SIDES = refused("Only a disputed claim is cited as one side of a dispute; cite this one as fact or with attribution.");
const ONLY_FALSE_DEBUNKED = refused("Only a claim marked false can be cited as debunked.");
const FALSE_NOT_SUPPORT = (form: string) =>
  refused(`A claim marked false cannot support a bullet ${form}. Cite it only as debunked, so the page says it is false, or remove it.`);

/** Labels of the forms, as the editor's choices show them. */
export const CITATION_FORM_LABEL: Record<CitationForm, string> = {
  FACT: "State as fact",
  ATTRIBUTED: "With attribution",
  BOTH_SIDES: "One side of a dispute (cite the other side too)",
  DEBUNKED: "Debunked: say it is false",
};

/** The rules table: status × form → allowed or refused (with why). Every cell is spelled out. */
export const CITATION_RULES = {
  VERIFIED: { FACT: ALLOWED, ATTRIBUTED: ALLOWED, BOTH_SIDES: ONLY_DISPUTED_BOTH_SIDES, DEBUNKED: ONLY_FALSE_DEBUNKED },
  UNVERIFIED: { FACT: AS_FACT_ONLY_VERIFIED("unverified"), ATTRIBUTED: ALLOWED, BOTH_SIDES: ONLY_DISPUTED_BOTH_SIDES, DEBUNKED: ONLY_FALSE_DEBUNKED },
  IN_PROGRESS: { FACT: AS_FACT_ONLY_VERIFIED("still being checked"), ATTRIBUTED: ALLOWED, BOTH_SIDES: ONLY_DISPUTED_BOTH_SIDES, DEBUNKED: ONLY_FALSE_DEBUNKED },
  UNVERIFIABLE: { FACT: AS_FACT_ONLY_VERIFIED("unverifiable"), ATTRIBUTED: ALLOWED, BOTH_SIDES: ONLY_DISPUTED_BOTH_SIDES, DEBUNKED: ONLY_FALSE_DEBUNKED },
  DISPUTED: {
    FACT: refused("A disputed claim cannot be stated as fact: give both sides (cite the other side in the same bullet) or attribute it."),
    ATTRIBUTED: ALLOWED,
    BOTH_SIDES: ALLOWED,
    DEBUNKED: ONLY_FALSE_DEBUNKED,
  },
  FALSE: { FACT: FALSE_NOT_SUPPORT("as fact"), ATTRIBUTED: FALSE_NOT_SUPPORT("even with attribution"), BOTH_SIDES: FALSE_NOT_SUPPORT("as one side of a dispute"), DEBUNKED: ALLOWED },
} as const satisfies Record<ClaimStatus, Record<CitationForm, FormVerdict>>;

/** The table's verdict for citing a claim or fact in `status` in `form`. */
export function formVerdict(status: ClaimStatus, form: CitationForm): FormVerdict {
  return CITATION_RULES[status][form];
}

/** The forms a claim or fact in this status may be cited in, in the table's order. */
export function allowedForms(status: ClaimStatus): CitationForm[] {
  return CITATION_FORMS.filter((form) => formVerdict(status, form).allowed);
}

/** The form a new citation gets: as fact when verified, debunked when false, attributed otherwise. */
export function defaultForm(status: ClaimStatus): CitationForm {
  return allowedForms(status)[0]!;
}

/** True when a claim or fact in this status may be stated without attribution. */
export function mayBeStatedAsFact(status: ClaimStatus): boolean {
  return formVerdict(status, "FACT").allowed;
}

/** True when a form shows an attribution phrase and needs one (debunked may name no one). */
export function formNeedsPhrase(form: CitationForm): boolean {
  return form === "ATTRIBUTED" || form === "BOTH_SIDES";
}

export function citationKey(attrs: Pick<CitationAttrs, "claimId" | "factId">): string {
  return attrs.claimId ? `claim:${attrs.claimId}` : `fact:${attrs.factId}`;
}

function excerptOf(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79).trimEnd()}…` : text || "(empty bullet)";
}

/**
 * What is wrong with one citation inside its bullet (null when nothing): the form the table
 * refuses for the status, a missing phrase, or a "both sides" citation alone in its bullet.
 * The editor's chip shows the same verdict.
 */
export function citationProblem(
  citation: CitationAttrs,
  target: CitationTargetFacts | undefined,
  bulletCitations: readonly CitationAttrs[],
): { kind: Exclude<RuleProblemKind, "uncited_bullet">; message: string } | null {
  if (!target) return { kind: "unknown_target", message: "A citation points at a claim or fact that is not in this story (it may have been deleted)." };
  const form = citationFormOf(citation);
  const verdict = formVerdict(target.status, form);
  if (!verdict.allowed) return { kind: "form_not_allowed", message: verdict.message };
  if (formNeedsPhrase(form) && citation.attribution.trim() === "") {
    return { kind: "empty_attribution", message: "An attributed citation needs its phrase (“according to …”)." };
  }
  if (form === "BOTH_SIDES" && !bulletCitations.some((other) => citationKey(other) !== citationKey(citation))) {
    return { kind: "missing_other_side", message: "A claim cited as one side of a dispute needs the other side cited in the same bullet." };
  }
  return null;
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
      const problem = citationProblem(citation, targets.get(citationKey(citation)), bullet.citations);
      if (problem) problems.push({ ...base, ...problem });
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
