"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { MentionTextarea } from "@/components/mentions/mention-textarea";
import { Button } from "@/components/ui/button";
import { useToastedAction } from "@/components/ui/use-toasted-action";
import { FormError, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { STATUSES_NEEDING_EVIDENCE } from "@/lib/claims/schemas";
import { CLAIM_STATUS_META, CLAIM_STATUS_ORDER } from "@/lib/claims/status-meta";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { acknowledgeClaimFlagAction, confirmClaimReadingAction, addCommentAction, addEvidenceAction, assignClaimAction, confirmClaimAnchorAction, retireClaimAction, setClaimStatusAction } from "../actions";

type Option = { id: string; label: string };
type EvidenceKind = "NONE" | "LINK" | "NOTE" | "CLAIM" | "REPORT";

/** Evidence fields shared by the status form and the add-evidence form. */
function EvidenceFields({
  kind,
  setKind,
  values,
  setValues,
  errors,
  claims,
  reports,
  allowNone,
}: {
  kind: EvidenceKind;
  setKind: (kind: EvidenceKind) => void;
  values: Record<string, string>;
  setValues: (values: Record<string, string>) => void;
  errors: Record<string, string>;
  claims: Option[];
  reports: Option[];
  allowNone: boolean;
}) {
  const set = (key: string) => (event: { currentTarget: { value: string } }) => setValues({ ...values, [key]: event.currentTarget.value });
  return (
    <fieldset className="space-y-2 rounded-md border border-line p-3">
      <legend className="px-1 text-sm font-medium">Evidence</legend>
      <SelectField label="Kind of evidence" value={kind} onChange={(event) => setKind(event.currentTarget.value as EvidenceKind)} error={errors.evidence}>
        {allowNone ? <option value="NONE">No new evidence</option> : null}
        <option value="LINK">A link</option>
        <option value="NOTE">A note</option>
        <option value="CLAIM">Another claim that corroborates or contradicts it</option>
        <option value="REPORT">Another report</option>
      </SelectField>
      {kind === "LINK" ? (
        <>
          <TextField label="Link URL" type="url" value={values.url ?? ""} onChange={set("url")} error={errors.url} maxLength={2000} placeholder="https://" />
          <TextField label="Link title" value={values.title ?? ""} onChange={set("title")} error={errors.title} maxLength={500} />
        </>
      ) : null}
      {kind === "CLAIM" ? (
        <SelectField label="Related claim" value={values.relatedClaimId ?? ""} onChange={set("relatedClaimId")} error={errors.relatedClaimId}>
          <option value="">Choose a claim</option>
          {claims.map((claim) => (
            <option key={claim.id} value={claim.id}>
              {claim.label}
            </option>
          ))}
        </SelectField>
      ) : null}
      {kind === "REPORT" ? (
        <SelectField label="Related report" value={values.relatedReportId ?? ""} onChange={set("relatedReportId")} error={errors.relatedReportId}>
          <option value="">Choose a report</option>
          {reports.map((report) => (
            <option key={report.id} value={report.id}>
              {report.label}
            </option>
          ))}
        </SelectField>
      ) : null}
      {kind !== "NONE" ? (
        <TextAreaField label={kind === "NOTE" ? "Note" : "Note (optional)"} rows={2} value={values.note ?? ""} onChange={set("note")} error={errors.note} maxLength={4000} />
      ) : null}
    </fieldset>
  );
}

function evidenceFrom(kind: EvidenceKind, values: Record<string, string>) {
  const note = values.note?.trim() || undefined;
  switch (kind) {
    case "LINK":
      return { kind, url: values.url ?? "", title: values.title ?? "", note };
    case "NOTE":
      return { kind, note: values.note ?? "" };
    case "CLAIM":
      return { kind, relatedClaimId: values.relatedClaimId ?? "", note };
    case "REPORT":
      return { kind, relatedReportId: values.relatedReportId ?? "", note };
    default:
      return null;
  }
}

/** Change the verification status; verified, false and disputed need a rationale and evidence. */
export function StatusForm({ claimId, version, status, hasEvidence, claims, reports }: { claimId: string; version: number; status: ClaimStatus; hasEvidence: boolean; claims: Option[]; reports: Option[] }) {
  const router = useRouter();
  const [next, setNext] = useState<ClaimStatus>(status === "UNVERIFIED" ? "IN_PROGRESS" : status);
  const [rationale, setRationale] = useState("");
  const [kind, setKind] = useState<EvidenceKind>("NONE");
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const needsEvidence = (STATUSES_NEEDING_EVIDENCE as readonly string[]).includes(next);

  function submit() {
    startTransition(async () => {
      const result = await setClaimStatusAction({ claimId, version, status: next, rationale: rationale.trim() || null, evidence: evidenceFrom(kind, values) });
      if (result.ok) {
        toast.success(`Marked ${CLAIM_STATUS_META[next].label.toLowerCase()}`);
        setRationale("");
        setKind("NONE");
        setValues({});
        setErrors({});
        setFormError(null);
      } else {
        setErrors(result.fieldErrors);
        setFormError(result.error);
        if (result.kind === "conflict") toast.error("Someone else changed this claim; its current state is shown now.");
      }
      router.refresh();
    });
  }

  return (
    <form
      aria-label="Change verification status"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <FormError message={formError} />
      <SelectField label="New status" value={next} onChange={(event) => setNext(event.currentTarget.value as ClaimStatus)} error={errors.status}>
        {CLAIM_STATUS_ORDER.map((value) => (
          <option key={value} value={value}>
            {CLAIM_STATUS_META[value].label}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={needsEvidence ? "Rationale (required)" : "Rationale"}
        rows={3}
        value={rationale}
        onChange={(event) => setRationale(event.currentTarget.value)}
        error={errors.rationale}
        maxLength={4000}
        hint={needsEvidence ? `${CLAIM_STATUS_META[next].label} needs a rationale and at least one piece of evidence${hasEvidence ? " (this claim has some already)" : ""}.` : undefined}
      />
      <EvidenceFields kind={kind} setKind={setKind} values={values} setValues={setValues} errors={errors} claims={claims} reports={reports} allowNone />
      <Button type="submit" variant="primary" pending={pending}>
        Save status
      </Button>
    </form>
  );
}

export function AddEvidenceForm({ claimId, claims, reports }: { claimId: string; claims: Option[]; reports: Option[] }) {
  const router = useRouter();
  const [kind, setKind] = useState<EvidenceKind>("LINK");
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      aria-label="Add evidence"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await addEvidenceAction({ claimId, evidence: evidenceFrom(kind, values) });
          if (result.ok) {
            toast.success("Evidence added");
            setValues({});
            setErrors({});
            setFormError(null);
            router.refresh();
          } else {
            setErrors(result.fieldErrors);
            setFormError(result.error);
          }
        });
      }}
    >
      <FormError message={formError} />
      <EvidenceFields kind={kind} setKind={setKind} values={values} setValues={setValues} errors={errors} claims={claims} reports={reports} allowNone={false} />
      <Button type="submit" pending={pending}>
        Add evidence
      </Button>
    </form>
  );
}

/** Assignment saves on an explicit "Assign": the new assignee is notified, so no stray arrow key may do it. */
export function AssigneeSelect({ claimId, version, assigneeId, members }: { claimId: string; version: number; assigneeId: string | null; members: Option[] }) {
  const router = useRouter();
  const [value, setValue] = useState(assigneeId ?? "");
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-2">
      <SelectField label="Assignee" value={value} disabled={pending} onChange={(event) => setValue(event.currentTarget.value)}>
        <option value="">Nobody</option>
        {members.map((member) => (
          <option key={member.id} value={member.id}>
            {member.label}
          </option>
        ))}
      </SelectField>
      {value !== (assigneeId ?? "") ? (
        <Button
          size="sm"
          variant="primary"
          pending={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await assignClaimAction({ claimId, version, assigneeId: value || null });
              if (result.ok) toast.success(value ? "Assigned" : "Unassigned");
              else toast.error(result.error);
              router.refresh();
            })
          }
        >
          {value ? "Assign" : "Unassign"}
        </Button>
      ) : null}
    </div>
  );
}

export function CommentForm({ storyId, claimId }: { storyId: string; claimId: string }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      aria-label="Add a comment"
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await addCommentAction({ storyId, claimId, body });
          if (result.ok) {
            setBody("");
            setError(null);
            router.refresh();
          } else setError(result.fieldErrors.body ?? result.error);
        });
      }}
    >
      <MentionTextarea label="Comment" rows={3} value={body} onValueChange={setBody} error={error ?? undefined} maxLength={8000} hint="Type @ and a name (or an email) to mention someone; they get a notification." />
      <Button type="submit" size="sm" pending={pending}>
        Comment
      </Button>
    </form>
  );
}

/** Retire an orphan (with a reason), or confirm that a fuzzy re-anchoring still says the same. */
export function AnchorResolution({ claimId, version, anchorState, reattachHref }: { claimId: string; version: number; anchorState: string; reattachHref: string }) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (anchorState === "FUZZY") {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <Button
          size="sm"
          pending={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await confirmClaimAnchorAction({ claimId, version });
              if (result.ok) toast.success("Wording confirmed");
              else toast.error(result.error);
              router.refresh();
            })
          }
        >
          The new wording still says this
        </Button>
        <a href={reattachHref} className="text-sm text-accent hover:underline">
          Re-attach to other words
        </a>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <a href={reattachHref} className="inline-block text-sm font-medium text-accent hover:underline">
        Re-attach it in the latest version →
      </a>
      <form
        aria-label="Retire claim"
        className="space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          startTransition(async () => {
            const result = await retireClaimAction({ claimId, version, reason });
            if (result.ok) {
              toast.success("Claim retired");
              setError(null);
            } else setError(result.fieldErrors.reason ?? result.error);
            router.refresh();
          });
        }}
      >
        <TextField label="Or retire it, because…" value={reason} onChange={(event) => setReason(event.currentTarget.value)} error={error ?? undefined} maxLength={1000} />
        <Button type="submit" size="sm" variant="danger" pending={pending}>
          Retire claim
        </Button>
      </form>
    </div>
  );
}

/** Clears the flag a killed report put on this claim, once the editor has dealt with it. */
export function AcknowledgeFlag({ claimId, version }: { claimId: string; version: number }) {
  const [pending, run] = useToastedAction();
  return (
    <Button size="sm" pending={pending} onClick={() => run(() => acknowledgeClaimFlagAction({ claimId, version }), { success: () => "Flag cleared" })}>
      Dealt with: clear the flag
    </Button>
  );
}

/** Records that the editor checked a garbled passage's original: the claim then corroborates. */
export function ConfirmReading({ claimId, version }: { claimId: string; version: number }) {
  const [pending, run] = useToastedAction();
  return (
    <Button
      size="sm"
      pending={pending}
      onClick={() => run(() => confirmClaimReadingAction({ claimId, version }), { success: () => "Checked against the original: the claim now counts as corroboration" })}
    >
      I checked the original
    </Button>
  );
}
