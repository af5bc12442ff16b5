import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors/domain-errors";
import { isUuid } from "@/lib/http/uuid";
import { loadCitationTargets, type CitationTarget } from "./citation-targets";

/** The claims and facts of a story as the editor shows them, re-read when a status changes live. */
export async function listCitationTargets(actor: Actor, storyId: string): Promise<CitationTarget[]> {
  assertCan(actor, "story.read");
  if (!isUuid(storyId) || (await db.story.count({ where: { id: storyId } })) === 0) throw notFound("That story");
  return loadCitationTargets(db, storyId);
}
