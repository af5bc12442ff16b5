import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors/domain-errors";
import { isUuid } from "@/lib/http/uuid";
import { type CitationTarget, loadCitationTargets } from "@/lib/explainers/citation-targets";
import { extractCitations, parseExplainerDoc, type ExplainerDoc } from "@/lib/explainers/document";
import { diffRevisions, type RevisionDiff } from "./revision-diff";
import { SELF_APPROVAL_MESSAGE } from "./decide-revision";

export type ReviewQueueRow = {
  explainerId: string;
  storyId: string;
  storyTitle: string;
  title: string;
  revisionId: string;
  revisionNumber: number;
  message: string;
  submittedBy: string;
  submittedAt: Date;
  authors: string[];
  /** false when the signed-in person wrote part of it (four eyes) */
  canApprove: boolean;
};

export type ReReviewRow = { explainerId: string; storyId: string; title: string; reason: string | null; state: string };

/**
 * Revisions waiting for review, oldest submission first, and approved explainers flagged for
 * re-review. Readable by everyone on the desk; deciding needs the reviewer role.
 */
export async function listReviewQueue(actor: Actor): Promise<{ waiting: ReviewQueueRow[]; reReview: ReReviewRow[] }> {
  assertCan(actor, "story.read");
  const [explainers, flagged] = await Promise.all([
    db.explainer.findMany({
      where: { state: "IN_REVIEW" },
      take: 200,
      select: {
        id: true,
        storyId: true,
        title: true,
        story: { select: { title: true } },
        revisions: {
          orderBy: { number: "desc" },
          take: 1,
          select: { id: true, number: true, message: true, createdAt: true, createdBy: { select: { name: true } }, authors: { select: { user: { select: { id: true, name: true } } } } },
        },
      },
    }),
    db.explainer.findMany({
      where: { needsReReview: true },
      orderBy: { updatedAt: "asc" },
      take: 200,
      select: { id: true, storyId: true, title: true, reReviewReason: true, state: true },
    }),
  ]);
  const canReview = actor.role === "REVIEWER" || actor.role === "ADMIN";
  const waiting = explainers
    .flatMap((explainer) => {
      const revision = explainer.revisions[0];
      if (!revision) return [];
      const authorIds = revision.authors.map((author) => author.user.id);
      return [
        {
          explainerId: explainer.id,
          storyId: explainer.storyId,
          storyTitle: explainer.story.title,
          title: explainer.title,
          revisionId: revision.id,
          revisionNumber: revision.number,
          message: revision.message,
          submittedBy: revision.createdBy.name,
          submittedAt: revision.createdAt,
          authors: revision.authors.map((author) => author.user.name),
          canApprove: canReview && !authorIds.includes(actor.id),
        },
      ];
    })
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  return {
    waiting,
    reReview: flagged.map((row) => ({ explainerId: row.id, storyId: row.storyId, title: row.title, reason: row.reReviewReason, state: row.state })),
  };
}

export type ReReviewFlagView = {
  id: string;
  reason: string;
  breaksRules: boolean;
  createdAt: Date;
  resolution: "ACKNOWLEDGED" | "APPROVED" | null;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  note: string;
};

export type RevisionReview = {
  explainer: { id: string; storyId: string; storyTitle: string; title: string; state: string; version: number; needsReReview: boolean; reReviewReason: string | null };
  /** re-review flags, open first, then the resolved ones newest first (the re-review history) */
  reReviewFlags: ReReviewFlagView[];
  revision: { id: string; number: number; message: string; submittedBy: string; createdAt: Date; authors: string[]; title: string; dek: string; content: ExplainerDoc };
  base: { number: number; kind: "approved" | "published" } | null;
  diff: RevisionDiff;
  /** the claims and facts cited in either revision, for labels in the diff */
  targets: CitationTarget[];
  reviews: { id: string; decision: string; comment: string; reviewer: string; revisionNumber: number; createdAt: Date }[];
  /** why the signed-in person may not approve, or null when they may */
  approveBlockedReason: string | null;
  mayDecide: boolean;
};

/** The latest revision of an explainer with its diff against the last approved (or published) one. */
export async function getRevisionForReview(actor: Actor, explainerId: string): Promise<RevisionReview> {
  assertCan(actor, "story.read");
  if (!isUuid(explainerId)) throw notFound("That explainer");
  const revisionSelect = { id: true, number: true, title: true, dek: true, content: true } as const;
  const explainer = await db.explainer.findUnique({
    where: { id: explainerId },
    select: {
      id: true,
      storyId: true,
      title: true,
      state: true,
      version: true,
      needsReReview: true,
      reReviewReason: true,
      story: { select: { title: true } },
      reReviewFlags: {
        orderBy: { createdAt: "desc" },
        take: 50,
        select: { id: true, reason: true, breaksRules: true, createdAt: true, resolution: true, resolvedAt: true, note: true, resolvedBy: { select: { name: true } } },
      },
      approvedRevision: { select: revisionSelect },
      publishedRevision: { select: revisionSelect },
      revisions: {
        orderBy: { number: "desc" },
        take: 10,
        select: {
          ...revisionSelect,
          message: true,
          createdAt: true,
          createdBy: { select: { name: true } },
          authors: { select: { user: { select: { id: true, name: true } } } },
          reviews: { orderBy: { createdAt: "desc" }, select: { id: true, decision: true, comment: true, createdAt: true, reviewer: { select: { name: true } } } },
        },
      },
    },
  });
  const latest = explainer?.revisions[0];
  const head = latest ? parseExplainerDoc(latest.content) : null;
  if (!explainer || !latest || !head) throw notFound("A revision of that explainer");
  // compare with the newest of approved/published that is not the revision itself
  const baseRow = [explainer.approvedRevision, explainer.publishedRevision]
    .filter((row): row is NonNullable<typeof row> => row !== null && row.id !== latest.id)
    .sort((a, b) => b.number - a.number)[0];
  const baseDoc = baseRow ? parseExplainerDoc(baseRow.content) : null;
  const base = baseRow && baseDoc ? { title: baseRow.title, dek: baseRow.dek, content: baseDoc } : null;
  const diff = diffRevisions(base, { title: latest.title, dek: latest.dek, content: head });
  const citedIds = [...diff.citationsAdded, ...diff.citationsRemoved, ...diff.citationsChanged];
  const all = [...extractCitations(head), ...citedIds];
  const targets = await loadCitationTargets(db, explainer.storyId, {
    claimIds: [...new Set(all.flatMap((citation) => (citation.claimId ? [citation.claimId] : [])))],
    factIds: [...new Set(all.flatMap((citation) => (citation.factId ? [citation.factId] : [])))],
  });
  const authorIds = latest.authors.map((author) => author.user.id);
  const mayDecide = (actor.role === "REVIEWER" || actor.role === "ADMIN") && !actor.apiTokenId;
  const approveBlockedReason = !mayDecide
    ? "Only reviewers and admins approve explainers."
    : explainer.state !== "IN_REVIEW"
      ? "This revision is not waiting for review."
      : authorIds.includes(actor.id)
        ? SELF_APPROVAL_MESSAGE
        : null;
  return {
    explainer: {
      id: explainer.id,
      storyId: explainer.storyId,
      storyTitle: explainer.story.title,
      title: explainer.title,
      state: explainer.state,
      version: explainer.version,
      needsReReview: explainer.needsReReview,
      reReviewReason: explainer.reReviewReason,
    },
    reReviewFlags: [...explainer.reReviewFlags]
      .sort((a, b) => Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null))
      .map((flag) => ({
        id: flag.id,
        reason: flag.reason,
        breaksRules: flag.breaksRules,
        createdAt: flag.createdAt,
        resolution: flag.resolution,
        resolvedAt: flag.resolvedAt,
        resolvedBy: flag.resolvedBy?.name ?? null,
        note: flag.note,
      })),
    revision: {
      id: latest.id,
      number: latest.number,
      message: latest.message,
      submittedBy: latest.createdBy.name,
      createdAt: latest.createdAt,
      authors: latest.authors.map((author) => author.user.name),
      title: latest.title,
      dek: latest.dek,
      content: head,
    },
    base: baseRow ? { number: baseRow.number, kind: baseRow.id === explainer.approvedRevision?.id ? "approved" : "published" } : null,
    diff,
    targets,
    reviews: explainer.revisions.flatMap((revision) =>
      revision.reviews.map((review) => ({ id: review.id, decision: review.decision, comment: review.comment, reviewer: review.reviewer.name, revisionNumber: revision.number, createdAt: review.createdAt })),
    ),
    approveBlockedReason,
    mayDecide,
  };
}
