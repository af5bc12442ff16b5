import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { invalid, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { ZMergeTags } from "./schemas";
import { claimTagVersion } from "./tag-edit";

/**
 * Merges one tag into another of the same story and kind: its spellings become the other's
 * aliases and it disappears. Both versions must be the ones the editor saw; audited.
 */
export async function mergeTags(actor: Actor, input: unknown): Promise<{ storyId: string; tagId: string }> {
  assertCan(actor, "tag.edit");
  const data = parseInput(ZMergeTags, input);
  if (data.tagId === data.intoTagId) throw invalid("Choose another tag to merge into.", { intoTagId: "Choose another tag." });
  await db.$transaction(async (tx) => {
    const tags = await tx.tag.findMany({
      where: { id: { in: [data.tagId, data.intoTagId] }, storyId: data.storyId },
      select: { id: true, kind: true, name: true, aliases: { select: { value: true }, orderBy: { value: "asc" } } },
    });
    const from = tags.find((tag) => tag.id === data.tagId);
    const into = tags.find((tag) => tag.id === data.intoTagId);
    if (!from || !into) throw notFound("That tag");
    if (from.kind !== into.kind) throw invalid("Only tags of one kind can be merged: a place stays apart from a person.", { intoTagId: "Choose a tag of the same kind." });
    // in id order, so two editors merging the same pair opposite ways cannot deadlock
    for (const [id, version] of [
      [from.id, data.version],
      [into.id, data.intoVersion],
    ].sort(([a], [b]) => String(a).localeCompare(String(b))) as [string, number][]) {
      await claimTagVersion(tx, data.storyId, id, version);
    }
    await tx.tagAlias.updateMany({ where: { tagId: from.id, storyId: data.storyId }, data: { tagId: into.id } });
    await tx.tag.delete({ where: { id: from.id } });
    await audit(tx, {
      actorId: actor.id,
      action: "tag.merge",
      entityType: "tag",
      entityId: into.id,
      storyId: data.storyId,
      before: { tags: [{ id: from.id, name: from.name, aliases: from.aliases.map((a) => a.value) }, { id: into.id, name: into.name, aliases: into.aliases.map((a) => a.value) }] },
      after: { id: into.id, name: into.name, aliases: [...into.aliases, ...from.aliases].map((a) => a.value).sort() },
    });
  });
  return { storyId: data.storyId, tagId: data.intoTagId };
}
