"use client";
import { Button } from "@/components/ui/button";
import type { ExplainerForEditor } from "@/lib/explainers/get-explainer";
import { timeOf } from "./submit-bar";
import type { DeviceCopy } from "./use-explainer-document";
import type { LocalBackup } from "./use-autosave";

/*
 * What the writer must know above the text: a save refused as stale, a change refused for its
 * size, edits restored from this device (or a choice between that copy and a newer saved one),
 * and where the explainer stands in review.
 */

export function SaveConflictNotice({ message }: { message: string }) {
  return (
    <div role="alert" className="rounded-lg border border-danger/40 bg-red-50 p-3 text-sm">
      <p className="font-medium text-danger">{message}</p>
      <Button size="sm" className="mt-2" onClick={() => window.location.reload()}>
        Reload the latest version
      </Button>
    </div>
  );
}

export function SizeLimitNotice({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  return (
    <div role="alert" className="flex flex-wrap items-start justify-between gap-2 rounded-lg border border-danger/40 bg-red-50 p-3 text-sm" data-testid="size-limit">
      <p className="font-medium text-danger">{message}</p>
      <Button size="sm" variant="secondary" onClick={onDismiss}>
        Dismiss
      </Button>
    </div>
  );
}

/** Edits kept on this device: merged into the shared document, restored and saving, or offered against a newer saved version. */
export function DeviceCopyNotice({
  mergedIntoShared,
  copy,
  onUseDeviceCopy,
  onKeepSaved,
}: {
  mergedIntoShared: boolean;
  copy: DeviceCopy;
  onUseDeviceCopy: (backup: LocalBackup) => void;
  onKeepSaved: () => void;
}) {
  return (
    <>
      {mergedIntoShared ? (
        <p role="status" className="rounded-lg border border-blue-200 bg-blue-50 p-3 text-sm">
          Restored changes kept on this device that had not reached the server. They are merged into the shared document now.
        </p>
      ) : null}
      {copy?.kind === "restored" ? (
        <p role="status" className="rounded-lg border border-blue-200 bg-blue-50 p-3 text-sm">
          Restored changes kept on this device that had not reached the server. They are being saved now.
        </p>
      ) : null}
      {copy?.kind === "offer" ? (
        <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm">
          <p>This device has unsaved changes from {timeOf(copy.backup.changedAt)}, but someone saved a newer version since. Which copy do you want to keep?</p>
          <div className="mt-2 flex gap-2">
            <Button size="sm" onClick={() => onUseDeviceCopy(copy.backup)}>
              Use the copy on this device
            </Button>
            <Button size="sm" variant="ghost" onClick={onKeepSaved}>
              Keep the saved version
            </Button>
          </div>
        </div>
      ) : null}
    </>
  );
}

/** Where the explainer stands in review: flagged for re-review, changes requested, or waiting. */
export function ReviewStateNotice({ initial, state }: { initial: ExplainerForEditor; state: ExplainerForEditor["state"] }) {
  const latestChangesRequested = initial.reviews.find((review) => review.decision === "CHANGES_REQUESTED" && review.revisionNumber === initial.latestRevision?.number);
  return (
    <>
      {initial.needsReReview && initial.reReviewReason ? (
        <p role="note" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm">
          <b>Needs re-review.</b> {initial.reReviewReason}
        </p>
      ) : null}
      {state === "CHANGES_REQUESTED" && latestChangesRequested ? (
        <div role="note" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="changes-requested">
          <p className="font-medium">
            {latestChangesRequested.reviewer} requested changes to revision {latestChangesRequested.revisionNumber}:
          </p>
          <p className="mt-1 whitespace-pre-wrap">{latestChangesRequested.comment}</p>
        </div>
      ) : null}
      {state === "IN_REVIEW" ? (
        <p role="note" className="rounded-lg border border-blue-200 bg-blue-50 p-3 text-sm">
          Revision {initial.latestRevision?.number} is waiting for review. Editing now withdraws it: you would submit again.
        </p>
      ) : null}
    </>
  );
}
