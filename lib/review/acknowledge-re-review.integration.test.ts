import { describe, expect, it } from "vitest";
import { buildClaim, buildReportInput, buildStory, buildUser, domainErrorFrom, uniqueToken } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { storeReport } from "@/lib/reports/store-report";
import { setClaimStatus } from "@/lib/claims/set-claim-status";
import { createExplainer } from "@/lib/explainers/create-explainer";
import { saveExplainerDraft } from "@/lib/explainers/save-explainer-draft";
import { submitRevision } from "@/lib/explainers/submit-revision";
import type { ExplainerDoc } from "@/lib/explainers/document";
import { publishExplainer } from "@/lib/publishing/publish-explainer";
import { approveRevision } from "./decide-revision";
import { acknowledgeReReview } from "./acknowledge-re-review";

const attributed = (claimId: string) => ({ type: "citation" as const, attrs: { claimId, factId: null, form: "ATTRIBUTED" as const, attributed: true, attribution: "according to the harbour office" } });

/** An approved explainer with two bullets, each citing an unverified claim with attribution. */
async function approvedExplainer() {
  const editor = await buildUser({ role: "EDITOR" });
  const reviewer = await buildUser({ role: "REVIEWER" });
  const story = await buildStory(editor.actor);
  const { reportId } = await storeReport(editor.actor, buildReportInput(story.id, { externalId: `wire-${uniqueToken()}` }), "PASTE");
  const first = await buildClaim({ storyId: story.id, reportId, createdById: editor.id, status: "UNVERIFIED" });
  const second = await buildClaim({ storyId: story.id, reportId, createdById: editor.id, status: "UNVERIFIED" });
  const explainer = await createExplainer(editor.actor, { storyId: story.id, title: "What to know about the Port Ellery lighthouse" });
  const ids = { storyId: story.id, explainerId: explainer.id };
  const bullet = (words: string, claimId: string) => ({
    type: "listItem" as const,
    content: [{ type: "paragraph" as const, content: [{ type: "text" as const, text: words }, attributed(claimId)] }],
  });
  const content: ExplainerDoc = { type: "doc", content: [{ type: "bulletList", content: [bullet("The light went dark", first.id), bullet("Ships were diverted", second.id)] }] };
  const saved = await saveExplainerDraft(editor.actor, { ...ids, version: 1, title: "What to know about the Port Ellery lighthouse", dek: "", content });
  const revision = await submitRevision(editor.actor, { ...ids, version: saved.version, message: "Ready" });
  await approveRevision(reviewer.actor, { ...ids, revisionId: revision.revisionId });
  return { editor, reviewer, ids, first: first.id, second: second.id, revisionId: revision.revisionId };
}

async function moveStatus(actor: Parameters<typeof setClaimStatus>[0], claimId: string, status: ClaimStatus) {
  const { version } = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } });
  await setClaimStatus(actor, { claimId, version, status, rationale: "Checked with the harbour office.", evidence: { kind: "NOTE", note: "Call log, 14:05." } });
}

const current = (explainerId: string) => db.explainer.findUniqueOrThrow({ where: { id: explainerId }, select: { version: true, needsReReview: true, reReviewReason: true } });
const openFlags = (explainerId: string) => db.reReviewFlag.findMany({ where: { explainerId, resolvedAt: null }, orderBy: { createdAt: "asc" }, select: { id: true, claimId: true } });

describe("acknowledging a re-review flag", () => {
  it("a reviewer clears each flag with a note, without an edit; publishing waits for the last one", async () => {
    const { editor, reviewer, ids, first, second, revisionId } = await approvedExplainer();
    await moveStatus(editor.actor, first, "IN_PROGRESS");
    await moveStatus(editor.actor, second, "VERIFIED");
    const flags = await openFlags(ids.explainerId);
    expect(flags.map((flag) => flag.claimId)).toEqual([first, second]);

    let state = await current(ids.explainerId);
    expect((await domainErrorFrom(publishExplainer(editor.actor, { ...ids, version: state.version }))).kind).toBe("conflict");

    const one = await acknowledgeReReview(reviewer.actor, { ...ids, flagId: flags[0]!.id, version: state.version, note: "Still holds: the bullet is attributed." });
    expect(one.openFlags).toBe(1);
    state = await current(ids.explainerId);
    expect(state.needsReReview).toBe(true);
    expect(state.reReviewReason).toMatch(/Unverified to Verified/);
    // one flag still open: publishing still waits
    expect((await domainErrorFrom(publishExplainer(editor.actor, { ...ids, version: state.version }))).kind).toBe("conflict");

    await acknowledgeReReview(reviewer.actor, { ...ids, flagId: flags[1]!.id, version: state.version, note: "Now verified; attribution is still accurate." });
    state = await current(ids.explainerId);
    expect(state).toMatchObject({ needsReReview: false, reReviewReason: null });
    // the revision's snapshot now carries the acknowledged status, for labels and ratings
    const snapshot = await db.citation.findMany({ where: { revisionId }, orderBy: { position: "asc" }, select: { status: true } });
    expect(snapshot.map((row) => row.status)).toEqual(["IN_PROGRESS", "VERIFIED"]);
    await expect(publishExplainer(editor.actor, { ...ids, version: state.version })).resolves.toMatchObject({ publishedRevisionId: revisionId });

    const audit = await db.auditEvent.findMany({ where: { entityId: ids.explainerId, action: "explainer.acknowledge_rereview" }, orderBy: { createdAt: "asc" }, select: { actorId: true, after: true } });
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actorId: reviewer.id, after: { note: "Still holds: the bullet is attributed.", openFlags: 1 } });
    const resolved = await db.reReviewFlag.findFirstOrThrow({ where: { id: flags[0]!.id }, select: { resolution: true, resolvedById: true, note: true } });
    expect(resolved).toEqual({ resolution: "ACKNOWLEDGED", resolvedById: reviewer.id, note: "Still holds: the bullet is attributed." });
  });

  it("refuses an acknowledgement when the text now breaks the rules, from a writer of the text, without a note, or from an editor", async () => {
    const { editor, reviewer, ids, first } = await approvedExplainer();
    await moveStatus(editor.actor, first, "FALSE");
    const [flag] = await openFlags(ids.explainerId);
    const { version } = await current(ids.explainerId);
    const input = { ...ids, flagId: flag!.id, version, note: "Looks fine." };

    const broken = await domainErrorFrom(acknowledgeReReview(reviewer.actor, input));
    expect(broken.kind).toBe("invalid");
    expect(broken.message).toMatch(/needs an edit and a new review/);
    expect((await domainErrorFrom(acknowledgeReReview(editor.actor, input))).kind).toBe("forbidden");
    const writer = await buildUser({ role: "REVIEWER" });
    await db.explainerRevisionAuthor.create({ data: { revisionId: (await db.explainer.findUniqueOrThrow({ where: { id: ids.explainerId }, select: { approvedRevisionId: true } })).approvedRevisionId!, userId: writer.id } });
    expect((await domainErrorFrom(acknowledgeReReview(writer.actor, input))).kind).toBe("forbidden");
    expect((await domainErrorFrom(acknowledgeReReview(reviewer.actor, { ...input, note: "  " }))).kind).toBe("invalid");
    expect((await domainErrorFrom(acknowledgeReReview(reviewer.actor, { ...input, version: version - 1 }))).kind).toBe("conflict");
    expect((await current(ids.explainerId)).needsReReview).toBe(true);
  });

  it("approving a new revision resolves every open flag", async () => {
    const { editor, reviewer, ids, first, second } = await approvedExplainer();
    await moveStatus(editor.actor, first, "IN_PROGRESS");
    await moveStatus(editor.actor, second, "IN_PROGRESS");
    const explainer = await db.explainer.findUniqueOrThrow({ where: { id: ids.explainerId }, select: { version: true, content: true } });
    const saved = await saveExplainerDraft(editor.actor, { ...ids, version: explainer.version, title: "What to know about the lighthouse, updated", dek: "", content: explainer.content });
    const revision = await submitRevision(editor.actor, { ...ids, version: saved.version, message: "Rechecked" });
    await approveRevision(reviewer.actor, { ...ids, revisionId: revision.revisionId });
    expect(await openFlags(ids.explainerId)).toEqual([]);
    expect(await db.reReviewFlag.count({ where: { explainerId: ids.explainerId, resolution: "APPROVED" } })).toBe(2);
  });
});
