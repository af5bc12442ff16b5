import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { parseInput } from "@/lib/errors/parse-input";
import { claimFactVersion } from "./fact-edit";
import { ZSetFactStatus } from "./schemas";
import { lockStoryFacts } from "./story-lock";

/**
 * Sets a fact's status explicitly (it then wins over the status derived from its claims), or
 * with `status: null` goes back to deriving it. Claims the version the editor saw; audited.
 */
export async function setFactStatus(actor: Actor, input: unknown): Promise<{ storyId: string; factId: string }> {
  assertCan(actor, "fact.edit");
  const data = parseInput(ZSetFactStatus, input);
  await db.$transaction(async (tx) => {
    await lockStoryFacts(tx, data.storyId);
    const before = await tx.fact.findFirst({ where: { id: data.factId, storyId: data.storyId }, select: { editorStatus: true } });
    await claimFactVersion(tx, data.storyId, data.factId, data.version);
    await tx.fact.update({ where: { id: data.factId }, data: { editorStatus: data.status } });
    await audit(tx, {
      actorId: actor.id,
      action: "fact.set_status",
      entityType: "fact",
      entityId: data.factId,
      storyId: data.storyId,
      before: { editorStatus: before?.editorStatus ?? null },
      after: { editorStatus: data.status },
    });
  });
  return { storyId: data.storyId, factId: data.factId };
}
