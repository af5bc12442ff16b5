"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, TextAreaField } from "@/components/ui/field";
import type { ReReviewFlagView } from "@/lib/review/review-queue";
import { acknowledgeReReviewAction } from "../actions";

/** One open flag: the reason, and for reviewers a note to acknowledge it without an edit. */
function AcknowledgeForm({ ids, flag, version }: { ids: { storyId: string; explainerId: string }; flag: ReReviewFlagView; version: number }) {
  const router = useRouter();
  const [note, setNote] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const submit = async () => {
    setPending(true);
    setError(null);
    setFieldError(undefined);
    const result = await acknowledgeReReviewAction({ ...ids, flagId: flag.id, version, note });
    setPending(false);
    if (result.ok) router.refresh();
    else {
      setError(result.fieldErrors.note ? null : result.error);
      setFieldError(result.fieldErrors.note);
    }
  };
  if (flag.breaksRules) return <p className="text-xs text-danger">The approved text breaks the citation rules with this status: it needs an edit and a new review.</p>;
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <TextAreaField
        label="Why it still holds"
        hint="Shown in the history, e.g. “Still holds: the bullet is attributed.”"
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={fieldError}
      />
      <FormError message={error} />
      <Button type="submit" pending={pending}>
        Acknowledge without editing
      </Button>
    </form>
  );
}

const RESOLVED_AS = { ACKNOWLEDGED: "Acknowledged", APPROVED: "Resolved by approving a new revision" } as const;

/** Open re-review flags (each acknowledgeable by a reviewer) and the history of resolved ones. */
export function ReReviewFlags({
  ids,
  flags,
  version,
  mayAcknowledge,
}: {
  ids: { storyId: string; explainerId: string };
  flags: readonly ReReviewFlagView[];
  version: number;
  mayAcknowledge: boolean;
}) {
  const open = flags.filter((flag) => flag.resolvedAt === null);
  const resolved = flags.filter((flag) => flag.resolvedAt !== null);
  return (
    <div className="space-y-3 text-sm">
      {open.length > 0 ? (
        <p className="text-muted">
          {open.length === 1 ? "One flag is open" : `${open.length} flags are open`}. Publishing waits until every flag is resolved.
        </p>
      ) : (
        <p className="text-muted">No open flags.</p>
      )}
      <ul className="space-y-3">
        {open.map((flag) => (
          <li key={flag.id} className="space-y-2 rounded border border-red-200 bg-red-50 p-2">
            <p>{flag.reason}</p>
            {mayAcknowledge ? <AcknowledgeForm ids={ids} flag={flag} version={version} /> : null}
          </li>
        ))}
      </ul>
      {resolved.length > 0 ? (
        <>
          <h3 className="text-xs font-semibold text-muted uppercase">History</h3>
          <ul className="space-y-2">
            {resolved.map((flag) => (
              <li key={flag.id} className="border-l-2 border-line pl-2">
                <p className="text-xs text-muted">
                  {flag.resolution ? RESOLVED_AS[flag.resolution] : "Resolved"} by {flag.resolvedBy ?? "someone"}
                  {flag.resolvedAt ? ` on ${flag.resolvedAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : ""}
                </p>
                <p className="text-xs">{flag.reason}</p>
                {flag.note ? <p className="whitespace-pre-wrap">“{flag.note}”</p> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
