/** Summary of a fact: its independent sources, its conflicts and one representative statement. */
import { factAbout } from "./about";
import { findConflicts } from "./conflicts";
import { documentFrequencies, prepareClaims, similarity } from "./similarity";
import { independentSources } from "./sources";
import type { FactSummary, FeaturedClaim } from "./types";

const MAX_STATEMENT = 300;

// a sentence that opens with a pronoun ("He denied ...", "This contradicts ...") leans on the one before it
const LEANS_BACK = /^[\s"“'‘(]*(?:he|she|they|it|this|these|those|his|her|their|its)\b/iu;

/**
 * The claim most like the others (ties: the shorter, then the first), trimmed to 300 characters;
 * a facet of a sentence ("killing nine and injuring 40") gives its whole sentence, which reads alone.
 */
function representative(claims: readonly FeaturedClaim[]): string {
  if (claims.length === 0) return "";
  const prepared = prepareClaims(claims, documentFrequencies(claims), claims.length);
  let best = 0;
  let bestScore = -1;
  for (const p of prepared) {
    let total = 0;
    for (const q of prepared) if (q !== p) total += similarity(p, q);
    const score = total - p.claim.text.length / 100_000;
    if (score > bestScore + 1e-12) {
      bestScore = score;
      best = p.index;
    }
  }
  const text = (claims[best]!.sentence ?? claims[best]!.text).replace(/\s+/gu, " ").trim();
  if (text.length <= MAX_STATEMENT) return text;
  const cut = text.slice(0, MAX_STATEMENT - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), MAX_STATEMENT - 40))}…`;
}

/**
 * Sources, conflicts and statement of a fact's claims. `readable` says which claims may give the
 * statement (the desk passes those not from an unchecked garbled passage, so a machine
 * translation never headlines a fact); when none may, all can.
 */
export function summarizeFact(claims: FeaturedClaim[], options: { readable?: (claim: FeaturedClaim) => boolean } = {}): FactSummary {
  const readable = options.readable ? claims.filter(options.readable) : claims;
  const candidates = readable.length > 0 ? readable : claims;
  // a sentence that states this fact alone says it best: a lead stating several facts would give
  // the same statement to each of them
  const alone = candidates.filter((claim) => claim.sentence === undefined);
  const statable = alone.length > 0 ? alone : candidates;
  // and one that names what it speaks of: "He denied that the town had fallen" needs the
  // sentence before it
  const named = statable.filter((claim) => !LEANS_BACK.test(claim.sentence ?? claim.text));
  return { sources: independentSources(claims), conflicts: findConflicts(claims), statement: representative(named.length > 0 ? named : statable), about: factAbout(claims) };
}
