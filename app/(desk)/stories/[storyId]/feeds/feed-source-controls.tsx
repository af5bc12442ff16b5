"use client";
import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { useToastedAction } from "@/components/ui/use-toasted-action";
import { FEED_INTERVAL_MINUTES, FEED_KIND_LABELS, FEED_KINDS, type TFeedKind } from "@/lib/feeds/schemas";
import { addFeedSourceAction, removeFeedSourceAction, setFeedSourcePausedAction } from "./actions";

const LOCATION_HINTS: Record<TFeedKind, string> = {
  RSS_ATOM: "The feed's http(s) URL, e.g. https://wire.example.org/rss.xml",
  NINJS: "The endpoint's http(s) URL; it answers with one ninjs item or an array of them.",
  NEWSML_G2: "The endpoint's http(s) URL; it answers with a NewsML-G2 item or message.",
  FOLDER: "A folder inside the desk's feed folder root, e.g. agency-drop. Files of any supported format are imported as they arrive.",
};

export function AddFeedSourceDialog({ storyId }: { storyId: string }) {
  return (
    <FormDialog
      title="Add a feed source"
      description="The desk polls it on its interval and imports new items and new versions into this story."
      trigger={<Button variant="primary">Add source</Button>}
    >
      {(close) => <AddFeedSourceForm storyId={storyId} onClose={close} />}
    </FormDialog>
  );
}

function AddFeedSourceForm({ storyId, onClose }: { storyId: string; onClose: () => void }) {
  const router = useRouter();
  const [kind, setKind] = useState<TFeedKind>("RSS_ATOM");
  const [state, formAction, pending] = useActionState(async (previous: unknown, form: FormData) => {
    const result = await addFeedSourceAction(previous, form);
    if (result.ok) {
      toast.success(`${result.data.name} added; its first poll is queued`);
      onClose();
      router.refresh();
    }
    return result;
  }, null);
  const submit = useFormSubmit(formAction);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const formMessage = state && !state.ok && Object.keys(errors).length === 0 ? state.error : undefined;
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Add a feed source">
      <input type="hidden" name="storyId" value={storyId} />
      <FormError message={formMessage} />
      <SelectField label="Kind" name="kind" value={kind} onChange={(event) => setKind(event.target.value as TFeedKind)} error={errors.kind}>
        {FEED_KINDS.map((value) => (
          <option key={value} value={value}>
            {FEED_KIND_LABELS[value]}
          </option>
        ))}
      </SelectField>
      <TextField label="Name" name="name" required maxLength={120} autoComplete="off" error={errors.name} hint="How the desk lists it, e.g. “Meridian wire, English”." />
      <TextField
        label={kind === "FOLDER" ? "Folder" : "URL"}
        name="location"
        required
        maxLength={2000}
        autoComplete="off"
        inputMode={kind === "FOLDER" ? "text" : "url"}
        error={errors.location}
        hint={LOCATION_HINTS[kind]}
      />
      <TextField label="Outlet for items that name none (optional)" name="defaultSource" maxLength={200} autoComplete="off" error={errors.defaultSource} />
      <TextField
        label="Poll every (minutes)"
        name="intervalMinutes"
        type="number"
        min={FEED_INTERVAL_MINUTES.min}
        max={FEED_INTERVAL_MINUTES.max}
        defaultValue={FEED_INTERVAL_MINUTES.default}
        required
        error={errors.intervalMinutes}
      />
      <div className="flex justify-end gap-2 pt-1">
        <Button onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" pending={pending}>
          Add source
        </Button>
      </div>
    </form>
  );
}

export function PauseFeedSourceButton({ storyId, source }: { storyId: string; source: { id: string; name: string; paused: boolean; version: number } }) {
  const [pending, run] = useToastedAction();
  const label = source.paused ? "Resume" : "Pause";
  return (
    <Button
      size="sm"
      pending={pending}
      aria-label={`${label} ${source.name}`}
      onClick={() =>
        run(() => setFeedSourcePausedAction({ storyId, feedSourceId: source.id, paused: !source.paused, version: source.version }), {
          success: (data) => (data.paused ? `${source.name} paused` : `${source.name} resumed; polling now`),
        })
      }
    >
      {label}
    </Button>
  );
}

export function RemoveFeedSourceButton({ storyId, source }: { storyId: string; source: { id: string; name: string } }) {
  return (
    <ConfirmActionButton
      trigger="Remove"
      triggerLabel={`Remove ${source.name}`}
      title={`Remove “${source.name}”?`}
      description="The desk stops polling it. The reports it imported stay in the story."
      confirm="Remove source"
      action={() => removeFeedSourceAction({ storyId, feedSourceId: source.id })}
      success={`${source.name} removed`}
    />
  );
}
