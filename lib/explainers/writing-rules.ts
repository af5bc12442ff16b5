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

/** "A", "A and B", "A, B and C": how an editor lists names. */
export function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

const SPEECH_VERBS = "said|says|say|told|tells|reported|reports|claimed|claims|claim|added|adds|stated|states|confirmed|confirms|announced|announces|insisted|insists|warned|warns|wrote|writes|posted|posts|alleged|alleges|according";
// words that start a common noun phrase: lower-cased after "according to" ("The ministry said" → "the ministry")
const LOWER_FIRST = new Set([
  "the", "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "some", "many", "most",
  "officials", "police", "witnesses", "residents", "sources", "rescuers", "doctors", "medics", "activists", "rebels", "soldiers", "villagers", "local", "military", "army", "security", "hospital", "government", "state",
]);

function lowerCommonFirstWord(subject: string): string {
  const [first = "", ...rest] = subject.split(" ");
  return LOWER_FIRST.has(first.toLowerCase()) && first !== first.toUpperCase() ? [first.toLowerCase(), ...rest].join(" ") : subject;
}

/**
 * Turns a claim's stored attribution into who said it, the words after "according to":
 * "two army sources said" → "two army sources"; "said a military spokesman" → "a military
 * spokesman"; "Interior Minister Dara Voss told reporters on Tuesday" → "Interior Minister Dara
 * Voss"; "(Northgate)" → "Northgate"; "Northgate said, citing two army sources" → "two army
 * sources cited by Northgate". Clauses the desk adds itself ("which could not be independently
 * verified", "speaking on condition of anonymity") are dropped. "" when nothing is left.
 */
export function attributionSubject(attribution: string): string {
  let text = attribution
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\((.*)\)$/, "$1")
    .replace(/[.,;:]+$/, "")
    .trim();
  // "…, a claim that could not be independently verified" is the desk's verdict, not the source
  text = text.replace(/,?\s*(?:(?:a claim|something|which|that|this)\s+)?(?:could not|cannot|can't|couldn't) be (?:independently )?(?:verified|confirmed).*$/i, "").trim();
  text = text.replace(/,?\s*(?:speaking|who spoke|who asked|asking) (?:on condition of|not to be).*$/i, "").trim();

  // "X said, citing Y" / "X, citing Y" / "X reported citing Y": Y is who said it, through X
  const citing = /^(.*?)(?:,?\s+(?:said|says|reported|reports|wrote))?,?\s+(?:citing|quoting)\s+(.+)$/i.exec(text);
  if (citing && citing[1]!.trim() && citing[2]!.trim()) {
    const through = attributionSubject(citing[1]!);
    const who = attributionSubject(citing[2]!);
    if (through && who) return `${who} cited by ${through}`;
  }
  // "citing Y" alone
  text = text.replace(/^(?:according to|as reported by|reported by|as cited by|cited by|citing|quoting|via)\s+/i, "");
  // "said a military spokesman": the verb comes first
  const verbFirst = new RegExp(`^(?:${SPEECH_VERBS})\\s+(?:to\\s+)?(.+)$`, "i").exec(text);
  if (verbFirst) text = verbFirst[1]!;
  else text = text.replace(new RegExp(`\\s+(?:${SPEECH_VERBS})\\b.*$`, "i"), "");
  // trailing "in a statement", "on Tuesday", "to reporters" left after a verb-first attribution
  text = text.replace(/\s+(?:in a statement|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|to reporters|late on .*|earlier)\b.*$/i, "");
  text = text.replace(/[.,;:]+$/, "").trim();
  return lowerCommonFirstWord(text);
}

export type PhraseInput = {
  status: ClaimStatus;
  /** the claim's own attribution, when it has one ("two army sources said") */
  attribution: string | null;
  /** outlets carrying it, most relevant first */
  outlets: readonly string[];
  sourceCount: number;
};

const CAVEAT: Partial<Record<ClaimStatus, string>> = {
  UNVERIFIED: "this could not be independently verified",
  UNVERIFIABLE: "this could not be independently verified",
  IN_PROGRESS: "the desk is still checking this",
  DISPUTED: "other sources dispute this",
};

/**
 * Attribution phrases the editor offers for a citation, best first, built from the claim's own
 * attribution and its outlets, each one read after the bullet's words ("…, according to two army
 * sources."). Unconfirmed statuses also get a phrase with the caveat ("; this could not be
 * independently verified"). For a false claim they name who spread it, for the debunked form:
 * the page itself adds that the claim is false, so no phrase says it twice.
 */
export function attributionPhrases(input: PhraseInput): string[] {
  const phrases: string[] = [];
  const subject = input.attribution ? attributionSubject(input.attribution) : "";
  const outlets = [...new Set(input.outlets.map((outlet) => outlet.trim()).filter(Boolean))];
  const named = outlets.slice(0, 3);
  // the subject already names the outlet ("Northgate" or "… cited by Northgate"): say it once
  const subjectNamesOutlet = (outlet: string) => subject.toLowerCase() === outlet.toLowerCase() || subject.toLowerCase().endsWith(` by ${outlet.toLowerCase()}`);
  const byOutlets =
    outlets.length > 3 || input.sourceCount > Math.max(outlets.length, 1)
      ? `${countWord(Math.max(input.sourceCount, outlets.length))} outlets reported`
      : named.length > 0
        ? `${listOf(named)} reported`
        : "";
  const caveat = CAVEAT[input.status];

  // with the caveat first: what a reader most needs to know about a claim the desk has not confirmed
  if (caveat && subject) phrases.push(`according to ${subject}; ${caveat}`);
  if (subject) phrases.push(`according to ${subject}`);
  if (subject && named[0] && !subjectNamesOutlet(named[0]) && outlets.length === 1) phrases.push(`according to ${subject}, ${named[0]} reported`);
  if (byOutlets) phrases.push(caveat ? `${byOutlets}; ${caveat}` : byOutlets);
  if (caveat && byOutlets) phrases.push(byOutlets);
  if (phrases.length === 0) phrases.push(caveat ? `according to reports; ${caveat}` : "according to reports");
  return [...new Set(phrases)];
}

/** The aggregate status of a fact from its claims' statuses: false beats disputed beats verified-by-all. */
export function aggregateFactStatus(statuses: readonly ClaimStatus[]): ClaimStatus {
  if (statuses.includes("FALSE")) return "FALSE";
  if (statuses.includes("DISPUTED")) return "DISPUTED";
  if (statuses.length > 0 && statuses.every((status) => status === "VERIFIED")) return "VERIFIED";
  return "UNVERIFIED";
}
