/**
 * Passages an editor should check against the original before relying on them: machine
 * translation and corrupted copy. The signs are grammatical, not lexical: an auxiliary stacked
 * on a finite verb ("were lost their lives"), a bare negation without an auxiliary that may
 * reverse a clause ("investigators not excluded"), verb-second order with a bare noun after a
 * perfect ("has happened explosion"), a passive of a verb that takes no object ("were fallen four
 * persons"), broken number agreement ("14 persons is"), a plural count
 * of a mass noun in translationese ("persons are hospitalized"), and stray fragments between
 * sentences (a short line with no verb). A claim from a flagged passage never counts as
 * corroboration until an editor confirms it.
 */
import { splitSentences } from "./sentences";

export type GarbledPassage = { start: number; end: number; reasons: string[] };

const SIGNS: [string, RegExp][] = [
  ["auxiliary stacked on a finite verb", /\b(?:was|were|is|are|has|have|had)\s+(?:lost|took|gave|made|found|went|came|saw|did)\s+(?:their|his|her|its|the)\b/iu],
  ["negation without an auxiliary", /\b(?:\p{Ll}{3,}s|they|investigators|police|officials|authorities)\s+not\s+\p{Ll}+ed\b/u],
  ["bare noun after a perfect", /\b(?:has|have)\s+(?:happened|occurred|taken place)\s+(?!in\b|at\b|on\b|the\b|a\b|an\b|to\b|,|\.)\p{Ll}+/u],
  // verbs that take no object have no passive: "were fallen", "was happened", "were died"
  ["passive of a verb that takes no object", /\b(?:was|were|is|are|been)\s+(?:fallen|died|happened|occurred|arrived|existed|disappeared|remained|slept|stayed)\b/iu],
  ["broken agreement", /\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|many|several)\s+\p{Ll}+s\s+(?:is|was|has)\b/iu],
  ["translationese count of persons", /\b\d+\s+persons\s+(?:are|were|have)\s+(?:hospitali[sz]ed|lost|died|perished|addressed)\b/iu],
];

/** Flagged passages of a report's text, in text order, each with why. Offsets index `text`. */
export function findGarbledPassages(text: string): GarbledPassage[] {
  const out: GarbledPassage[] = [];
  const sentences = splitSentences(text);
  for (const [i, sentence] of sentences.entries()) {
    const reasons = SIGNS.filter(([, re]) => re.test(sentence.text)).map(([why]) => why);
    // a stray fragment: a short run with no verb-like word, between two full sentences
    const words = sentence.text.split(/\s+/u).filter(Boolean);
    const between = i > 0 && i < sentences.length - 1 && /[.!?]["”’)]*$/u.test(sentences[i - 1]!.text);
    if (between && words.length <= 4 && /^\p{Ll}/u.test(sentence.text) && !/\b\p{Ll}+(?:ed|s|ing)\b/u.test(sentence.text)) reasons.push("stray fragment between sentences");
    if (reasons.length > 0) out.push({ start: sentence.start, end: sentence.end, reasons });
  }
  return out;
}

/** Why a claim's span is in a flagged passage, or an empty list. */
export function garbledReasons(passages: readonly GarbledPassage[], claim: { start: number; end: number }): string[] {
  return [...new Set(passages.filter((p) => p.start < claim.end && claim.start < p.end).flatMap((p) => p.reasons))];
}
