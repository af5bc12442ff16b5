"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextAreaField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/action-result";
import type { RuleProblem } from "@/lib/explainers/writing-rules";
import type { SaveStatus, useAutosave } from "./use-autosave";
import type { CollabSession } from "./use-collab-session";

/*
 * The editor's submit bar: the save status of a draft edited alone and the dialog that submits
 * a revision for review (refused while the checks list problems).
 */

export function timeOf(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

export function SaveStatusLine({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const text =
    status.kind === "saved"
      ? `Saved ${timeOf(status.at)}`
      : status.kind === "saving"
        ? "Saving…"
        : status.kind === "unsaved"
          ? "Unsaved changes"
          : status.kind === "offline"
            ? "Offline — changes kept on this device"
            : status.kind === "conflict"
              ? "Not saved: someone else changed it"
              : `Not saved: ${status.message}`;
  const tone = status.kind === "conflict" || status.kind === "error" ? "text-danger" : status.kind === "offline" ? "text-warn" : "text-muted";
  return (
    <span role="status" aria-live="polite" className={`text-sm ${tone}`} data-save-status={status.kind}>
      {text}
      {status.kind === "error" ? (
        <button type="button" onClick={onRetry} className="ml-2 underline">
          Retry
        </button>
      ) : null}
    </span>
  );
}

export type SubmitOutcome = { ok: boolean; error: string; fieldErrors: Record<string, string> };

export type SubmitAction = (input: unknown) => Promise<ActionResult<{ revisionId: string; number: number; version: number }>>;

/**
 * Submits the explainer as it stands on the server. Co-edited, the collaboration server must
 * have every edit of this browser first (the revision is its stored document, "shared");
 * edited alone, the autosave is flushed and the revision names the version it saved.
 */
export function revisionSubmitter({
  explainer,
  collab,
  autosave,
  submitAction,
  onSubmitted,
}: {
  explainer: { id: string; storyId: string };
  collab: CollabSession | null;
  autosave: ReturnType<typeof useAutosave>;
  submitAction: SubmitAction;
  onSubmitted: () => void;
}): (message: string) => Promise<SubmitOutcome> {
  return async (message) => {
    if (collab) {
      // the server must have every edit of this browser before it snapshots
      const deadline = Date.now() + 5000;
      while (collab.provider.hasUnsyncedChanges && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      if (collab.provider.hasUnsyncedChanges) {
        return { ok: false, error: "Your latest edits have not reached the server yet (see the connection status). They are kept; try again once it says all changes are synced.", fieldErrors: {} };
      }
      const result = await submitAction({ storyId: explainer.storyId, explainerId: explainer.id, version: "shared", message });
      if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors };
      onSubmitted();
      return { ok: true, error: "", fieldErrors: {} };
    }
    const flushed = await autosave.flush();
    if (!flushed) return { ok: false, error: "Your latest changes are not saved yet (see the status line). Try again once they are.", fieldErrors: {} };
    const result = await submitAction({ storyId: explainer.storyId, explainerId: explainer.id, version: autosave.currentVersion(), message });
    if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors };
    autosave.setVersion(result.data.version);
    onSubmitted();
    return { ok: true, error: "", fieldErrors: {} };
  };
}

export function SubmitDialog({
  disabled,
  disabledReason,
  problems,
  onGoTo,
  onSubmit,
}: {
  disabled: boolean;
  disabledReason?: string;
  problems: readonly RuleProblem[];
  onGoTo: (problem: RuleProblem) => void;
  onSubmit: (message: string) => Promise<SubmitOutcome>;
}) {
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<SubmitOutcome | null>(null);
  const bulletErrors = Object.entries(outcome?.fieldErrors ?? {}).filter(([key]) => key.startsWith("bullet."));
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setOutcome(null);
      }}
      title="Submit for review"
      description="A reviewer who did not write any of it since the last approval will approve it or send it back."
      trigger={
        <Button variant="primary" disabled={disabled} title={disabledReason}>
          {disabledReason ?? "Submit for review"}
        </Button>
      }
    >
      <form
        className="space-y-3"
        onSubmit={async (event) => {
          event.preventDefault();
          setPending(true);
          const result = await onSubmit(message);
          setPending(false);
          setOutcome(result);
          if (result.ok) {
            setOpen(false);
            setMessage("");
          }
        }}
      >
        {problems.length > 0 ? (
          <div className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">
            <p className="font-medium">{problems.length === 1 ? "One bullet breaks" : `${problems.length} problems break`} the desk’s rules; the submission will be refused until they are fixed.</p>
            <ul className="mt-1 list-disc pl-5">
              {problems.slice(0, 5).map((problem, index) => (
                <li key={index}>
                  <button
                    type="button"
                    className="text-left underline"
                    onClick={() => {
                      setOpen(false);
                      onGoTo(problem);
                    }}
                  >
                    “{problem.excerpt}”
                  </button>{" "}
                  — {problem.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <TextAreaField
          label="What changed (for the reviewer)"
          name="message"
          required
          rows={3}
          maxLength={2000}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          error={outcome?.fieldErrors.message}
        />
        <FormError message={outcome && !outcome.ok ? outcome.error : null} />
        {bulletErrors.length > 0 ? (
          <ul className="list-disc space-y-1 pl-5 text-sm text-danger" aria-label="Bullets to fix">
            {bulletErrors.map(([key, text]) => (
              <li key={key}>{text}</li>
            ))}
          </ul>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="primary" type="submit" pending={pending}>
            Submit revision
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
