import { describe, expect, it } from "vitest";
import { buildClaim, buildReportInput, buildStory, buildUser, domainErrorFrom } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { storeReport } from "@/lib/reports/store-report";
import { bulkAssignClaims, bulkSetClaimStatus } from "./bulk-update-claims";

/** A story with one report and claims in the given statuses. */
async function storyWithClaims(actor: Actor, statuses: ClaimStatus[]) {
  const story = await buildStory(actor);
  const { reportId } = await storeReport(actor, buildReportInput(story.id), "PASTE");
  const claimIds: string[] = [];
  for (const status of statuses) claimIds.push((await buildClaim({ storyId: story.id, reportId, createdById: actor.id, status })).id);
  return { storyId: story.id, claimIds };
}

const claimsByIds = (ids: string[]) =>
  db.claim.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, version: true, assigneeId: true } });

describe("bulk status change on the board", () => {
  it("leaves a verdict (verified, false, disputed) alone: those change on the claim page, with a rationale", async () => {
    const editor = await buildUser();
    const { storyId, claimIds } = await storyWithClaims(editor.actor, ["VERIFIED", "FALSE", "DISPUTED", "UNVERIFIED"]);
    const result = await bulkSetClaimStatus(editor.actor, { storyId, claimIds, status: "UNVERIFIABLE" });
    expect(result).toEqual({ updated: 1, skipped: 3 });
    const rows = await claimsByIds(claimIds);
    expect(rows.map((row) => row.status).sort()).toEqual(["DISPUTED", "FALSE", "UNVERIFIABLE", "VERIFIED"]);
  });

  it("moves the selected claims of the story, skips those already there and another story's, and records each change", async () => {
    const editor = await buildUser();
    const { storyId, claimIds } = await storyWithClaims(editor.actor, ["UNVERIFIED", "UNVERIFIED", "IN_PROGRESS"]);
    const other = await storyWithClaims(editor.actor, ["UNVERIFIED"]);

    const result = await bulkSetClaimStatus(editor.actor, { storyId, claimIds: [...claimIds, ...other.claimIds], status: "IN_PROGRESS" });

    expect(result).toEqual({ updated: 2, skipped: 2 });
    const after = new Map((await claimsByIds([...claimIds, ...other.claimIds])).map((claim) => [claim.id, claim]));
    expect(after.get(claimIds[0]!)).toMatchObject({ status: "IN_PROGRESS", version: 2 });
    expect(after.get(claimIds[1]!)).toMatchObject({ status: "IN_PROGRESS", version: 2 });
    expect(after.get(claimIds[2]!)).toMatchObject({ status: "IN_PROGRESS", version: 1 }); // already there: untouched
    expect(after.get(other.claimIds[0]!)).toMatchObject({ status: "UNVERIFIED", version: 1 }); // another story's: ignored

    const history = await db.claimStatusChange.findMany({ where: { claimId: { in: claimIds } }, select: { claimId: true, fromStatus: true, toStatus: true, actorId: true } });
    expect(history.sort((a, b) => a.claimId.localeCompare(b.claimId))).toEqual(
      [claimIds[0]!, claimIds[1]!].sort().map((claimId) => ({ claimId, fromStatus: "UNVERIFIED", toStatus: "IN_PROGRESS", actorId: editor.id })),
    );
    const events = await db.auditEvent.findMany({ where: { action: "claim.set_status", storyId }, select: { entityId: true, entityType: true, actorId: true, before: true, after: true } });
    expect(events.map((event) => event.entityId).sort()).toEqual([claimIds[0]!, claimIds[1]!].sort());
    expect(events[0]).toMatchObject({ entityType: "claim", actorId: editor.id, before: { status: "UNVERIFIED" }, after: { status: "IN_PROGRESS", bulk: true } });
    expect(await db.auditEvent.count({ where: { storyId: other.storyId, action: "claim.set_status" } })).toBe(0);
  });

  it("refuses statuses that need evidence per claim, and changes nothing", async () => {
    const editor = await buildUser();
    const { storyId, claimIds } = await storyWithClaims(editor.actor, ["IN_PROGRESS"]);
    for (const status of ["VERIFIED", "FALSE", "DISPUTED"]) {
      const error = await domainErrorFrom(bulkSetClaimStatus(editor.actor, { storyId, claimIds, status }));
      expect(error.kind).toBe("invalid");
      expect(error.fieldErrors.status).toMatch(/need evidence/);
    }
    expect(await claimsByIds(claimIds)).toEqual([expect.objectContaining({ status: "IN_PROGRESS", version: 1 })]);
    expect(await db.auditEvent.count({ where: { storyId, action: "claim.set_status" } })).toBe(0);
  });

  it("an unknown story is not found; a person without the permission is refused", async () => {
    const editor = await buildUser();
    const { claimIds } = await storyWithClaims(editor.actor, ["UNVERIFIED"]);
    const missing = await domainErrorFrom(bulkSetClaimStatus(editor.actor, { storyId: "00000000-0000-4000-8000-000000000000", claimIds, status: "IN_PROGRESS" }));
    expect(missing.kind).toBe("not_found");
    const token = { ...editor.actor, apiTokenId: "00000000-0000-4000-8000-000000000001" };
    expect((await domainErrorFrom(bulkSetClaimStatus(token, { storyId: "x", claimIds, status: "IN_PROGRESS" }))).kind).toBe("forbidden");
  });
});

describe("bulk assignment on the board", () => {
  it("assigns the story's claims to a person, tells them once per claim, and audits each claim", async () => {
    const editor = await buildUser({ name: "Priya Sandoval" });
    const colleague = await buildUser();
    const { storyId, claimIds } = await storyWithClaims(editor.actor, ["UNVERIFIED", "IN_PROGRESS"]);
    const other = await storyWithClaims(editor.actor, ["UNVERIFIED"]);

    const result = await bulkAssignClaims(editor.actor, { storyId, claimIds: [...claimIds, ...other.claimIds, claimIds[0]!], assigneeId: colleague.id });

    expect(result).toEqual({ updated: 2, skipped: 1 });
    for (const claim of await claimsByIds(claimIds)) expect(claim).toMatchObject({ assigneeId: colleague.id, version: 2 });
    expect(await claimsByIds(other.claimIds)).toEqual([expect.objectContaining({ assigneeId: null, version: 1 })]);

    const notifications = await db.notification.findMany({ where: { userId: colleague.id }, select: { kind: true, claimId: true, actorId: true, message: true } });
    expect(notifications.map((n) => n.claimId).sort()).toEqual([...claimIds].sort());
    expect(notifications[0]).toMatchObject({ kind: "ASSIGNMENT", actorId: editor.id, message: "Priya Sandoval assigned you a claim: “An invented statement under test.”" });

    const events = await db.auditEvent.findMany({ where: { action: "claim.assign", storyId }, select: { entityId: true, before: true, after: true } });
    expect(events.map((event) => event.entityId).sort()).toEqual([...claimIds].sort());
    expect(events[0]).toMatchObject({ before: { assignee: null }, after: { assignee: { id: colleague.id, name: colleague.name }, bulk: true } });

    // assigning the same person again changes nothing and tells nobody
    expect(await bulkAssignClaims(editor.actor, { storyId, claimIds, assigneeId: colleague.id })).toEqual({ updated: 0, skipped: 2 });
    expect(await db.notification.count({ where: { userId: colleague.id } })).toBe(2);
  });

  it("assigning claims to yourself or unassigning them notifies no one", async () => {
    const editor = await buildUser();
    const colleague = await buildUser();
    const { storyId, claimIds } = await storyWithClaims(editor.actor, ["UNVERIFIED", "UNVERIFIED"]);
    await bulkAssignClaims(editor.actor, { storyId, claimIds, assigneeId: editor.id });
    expect(await db.notification.count({ where: { userId: editor.id } })).toBe(0);

    await bulkAssignClaims(editor.actor, { storyId, claimIds, assigneeId: colleague.id });
    const unassigned = await bulkAssignClaims(colleague.actor, { storyId, claimIds, assigneeId: null });
    expect(unassigned).toEqual({ updated: 2, skipped: 0 });
    for (const claim of await claimsByIds(claimIds)) expect(claim).toMatchObject({ assigneeId: null, version: 4 });
    expect(await db.notification.count({ where: { userId: { in: [editor.id] } } })).toBe(0);
    expect(await db.notification.count({ where: { userId: colleague.id } })).toBe(2);
  });

  it("refuses a deactivated assignee and changes nothing", async () => {
    const editor = await buildUser();
    const gone = await buildUser({ active: false });
    const { storyId, claimIds } = await storyWithClaims(editor.actor, ["UNVERIFIED"]);
    const error = await domainErrorFrom(bulkAssignClaims(editor.actor, { storyId, claimIds, assigneeId: gone.id }));
    expect(error.kind).toBe("invalid");
    expect(await claimsByIds(claimIds)).toEqual([expect.objectContaining({ assigneeId: null, version: 1 })]);
    expect(await db.auditEvent.count({ where: { storyId, action: "claim.assign" } })).toBe(0);
  });
});
