import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { conflict, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { ZCreateStory, ZRenameStory, ZSetStoryArchived } from "./schemas";
import { lockedUpdate } from "@/lib/db/optimistic-lock";

export type StoryRef = { id: string; title: string; version: number };

/** Creates a story (one breaking event) that groups reports, claims, facts and explainers. */
export async function createStory(actor: Actor, input: unknown): Promise<StoryRef> {
  assertCan(actor, "story.create");
  const data = parseInput(ZCreateStory, input);
  return db.$transaction(async (tx) => {
    const story = await tx.story.create({
      data: { title: data.title, description: data.description, createdById: actor.id },
      select: { id: true, title: true, version: true },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "story.create",
      entityType: "story",
      entityId: story.id,
      storyId: story.id,
      after: { title: data.title, description: data.description },
    });
    return story;
  });
}

/** Renames a story or edits its description; a stale version gets a conflict, never an overwrite. */
export async function renameStory(actor: Actor, input: unknown): Promise<StoryRef> {
  assertCan(actor, "story.update");
  const data = parseInput(ZRenameStory, input);
  return db.$transaction(async (tx) => {
    const current = await tx.story.findUnique({ where: { id: data.storyId }, select: { title: true, description: true } });
    if (!current) throw notFound("That story");
    await lockedUpdate(tx.story, { where: { id: data.storyId }, version: data.version, data: { title: data.title, description: data.description } }, () =>
      conflict("Someone else changed this story a moment ago. Reload to see their version, then try again."));
    await audit(tx, {
      actorId: actor.id,
      action: "story.rename",
      entityType: "story",
      entityId: data.storyId,
      storyId: data.storyId,
      before: current,
      after: { title: data.title, description: data.description },
    });
    return tx.story.findUniqueOrThrow({ where: { id: data.storyId }, select: { id: true, title: true, version: true } });
  });
}

/** Archives a story (hidden from the default list, kept whole) or brings it back. */
export async function setStoryArchived(actor: Actor, input: unknown): Promise<StoryRef> {
  assertCan(actor, "story.archive");
  const data = parseInput(ZSetStoryArchived, input);
  const status = data.archived ? "ARCHIVED" : "ACTIVE";
  return db.$transaction(async (tx) => {
    const current = await tx.story.findUnique({ where: { id: data.storyId }, select: { status: true } });
    if (!current) throw notFound("That story");
    await lockedUpdate(tx.story, { where: { id: data.storyId }, version: data.version, data: { status } }, () =>
      conflict("Someone else changed this story a moment ago. Reload and try again."));
    await audit(tx, {
      actorId: actor.id,
      action: data.archived ? "story.archive" : "story.unarchive",
      entityType: "story",
      entityId: data.storyId,
      storyId: data.storyId,
      before: { status: current.status },
      after: { status },
    });
    return tx.story.findUniqueOrThrow({ where: { id: data.storyId }, select: { id: true, title: true, version: true } });
  });
}
