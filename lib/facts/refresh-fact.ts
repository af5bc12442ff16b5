import "server-only";
import { db } from "@/lib/db/client";
import { refreshFactSummaries } from "./fact-members";
import { lockStoryFacts } from "./story-lock";

/** The refresh-fact job: recomputes one fact's summary after a member was accepted, dismissed or retired. */
export async function refreshFact(storyId: string, factId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockStoryFacts(tx, storyId);
    await refreshFactSummaries(tx, storyId, [factId]);
  });
}
