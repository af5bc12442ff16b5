import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { parseInput } from "@/lib/errors/parse-input";
import { claimFactVersion, membersOfFact } from "./fact-edit";
import { placeMembers, refreshFactSummaries } from "./fact-members";
import { ZConfirmFact } from "./schemas";
import { lockStoryFacts } from "./story-lock";

/** Confirms a suggested fact: it and its claims become the editor's, so re-analysis leaves them where they are. */
export async function confirmFact(actor: Actor, input: unknown): Promise<{ storyId: string; factId: string }> {
  assertCan(actor, "fact.edit");
  const data = parseInput(ZConfirmFact, input);
  await db.$transaction(async (tx) => {
    await lockStoryFacts(tx, data.storyId);
    await claimFactVersion(tx, data.storyId, data.factId, data.version);
    await tx.fact.update({ where: { id: data.factId }, data: { state: "CONFIRMED", locked: true, confirmedById: actor.id } });
    const members = await membersOfFact(tx, data.factId);
    const unlinked = await placeMembers(tx, members.map((member) => ({ ...member, factId: data.factId })), { onlyUnplaced: false, pin: true });
    await refreshFactSummaries(tx, data.storyId, [data.factId, ...unlinked]);
    await audit(tx, {
      actorId: actor.id,
      action: "fact.confirm",
      entityType: "fact",
      entityId: data.factId,
      storyId: data.storyId,
      before: { state: "SUGGESTED" },
      after: { state: "CONFIRMED", claimIds: members.map((member) => member.id) },
    });
  });
  return { storyId: data.storyId, factId: data.factId };
}
