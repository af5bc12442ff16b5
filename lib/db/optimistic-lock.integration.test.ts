import { describe, expect, it } from "vitest";
import { buildReportInput, buildStory, buildUser, domainErrorFrom, uniqueToken } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import { conflict } from "@/lib/errors/domain-errors";
import { lockedUpdate } from "@/lib/db/optimistic-lock";
import { renameStory, setStoryArchived } from "@/lib/stories/mutate-story";
import { changeRole, setPersonActive } from "@/lib/people/update-person-access";
import { storeReport } from "@/lib/reports/store-report";
import { correctReportMetadata } from "@/lib/reports/correct-report-metadata";
import { tagClaim } from "@/lib/claims/tag-claim";
import { setClaimStatus } from "@/lib/claims/set-claim-status";
import { editClaim } from "@/lib/claims/edit-claim";
import { assignClaim } from "@/lib/claims/assign-claim";
import { acknowledgeClaimFlag } from "@/lib/claims/acknowledge-claim-flag";
import { confirmClaimAnchor, reattachClaim, retireClaim } from "@/lib/claims/resolve-anchor";
import { createExplainer } from "@/lib/explainers/create-explainer";
import { saveExplainerDraft } from "@/lib/explainers/save-explainer-draft";
import { submitRevision } from "@/lib/explainers/submit-revision";

/*
 * Every write guarded by a version, driven the same way: the row moves on (someone else's
 * write, here a bare version bump) after the writer loaded it, and the writer's change with the
 * version it saw gets a conflict and changes nothing. Facts (confirm, split, merge, move),
 * publishing and re-review acknowledgements have the same case in their own files.
 */

const PARAGRAPH = "Rescuers reached the invented village of Orvane on Tuesday, a harbour official said.";

async function desk() {
  const editor = await buildUser({ role: "EDITOR" });
  const admin = await buildUser({ role: "ADMIN" });
  const story = await buildStory(editor.actor);
  const { reportId } = await storeReport(editor.actor, buildReportInput(story.id, { externalId: `lock-${uniqueToken()}`, paragraphs: [PARAGRAPH] }), "PASTE");
  const claim = await tagClaim(editor.actor, { storyId: story.id, reportId, reportVersion: 1, start: 0, end: 40, statement: "Rescuers reached Orvane" });
  return { editor, admin, story, reportId, claimId: claim.id };
}

type Desk = Awaited<ReturnType<typeof desk>>;

type GuardedWrite = {
  /** what the writer changes, with the version they saw */
  write: (d: Desk, seen: number) => Promise<unknown>;
  /** the row's current version, and its state that the stale write must leave alone */
  read: (d: Desk) => Promise<{ version: number } & Record<string, unknown>>;
  /** someone else's write: bumps the version (and sets up the state the write needs) */
  moveOn: (d: Desk) => Promise<unknown>;
  /** puts the row into the state the write needs, before the writer loads it */
  prepare?: (d: Desk) => Promise<unknown>;
};

const storyRow = (d: Desk) => db.story.findUniqueOrThrow({ where: { id: d.story.id }, select: { version: true, title: true, status: true } });
const bumpStory = (d: Desk) => db.story.update({ where: { id: d.story.id }, data: { version: { increment: 1 } } });
const personRow = (d: Desk) => db.user.findUniqueOrThrow({ where: { id: d.editor.id }, select: { version: true, role: true, active: true } });
const bumpPerson = (d: Desk) => db.user.update({ where: { id: d.editor.id }, data: { version: { increment: 1 } } });
const claimRow = (d: Desk) =>
  db.claim.findUniqueOrThrow({ where: { id: d.claimId }, select: { version: true, status: true, statement: true, assigneeId: true, flagReason: true, anchorState: true, start: true } });
const bumpClaim = (d: Desk) => db.claim.update({ where: { id: d.claimId }, data: { version: { increment: 1 } } });
const setAnchor = (anchorState: "ORPHANED" | "FUZZY") => (d: Desk) => db.claim.update({ where: { id: d.claimId }, data: { anchorState } });

async function explainerOf(d: Desk) {
  const existing = await db.explainer.findFirst({ where: { storyId: d.story.id }, select: { id: true } });
  if (existing) return existing.id;
  return (await createExplainer(d.editor.actor, { storyId: d.story.id, title: "What to know about Orvane" })).id;
}
const explainerRow = async (d: Desk) =>
  db.explainer.findUniqueOrThrow({ where: { id: await explainerOf(d) }, select: { version: true, title: true, state: true } });
const bumpExplainer = async (d: Desk) => db.explainer.update({ where: { id: await explainerOf(d) }, data: { version: { increment: 1 } } });
const EMPTY_DOC = { type: "doc", content: [] };

const GUARDED_WRITES: Record<string, GuardedWrite> = {
  "renaming a story": {
    write: (d, seen) => renameStory(d.editor.actor, { storyId: d.story.id, version: seen, title: "Renamed from a stale screen", description: "" }),
    read: storyRow,
    moveOn: bumpStory,
  },
  "archiving a story": {
    write: (d, seen) => setStoryArchived(d.editor.actor, { storyId: d.story.id, version: seen, archived: true }),
    read: storyRow,
    moveOn: bumpStory,
  },
  "changing a person's role": {
    write: (d, seen) => changeRole(d.admin.actor, { userId: d.editor.id, role: "REVIEWER", version: seen }),
    read: personRow,
    moveOn: bumpPerson,
  },
  "deactivating a person": {
    write: (d, seen) => setPersonActive(d.admin.actor, { userId: d.editor.id, active: false, version: seen }),
    read: personRow,
    moveOn: bumpPerson,
  },
  "correcting a report's details": {
    write: (d, seen) =>
      correctReportMetadata(d.editor.actor, { storyId: d.story.id, reportId: d.reportId, version: seen, headline: "Stale headline", source: "Testwire Agency", byline: "", dateline: "", language: "en", publishedAt: "" }),
    read: (d) => db.report.findUniqueOrThrow({ where: { id: d.reportId }, select: { version: true, headline: true } }),
    moveOn: (d) => db.report.update({ where: { id: d.reportId }, data: { version: { increment: 1 } } }),
  },
  "changing a claim's status": {
    write: (d, seen) => setClaimStatus(d.editor.actor, { claimId: d.claimId, version: seen, status: "IN_PROGRESS" }),
    read: claimRow,
    moveOn: bumpClaim,
  },
  "editing a claim": {
    write: (d, seen) => editClaim(d.editor.actor, { claimId: d.claimId, version: seen, statement: "A stale statement", attribution: "", tags: [] }),
    read: claimRow,
    moveOn: bumpClaim,
  },
  "assigning a claim": {
    write: (d, seen) => assignClaim(d.editor.actor, { claimId: d.claimId, version: seen, assigneeId: d.editor.id }),
    read: claimRow,
    moveOn: bumpClaim,
  },
  "clearing a claim's kill flag": {
    prepare: (d) => db.claim.update({ where: { id: d.claimId }, data: { flagReason: "Its report was killed." } }),
    write: (d, seen) => acknowledgeClaimFlag(d.editor.actor, { claimId: d.claimId, version: seen }),
    read: claimRow,
    moveOn: bumpClaim,
  },
  "re-attaching an orphaned claim": {
    prepare: setAnchor("ORPHANED"),
    write: (d, seen) => reattachClaim(d.editor.actor, { claimId: d.claimId, version: seen, reportVersion: 1, start: 10, end: 40 }),
    read: claimRow,
    moveOn: bumpClaim,
  },
  "retiring an orphaned claim": {
    prepare: setAnchor("ORPHANED"),
    write: (d, seen) => retireClaim(d.editor.actor, { claimId: d.claimId, version: seen, reason: "The wording is gone." }),
    read: claimRow,
    moveOn: bumpClaim,
  },
  "confirming a fuzzy anchor": {
    prepare: setAnchor("FUZZY"),
    write: (d, seen) => confirmClaimAnchor(d.editor.actor, { claimId: d.claimId, version: seen }),
    read: claimRow,
    moveOn: bumpClaim,
  },
  "saving an explainer draft": {
    write: async (d, seen) =>
      saveExplainerDraft(d.editor.actor, { storyId: d.story.id, explainerId: await explainerOf(d), version: seen, title: "A stale title", dek: "", content: EMPTY_DOC }),
    read: explainerRow,
    moveOn: bumpExplainer,
  },
  "submitting an explainer revision": {
    write: async (d, seen) => submitRevision(d.editor.actor, { storyId: d.story.id, explainerId: await explainerOf(d), version: seen, message: "Ready from a stale screen" }),
    read: explainerRow,
    moveOn: bumpExplainer,
  },
};

describe("optimistic locking", () => {
  it.each(Object.entries(GUARDED_WRITES))("%s from a stale screen gets a conflict and changes nothing", async (_name, guarded) => {
    const d = await desk();
    await guarded.prepare?.(d);
    const seen = await guarded.read(d);
    await guarded.moveOn(d);
    const before = await guarded.read(d);
    expect(before.version).toBe(seen.version + 1);

    const error = await domainErrorFrom(guarded.write(d, seen.version));
    expect(error.kind).toBe("conflict");
    expect(await guarded.read(d)).toEqual(before);
  });

  it("a submission must name the version it was written against (or the shared document)", async () => {
    const d = await desk();
    const explainerId = await explainerOf(d);
    const missing = await domainErrorFrom(submitRevision(d.editor.actor, { storyId: d.story.id, explainerId, message: "No version" }));
    expect(missing.kind).toBe("invalid");
    expect(missing.fieldErrors).toHaveProperty("version");
  });

  it("of two writers on the same version exactly one lands, and the other gets the conflict", async () => {
    const d = await desk();
    const { version } = await storyRow(d);
    const write = (title: string) =>
      db.$transaction((tx) => lockedUpdate(tx.story, { where: { id: d.story.id }, version, data: { title } }, () => conflict("Someone renamed it first.")));
    const results = await Promise.allSettled([write("First title"), write("Second title")]);
    const landed = results.filter((result) => result.status === "fulfilled");
    const refused = results.filter((result) => result.status === "rejected");
    expect(landed).toEqual([{ status: "fulfilled", value: version + 1 }]);
    expect(refused).toHaveLength(1);
    expect((await domainErrorFrom(Promise.reject((refused[0] as PromiseRejectedResult).reason))).kind).toBe("conflict");
    const after = await storyRow(d);
    expect(after.version).toBe(version + 1);
    expect(["First title", "Second title"]).toContain(after.title);
  });

  it("a write whose narrowing no longer holds changes nothing, even on the current version", async () => {
    const d = await desk();
    const before = await storyRow(d);
    const error = await domainErrorFrom(
      lockedUpdate(db.story, { where: { id: d.story.id, status: "ARCHIVED" }, version: before.version, data: { title: "Not for an active story" } }, () =>
        conflict("The story is not archived."),
      ),
    );
    expect(error.kind).toBe("conflict");
    expect(await storyRow(d)).toEqual(before);
  });
});
