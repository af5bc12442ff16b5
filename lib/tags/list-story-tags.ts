import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors/domain-errors";
import type { TagKind } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/http/uuid";
import { keyStoryTagAliases } from "./record-tag-aliases";

/** A story's tag with every spelling claims carry it in, and how many claims carry it. */
export type StoryTag = {
  id: string;
  kind: TagKind;
  name: string;
  version: number;
  aliases: { id: string; value: string; claimCount: number }[];
  claimCount: number;
};

/** The story's tags by kind and name, with their spellings. */
export async function listStoryTags(actor: Actor, storyId: string): Promise<StoryTag[]> {
  assertCan(actor, "story.read");
  if (!isUuid(storyId) || (await db.story.count({ where: { id: storyId } })) === 0) throw notFound("That story");
  // spellings carried over by the migration get their variant key (and join their tag) first
  if (await db.tagAlias.count({ where: { storyId, variantKey: null } })) await db.$transaction((tx) => keyStoryTagAliases(tx, storyId));
  const rows = await db.$queryRaw<{ id: string; kind: TagKind; name: string; version: number; aliasId: string; value: string; claimCount: number }[]>`
    SELECT t.id, t.kind::text AS kind, t.name, t.version, a.id AS "aliasId", a.value,
           (SELECT count(*)::int FROM "ClaimTag" ct JOIN "Claim" c ON c.id = ct."claimId"
             WHERE c."storyId" = t."storyId" AND ct.kind = a.kind AND ct.value = a.value) AS "claimCount"
      FROM "Tag" t JOIN "TagAlias" a ON a."tagId" = t.id
     WHERE t."storyId" = ${storyId}::uuid
     ORDER BY t.kind, lower(t.name), t.id, lower(a.value)`;
  const tags = new Map<string, StoryTag>();
  for (const row of rows) {
    let tag = tags.get(row.id);
    if (!tag) {
      tag = { id: row.id, kind: row.kind, name: row.name, version: row.version, aliases: [], claimCount: 0 };
      tags.set(row.id, tag);
    }
    tag.aliases.push({ id: row.aliasId, value: row.value, claimCount: row.claimCount });
    tag.claimCount += row.claimCount;
  }
  return [...tags.values()];
}
