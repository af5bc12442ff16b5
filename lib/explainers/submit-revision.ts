import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { invalid, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { notifyReviewRequested } from "@/lib/review/review-notifications";
import { notifyDeskChange } from "@/lib/live/desk-events";
import { flushSharedDocument } from "@/lib/collab/flush-shared-document";
import { extractCitations } from "./document";
import { assertWritingRules } from "./enforce-writing-rules";
import { staleExplainerConflict } from "./save-explainer-draft";
import { ZSubmitRevision } from "./schemas";
import { citationKey } from "./writing-rules";
import { canTransition, EXPLAINER_TRANSITIONS } from "./workflow";
import { expectVersion, lockedUpdate } from "@/lib/db/optimistic-lock";

export type SubmittedRevision = { revisionId: string; number: number; version: number };

/**
 * Snapshots the working copy as a new revision and puts it in the reviewers' queue. Refused when
 * the writing rules fail (each offending bullet is listed under `bullet.<index>`). The authors are
 * everyone who edited since the last approval, plus the submitter; each citation keeps the
 * status and source count its claim or fact had at this moment. The shared (co-edited) document
 * is stored first, so the snapshot holds every edit the collaboration server has.
 */
export async function submitRevision(actor: Actor, input: unknown): Promise<SubmittedRevision> {
  assertCan(actor, EXPLAINER_TRANSITIONS.submit.permission);
  const data = parseInput(ZSubmitRevision, input);
  // the live document may hold edits the collaboration server has not stored yet
  await flushSharedDocument(data.explainerId);
  return db.$transaction(async (tx) => {
    // the row lock keeps two submissions (or a save and a submission) from interleaving
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Explainer" WHERE "id" = ${data.explainerId}::uuid AND "storyId" = ${data.storyId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFound("That explainer");
    const explainer = await tx.explainer.findUniqueOrThrow({
      where: { id: data.explainerId },
      select: { id: true, storyId: true, title: true, dek: true, content: true, state: true, version: true, editorIdsSinceApproval: true },
    });
    // a co-edited explainer's version moves with every store of the shared document: its
    // submission says "shared" and snapshots the document as stored just now (flushed above)
    if (data.version !== "shared") await expectVersion(explainer.version, data.version, () => staleExplainerConflict(tx, explainer.id));
    if (!canTransition("submit", explainer.state)) {
      throw invalid(
        explainer.state === "IN_REVIEW"
          ? "This explainer is already waiting for review."
          : "Nothing changed since the last approval: edit the explainer before submitting a new revision.",
      );
    }
    const { doc, targets: byKey } = await assertWritingRules(tx, explainer.storyId, explainer.content, "submit");
    const citations = extractCitations(doc);

    const last = await tx.explainerRevision.findFirst({ where: { explainerId: explainer.id }, orderBy: { number: "desc" }, select: { number: true } });
    const authorIds = [...new Set([...explainer.editorIdsSinceApproval, actor.id])];
    const revision = await tx.explainerRevision.create({
      data: {
        explainerId: explainer.id,
        number: (last?.number ?? 0) + 1,
        title: explainer.title,
        dek: explainer.dek,
        content: doc as Prisma.InputJsonValue,
        message: data.message,
        createdById: actor.id,
        authors: { createMany: { data: authorIds.map((userId) => ({ userId })) } },
        citations: {
          createMany: {
            data: citations.map((citation) => {
              const target = byKey.get(citationKey(citation));
              return {
                claimId: citation.claimId,
                factId: citation.factId,
                attributed: citation.attributed,
                attribution: citation.attributed ? citation.attribution : "",
                form: citation.form,
                status: target?.status ?? "UNVERIFIED",
                sourceCount: target?.sourceCount ?? 1,
                position: citation.position,
              };
            }),
          },
        },
      },
      select: { id: true, number: true },
    });
    const version = await lockedUpdate(tx.explainer, { where: { id: explainer.id }, version: explainer.version, data: { state: EXPLAINER_TRANSITIONS.submit.to } }, () =>
      staleExplainerConflict(tx, explainer.id),
    );
    await audit(tx, {
      actorId: actor.id,
      action: "explainer.submit",
      entityType: "explainer",
      entityId: explainer.id,
      storyId: explainer.storyId,
      before: { state: explainer.state },
      after: { state: EXPLAINER_TRANSITIONS.submit.to, revisionId: revision.id, number: revision.number, message: data.message, authorIds },
    });
    await notifyReviewRequested(tx, actor, explainer, authorIds);
    await notifyDeskChange(tx, { storyId: explainer.storyId, kind: "review", explainerId: explainer.id });
    return { revisionId: revision.id, number: revision.number, version };
  });
}
