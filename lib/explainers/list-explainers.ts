import "server-only";
import { db } from "@/lib/db/client";
import type { ExplainerState } from "@/lib/generated/prisma/enums";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { isUuid } from "@/lib/http/uuid";
import { notFound } from "@/lib/errors/domain-errors";

export type ExplainerListRow = {
  id: string;
  title: string;
  state: ExplainerState;
  needsReReview: boolean;
  updatedAt: Date;
  createdBy: string;
  revisions: number;
};

/** A story's explainers, most recently changed first. */
export async function listStoryExplainers(actor: Actor, storyId: string): Promise<ExplainerListRow[]> {
  assertCan(actor, "story.read");
  if (!isUuid(storyId)) throw notFound("That story");
  const rows = await db.explainer.findMany({
    where: { storyId },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: 200,
    select: { id: true, title: true, state: true, needsReReview: true, updatedAt: true, createdBy: { select: { name: true } }, _count: { select: { revisions: true } } },
  });
  return rows.map((row) => ({ ...row, createdBy: row.createdBy.name, revisions: row._count.revisions }));
}
