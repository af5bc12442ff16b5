/**
 * The explainer workflow as data: each named action, the states it may start from, where it
 * leads and the permission it needs. Publishing (publish, correct, unpublish) lives in
 * lib/publishing with its own rows; this table covers writing and review.
 */
import type { ExplainerState } from "@/lib/generated/prisma/enums";
import type { Action } from "@/lib/auth/permissions";

export type WorkflowAction = "edit" | "submit" | "approve" | "request_changes" | "acknowledge_rereview";

type Transition = { from: readonly ExplainerState[]; to: ExplainerState | "unchanged"; permission: Action };

const EVERY_STATE = ["DRAFT", "IN_REVIEW", "CHANGES_REQUESTED", "APPROVED", "PUBLISHED", "UNPUBLISHED"] as const satisfies readonly ExplainerState[];

export const EXPLAINER_TRANSITIONS = {
  // Any edit makes the working copy a draft again: after approval it needs review anew, and an
  // edit during review withdraws the submitted revision (the reviewer would be judging an old
  // copy). The approved and published revisions stay as they are until replaced.
  edit: { from: EVERY_STATE, to: "DRAFT", permission: "explainer.edit" },
  submit: { from: ["DRAFT", "CHANGES_REQUESTED"], to: "IN_REVIEW", permission: "explainer.submit" },
  approve: { from: ["IN_REVIEW"], to: "APPROVED", permission: "revision.review" },
  request_changes: { from: ["IN_REVIEW"], to: "CHANGES_REQUESTED", permission: "revision.review" },
  // a reviewer checks that the approved (or live) text still holds after a cited claim changed
  // status, and says why; whatever the working copy is doing meanwhile
  acknowledge_rereview: { from: EVERY_STATE, to: "unchanged", permission: "revision.review" },
} as const satisfies Record<WorkflowAction, Transition>;

/** True when the action may start from this state. */
export function canTransition(action: WorkflowAction, from: ExplainerState): boolean {
  return (EXPLAINER_TRANSITIONS[action].from as readonly ExplainerState[]).includes(from);
}
