import "server-only";
import { db } from "@/lib/db/client";
import type { ExplainerState, ReviewDecision } from "@/lib/generated/prisma/enums";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors/domain-errors";
import { isUuid } from "@/lib/http/uuid";
import { type CitationTarget, loadCitationTargets } from "./citation-targets";
import { defaultExplainerDoc, parseExplainerDoc, type ExplainerDoc } from "./document";

export type ExplainerReviewNote = {
  id: string;
  revisionNumber: number;
  decision: ReviewDecision;
  comment: string;
  reviewer: string;
  createdAt: string;
};

/** Everything the editor page needs: the working copy, its state, reviews, and what it may cite. */
export type ExplainerForEditor = {
  id: string;
  storyId: string;
  slug: string;
  title: string;
  dek: string;
  content: ExplainerDoc;
  state: ExplainerState;
  version: number;
  updatedAt: string;
  needsReReview: boolean;
  reReviewReason: string | null;
  approvedRevisionNumber: number | null;
  publishedRevisionNumber: number | null;
  latestRevision: { id: string; number: number; message: string; createdAt: string } | null;
  editorsSinceApproval: string[];
  reviews: ExplainerReviewNote[];
  targets: CitationTarget[];
};

/** An explainer of a story, for its editor page; one of another story is not found. */
export async function getExplainerForEditor(actor: Actor, storyId: string, explainerId: string): Promise<ExplainerForEditor> {
  assertCan(actor, "story.read");
  if (!isUuid(storyId) || !isUuid(explainerId)) throw notFound("That explainer");
  const explainer = await db.explainer.findFirst({
    where: { id: explainerId, storyId },
    select: {
      id: true,
      storyId: true,
      slug: true,
      title: true,
      dek: true,
      content: true,
      state: true,
      version: true,
      updatedAt: true,
      needsReReview: true,
      reReviewReason: true,
      editorIdsSinceApproval: true,
      approvedRevision: { select: { number: true } },
      publishedRevision: { select: { number: true } },
      revisions: {
        orderBy: { number: "desc" },
        take: 20,
        select: {
          id: true,
          number: true,
          message: true,
          createdAt: true,
          reviews: { orderBy: { createdAt: "desc" }, select: { id: true, decision: true, comment: true, createdAt: true, reviewer: { select: { name: true } } } },
        },
      },
    },
  });
  if (!explainer) throw notFound("That explainer");
  const [editors, targets] = await Promise.all([
    db.user.findMany({ where: { id: { in: explainer.editorIdsSinceApproval } }, select: { name: true }, orderBy: { name: "asc" } }),
    loadCitationTargets(db, storyId),
  ]);
  const latest = explainer.revisions[0];
  return {
    id: explainer.id,
    storyId: explainer.storyId,
    slug: explainer.slug,
    title: explainer.title,
    dek: explainer.dek,
    // a stored document the current model refuses (older shape) opens as the template rather than crashing the editor
    content: parseExplainerDoc(explainer.content) ?? defaultExplainerDoc(),
    state: explainer.state,
    version: explainer.version,
    updatedAt: explainer.updatedAt.toISOString(),
    needsReReview: explainer.needsReReview,
    reReviewReason: explainer.reReviewReason,
    approvedRevisionNumber: explainer.approvedRevision?.number ?? null,
    publishedRevisionNumber: explainer.publishedRevision?.number ?? null,
    latestRevision: latest ? { id: latest.id, number: latest.number, message: latest.message, createdAt: latest.createdAt.toISOString() } : null,
    editorsSinceApproval: editors.map((editor) => editor.name),
    reviews: explainer.revisions.flatMap((revision) =>
      revision.reviews.map((review) => ({
        id: review.id,
        revisionNumber: revision.number,
        decision: review.decision,
        comment: review.comment,
        reviewer: review.reviewer.name,
        createdAt: review.createdAt.toISOString(),
      })),
    ),
    targets,
  };
}
