import "server-only";
import type { Tx } from "@/lib/db/client";

/**
 * Serialises everything that reshapes one story's facts (analysis jobs, re-analysis, editors'
 * decisions) for the rest of the transaction. Workers analysing reports of different stories
 * never wait for each other; two reports of one story are grouped one after the other, so the
 * second sees the facts the first made.
 */
export async function lockStoryFacts(tx: Tx, storyId: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('wiredesk.facts:' || ${storyId}::text))::text`;
}
