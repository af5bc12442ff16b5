import "server-only";
import { db } from "@/lib/db/client";
import { uuidv7 } from "@/lib/db/uuidv7";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { invalid } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { claimFactVersion, membersOfFact } from "./fact-edit";
import { createFacts, placeMembers, refreshFactSummaries } from "./fact-members";
import { ZSplitFact } from "./schemas";
import { lockStoryFacts } from "./story-lock";

/**
 * Splits a fact: the chosen claims move to a new fact. Both facts are the editor's from now on
 * (locked, every claim pinned), so analysis never glues them back together.
 */
export async function splitFact(actor: Actor, input: unknown): Promise<{ storyId: string; factId: string; newFactId: string }> {
  assertCan(actor, "fact.edit");
  const data = parseInput(ZSplitFact, input);
  const newFactId = uuidv7();
  await db.$transaction(async (tx) => {
    await lockStoryFacts(tx, data.storyId);
    await claimFactVersion(tx, data.storyId, data.factId, data.version);
    const members = await membersOfFact(tx, data.factId);
    const chosen = new Set(data.memberIds);
    const moving = members.filter((member) => chosen.has(member.id));
    if (moving.length !== chosen.size) throw invalid("Some of those claims are no longer in this fact; reload and try again.", { memberIds: "Not in this fact." });
    if (moving.length === members.length) throw invalid("Leave at least one claim in the fact: choose only the claims that state something else.", { memberIds: "Leave at least one claim." });
    await createFacts(tx, data.storyId, [newFactId], { locked: true });
    await tx.fact.update({ where: { id: data.factId }, data: { locked: true } });
    const unlinked = await placeMembers(tx, members.map((member) => ({ ...member, factId: chosen.has(member.id) ? newFactId : data.factId })), { onlyUnplaced: false, pin: true });
    await refreshFactSummaries(tx, data.storyId, [data.factId, newFactId, ...unlinked]);
    await audit(tx, {
      actorId: actor.id,
      action: "fact.split",
      entityType: "fact",
      entityId: data.factId,
      storyId: data.storyId,
      before: { claimIds: members.map((member) => member.id) },
      after: { newFactId, movedClaimIds: moving.map((member) => member.id) },
    });
  });
  return { storyId: data.storyId, factId: data.factId, newFactId };
}
