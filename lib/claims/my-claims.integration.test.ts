import { describe, expect, it } from "vitest";
import { buildClaim, buildReportInput, buildStory, buildUser } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { storeReport } from "@/lib/reports/store-report";
import { setStoryArchived } from "@/lib/stories/mutate-story";
import { listMyClaims } from "./my-claims";

const MINUTE = 60_000;

async function newStory(actor: Actor) {
  const story = await buildStory(actor);
  const { reportId } = await storeReport(actor, buildReportInput(story.id), "PASTE");
  return { storyId: story.id, title: story.title, reportId };
}

async function claimFor(story: { storyId: string; reportId: string }, createdById: string, assigneeId: string | null, status: ClaimStatus, minutesAgo: number) {
  const claim = await buildClaim({ storyId: story.storyId, reportId: story.reportId, createdById, status });
  await db.claim.update({ where: { id: claim.id }, data: { assigneeId, updatedAt: new Date(Date.now() - minutesAgo * MINUTE) } });
  return claim.id;
}

describe("my claims", () => {
  it("lists only the claims assigned to me in active stories, open ones first, then most recently changed", async () => {
    const me = await buildUser();
    const colleague = await buildUser();
    const story = await newStory(me.actor);
    const archived = await newStory(me.actor);

    const verifiedRecently = await claimFor(story, colleague.id, me.id, "VERIFIED", 1);
    const unverifiedOld = await claimFor(story, colleague.id, me.id, "UNVERIFIED", 30);
    const inProgress = await claimFor(story, colleague.id, me.id, "IN_PROGRESS", 10);
    const falseOld = await claimFor(story, colleague.id, me.id, "FALSE", 60);
    await claimFor(story, me.id, colleague.id, "UNVERIFIED", 5); // someone else's
    await claimFor(story, me.id, null, "UNVERIFIED", 5); // nobody's
    await claimFor(archived, colleague.id, me.id, "UNVERIFIED", 2); // archived story
    await setStoryArchived(me.actor, { storyId: archived.storyId, version: 1, archived: true });

    const mine = await listMyClaims(me.actor);

    expect(mine.map((claim) => claim.id)).toEqual([inProgress, unverifiedOld, verifiedRecently, falseOld]);
    expect(mine[0]).toMatchObject({
      status: "IN_PROGRESS",
      version: 1,
      story: { id: story.storyId, title: story.title },
      report: { id: story.reportId, source: "Testwire Agency" },
    });
    expect(await listMyClaims(colleague.actor)).toHaveLength(1);
  });
});
