import "server-only";
import type { Tx } from "@/lib/db/client";
import type { TagKind } from "@/lib/generated/prisma/enums";
import { uuidv7 } from "@/lib/db/uuidv7";
import { joinedNameKey } from "@/lib/text/name-variants";

/**
 * Gives spellings carried over without a variant key (the migration cannot run the normaliser)
 * their key, and folds each into the story's tag that already has a spelling with that key.
 * Runs once per story in practice: afterwards every alias is written with its key.
 */
export async function keyStoryTagAliases(tx: Tx, storyId: string): Promise<void> {
  const unkeyed = await tx.tagAlias.findMany({
    where: { storyId, variantKey: null },
    select: { id: true, tagId: true, kind: true, value: true },
    orderBy: { id: "asc" },
  });
  for (const alias of unkeyed) {
    const variantKey = joinedNameKey(alias.value);
    // a tag an editor split off ("two places that only look alike") keeps its spelling
    const splitOff = await tx.auditEvent.findFirst({ where: { storyId, action: "tag.split", after: { path: ["splitOff", "id"], equals: alias.tagId } }, select: { id: true } });
    const home = variantKey && !splitOff
      ? await tx.tagAlias.findFirst({ where: { storyId, kind: alias.kind, variantKey, tagId: { not: alias.tagId } }, select: { tagId: true }, orderBy: { id: "asc" } })
      : null;
    await tx.tagAlias.update({ where: { id: alias.id }, data: { variantKey, ...(home ? { tagId: home.tagId } : {}) } });
    // the carried-over tag held only this spelling; once it has moved the tag is empty
    if (home) await tx.tag.deleteMany({ where: { id: alias.tagId, aliases: { none: {} } } });
  }
}

/**
 * Makes every tag spelling of a claim an alias of one tag of the story: a spelling seen before
 * keeps its tag, a new one joins the tag whose spellings share its joined variant key ("el Kasr"
 * joins "Al-Qasr", "Talharun" joins "Tal Harun"), and otherwise starts a tag named by it. Call inside the claim's transaction.
 */
export async function recordTagAliases(tx: Tx, storyId: string, tags: readonly { kind: TagKind; value: string }[]): Promise<void> {
  if (tags.length === 0) return;
  await keyStoryTagAliases(tx, storyId);
  for (const { kind, value } of tags) {
    const known = await tx.tagAlias.findUnique({ where: { storyId_kind_value: { storyId, kind, value } }, select: { id: true } });
    if (known) continue;
    const variantKey = joinedNameKey(value);
    const sibling = variantKey
      ? await tx.tagAlias.findFirst({ where: { storyId, kind, variantKey }, select: { tagId: true }, orderBy: { id: "asc" } })
      : null;
    const tagId = sibling?.tagId ?? (await tx.tag.create({ data: { storyId, kind, name: value }, select: { id: true } })).id;
    // two claims tagged with one new spelling at once: the second insert finds the first's row
    const inserted = await tx.$executeRaw`
      INSERT INTO "TagAlias" (id, "tagId", "storyId", kind, value, "variantKey")
      VALUES (${uuidv7()}::uuid, ${tagId}::uuid, ${storyId}::uuid, ${kind}::"TagKind", ${value}, ${variantKey || null})
      ON CONFLICT ("storyId", kind, value) DO NOTHING`;
    if (inserted === 0 && !sibling) await tx.tag.deleteMany({ where: { id: tagId, aliases: { none: {} } } });
  }
}
