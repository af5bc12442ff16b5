import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors/domain-errors";
import { isUuid } from "@/lib/http/uuid";

/** A story's header data for its pages. */
export async function getStory(actor: Actor, storyId: string) {
  assertCan(actor, "story.read");
  if (!isUuid(storyId)) throw notFound("That story");
  const story = await db.story.findUnique({
    where: { id: storyId },
    select: {
      id: true,
      title: true,
      description: true,
      status: true,
      version: true,
      createdAt: true,
      lastActivityAt: true,
      createdBy: { select: { name: true } },
      _count: { select: { reports: true, claims: true, facts: true, explainers: true } },
    },
  });
  if (!story) throw notFound("That story");
  return story;
}
