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
      // the Facts tab's count is of what it lists first: facts two or more outlets carry (a
      // sentence's part no other outlet states is a fact of its own, waiting for one)
      _count: { select: { reports: true, claims: true, facts: { where: { sourceCount: { gte: 2 } } }, explainers: true } },
    },
  });
  if (!story) throw notFound("That story");
  return story;
}
