import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { invalid, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { ZSplitTagAlias } from "./schemas";
import { claimTagVersion } from "./tag-edit";

/**
 * Splits one spelling off a tag into a new tag named by it (two places that only look alike).
 * The tag keeps at least one spelling; its version must be the one the editor saw; audited.
 */
export async function splitTagAlias(actor: Actor, input: unknown): Promise<{ storyId: string; tagId: string }> {
  assertCan(actor, "tag.edit");
  const data = parseInput(ZSplitTagAlias, input);
  const newTagId = await db.$transaction(async (tx) => {
    const tag = await tx.tag.findFirst({
      where: { id: data.tagId, storyId: data.storyId },
      select: { id: true, kind: true, name: true, aliases: { select: { id: true, value: true } } },
    });
    if (!tag) throw notFound("That tag");
    const alias = tag.aliases.find((row) => row.id === data.aliasId);
    if (!alias) throw notFound("That spelling of the tag");
    if (tag.aliases.length === 1) throw invalid("A tag with one spelling has nothing to split off.", { aliasId: "This is the tag's only spelling." });
    await claimTagVersion(tx, data.storyId, tag.id, data.version);
    const created = await tx.tag.create({ data: { storyId: data.storyId, kind: tag.kind, name: alias.value }, select: { id: true } });
    await tx.tagAlias.update({ where: { id: alias.id }, data: { tagId: created.id } });
    // the tag's shown name follows its spellings: it cannot keep the name it just gave away
    const rest = tag.aliases.filter((row) => row.id !== alias.id);
    const name = tag.name === alias.value ? rest.map((row) => row.value).sort()[0]! : tag.name;
    if (name !== tag.name) await tx.tag.update({ where: { id: tag.id }, data: { name } });
    await audit(tx, {
      actorId: actor.id,
      action: "tag.split",
      entityType: "tag",
      entityId: tag.id,
      storyId: data.storyId,
      before: { id: tag.id, name: tag.name, aliases: tag.aliases.map((row) => row.value).sort() },
      after: { kept: { id: tag.id, name, aliases: rest.map((row) => row.value).sort() }, splitOff: { id: created.id, name: alias.value } },
    });
    return created.id;
  });
  return { storyId: data.storyId, tagId: newTagId };
}
