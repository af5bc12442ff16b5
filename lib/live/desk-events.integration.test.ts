import { describe, expect, it } from "vitest";
import { buildClaim, buildReportInput, buildStory, buildUser, uniqueToken } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import { storeReport } from "@/lib/reports/store-report";
import { setClaimStatus } from "@/lib/claims/set-claim-status";
import { notifyDeskChange, subscribeDeskEvents, type DeskEvent } from "./desk-events";

/** Collects the story's events; `settle` waits for the listener to be up and for deliveries. */
function collect(storyId: string) {
  const events: DeskEvent[] = [];
  const stop = subscribeDeskEvents(storyId, (event) => events.push(event));
  return { events, stop };
}

const settle = (ms = 400) => new Promise((resolve) => setTimeout(resolve, ms));

describe("live desk events", () => {
  it("reach the story's subscribers when the transaction commits, and never for a rollback", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const story = await buildStory(editor.actor);
    const other = await buildStory(editor.actor);
    const mine = collect(story.id);
    const theirs = collect(other.id);
    await settle();

    await db.$transaction((tx) => notifyDeskChange(tx, { storyId: story.id, kind: "review", explainerId: null }));
    await expect(
      db.$transaction(async (tx) => {
        await notifyDeskChange(tx, { storyId: story.id, kind: "claim_status", claimIds: [] });
        throw new Error("rolled back on purpose");
      }),
    ).rejects.toThrow("rolled back on purpose");
    await settle();
    expect(mine.events).toEqual([{ storyId: story.id, kind: "review", explainerId: null }]);
    expect(theirs.events).toEqual([]);
    mine.stop();
    theirs.stop();
  });

  it("a claim's status change is announced to the story, naming the claim", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const story = await buildStory(editor.actor);
    const { reportId } = await storeReport(editor.actor, buildReportInput(story.id, { externalId: `wire-${uniqueToken()}` }), "PASTE");
    const claim = await buildClaim({ storyId: story.id, reportId, createdById: editor.id });
    const live = collect(story.id);
    await settle();
    await setClaimStatus(editor.actor, { claimId: claim.id, version: 1, status: "IN_PROGRESS" });
    await settle();
    expect(live.events).toEqual([{ storyId: story.id, kind: "claim_status", claimIds: [claim.id] }]);
    live.stop();
  });
});
