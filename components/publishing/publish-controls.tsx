"use client";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextAreaField } from "@/components/ui/field";
import { Timestamp } from "@/components/ui/relative-time";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import type { ActionResult } from "@/lib/http/action-result";
import type { PublishingStatus } from "@/lib/publishing/publishing-status";
import { CORRECTION_NOTE_MAX, UNPUBLISH_NOTICE_MAX } from "@/lib/publishing/limits";
type Action = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

/** The route's server actions (publish, correct, unpublish), handed down by the page. */
export type PublishingActions = { publish: Action; correct: Action; unpublish: Action };

/** Runs one publishing action, then toasts and refreshes the page's server data on success. */
function usePublishingAction(action: Action, success: string, onDone?: () => void) {
  const router = useRouter();
  const [result, formAction, pending] = useActionState(action, null);
  useEffect(() => {
    if (result?.ok) {
      toast.success(success);
      onDone?.();
      router.refresh();
    } else if (result && result.kind === "conflict") {
      // the explainer moved on: show the message and load its current state
      router.refresh();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- react to each new result only
  }, [result]);
  return { result, submit: useFormSubmit(formAction), pending };
}

function Target({ status }: { status: PublishingStatus }) {
  return (
    <>
      <input type="hidden" name="explainerId" value={status.explainerId} />
      <input type="hidden" name="storyId" value={status.storyId} />
      <input type="hidden" name="version" value={status.version} />
    </>
  );
}

function PublishButton({ status, label, action }: { status: PublishingStatus; label: string; action: Action }) {
  const { result, submit, pending } = usePublishingAction(action, "Published. The public page shows it now.");
  return (
    <form onSubmit={submit} className="contents">
      <Target status={status} />
      <Button type="submit" variant="primary" pending={pending}>
        {label}
      </Button>
      {result && !result.ok ? <FormError message={result.error} /> : null}
    </form>
  );
}

function CorrectionDialog({ status, action }: { status: PublishingStatus; action: Action }) {
  const [open, setOpen] = useState(false);
  const { result, submit, pending } = usePublishingAction(action, "Correction published with its note.", () => setOpen(false));
  const error = result && !result.ok ? result : null;
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={<Button>Publish as correction…</Button>}
      title="Publish a correction"
      description="Readers see this note, with the time, in the corrections log at the end of the page and in the feed."
    >
      <form onSubmit={submit} className="space-y-3">
        <Target status={status} />
        <TextAreaField
          label="Public correction note"
          name="note"
          rows={4}
          required
          maxLength={CORRECTION_NOTE_MAX}
          placeholder="An earlier version of this explainer said … In fact …"
          error={error?.fieldErrors.note}
        />
        {error && !error.fieldErrors.note ? <FormError message={error.error} /> : null}
        <div className="flex justify-end gap-2">
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button type="submit" variant="primary" pending={pending}>
            Publish correction
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function UnpublishDialog({ status, action }: { status: PublishingStatus; action: Action }) {
  const [open, setOpen] = useState(false);
  const { result, submit, pending } = usePublishingAction(action, "Unpublished. The page now shows your notice.", () => setOpen(false));
  const error = result && !result.ok ? result : null;
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={<Button variant="danger">Unpublish…</Button>}
      title="Unpublish this explainer"
      description="The public address will answer “gone” (HTTP 410) with your notice, and the feeds drop it. Publishing again needs a new approval."
    >
      <form onSubmit={submit} className="space-y-3">
        <Target status={status} />
        <TextAreaField
          label="Notice for readers"
          name="notice"
          rows={3}
          required
          maxLength={UNPUBLISH_NOTICE_MAX}
          placeholder="We have withdrawn this explainer while we re-check …"
          error={error?.fieldErrors.notice}
        />
        {error && !error.fieldErrors.notice ? <FormError message={error.error} /> : null}
        <div className="flex justify-end gap-2">
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button type="submit" variant="danger" pending={pending}>
            Unpublish
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * Publish, update, correct and unpublish one explainer. Mount it on the explainer's desk page
 * with the status from `getPublishingStatus(actor, { explainerId, storyId })` and the route's
 * server actions (app/(desk)/stories/[storyId]/explainers/[explainerId]/actions.ts). Buttons appear
 * only when the action can succeed; the server checks everything again.
 */
export function PublishControls({ status, actions }: { status: PublishingStatus; actions: PublishingActions }) {
  const everPublished = status.firstPublishedAt !== null;
  const publicPath = `/explainers/${status.slug}`;
  return (
    <section aria-labelledby="publishing-title" className="space-y-3 rounded-lg border border-line bg-white p-4" data-testid="publish-controls">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="publishing-title" className="font-semibold">
          Publishing
        </h2>
        {status.live ? <Badge tone="ok">Live</Badge> : status.unpublishedAt ? <Badge tone="neutral">Unpublished</Badge> : <Badge tone="neutral">Not published</Badge>}
      </div>

      <p className="text-sm text-muted">
        {status.live && status.publishedAt ? (
          <>
            Live since <Timestamp value={status.publishedAt} /> at{" "}
            <a href={publicPath} target="_blank" rel="noopener" className="font-medium text-accent underline">
              {publicPath}
            </a>
            {status.state !== "PUBLISHED" && !status.approvedPending ? ". Changes since then are not public until approved and published." : "."}
          </>
        ) : status.unpublishedAt ? (
          <>
            Unpublished <Timestamp value={status.unpublishedAt} />; {publicPath} answers with your notice.
          </>
        ) : (
          <>Readers will find it at {publicPath} once published.</>
        )}
      </p>

      {status.needsReReview ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status">
          <strong>Needs re-review.</strong> {status.reReviewReason ?? "A cited claim changed status since approval."} Publishing waits until a reviewer resolves every flag: an acknowledgement with a note on the review page, or the approval of a new revision.
        </p>
      ) : null}

      {status.canPublish ? (
        <div className="flex flex-wrap items-start gap-2">
          {status.approvedPending && !status.needsReReview ? (
            everPublished ? (
              <>
                <PublishButton status={status} label={status.live ? "Publish update" : "Publish again"} action={actions.publish} />
                <CorrectionDialog status={status} action={actions.correct} />
              </>
            ) : (
              <PublishButton status={status} label="Publish" action={actions.publish} />
            )
          ) : (
            <p className="text-sm text-muted">
              {status.state === "PUBLISHED" ? "The approved revision is live." : "Only an approved revision can be published; submit this one for review first."}
            </p>
          )}
          {status.live ? <UnpublishDialog status={status} action={actions.unpublish} /> : null}
        </div>
      ) : (
        <p className="text-sm text-muted">Editors publish approved explainers.</p>
      )}

      {status.corrections.length > 0 ? (
        <div>
          <h3 className="text-sm font-medium">Corrections</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {status.corrections.map((correction) => (
              <li key={correction.createdAt}>
                <span className="text-muted">
                  <Timestamp value={correction.createdAt} />:
                </span>{" "}
                {correction.note}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
