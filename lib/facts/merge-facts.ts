import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { parseInput } from "@/lib/errors/parse-input";
import { claimFactVersion, membersOfFact } from "./fact-edit";
import { mergeFurtherLinks, placeMembers, refreshFactSummaries } from "./fact-members";
import { ZMergeFacts } from "./schemas";
import { lockStoryFacts } from "./story-lock";

/**
 * Merges another fact into this one: its claims join, every claim is pinned, the merged fact
 * is locked and the other one disappears (explainer citations of it, and claims filed under a
 * third fact that state it as well, follow to this one).
 */
export async function mergeFacts(actor: Actor, input: unknown): Promise<{ storyId: string; factId: string }> {
  assertCan(actor, "fact.edit");
  const data = parseInput(ZMergeFacts, input);
  await db.$transaction(async (tx) => {
    await lockStoryFacts(tx, data.storyId);
    await claimFactVersion(tx, data.storyId, data.factId, data.version);
    await claimFactVersion(tx, data.storyId, data.otherFactId, data.otherVersion);
    const members = [...(await membersOfFact(tx, data.factId)), ...(await membersOfFact(tx, data.otherFactId))];
    await tx.fact.update({ where: { id: data.factId }, data: { locked: true } });
    // members filed elsewhere that stated the other fact now state this one (first: the other
    // fact's links would go with it once its last member moves)
    await mergeFurtherLinks(tx, data.otherFactId, data.factId);
    const unlinked = await placeMembers(tx, members.map((member) => ({ ...member, factId: data.factId })), { onlyUnplaced: false, pin: true });
    await tx.citation.updateMany({ where: { factId: data.otherFactId }, data: { factId: data.factId } });
    await refreshFactSummaries(tx, data.storyId, [data.factId, data.otherFactId, ...unlinked]);
    await audit(tx, {
      actorId: actor.id,
      action: "fact.merge",
      entityType: "fact",
      entityId: data.factId,
      storyId: data.storyId,
      before: { otherFactId: data.otherFactId },
      after: { claimIds: members.map((member) => member.id) },
    });
  });
  return { storyId: data.storyId, factId: data.factId };
}
