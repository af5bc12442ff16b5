import { beforeAll, describe, expect, it } from "vitest";
import { buildClaim, buildReportInput, buildStory, buildUser, domainErrorFrom, uniqueToken, type BuiltUser } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { storeReport } from "@/lib/reports/store-report";
import { setClaimStatus } from "@/lib/claims/set-claim-status";
import { approveRevision } from "@/lib/review/decide-revision";
import { publishExplainer } from "@/lib/publishing/publish-explainer";
import { createExplainer } from "./create-explainer";
import { saveExplainerDraft } from "./save-explainer-draft";
import { submitRevision } from "./submit-revision";
import type { CitationForm, ExplainerDoc } from "./document";

/**
 * The rules table, cell by cell, through the domain functions a desk uses: submit, approve and
 * publish. The expectations are written out here (not read from the table), so a change of the
 * table has to change this test too.
 */
const ALLOWED: Record<ClaimStatus, readonly CitationForm[]> = {
  VERIFIED: ["FACT", "ATTRIBUTED"],
  UNVERIFIED: ["ATTRIBUTED"],
  IN_PROGRESS: ["ATTRIBUTED"],
  UNVERIFIABLE: ["ATTRIBUTED"],
  DISPUTED: ["ATTRIBUTED", "BOTH_SIDES"],
  FALSE: ["DEBUNKED"],
};
const STATUSES = Object.keys(ALLOWED) as ClaimStatus[];
const FORMS: readonly CitationForm[] = ["FACT", "ATTRIBUTED", "BOTH_SIDES", "DEBUNKED"];
/** A status in which each form is allowed, to get a revision past submission before the status moves. */
const PASSING_STATUS: Record<CitationForm, ClaimStatus> = { FACT: "VERIFIED", ATTRIBUTED: "UNVERIFIED", BOTH_SIDES: "DISPUTED", DEBUNKED: "FALSE" };

type Desk = { editor: BuiltUser; reviewer: BuiltUser; storyId: string; reportId: string; otherSideId: string };
let desk: Desk;

beforeAll(async () => {
  const editor = await buildUser({ role: "EDITOR" });
  const reviewer = await buildUser({ role: "REVIEWER" });
  const story = await buildStory(editor.actor);
  const { reportId } = await storeReport(editor.actor, buildReportInput(story.id, { externalId: `wire-${uniqueToken()}` }), "PASTE");
  // the other side of a dispute, in every "both sides" bullet
  const otherSide = await buildClaim({ storyId: story.id, reportId, createdById: editor.id, status: "VERIFIED" });
  desk = { editor, reviewer, storyId: story.id, reportId, otherSideId: otherSide.id };
});

function bulletCiting(claimId: string, form: CitationForm): ExplainerDoc {
  const cite = (id: string, citeForm: CitationForm, phrase: string) => ({
    type: "citation" as const,
    attrs: { claimId: id, factId: null, form: citeForm, attributed: citeForm !== "FACT", attribution: citeForm === "FACT" ? "" : phrase },
  });
  return {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "What we know" }] },
      {
        type: "bulletList",
        content: [
          {
            type: "listItem",
            content: [
              {
                type: "paragraph",
                content: [
                  { type: "text", text: "The lighthouse at Port Ellery went dark" },
                  cite(claimId, form, "according to the harbour office"),
                  ...(form === "BOTH_SIDES" ? [{ type: "text" as const, text: "; the coastguard says it is lit" }, cite(desk.otherSideId, "FACT", "")] : []),
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

/** A new explainer citing a new claim (in `status`) in `form`, saved and ready to submit. */
async function draftCiting(status: ClaimStatus, form: CitationForm) {
  const claim = await buildClaim({ storyId: desk.storyId, reportId: desk.reportId, createdById: desk.editor.id, status });
  const explainer = await createExplainer(desk.editor.actor, { storyId: desk.storyId, title: `Lighthouse ${status} ${form} ${uniqueToken()}` });
  const ids = { storyId: desk.storyId, explainerId: explainer.id };
  const saved = await saveExplainerDraft(desk.editor.actor, { ...ids, version: 1, title: "What to know about the lighthouse", dek: "", content: bulletCiting(claim.id, form) });
  return { claimId: claim.id, ids, version: saved.version };
}

async function submitted(status: ClaimStatus, form: CitationForm) {
  const draft = await draftCiting(status, form);
  const revision = await submitRevision(desk.editor.actor, { ...draft.ids, version: draft.version, message: "Ready" });
  return { ...draft, revisionId: revision.revisionId, version: revision.version };
}

async function expectVerdict(outcome: Promise<unknown>, allowed: boolean) {
  if (allowed) {
    await expect(outcome).resolves.toBeDefined();
  } else {
    const error = await domainErrorFrom(outcome);
    expect(error.kind).toBe("invalid");
    expect(Object.keys(error.fieldErrors)).toEqual(["bullet.0"]);
  }
}

describe("the citation rules table, enforced by the domain layer", () => {
  for (const status of STATUSES) {
    for (const form of FORMS) {
      const allowed = ALLOWED[status].includes(form);
      const verdict = allowed ? "may" : "may not";

      it(`submit: a ${status} claim ${verdict} be cited ${form}`, async () => {
        const draft = await draftCiting(status, form);
        await expectVerdict(submitRevision(desk.editor.actor, { ...draft.ids, version: draft.version, message: "Ready" }), allowed);
        expect(await db.explainerRevision.count({ where: { explainerId: draft.ids.explainerId } })).toBe(allowed ? 1 : 0);
      });

      it(`approve: a reviewer ${verdict} approve a ${form} citation of a claim that became ${status} during review`, async () => {
        const revision = await submitted(PASSING_STATUS[form], form);
        // straight in the database: whatever moved the status, approval reads today's
        await db.claim.update({ where: { id: revision.claimId }, data: { status } });
        await expectVerdict(approveRevision(desk.reviewer.actor, { ...revision.ids, revisionId: revision.revisionId }), allowed);
        const state = await db.explainer.findUniqueOrThrow({ where: { id: revision.ids.explainerId }, select: { state: true } });
        expect(state.state).toBe(allowed ? "APPROVED" : "IN_REVIEW");
      });

      it(`publish: an editor ${verdict} publish a ${form} citation of a claim that became ${status} after approval`, async () => {
        const revision = await submitted(PASSING_STATUS[form], form);
        await approveRevision(desk.reviewer.actor, { ...revision.ids, revisionId: revision.revisionId });
        // no re-review flag is raised this way: the publish check alone must hold the line
        await db.claim.update({ where: { id: revision.claimId }, data: { status } });
        const { version } = await db.explainer.findUniqueOrThrow({ where: { id: revision.ids.explainerId }, select: { version: true } });
        await expectVerdict(publishExplainer(desk.editor.actor, { ...revision.ids, version }), allowed);
        const after = await db.explainer.findUniqueOrThrow({ where: { id: revision.ids.explainerId }, select: { state: true, publishedRevisionId: true } });
        expect(after.publishedRevisionId !== null).toBe(allowed);
      });
    }
  }

  it("a status change after approval flags re-review and says when the approved text now breaks the rules", async () => {
    const revision = await submitted("UNVERIFIED", "ATTRIBUTED");
    await approveRevision(desk.reviewer.actor, { ...revision.ids, revisionId: revision.revisionId });
    const claim = await db.claim.findUniqueOrThrow({ where: { id: revision.claimId }, select: { version: true } });
    await setClaimStatus(desk.reviewer.actor, {
      claimId: revision.claimId,
      version: claim.version,
      status: "FALSE",
      rationale: "The harbour office retracted the statement.",
      evidence: { kind: "NOTE", note: "Retraction read out at the noon briefing." },
    });
    const flagged = await db.explainer.findUniqueOrThrow({ where: { id: revision.ids.explainerId }, select: { needsReReview: true, reReviewReason: true, version: true } });
    expect(flagged.needsReReview).toBe(true);
    expect(flagged.reReviewReason).toMatch(/now breaks the citation rules: A claim marked false cannot support a bullet even with attribution/);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: revision.ids.explainerId, action: "explainer.flag_rereview" }, select: { after: true } });
    expect(audit.after).toMatchObject({ needsReReview: true, breaksRules: true });
    expect((await domainErrorFrom(publishExplainer(desk.editor.actor, { ...revision.ids, version: flagged.version }))).kind).toBe("conflict");
  });
});
