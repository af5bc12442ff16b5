"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, TextAreaField } from "@/components/ui/field";
import { approveRevisionAction, requestChangesAction } from "../actions";

/** Approve, or request changes with a comment. The approve button says why when it is disabled. */
export function DecisionForm({
  ids,
  approveBlockedReason,
  mayDecide,
  waiting,
}: {
  ids: { storyId: string; explainerId: string; revisionId: string };
  approveBlockedReason: string | null;
  mayDecide: boolean;
  /** false once decided (or withdrawn): only the outcome of this person's decision is shown */
  waiting: boolean;
}) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [pending, setPending] = useState<"approve" | "changes" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | null>(null);

  const run = async (kind: "approve" | "changes") => {
    setPending(kind);
    setError(null);
    setFieldError(undefined);
    const result = kind === "approve" ? await approveRevisionAction({ ...ids, comment }) : await requestChangesAction({ ...ids, comment });
    setPending(null);
    if (result.ok) {
      setDone(kind === "approve" ? "Approved. The writers were notified; it can now be published." : "Sent back with your comment. The writers were notified.");
      router.refresh();
    } else {
      // a comment problem shows under the field; anything else above the buttons
      setError(result.fieldErrors.comment ? null : result.error);
      setFieldError(result.fieldErrors.comment);
    }
  };

  if (!mayDecide) return <p className="text-sm text-muted">Only reviewers and admins decide on revisions.</p>;
  if (done) {
    return (
      <p role="status" className="rounded border border-green-200 bg-green-50 p-3 text-sm">
        {done}
      </p>
    );
  }
  if (!waiting) return null;
  return (
    <form className="space-y-3" onSubmit={(event) => event.preventDefault()}>
      <TextAreaField
        label="Comment for the writers"
        hint="Required when you request changes; optional when you approve."
        rows={4}
        maxLength={8000}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        error={fieldError}
      />
      <FormError message={error} />
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="primary" disabled={approveBlockedReason !== null} pending={pending === "approve"} onClick={() => void run("approve")} aria-describedby={approveBlockedReason ? "approve-blocked" : undefined}>
          Approve revision
        </Button>
        <Button pending={pending === "changes"} disabled={approveBlockedReason !== null && approveBlockedReason.startsWith("This revision is not")} onClick={() => void run("changes")}>
          Request changes
        </Button>
      </div>
      {approveBlockedReason ? (
        <p id="approve-blocked" className="text-sm text-muted">
          {approveBlockedReason}
        </p>
      ) : null}
    </form>
  );
}
