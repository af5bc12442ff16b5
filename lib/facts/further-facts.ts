import "server-only";
import type { Tx } from "@/lib/db/client";
import { furtherFacts, type AssignResult, type ExistingFact, type FeaturedClaim } from "@/lib/analysis/facts";
import { dropFurtherLinks } from "./fact-members";

/*
 * A claim may state several facts: the lead "a magnitude 5.8 quake shook the valley" is in the
 * fact of the quake (Claim.factId, its primary fact) and, as a further member, in the fact of its
 * magnitude (a ClaimFactLink row). Analysis sets links, under the story lock, for the members it
 * places and for story claims found to state the facts those members are in; placeMembers drops
 * a claim's links whenever it writes the claim, so a claim an editor placed or took out of a fact
 * stands in the editor's fact only. Pending suggestions have no further facts.
 *
 * Links follow membership in the transaction that changes it: placeMembers drops the links of
 * every claim it writes, mergeFacts points links to the fact merged away at the fact kept
 * (mergeFurtherLinks), retiring a claim drops its links, and refreshFactSummaries, which every
 * change of membership calls, deletes the links to its facts that no longer hold (from a claim
 * out of any fact, filed under the linked fact, pinned, no longer placed, or to an emptied fact).
 * Deleting a fact deletes the links to it (foreign key cascade). Only placed claims (PLACED_CLAIM)
 * count as further members: in a fact's sources, on its page and on the Facts tab.
 */

/**
 * The story's facts after an assignment: `existing` (without the placed members) with the
 * members `assignClaims` joined to each, and the groups it created under `newFactIds`.
 */
export function factsAfterAssignment(existing: ExistingFact[], added: FeaturedClaim[], result: AssignResult, newFactIds: string[]): ExistingFact[] {
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
 * Replaces the further facts of the claims `placedIds` (members analysis has just placed in
 * `facts`) and adds those other claims of the story were found to state (see `furtherFacts`).
 * Only claims not pinned by an editor get links, never to their own primary fact. Returns the
 * facts whose further members changed, for refreshFactSummaries.
 */
export async function linkFurtherFacts(tx: Tx, facts: ExistingFact[], placedIds: string[]): Promise<string[]> {
  const changed = new Set(await dropFurtherLinks(tx, placedIds));
  const links = furtherFacts({ facts, claimIds: placedIds }).flatMap((entry) => entry.factIds.map((factId) => ({ claimId: entry.claimId, factId })));
  if (links.length > 0) {
    // suggestions' ids match no claim and are skipped; so are pinned claims and primary facts
    const added = await tx.$queryRaw<{ factId: string }[]>`
      INSERT INTO "ClaimFactLink" ("claimId", "factId")
      SELECT l.claim_id, l.fact_id FROM unnest(${links.map((link) => link.claimId)}::uuid[], ${links.map((link) => link.factId)}::uuid[]) AS l(claim_id, fact_id)
        JOIN "Claim" c ON c.id = l.claim_id AND NOT c."factPinned" AND c."factId" IS NOT NULL AND c."factId" <> l.fact_id
        JOIN "Fact" f ON f.id = l.fact_id AND f."storyId" = c."storyId"
      ON CONFLICT DO NOTHING
      RETURNING "factId"`;
    for (const row of added) changed.add(row.factId);
  }
  return [...changed];
}
