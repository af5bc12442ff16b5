/**
 * Publishing transitions as data, beside the writing and review table in
 * lib/explainers/workflow.ts: each named action, the states it may start from, where it leads
 * and the permission it needs. Publish and correct start only from an approved revision;
 * unpublish starts from any state while a revision is live (an update may be in review).
 */
import type { ExplainerState } from "@/lib/generated/prisma/enums";
import type { Action } from "@/lib/auth/permissions";

export type PublishingAction = "publish" | "correct" | "unpublish";

type Transition = { from: readonly ExplainerState[]; to: ExplainerState | "unchanged_or_unpublished"; permission: Action; needsLivePage: boolean };

export const PUBLISHING_TRANSITIONS = {
  publish: { from: ["APPROVED"], to: "PUBLISHED", permission: "explainer.publish", needsLivePage: false },
  correct: { from: ["APPROVED"], to: "PUBLISHED", permission: "explainer.publish", needsLivePage: false },
  // a live explainer whose update is in review keeps that state; a plain live one becomes UNPUBLISHED
  unpublish: {
    from: ["DRAFT", "IN_REVIEW", "CHANGES_REQUESTED", "APPROVED", "PUBLISHED", "UNPUBLISHED"],
    to: "unchanged_or_unpublished",
    permission: "explainer.publish",
    needsLivePage: true,
  },
} as const satisfies Record<PublishingAction, Transition>;

/** True when the publishing action may start from this state. */
export function canPublishFrom(action: PublishingAction, from: ExplainerState): boolean {
  return (PUBLISHING_TRANSITIONS[action].from as readonly ExplainerState[]).includes(from);
}
