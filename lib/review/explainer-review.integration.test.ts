import { describe, expect, it } from "vitest";
import { buildClaim, buildReportInput, buildStory, buildUser, domainErrorFrom, uniqueToken, type BuiltUser } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import { storeReport } from "@/lib/reports/store-report";
import { setClaimStatus } from "@/lib/claims/set-claim-status";
import { bulkSetClaimStatus } from "@/lib/claims/bulk-update-claims";
import { createExplainer } from "@/lib/explainers/create-explainer";
import { saveExplainerDraft } from "@/lib/explainers/save-explainer-draft";
import { submitRevision } from "@/lib/explainers/submit-revision";
import type { CitationForm, ExplainerDoc } from "@/lib/explainers/document";
import { approveRevision, requestChanges } from "./decide-revision";
import { getRevisionForReview, listReviewQueue } from "./review-queue";

type Cite = { claimId: string; attributed?: boolean; attribution?: string; form?: CitationForm };

function docOf(bullets: { text: string; cites: Cite[] }[]): ExplainerDoc {
  return {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "What we know" }] },
      {
        type: "bulletList",
        content: bullets.map((bullet) => ({
          type: "listItem" as const,
          content: [
            {
              type: "paragraph" as const,
              content: [
                { type: "text" as const, text: bullet.text },
                ...bullet.cites.map((cite) => ({
                  type: "citation" as const,
                  attrs: { claimId: cite.claimId, factId: null, attributed: cite.attributed ?? false, attribution: cite.attribution ?? "", ...(cite.form ? { form: cite.form } : {}) },
                })),
              ],
            },
          ],
        })),
      },
    ],
  };
}

async function desk() {
  const editor = await buildUser({ role: "EDITOR" });
  const reviewer = await buildUser({ role: "REVIEWER" });
  const story = await buildStory(editor.actor);
  const { reportId } = await storeReport(editor.actor, buildReportInput(story.id, { externalId: `wire-${uniqueToken()}` }), "PASTE");
  const verified = await buildClaim({ storyId: story.id, reportId, createdById: editor.id, status: "VERIFIED" });
  const unverified = await buildClaim({ storyId: story.id, reportId, createdById: editor.id, status: "UNVERIFIED" });
  const falseClaim = await buildClaim({ storyId: story.id, reportId, createdById: editor.id, status: "FALSE" });
  const explainer = await createExplainer(editor.actor, { storyId: story.id, title: "What to know about the ferry" });
  return { editor, reviewer, story, verified, unverified, falseClaim, explainer };
}

async function save(actor: BuiltUser, ids: { storyId: string; explainerId: string }, version: number, content: ExplainerDoc, title = "What to know about the ferry") {
  return saveExplainerDraft(actor.actor, { ...ids, version, title, dek: "The short version.", content });
}

describe("writing and reviewing an explainer", () => {
  it("walks draft → review → changes requested → review → approved, with four eyes and notifications", async () => {
    const { editor, reviewer, story, verified, unverified, explainer } = await desk();
    const ids = { storyId: story.id, explainerId: explainer.id };
    const good = docOf([
      { text: "The ferry runs again.", cites: [{ claimId: verified.id }] },
      { text: "Fourteen crossings a day are planned.", cites: [{ claimId: unverified.id, attributed: true, attribution: "according to the operator" }] },
    ]);
    const saved = await save(editor, ids, 1, good);
    expect(saved).toMatchObject({ version: 2, changed: true, state: "DRAFT" });

    const submitted = await submitRevision(editor.actor, { ...ids, version: 2, message: "First draft" });
    expect(submitted.number).toBe(1);
    const citations = await db.citation.findMany({ where: { revisionId: submitted.revisionId }, orderBy: { position: "asc" } });
    expect(citations.map((row) => [row.claimId, row.status, row.sourceCount, row.attributed, row.attribution, row.position])).toEqual([
      [verified.id, "VERIFIED", 1, false, "", 0],
      [unverified.id, "UNVERIFIED", 1, true, "according to the operator", 1],
    ]);
    expect(await db.notification.count({ where: { userId: reviewer.id, kind: "REVIEW_REQUESTED", explainerId: explainer.id } })).toBe(1);
    const queue = await listReviewQueue(reviewer.actor);
    expect(queue.waiting.find((row) => row.explainerId === explainer.id)).toMatchObject({ revisionNumber: 1, message: "First draft", canApprove: true });

    // the writer cannot approve their own revision, even with a reviewer's role
    await db.user.update({ where: { id: editor.id }, data: { role: "REVIEWER" } });
    const selfApproval = await domainErrorFrom(approveRevision({ ...editor.actor, role: "REVIEWER" }, { ...ids, revisionId: submitted.revisionId }));
    expect(selfApproval.kind).toBe("forbidden");
    expect(selfApproval.message).toMatch(/four eyes/);
    expect((await getRevisionForReview({ ...editor.actor, role: "REVIEWER" }, explainer.id)).approveBlockedReason).toMatch(/four eyes/);

    const noComment = await domainErrorFrom(requestChanges(reviewer.actor, { ...ids, revisionId: submitted.revisionId, comment: " " }));
    expect(noComment.kind).toBe("invalid");
    await requestChanges(reviewer.actor, { ...ids, revisionId: submitted.revisionId, comment: "Say who the operator is." });
    expect((await db.explainer.findUniqueOrThrow({ where: { id: explainer.id } })).state).toBe("CHANGES_REQUESTED");
    expect(await db.notification.count({ where: { userId: editor.id, kind: "REVIEW_DECIDED", explainerId: explainer.id } })).toBe(1);

    const fixed = docOf([
      { text: "The ferry runs again.", cites: [{ claimId: verified.id }] },
      { text: "Fourteen crossings a day are planned.", cites: [{ claimId: unverified.id, attributed: true, attribution: "according to the ferry operator" }] },
    ]);
    const resaved = await save(editor, ids, 4, fixed);
    expect(resaved.state).toBe("DRAFT");
    const second = await submitRevision(editor.actor, { ...ids, version: resaved.version, message: "Named the operator" });
    expect(second.number).toBe(2);

    const review = await getRevisionForReview(reviewer.actor, explainer.id);
    expect(review.base).toBeNull();
    expect(review.approveBlockedReason).toBeNull();
    await approveRevision(reviewer.actor, { ...ids, revisionId: second.revisionId });
    const approved = await db.explainer.findUniqueOrThrow({ where: { id: explainer.id } });
    expect(approved).toMatchObject({ state: "APPROVED", approvedRevisionId: second.revisionId, editorIdsSinceApproval: [] });
    const audit = await db.auditEvent.findMany({ where: { entityId: explainer.id }, select: { action: true } });
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(["explainer.create", "explainer.submit", "explainer.request_changes", "explainer.approve"]));

    // any edit after approval sends it back to draft; the next diff is against the approved revision
    const edited = await save(reviewer, ids, approved.version, docOf([{ text: "The ferry runs again daily.", cites: [{ claimId: verified.id }] }]));
    expect(edited.state).toBe("DRAFT");
    const third = await submitRevision(reviewer.actor, { ...ids, version: edited.version, message: "Trimmed" });
    const diff = await getRevisionForReview(editor.actor, explainer.id);
    expect(diff.base).toEqual({ number: 2, kind: "approved" });
    expect(diff.diff.citationsRemoved.map((row) => row.claimId)).toEqual([unverified.id]);
    expect(diff.diff.body?.flatMap((line) => line.parts).some((part) => part.kind === "added" && part.text.includes("daily"))).toBe(true);
    // the reviewer edited since the approval, so they cannot approve this one; the editor (who did not) can
    expect((await domainErrorFrom(approveRevision(reviewer.actor, { ...ids, revisionId: third.revisionId }))).kind).toBe("forbidden");
    await approveRevision({ ...editor.actor, role: "REVIEWER" }, { ...ids, revisionId: third.revisionId });
  });

  it("refuses to submit uncited bullets and false claims stated as fact or attributed, listing the bullets", async () => {
    const { editor, story, verified, unverified, falseClaim, explainer } = await desk();
    const ids = { storyId: story.id, explainerId: explainer.id };
    const bad = docOf([
      { text: "The ferry runs again.", cites: [{ claimId: verified.id }] },
      { text: "The harbour is closed.", cites: [] },
      { text: "The ferry sank.", cites: [{ claimId: falseClaim.id }] },
      { text: "Fourteen crossings.", cites: [{ claimId: unverified.id }] },
    ]);
    const saved = await save(editor, ids, 1, bad);
    const refused = await domainErrorFrom(submitRevision(editor.actor, { ...ids, version: saved.version, message: "Ready" }));
    expect(refused.kind).toBe("invalid");
    expect(Object.keys(refused.fieldErrors).sort()).toEqual(["bullet.1", "bullet.2", "bullet.3"]);
    expect(refused.fieldErrors["bullet.1"]).toMatch(/without a citation/);
    expect(refused.fieldErrors["bullet.2"]).toMatch(/false cannot support a bullet as fact/);
    expect(refused.fieldErrors["bullet.3"]).toMatch(/only be cited with attribution/);
    expect(await db.explainerRevision.count({ where: { explainerId: explainer.id } })).toBe(0);

    // attribution does not make a false claim citable as support
    const attributed = docOf([{ text: "The ferry sank,", cites: [{ claimId: falseClaim.id, attributed: true, attribution: "Testwire Agency reported this; the desk found it to be false" }] }]);
    const resaved = await save(editor, ids, saved.version, attributed);
    const stillRefused = await domainErrorFrom(submitRevision(editor.actor, { ...ids, version: resaved.version, message: "Attributed" }));
    expect(stillRefused.fieldErrors["bullet.0"]).toMatch(/even with attribution/);

    // only the debunked form cites it
    const debunked = docOf([{ text: "Rumours said the ferry sank.", cites: [{ claimId: falseClaim.id, form: "DEBUNKED", attributed: true, attribution: "Testwire Agency reported" }] }]);
    const debunkedSave = await save(editor, ids, resaved.version, debunked);
    await expect(submitRevision(editor.actor, { ...ids, version: debunkedSave.version, message: "Fixed" })).resolves.toMatchObject({ number: 1 });
  });

  it("refuses citations of another story's claims", async () => {
    const { editor, story, explainer } = await desk();
    const other = await desk();
    const saved = await save(editor, { storyId: story.id, explainerId: explainer.id }, 1, docOf([{ text: "Borrowed.", cites: [{ claimId: other.verified.id }] }]));
    const refused = await domainErrorFrom(submitRevision(editor.actor, { storyId: story.id, explainerId: explainer.id, version: saved.version, message: "x" }));
    expect(refused.fieldErrors["bullet.0"]).toMatch(/not in this story/);
  });

  it("a stale save gets a conflict naming who saved, and never overwrites", async () => {
    const { editor, reviewer, story, verified, explainer } = await desk();
    const ids = { storyId: story.id, explainerId: explainer.id };
    await save(reviewer, ids, 1, docOf([{ text: "Reviewer's words.", cites: [{ claimId: verified.id }] }]));
    const stale = await domainErrorFrom(save(editor, ids, 1, docOf([{ text: "Editor's words.", cites: [{ claimId: verified.id }] }])));
    expect(stale.kind).toBe("conflict");
    expect(stale.message).toContain(reviewer.name);
    const row = await db.explainer.findUniqueOrThrow({ where: { id: explainer.id } });
    expect(JSON.stringify(row.content)).toContain("Reviewer's words.");
    expect(row.editorIdsSinceApproval.sort()).toEqual([editor.id, reviewer.id].sort());
  });

  it("refuses wrong roles, bad input and other stories' ids", async () => {
    const { editor, story, explainer, verified } = await desk();
    const ids = { storyId: story.id, explainerId: explainer.id };
    expect((await domainErrorFrom(approveRevision(editor.actor, { ...ids, revisionId: explainer.id }))).kind).toBe("forbidden");
    expect((await domainErrorFrom(requestChanges(editor.actor, { ...ids, revisionId: explainer.id, comment: "x" }))).kind).toBe("forbidden");
    const token = { ...editor.actor, apiTokenId: explainer.id };
    expect((await domainErrorFrom(save({ ...editor, actor: token }, ids, 1, docOf([])))).kind).toBe("forbidden");
    const badDoc = await domainErrorFrom(
      saveExplainerDraft(editor.actor, { ...ids, version: 1, title: "T", dek: "", content: { type: "doc", content: [{ type: "image", attrs: { src: "x" } }] } }),
    );
    expect(badDoc.kind).toBe("invalid");
    const badLink = await domainErrorFrom(
      saveExplainerDraft(editor.actor, {
        ...ids,
        version: 1,
        title: "T",
        dek: "",
        content: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] },
      }),
    );
    expect(badLink.kind).toBe("invalid");
    expect((await domainErrorFrom(save(editor, ids, 1, docOf([]), "   "))).kind).toBe("invalid");
    const otherStory = await buildStory(editor.actor);
    expect((await domainErrorFrom(save(editor, { storyId: otherStory.id, explainerId: explainer.id }, 1, docOf([{ text: "x", cites: [{ claimId: verified.id }] }])))).kind).toBe("not_found");
    expect((await domainErrorFrom(submitRevision(editor.actor, { ...ids, version: 1, message: "" }))).kind).toBe("invalid");
    // a revision id that is not this explainer's is not found, for a reviewer too
    const reviewer = await buildUser({ role: "REVIEWER" });
    expect((await domainErrorFrom(approveRevision(reviewer.actor, { ...ids, revisionId: explainer.id }))).kind).toBe("not_found");
  });

  it("flags an approved explainer for re-review when a cited claim changes status, and tells its writers and reviewer", async () => {
    const { editor, reviewer, story, verified, explainer } = await desk();
    const ids = { storyId: story.id, explainerId: explainer.id };
    const saved = await save(editor, ids, 1, docOf([{ text: "The ferry runs again.", cites: [{ claimId: verified.id }] }]));
    const revision = await submitRevision(editor.actor, { ...ids, version: saved.version, message: "Ready" });
    await approveRevision(reviewer.actor, { ...ids, revisionId: revision.revisionId });

    const claim = await db.claim.findUniqueOrThrow({ where: { id: verified.id } });
    const checker = await buildUser({ role: "EDITOR" });
    await setClaimStatus(checker.actor, {
      claimId: claim.id,
      version: claim.version,
      status: "FALSE",
      rationale: "The operator denied it.",
      evidence: { kind: "NOTE", note: "Phone call with the operator." },
    });
    const flagged = await db.explainer.findUniqueOrThrow({ where: { id: explainer.id } });
    expect(flagged.needsReReview).toBe(true);
    expect(flagged.reReviewReason).toMatch(/from Verified to False/);
    expect(flagged.state).toBe("APPROVED");
    const notified = await db.notification.findMany({ where: { explainerId: explainer.id, kind: "REREVIEW_NEEDED" }, select: { userId: true } });
    expect(notified.map((row) => row.userId).sort()).toEqual([editor.id, reviewer.id].sort());
    expect((await listReviewQueue(reviewer.actor)).reReview.map((row) => row.explainerId)).toContain(explainer.id);
  });

  it("a bulk status change of a cited claim flags the approved explainer too", async () => {
    const { editor, reviewer, story, unverified, explainer } = await desk();
    const ids = { storyId: story.id, explainerId: explainer.id };
    const saved = await save(editor, ids, 1, docOf([{ text: "Crossings are planned,", cites: [{ claimId: unverified.id, attributed: true, attribution: "according to the operator" }] }]));
    const revision = await submitRevision(editor.actor, { ...ids, version: saved.version, message: "Ready" });
    await approveRevision(reviewer.actor, { ...ids, revisionId: revision.revisionId });
    await bulkSetClaimStatus(editor.actor, { storyId: story.id, claimIds: [unverified.id], status: "IN_PROGRESS" });
    const flagged = await db.explainer.findUniqueOrThrow({ where: { id: explainer.id } });
    expect(flagged.needsReReview).toBe(true);
    expect(flagged.reReviewReason).toMatch(/from Unverified to In progress/);
  });
});
