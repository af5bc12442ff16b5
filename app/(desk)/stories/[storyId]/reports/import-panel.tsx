"use client";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useRef, useState, type DragEvent } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FormError, TextAreaField, TextField } from "@/components/ui/field";
import { MAX_BATCH_BYTES, MAX_BATCH_FILES, MAX_FILE_BYTES } from "@/lib/reports/parse/limits";
import type { ImportResult } from "@/lib/reports/import-files";
import { pasteReportAction } from "./actions";

const ACCEPT = ".txt,.md,.html,.htm,.json,.xml,.rss,.atom,text/plain,text/markdown,text/html,application/json,application/xml,text/xml";

const OUTCOME: Record<ImportResult["outcome"], { label: string; tone: "ok" | "accent" | "neutral" | "danger" }> = {
  imported: { label: "Imported", tone: "ok" },
  new_version: { label: "New version", tone: "accent" },
  duplicate: { label: "Already imported", tone: "neutral" },
  rejected: { label: "Rejected", tone: "danger" },
};

function megabytes(bytes: number) {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}

/** Upload several files (picker or drag-and-drop), one request per file so progress is real. */
function UploadFiles({ storyId }: { storyId: string }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [defaultSource, setDefaultSource] = useState("");
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [results, setResults] = useState<ImportResult[]>([]);
  const [error, setError] = useState<string | null>(null);

  function choose(list: FileList | null) {
    if (!list) return;
    setFiles((current) => [...current, ...Array.from(list)]);
    setResults([]);
    setError(null);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files);
  }

  async function upload() {
    const total = files.reduce((sum, file) => sum + file.size, 0);
    if (files.length > MAX_BATCH_FILES) return setError(`Import at most ${MAX_BATCH_FILES} files at once; you chose ${files.length}.`);
    if (total > MAX_BATCH_BYTES) return setError(`These files add up to ${megabytes(total)}; the limit for one import is ${megabytes(MAX_BATCH_BYTES)}.`);
    setError(null);
    setResults([]);
    setProgress({ done: 0, total: files.length });
    const collected: ImportResult[] = [];
    for (const [index, file] of files.entries()) {
      if (file.size > MAX_FILE_BYTES) {
        collected.push({ file: file.name, item: null, outcome: "rejected", headline: null, reportId: null, version: null, reason: `The file is ${megabytes(file.size)}; the limit is ${megabytes(MAX_FILE_BYTES)} per file.` });
      } else {
        const body = new FormData();
        body.append("files", file);
        body.append("defaultSource", defaultSource);
        try {
          const response = await fetch(`/api/stories/${storyId}/imports`, { method: "POST", body });
          const payload = (await response.json().catch(() => null)) as { results?: ImportResult[]; error?: string } | null;
          if (response.ok && payload?.results) collected.push(...payload.results);
          else collected.push({ file: file.name, item: null, outcome: "rejected", headline: null, reportId: null, version: null, reason: payload?.error ?? `The server answered ${response.status}.` });
        } catch {
          collected.push({ file: file.name, item: null, outcome: "rejected", headline: null, reportId: null, version: null, reason: "The upload failed: connection lost. Try this file again." });
        }
      }
      setResults([...collected]);
      setProgress({ done: index + 1, total: files.length });
    }
    setFiles([]);
    const stored = collected.filter((result) => result.outcome === "imported" || result.outcome === "new_version").length;
    toast.success(`${stored} report${stored === 1 ? "" : "s"} imported or updated`);
    router.refresh();
  }

  const busy = progress !== null && progress.done < progress.total;
  return (
    <div className="space-y-4">
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
        className={cn("rounded-lg border-2 border-dashed px-4 py-8 text-center", dragging ? "border-accent bg-blue-50" : "border-line bg-white")}
      >
        <p className="text-sm">
          Drop files here, or{" "}
          <button type="button" className="font-medium text-accent underline" onClick={() => input.current?.click()}>
            choose files
          </button>
        </p>
        <p className="mt-1 text-xs text-muted">
          Plain text, Markdown, HTML pages, IPTC ninjs (JSON), NewsML-G2 (XML), RSS and Atom feeds. Up to {MAX_BATCH_FILES} files, {megabytes(MAX_FILE_BYTES)} each.
        </p>
        <label className="sr-only" htmlFor={`files-${storyId}`}>
          Files to import
        </label>
        <input id={`files-${storyId}`} ref={input} type="file" multiple accept={ACCEPT} className="sr-only" onChange={(event) => choose(event.currentTarget.files)} />
      </div>
      {files.length > 0 ? (
        <ul className="space-y-1 text-sm" aria-label="Files to import">
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`} className="flex items-center justify-between rounded border border-line bg-white px-3 py-1.5">
              <span className="truncate">{file.name}</span>
              <span className="flex items-center gap-2 text-xs text-muted">
                {megabytes(file.size)}
                <button type="button" aria-label={`Remove ${file.name}`} className="rounded px-1 hover:bg-paper" onClick={() => setFiles((current) => current.filter((_, at) => at !== index))} disabled={busy}>
                  ✕
                </button>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <TextField
        label="Default source"
        value={defaultSource}
        onChange={(event) => setDefaultSource(event.currentTarget.value)}
        maxLength={200}
        hint="Used for files that do not name their agency or outlet (plain text, some HTML pages)."
      />
      <FormError message={error} />
      <div className="flex items-center gap-3">
        <Button variant="primary" onClick={upload} disabled={files.length === 0} pending={busy}>
          {busy ? "Importing…" : `Import ${files.length || ""} file${files.length === 1 ? "" : "s"}`.replace("  ", " ")}
        </Button>
        {progress ? (
          <div className="flex items-center gap-2 text-sm text-muted" role="status" aria-live="polite">
            <progress max={progress.total} value={progress.done} className="h-2 w-40" aria-label="Import progress" />
            {progress.done} of {progress.total} files
          </div>
        ) : null}
      </div>
      {results.length > 0 ? <ImportResults storyId={storyId} results={results} /> : null}
    </div>
  );
}

function ImportResults({ storyId, results }: { storyId: string; results: ImportResult[] }) {
  return (
    <div className="rounded-lg border border-line bg-white" data-testid="import-results">
      <h3 className="border-b border-line px-3 py-2 text-sm font-semibold">Results</h3>
      <ul className="divide-y divide-line text-sm">
        {results.map((result, index) => (
          <li key={index} className="flex items-start gap-3 px-3 py-2" data-outcome={result.outcome}>
            <Badge tone={OUTCOME[result.outcome].tone}>{OUTCOME[result.outcome].label}</Badge>
            <div className="min-w-0">
              <p className="font-medium break-all">
                {result.file}
                {result.item ? <span className="text-muted"> · item {result.item}</span> : null}
              </p>
              {result.reason ? <p className="text-danger">{result.reason}</p> : null}
              {result.reportId && result.headline ? (
                <Link className="text-accent hover:underline" href={`/stories/${storyId}/reports/${result.reportId}${result.version ? `?v=${result.version}` : ""}`}>
                  {result.headline}
                  {result.version && result.version > 1 ? ` (version ${result.version})` : ""}
                </Link>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

function PasteReport({ storyId }: { storyId: string }) {
  const router = useRouter();
  const [formKey, setFormKey] = useState(0);
  const [state, formAction, pending] = useActionState(async (previous: unknown, form: FormData) => {
    const result = await pasteReportAction(previous, form);
    if (result.ok) {
      const messages = { imported: "Report imported", new_version: "New version stored", duplicate: "This report was already imported" } as const;
      if (result.data.outcome === "duplicate") toast.info(messages.duplicate);
      else toast.success(messages[result.data.outcome]);
      setFormKey((key) => key + 1);
      router.refresh();
    }
    return result;
  }, null);
  const submitForm = useFormSubmit(formAction);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form key={formKey} onSubmit={submitForm} className="space-y-3">
      <input type="hidden" name="storyId" value={storyId} />
      <FormError message={state && !state.ok && !Object.keys(errors).some((key) => key !== "form") ? state.error : undefined} />
      <div className="grid gap-3 md:grid-cols-2">
        <TextField label="Source (agency or outlet)" name="source" required maxLength={200} error={errors.source} />
        <TextField label="Headline" name="headline" maxLength={500} error={errors.headline} hint="Optional: the first line is used otherwise." />
        <TextField label="Byline" name="byline" maxLength={300} error={errors.byline} />
        <TextField label="Dateline" name="dateline" maxLength={300} error={errors.dateline} placeholder="e.g. VARESH, Dec 3" />
        <TextField label="Published (UTC)" name="publishedAt" type="datetime-local" error={errors.publishedAt} />
        <TextField label="URL" name="url" type="url" maxLength={2000} error={errors.url} />
      </div>
      <TextAreaField label="Report text" name="body" rows={10} required error={errors.paragraphs ?? errors.body} hint="Separate paragraphs with a blank line." />
      <Button type="submit" variant="primary" pending={pending}>
        Import pasted report
      </Button>
    </form>
  );
}

/** The Reports tab's import area: paste one report, or upload files. */
export function ImportPanel({ storyId }: { storyId: string }) {
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<"upload" | "paste">("upload");
  if (!open) {
    return (
      <Button variant="primary" onClick={() => setOpen(true)}>
        Import reports
      </Button>
    );
  }
  return (
    <section aria-label="Import reports" className="w-full rounded-lg border border-line bg-slate-50 p-4">
      <div className="mb-3 flex items-center justify-between">
        <div role="tablist" aria-label="How to import" className="flex gap-1 rounded-md border border-line bg-white p-0.5">
          {(["upload", "paste"] as const).map((value) => (
            <button
              key={value}
              type="button"
              role="tab"
              autoFocus={value === "upload"}
              aria-selected={tab === value}
              onClick={() => setTab(value)}
              className={cn("rounded px-3 py-1 text-sm", tab === value ? "bg-ink text-white" : "text-muted hover:text-ink")}
            >
              {value === "upload" ? "Upload files" : "Paste text"}
            </button>
          ))}
        </div>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Close
        </Button>
      </div>
      <div role="tabpanel">{tab === "upload" ? <UploadFiles storyId={storyId} /> : <PasteReport storyId={storyId} />}</div>
    </section>
  );
}
