import "server-only";
import type { Tx } from "@/lib/db/client";
import { uuidv7 } from "@/lib/db/uuidv7";
import { planPlacement, type ExistingFact } from "@/lib/analysis/facts";
import { createFacts, linkMembers, placeMembers, toFeaturedEntries, type MemberKind, type MemberRow } from "./fact-members";
import { queueFactRefresh } from "./queue-analysis";

/*
 * Facts group a member's entries (lib/analysis/facts/entries.ts), not the whole sentence: the
 * lead "a magnitude 5.8 quake shook the valley, killing nine" has an entry for the quake, one for
 * its magnitude and one for its toll, and each joins the fact it states. A member stands in one
 * fact as its primary fact (Claim.factId / ClaimSuggestion.factId, with the entries it stands in
 * it with in factEntries) and in the others as a further member (a ClaimFactLink or
 * SuggestionFactLink row with its entries). Analysis sets both under the story lock, for the
 * members it places and for story members found to state the facts those members are in;
 * placeMembers drops a member's links whenever it writes the member, so a member an editor placed
 * or took out of a fact stands in the editor's fact only, with all its entries.
 *
 * Links follow membership in the transaction that changes it: placeMembers drops the links of
 * every member it writes, mergeFacts points links to the fact merged away at the fact kept
 * (mergeFurtherLinks), retiring a claim or deciding a suggestion drops its links, and
 * refreshFactSummaries, which every change of membership calls, deletes the links to its facts
 * that no longer hold. Deleting a fact deletes the links to it (foreign key cascade). Only placed
 * claims (PLACED_CLAIM) and current pending suggestions count as further members: in a fact's
 * sources, its conflicts, on its page and on the Facts tab.
 */

export type Placement = { touched: Set<string>; joined: number; created: number };

/**
 * Places the entries of `added` members (not in any fact, not pinned) among the story's
 * `existing` facts (`planPlacement`) and writes it: new facts, each member's primary fact with
 * its entries there, and further links. `joined` counts members placed in an existing fact,
 * `created` the new facts. Returns the facts whose members changed, for refreshFactSummaries.
 */
export async function placeAnalysedMembers(tx: Tx, storyId: string, existing: ExistingFact[], added: MemberRow[]): Promise<Placement> {
  const touched = new Set<string>();
  if (added.length === 0) return { touched, joined: 0, created: 0 };
  const plan = planPlacement(
    existing,
    added.flatMap((member) => toFeaturedEntries({ ...member, factId: null })),
    uuidv7,
  );
  const kindOf = new Map<string, MemberKind>(added.map((member) => [member.id, member.kind]));
  const existingIds = new Set(existing.map((fact) => fact.id));
  await createFacts(tx, storyId, plan.newFactIds);
  for (const factId of plan.newFactIds) touched.add(factId);
  const placements = plan.primary.map((s) => ({ id: s.memberId, kind: kindOf.get(s.memberId)!, factId: s.factId, entries: s.entries }));
  for (const factId of await placeMembers(tx, placements, { onlyUnplaced: true })) touched.add(factId);
  for (const placement of placements) touched.add(placement.factId);
  // (an earlier member's kind is not at hand: linkMembers looks for it as both)
  const links = plan.further.map((s) => ({ id: s.memberId, kind: kindOf.get(s.memberId), factId: s.factId, entries: s.entries }));
  for (const factId of await linkMembers(tx, links)) touched.add(factId);
  return { touched, joined: placements.filter((placement) => existingIds.has(placement.factId)).length, created: plan.newFactIds.length };
}

/**
 * A decided suggestion's further facts (SuggestionFactLink): handed to the claim it became
 * (`claimId`), with the same entries, or dropped when it became no claim of its own. Either way
 * those facts' summaries are refreshed (their members changed kind or left).
 */
export async function handOverFurtherFacts(tx: Tx, storyId: string, suggestionId: string, claimId: string | null): Promise<void> {
  if (claimId) {
    await tx.$executeRaw`
      INSERT INTO "ClaimFactLink" ("claimId", "factId", entries, "createdAt")
      SELECT ${claimId}::uuid, l."factId", l.entries, l."createdAt" FROM "SuggestionFactLink" l
        JOIN "Claim" c ON c.id = ${claimId}::uuid AND c."factId" IS NOT NULL AND c."factId" <> l."factId"
      WHERE l."suggestionId" = ${suggestionId}::uuid
      ON CONFLICT DO NOTHING`;
  }
  const dropped = await tx.$queryRaw<{ factId: string }[]>`DELETE FROM "SuggestionFactLink" WHERE "suggestionId" = ${suggestionId}::uuid RETURNING "factId"`;
  for (const { factId } of dropped) await queueFactRefresh(tx, storyId, factId);
}
