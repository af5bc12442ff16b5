import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { ZRemoveFeedSource } from "./schemas";

/** Removes a feed source from its story. The reports it imported stay; a poll already running finds it gone and stops. */
export async function removeFeedSource(actor: Actor, input: unknown): Promise<{ id: string }> {
  assertCan(actor, "feed.manage");
  const data = parseInput(ZRemoveFeedSource, input);
  return db.$transaction(async (tx) => {
    const current = await tx.feedSource.findFirst({
      where: { id: data.feedSourceId, storyId: data.storyId },
      select: { id: true, name: true, kind: true, location: true, itemsTaken: true },
    });
    if (!current) throw notFound("That feed source");
    await tx.feedSource.delete({ where: { id: current.id } });
    await audit(tx, {
      actorId: actor.id,
      action: "feed_source.remove",
      entityType: "feed_source",
      entityId: current.id,
      storyId: data.storyId,
      before: { name: current.name, kind: current.kind, location: current.location, itemsTaken: current.itemsTaken },
    });
    return { id: current.id };
  });
}
