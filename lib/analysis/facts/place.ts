/**
 * Where the entries of newly analysed claims stand among a story's facts: the app's incremental
 * grouping (lib/facts/further-facts.ts writes what this decides). Pure, so the labeled sets can
 * replay a story report by report exactly as the app groups it (`factsAsTheAppGroups`).
 */
import { assignClaims, furtherFacts } from "./assign";
import { parseEntryId } from "./entries";
import type { AssignResult, ExistingFact, FeaturedClaim } from "./types";

/** A member standing in a fact with some of its entries (indexes, ascending). */
export type Standing = { memberId: string; factId: string; entries: number[] };

export type PlacementPlan = {
  /** ids of the facts to create, in the order `newId` gave them */
  newFactIds: string[];
  /** each added member's primary fact, with its entries there */
  primary: Standing[];
  /** further facts: of added members, and of earlier members found to state an added entry's fact */
  further: Standing[];
  /** the story's facts after the placement, each with every entry standing in it */
  facts: ExistingFact[];
};

/**
 * The story's facts after an assignment: `existing` with the entries `assignClaims` joined to
 * each, and the groups it created under `newFactIds`.
 */
export function factsAfterAssignment(existing: readonly ExistingFact[], added: readonly FeaturedClaim[], result: AssignResult, newFactIds: readonly string[]): ExistingFact[] {
  const byId = new Map(added.map((claim) => [claim.id, claim]));
  const joined = new Map(result.joined.map((join) => [join.factId, join.claimIds]));
  const facts = existing.map((fact) => {
    const ids = joined.get(fact.id);
    return ids ? { ...fact, claims: [...fact.claims, ...ids.map((id) => byId.get(id)!)] } : fact;
  });
  result.created.forEach((group, index) => facts.push({ id: newFactIds[index]!, claims: group.claimIds.map((id) => byId.get(id)!), locked: false }));
  return facts;
}

/**
 * Places `added` entries (see `memberEntries`: all entries of members in no fact yet) among the
 * story's `existing` facts:
 * - each entry joins an existing fact or a new one (`assignClaims`), then every further fact it
 *   is similar to as a whole (`furtherFacts`), as may earlier members' entries join the facts the
 *   new entries are in;
 * - a member's primary fact is the fact of its first entry that stands there with another
 *   member (else of its first entry); its other facts are further ones, each with its entries.
 */
export function planPlacement(existing: readonly ExistingFact[], added: readonly FeaturedClaim[], newId: () => string): PlacementPlan {
  const result = assignClaims({ facts: [...existing], added: [...added] });
  const newFactIds = result.created.map(() => newId());
  const facts = factsAfterAssignment(existing, added, result, newFactIds);

  // member → fact → entries standing there
  const standing = new Map<string, Map<string, Set<number>>>();
  const stand = (id: string, factId: string) => {
    const { memberId, entry } = parseEntryId(id);
    let ofMember = standing.get(memberId);
    if (!ofMember) standing.set(memberId, (ofMember = new Map()));
    let entries = ofMember.get(factId);
    if (!entries) ofMember.set(factId, (entries = new Set()));
    entries.add(entry);
  };
  for (const join of result.joined) for (const id of join.claimIds) stand(id, join.factId);
  result.created.forEach((group, index) => group.claimIds.forEach((id) => stand(id, newFactIds[index]!)));
  const sameMember = (a: string, b: string) => parseEntryId(a).memberId === parseEntryId(b).memberId;
  const byId = new Map([...existing.flatMap((fact) => fact.claims), ...added].map((claim) => [claim.id, claim]));
  const joinedFurther = new Map<string, FeaturedClaim[]>();
  for (const { claimId, factIds } of furtherFacts({ facts, claimIds: added.map((entry) => entry.id) }, { sameStatement: sameMember })) {
    for (const factId of factIds) {
      stand(claimId, factId);
      (joinedFurther.get(factId) ?? joinedFurther.set(factId, []).get(factId)!).push(byId.get(claimId)!);
    }
  }

  // the members standing in each fact (existing facts have members of their own)
  const membersIn = new Map<string, Set<string>>();
  for (const fact of facts) membersIn.set(fact.id, new Set(fact.claims.map((claim) => parseEntryId(claim.id).memberId)));
  for (const [memberId, ofMember] of standing) for (const factId of ofMember.keys()) membersIn.get(factId)?.add(memberId);

  const addedMembers = new Set(added.map((entry) => parseEntryId(entry.id).memberId));
  const primary: Standing[] = [];
  const further: Standing[] = [];
  for (const [memberId, ofMember] of standing) {
    const stands = [...ofMember.entries()].map(([factId, entries]) => ({ memberId, factId, entries: [...entries].sort((a, b) => a - b) }));
    if (!addedMembers.has(memberId)) {
      further.push(...stands);
      continue;
    }
    const first = (list: Standing[]) => [...list].sort((a, b) => a.entries[0]! - b.entries[0]!)[0];
    const main = first(stands.filter((s) => (membersIn.get(s.factId)?.size ?? 0) > 1)) ?? first(stands)!;
    primary.push(main);
    for (const s of stands) if (s !== main) further.push(s);
  }
  return {
    newFactIds,
    primary,
    further,
    facts: facts.map((fact) => (joinedFurther.has(fact.id) ? { ...fact, claims: [...fact.claims, ...joinedFurther.get(fact.id)!] } : fact)),
  };
}
