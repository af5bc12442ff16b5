import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import type { ClaimStatus, ExplainerState, StoryStatus } from "@/lib/generated/prisma/enums";
import { STORY_LIST_PAGE_SIZE, ZStoryListQuery } from "./schemas";

export type StorySummary = {
  id: string;
  title: string;
  description: string;
  status: StoryStatus;
  lastActivityAt: Date;
  reportCount: number;
  claimCounts: Partial<Record<ClaimStatus, number>>;
  claimTotal: number;
  explainerCounts: Partial<Record<ExplainerState, number>>;
};

export type StoryList = { stories: StorySummary[]; total: number; page: number; pageCount: number; query: ReturnType<typeof ZStoryListQuery.parse> };

/**
 * One page of stories, most recent activity first, with report, claim-by-status and
 * explainer-by-state counts. Counts come from three grouped queries over the page's ids, so the
 * cost does not grow with the number of stories on the desk.
 */
export async function listStories(actor: Actor, rawQuery: unknown): Promise<StoryList> {
  assertCan(actor, "story.read");
  const query = ZStoryListQuery.parse(rawQuery ?? {});
  const where = {
    status: query.status === "archived" ? ("ARCHIVED" as const) : ("ACTIVE" as const),
    ...(query.q ? { title: { contains: query.q, mode: "insensitive" as const } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.story.count({ where }),
    db.story.findMany({
      where,
      orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * STORY_LIST_PAGE_SIZE,
      take: STORY_LIST_PAGE_SIZE,
      select: { id: true, title: true, description: true, status: true, lastActivityAt: true },
    }),
  ]);
  const ids = rows.map((row) => row.id);
  const [reports, claims, explainers] = ids.length
    ? await Promise.all([
        db.report.groupBy({ by: ["storyId"], where: { storyId: { in: ids } }, _count: { _all: true } }),
        db.claim.groupBy({ by: ["storyId", "status"], where: { storyId: { in: ids } }, _count: { _all: true } }),
        db.explainer.groupBy({ by: ["storyId", "state"], where: { storyId: { in: ids } }, _count: { _all: true } }),
      ])
    : [[], [], []];

  const stories = rows.map((row): StorySummary => {
    const claimCounts: StorySummary["claimCounts"] = {};
    let claimTotal = 0;
    for (const group of claims) {
      if (group.storyId !== row.id) continue;
      claimCounts[group.status] = group._count._all;
      claimTotal += group._count._all;
    }
    const explainerCounts: StorySummary["explainerCounts"] = {};
    for (const group of explainers) if (group.storyId === row.id) explainerCounts[group.state] = group._count._all;
    return {
      ...row,
      reportCount: reports.find((group) => group.storyId === row.id)?._count._all ?? 0,
      claimCounts,
      claimTotal,
      explainerCounts,
    };
  });
  return { stories, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / STORY_LIST_PAGE_SIZE)), query };
}
