import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { conflict, invalid, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { claimFactVersion, findStoryMembers } from "./fact-edit";
import { placeMembers, refreshFactSummaries } from "./fact-members";
import { ZMoveFactMember } from "./schemas";
import { lockStoryFacts } from "./story-lock";

/**
 * Moves a claim to another fact of the story, or out of any fact; it stays where the editor put it.
 * `fromFactRemains` is false when the fact it left was dissolved (it held too few claims), so
 * the page can go somewhere that exists.
 */
export async function moveFactMember(actor: Actor, input: unknown): Promise<{ storyId: string; factId: string | null; fromFactRemains: boolean }> {
  assertCan(actor, "fact.edit");
  const data = parseInput(ZMoveFactMember, input);
  if (data.fromFactId !== null && data.fromVersion === null) throw invalid("Missing version.");
  const fromFactRemains = await db.$transaction(async (tx) => {
    await lockStoryFacts(tx, data.storyId);
    const [member] = await findStoryMembers(tx, data.storyId, [data.memberId]);
    if (data.fromFactId) await claimFactVersion(tx, data.storyId, data.fromFactId, data.fromVersion!);
    if (member!.factId !== data.fromFactId) throw conflict("This claim was moved meanwhile; reload to see where it is now.");
    if (data.toFactId) {
      const target = await tx.fact.findFirst({ where: { id: data.toFactId, storyId: data.storyId }, select: { id: true } });
      if (!target) throw notFound("That fact");
    }
    // the editor's placement is the claim's only fact: its further facts (set by analysis) go
    const unlinked = await placeMembers(tx, [{ ...member!, factId: data.toFactId }], { onlyUnplaced: false, pin: true });
    await refreshFactSummaries(tx, data.storyId, [...[data.fromFactId, data.toFactId].filter((id): id is string => id !== null), ...unlinked]);
    await audit(tx, {
      actorId: actor.id,
      action: "fact.move_claim",
      entityType: "fact",
      entityId: data.toFactId ?? data.fromFactId ?? data.memberId,
      storyId: data.storyId,
      before: { claimId: data.memberId, factId: data.fromFactId },
      after: { claimId: data.memberId, factId: data.toFactId },
    });
    return data.fromFactId ? (await tx.fact.count({ where: { id: data.fromFactId } })) > 0 : false;
  });
  return { storyId: data.storyId, factId: data.toFactId, fromFactRemains };
}
