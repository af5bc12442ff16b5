import "server-only";
import type { Tx } from "@/lib/db/client";
import { conflict, invalid, notFound } from "@/lib/errors/domain-errors";
import type { MemberKind } from "./fact-members";
import { lockedUpdate } from "@/lib/db/optimistic-lock";

/*
 * Shared steps of editors' decisions: each runs with the story's facts locked (lockStoryFacts),
 * claims the fact's version it was shown, and leaves summaries to refreshFactSummaries.
 */

/** Bumps the fact's version if it is still the one the editor saw; else not found or a conflict. */
export async function claimFactVersion(tx: Tx, storyId: string, factId: string, version: number): Promise<void> {
  await lockedUpdate(tx.fact, { where: { id: factId, storyId }, version, data: {} }, async () => {
    const exists = await tx.fact.findFirst({ where: { id: factId, storyId }, select: { id: true } });
    if (!exists) return notFound("That fact");
    return conflict("Someone changed this fact since you opened it (or analysis added a claim); reload to see its current claims.");
  });
}

export type FactMemberRef = { id: string; kind: MemberKind; factId: string | null };

/** Members of a story by id (claims, or pending suggestions); every id must be one. */
export async function findStoryMembers(tx: Tx, storyId: string, ids: string[]): Promise<FactMemberRef[]> {
  const rows = await tx.$queryRaw<FactMemberRef[]>`
    SELECT c.id, 'claim' AS kind, c."factId" FROM "Claim" c WHERE c.id = ANY(${ids}::uuid[]) AND c."storyId" = ${storyId}::uuid
    UNION ALL
    SELECT s.id, 'suggestion' AS kind, s."factId" FROM "ClaimSuggestion" s JOIN "Report" r ON r.id = s."reportId"
    WHERE s.id = ANY(${ids}::uuid[]) AND r."storyId" = ${storyId}::uuid AND s.state = 'PENDING'`;
  if (rows.length !== new Set(ids).size) throw invalid("Some of those claims are not in this story (or were decided meanwhile); reload and try again.");
  return rows;
}

/** All members of one fact. */
export async function membersOfFact(tx: Tx, factId: string): Promise<FactMemberRef[]> {
  return tx.$queryRaw<FactMemberRef[]>`
    SELECT id, 'claim' AS kind, "factId" FROM "Claim" WHERE "factId" = ${factId}::uuid
    UNION ALL
    SELECT id, 'suggestion' AS kind, "factId" FROM "ClaimSuggestion" WHERE "factId" = ${factId}::uuid`;
}
