import "server-only";
import type { Tx } from "@/lib/db/client";
import { lockedUpdate } from "@/lib/db/optimistic-lock";
import { conflict, notFound } from "@/lib/errors/domain-errors";

/** Bumps the tag's version if it is still the one the editor saw; else not found or a conflict. */
export async function claimTagVersion(tx: Tx, storyId: string, tagId: string, version: number): Promise<void> {
  await lockedUpdate(tx.tag, { where: { id: tagId, storyId }, version, data: {} }, async () => {
    const exists = await tx.tag.findFirst({ where: { id: tagId, storyId }, select: { id: true } });
    if (!exists) return notFound("That tag");
    return conflict("Someone changed this tag since you opened it; reload to see its current spellings.");
  });
}
