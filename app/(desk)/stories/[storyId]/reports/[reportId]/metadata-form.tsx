"use client";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { correctReportMetadataAction } from "./actions";

export type MetadataValues = {
  headline: string;
  dek: string;
  source: string;
  byline: string;
  dateline: string;
  /** ISO-8601 in UTC, or "" */
  publishedAt: string;
  language: string;
};

/** "2026-03-04T08:00:00.000Z" as the datetime-local input shows it (UTC, to the minute). */
function toInputTime(iso: string): string {
  return iso ? iso.slice(0, 16) : "";
}

/**
 * Corrects a report's headline, dek, outlet, byline, dateline, time and language. Closed it is one
 * button; open, a form whose field errors come from the domain schema; a stale version (someone
 * corrected it meanwhile) says so and keeps what the editor typed.
 */
export function MetadataForm({ storyId, reportId, version, values }: { storyId: string; reportId: string; version: number; values: MetadataValues }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(async (previous: unknown, form: FormData) => {
    const result = await correctReportMetadataAction(previous, form);
    if (result.ok) {
      toast.success(result.data.changed.length > 0 ? "Report details corrected" : "Nothing changed");
      setOpen(false);
      router.refresh();
    }
    return result;
  }, null);
  const submit = useFormSubmit(formAction);
  // closing the form (saved or cancelled) gives focus back to the button that opened it
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (!open && wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  if (!open) {
    return (
      <Button ref={opener} size="sm" onClick={() => setOpen(true)}>
        Correct details
      </Button>
    );
  }
  const errors = state && !state.ok ? state.fieldErrors : {};
  const formMessage = state && !state.ok && (state.kind === "conflict" || Object.keys(errors).length === 0) ? state.error : undefined;
  return (
    <form onSubmit={submit} aria-label="Correct report details" className="space-y-2" data-testid="metadata-form">
      <input type="hidden" name="storyId" value={storyId} />
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="version" value={version} />
      <FormError message={formMessage} />
      <TextField label="Headline" name="headline" defaultValue={values.headline} required maxLength={500} error={errors.headline} autoFocus />
      <TextField label="Dek (standfirst)" name="dek" defaultValue={values.dek} maxLength={500} error={errors.dek} hint="The line under the headline; not part of the report's text." />
      <TextField label="Outlet (source)" name="source" defaultValue={values.source} required maxLength={200} error={errors.source} hint="Changing it updates every fact's count of independent outlets." />
      <TextField label="Byline" name="byline" defaultValue={values.byline} maxLength={300} error={errors.byline} />
      <TextField label="Dateline" name="dateline" defaultValue={values.dateline} maxLength={300} error={errors.dateline} />
      <TextField label="Published (UTC)" name="publishedAt" type="datetime-local" defaultValue={toInputTime(values.publishedAt)} error={errors.publishedAt} />
      <TextField label="Language" name="language" defaultValue={values.language} maxLength={35} error={errors.language} placeholder="en" />
      <div className="flex gap-2 pt-1">
        <Button type="submit" variant="primary" size="sm" pending={pending}>
          {pending ? "Saving…" : "Save corrections"}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
