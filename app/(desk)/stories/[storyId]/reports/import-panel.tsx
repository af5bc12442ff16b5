"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type DragEvent } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FormError, TextAreaField, TextField } from "@/components/ui/field";
import { MAX_BATCH_BYTES, MAX_BATCH_FILES, MAX_FILE_BYTES } from "@/lib/reports/upload-limits";
import type { ImportResult } from "@/lib/reports/import-files";
import type { PreviewFile, PreviewItem } from "@/lib/reports/preview-files";
import { ZImportOverride } from "@/lib/reports/schemas";

const ACCEPT = ".txt,.md,.html,.htm,.json,.xml,.rss,.atom,.nitf,text/plain,text/markdown,text/html,application/json,application/xml,text/xml";

const OUTCOME: Record<ImportResult["outcome"], { label: string; tone: "ok" | "accent" | "neutral" | "danger" | "warn" }> = {
  imported: { label: "Imported", tone: "ok" },
  new_version: { label: "New version", tone: "accent" },
  duplicate: { label: "Already imported", tone: "neutral" },
  held: { label: "Held (embargo)", tone: "warn" },
  killed: { label: "Report killed", tone: "danger" },
  rejected: { label: "Refused", tone: "danger" },
};

const KIND_LABEL: Record<string, string> = { kill: "Kill notice", correction: "Correction", embargoed: "Embargoed" };

/** The metadata an editor may change in the preview, as the form holds it (strings). */
const EDITABLE = [
  { key: "headline", label: "Headline", max: 500 },
  { key: "dek", label: "Dek (standfirst)", max: 500 },
  { key: "source", label: "Outlet", max: 200 },
  { key: "byline", label: "Byline", max: 300 },
  { key: "dateline", label: "Dateline", max: 300 },
  { key: "publishedAt", label: "Published (UTC)", max: 40 },
  { key: "language", label: "Language", max: 35 },
] as const;
type EditableKey = (typeof EDITABLE)[number]["key"];
type ItemEdits = Partial<Record<EditableKey, string>>;
/** edits by file index, then by item index */
type Edits = Record<number, Record<number, ItemEdits>>;

function megabytes(bytes: number) {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}

function parsedValue(item: PreviewItem, key: EditableKey): string {
  const values: Record<EditableKey, string | null> = {
    headline: item.headline,
    dek: item.dek,
    source: item.outlet,
    byline: item.byline,
    dateline: item.dateline,
    publishedAt: item.published,
    language: item.language,
  };
  return values[key] ?? "";
}

/** The edits of one item as the import takes them, with the shared schema's messages per field. */
function overrideOf(item: PreviewItem, index: number, edits: ItemEdits | undefined) {
  const changed = Object.fromEntries(Object.entries(edits ?? {}).filter(([key, value]) => value !== parsedValue(item, key as EditableKey)));
  const override = { item: index, ...changed };
  const parsed = ZImportOverride.safeParse(override);
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return { override, changed: Object.keys(changed).length > 0, errors };
}

/** Why the chosen files cannot be sent as one batch, or null (the server checks again). */
function batchLimit(files: File[]): string | null {
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (files.length > MAX_BATCH_FILES) return `Import at most ${MAX_BATCH_FILES} files at once; you chose ${files.length}.`;
  if (total > MAX_BATCH_BYTES) return `These files add up to ${megabytes(total)}; the limit for one import is ${megabytes(MAX_BATCH_BYTES)}.`;
  // one file over the per-file limit is refused on its own by the server, never the batch
  return null;
}

function rejectedLine(file: string, reason: string): ImportResult {
  return { file, item: null, outcome: "rejected", headline: null, reportId: null, version: null, reason };
}

/**
 * Preview, edit and import: what the chosen files (or the pasted text) will import as, with
 * every field editable; then one request per file so progress is real. Files none of whose
 * reports were stored stay chosen, with their preview, so the editor can fix and retry them.
 */
function PreviewAndImport({
  storyId,
  files,
  setFiles,
  defaultSource,
  channel,
  importLabel,
}: {
  storyId: string;
  files: File[];
  setFiles: (files: File[]) => void;
  defaultSource: string;
  channel: "upload" | "paste";
  importLabel: string;
}) {
  const router = useRouter();
  // the preview of exactly these chosen files: choosing or removing a file reads them again
  const [previews, setPreviews] = useState<{ of: File[]; files: PreviewFile[] } | null>(null);
  const [previewError, setPreviewError] = useState<{ of: File[]; message: string } | null>(null);
  const [edits, setEdits] = useState<Edits>({});
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [results, setResults] = useState<ImportResult[]>([]);
  const [error, setError] = useState<string | null>(null);

  // which files the preview on screen belongs to, for the effect (kept files keep theirs)
  const previewed = useRef<File[] | null>(null);

  const limit = batchLimit(files);
  useEffect(() => {
    if (files.length === 0 || batchLimit(files) || previewed.current === files) return;
    const abort = new AbortController();
    // pasted text changes with every keystroke: read it once the editor pauses
    const timer = setTimeout(async () => {
      try {
        const body = new FormData();
        for (const file of files) body.append("files", file);
        const response = await fetch(`/api/stories/${storyId}/imports/preview`, { method: "POST", body, signal: abort.signal });
        const payload = (await response.json().catch(() => null)) as { files?: PreviewFile[]; error?: string } | null;
        if (response.ok && payload?.files) {
          previewed.current = files;
          setPreviews({ of: files, files: payload.files });
          setEdits({});
        } else {
          setPreviewError({ of: files, message: payload?.error ?? `The preview failed: the server answered ${response.status}.` });
        }
      } catch {
        if (!abort.signal.aborted) setPreviewError({ of: files, message: "The preview failed: connection lost. Choose the files again." });
      }
    }, channel === "paste" ? 400 : 0);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [files, storyId, channel]);

  const current = previews && previews.of === files ? previews.files : null;
  const failed = previewError && previewError.of === files ? previewError.message : null;
  const reading = files.length > 0 && !limit && !current && !failed;
  const overrides = current?.map((file, fileIndex) => file.items.map((item, index) => overrideOf(item, index, edits[fileIndex]?.[index]))) ?? [];
  const hasErrors = overrides.some((items) => items.some((item) => Object.keys(item.errors).length > 0));

  function edit(fileIndex: number, itemIndex: number, key: EditableKey, value: string) {
    setEdits((all) => ({ ...all, [fileIndex]: { ...all[fileIndex], [itemIndex]: { ...all[fileIndex]?.[itemIndex], [key]: value } } }));
  }

  async function importAll() {
    if (limit) return setError(limit);
    if (hasErrors) return setError("Fix the fields marked in the preview first.");
    setError(null);
    setResults([]);
    setProgress({ done: 0, total: files.length });
    const collected: ImportResult[] = [];
    const keep: File[] = [];
    for (const [index, file] of files.entries()) {
      const lines: ImportResult[] = [];
      const body = new FormData();
      body.append("files", file);
      body.append("defaultSource", defaultSource);
      body.append("channel", channel);
      const fileOverrides = overrides[index]?.filter((item) => item.changed).map((item) => item.override) ?? [];
      body.append("overrides", JSON.stringify([fileOverrides]));
      try {
        const response = await fetch(`/api/stories/${storyId}/imports`, { method: "POST", body });
        const payload = (await response.json().catch(() => null)) as { results?: ImportResult[]; error?: string } | null;
        if (response.ok && payload?.results) lines.push(...payload.results);
        else lines.push(rejectedLine(file.name, payload?.error ?? `The server answered ${response.status}.`));
      } catch {
        lines.push(rejectedLine(file.name, "The upload failed: connection lost. Try this file again."));
      }
      // a file stays chosen unless at least one of its reports is now in the story
      if (lines.every((line) => line.outcome === "rejected")) keep.push(file);
      collected.push(...lines);
      setResults([...collected]);
      setProgress({ done: index + 1, total: files.length });
    }
    // the files left keep their preview and the editor's edits, so one fix can be retried
    const keptIndexes = files.flatMap((file, index) => (keep.includes(file) ? [index] : []));
    if (current) {
      previewed.current = keep;
      setPreviews({ of: keep, files: keptIndexes.map((index) => current[index]!) });
      setEdits(Object.fromEntries(keptIndexes.map((index, at) => [at, edits[index] ?? {}])));
    }
    setFiles(keep);

    const stored = collected.filter((line) => line.outcome === "imported" || line.outcome === "new_version" || line.outcome === "held").length;
    const killed = collected.filter((line) => line.outcome === "killed").length;
    const refused = collected.filter((line) => line.outcome === "rejected").length;
    if (stored + killed > 0) {
      const parts = [stored > 0 ? `${stored} report${stored === 1 ? "" : "s"} imported or updated` : null, killed > 0 ? `${killed} killed` : null];
      toast.success(parts.filter(Boolean).join(", "));
    } else if (refused > 0) {
      toast.error(`Nothing was imported: ${refused} item${refused === 1 ? " was" : "s were"} refused. The reasons are listed below.`);
    } else {
      toast.info("Everything was already imported.");
    }
    router.refresh();
  }

  const busy = progress !== null && progress.done < progress.total;
  return (
    <div className="space-y-4">
      <FormError message={error ?? limit ?? failed} />
      {reading ? (
        <p role="status" className="text-sm text-muted">
          Reading {files.length === 1 ? "the file" : `${files.length} files`} for the preview…
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="primary" onClick={importAll} disabled={files.length === 0 || hasErrors || reading || limit !== null} pending={busy}>
          {busy ? "Importing…" : importLabel}
        </Button>
        {progress ? (
          <div className="flex items-center gap-2 text-sm text-muted" role="status" aria-live="polite">
            <progress max={progress.total} value={progress.done} className="h-2 w-40" aria-label="Import progress" />
            {progress.done} of {progress.total} files
          </div>
        ) : null}
      </div>
      {current ? (
        <section aria-label="Preview" className="space-y-3" data-testid="import-preview">
          <p className="text-xs text-muted">Nothing is stored yet. Check each report and correct what the desk found; the import uses your changes.</p>
          {current.map((file, fileIndex) => (
            <PreviewCard key={`${file.file}-${fileIndex}`} file={file} fileIndex={fileIndex} edits={edits[fileIndex] ?? {}} errors={overrides[fileIndex]?.map((item) => item.errors) ?? []} onEdit={edit} defaultSource={defaultSource} />
          ))}
        </section>
      ) : null}
      {results.length > 0 ? <ImportResults storyId={storyId} results={results} /> : null}
    </div>
  );
}

function PreviewCard({
  file,
  fileIndex,
  edits,
  errors,
  onEdit,
  defaultSource,
}: {
  file: PreviewFile;
  fileIndex: number;
  edits: Record<number, ItemEdits>;
  errors: Record<string, string>[];
  onEdit: (fileIndex: number, itemIndex: number, key: EditableKey, value: string) => void;
  defaultSource: string;
}) {
  return (
    <article aria-label={`Preview of ${file.file}`} className="rounded-lg border border-line bg-white p-3">
      <header className="mb-2 flex flex-wrap items-center gap-2">
        <h3 className="font-medium break-all">{file.file}</h3>
        {file.format ? <Badge>{file.format}</Badge> : null}
        {!file.error ? <span className="text-xs text-muted">{file.items.length} report{file.items.length === 1 ? "" : "s"}</span> : null}
      </header>
      {file.error ? <p className="text-sm text-danger">Will be refused: {file.error.message}</p> : null}
      {file.skipped.length > 0 ? (
        <div className="mb-2 text-sm">
          <p className="font-medium">Left out ({file.skipped.length}):</p>
          <ul className="list-disc pl-5 text-muted">
            {file.skipped.map((reason, index) => (
              <li key={index}>{reason}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="space-y-4">
        {file.items.map((item, itemIndex) => (
          <fieldset key={itemIndex} className="rounded-md border border-line p-3" data-testid="preview-item">
            <legend className="px-1 text-sm font-medium">
              {file.items.length > 1 ? `Item ${itemIndex + 1}` : "Report"}
              {KIND_LABEL[item.kind] ? <Badge tone={item.kind === "kill" ? "danger" : "warn"} className="ml-2">{KIND_LABEL[item.kind]}</Badge> : null}
            </legend>
            {item.kind === "kill" ? <p className="mb-2 text-sm text-danger">Importing this kills the report with the same external id{item.externalId ? ` (${item.externalId})` : ""} and flags its claims.</p> : null}
            {item.embargoedUntil ? <p className="mb-2 text-sm">Held under embargo until {new Date(item.embargoedUntil).toUTCString()}.</p> : null}
            <div className="grid gap-2 md:grid-cols-3">
              {EDITABLE.map((field) => (
                <TextField
                  key={field.key}
                  // a dek is a sentence: it gets the room of two fields
                  className={field.key === "dek" ? "md:col-span-2" : undefined}
                  label={field.label}
                  value={edits[itemIndex]?.[field.key] ?? parsedValue(item, field.key)}
                  onChange={(event) => onEdit(fileIndex, itemIndex, field.key, event.currentTarget.value)}
                  maxLength={field.max}
                  error={errors[itemIndex]?.[field.key]}
                  placeholder={field.key === "source" && defaultSource ? defaultSource : field.key === "publishedAt" ? "YYYY-MM-DDTHH:MM, UTC" : "not found"}
                  hint={field.key === "source" && !item.outlet ? (defaultSource ? "Not in the file: the default source is used." : "Not in the file: name it here or give a default source.") : undefined}
                />
              ))}
            </div>
            <p className="mt-2 text-xs text-muted">
              {item.paragraphCount} paragraph{item.paragraphCount === 1 ? "" : "s"}
              {item.bulletCount > 0 ? ` · ${item.bulletCount} bullet${item.bulletCount === 1 ? "" : "s"}` : ""}
              {item.subheadCount > 0 ? ` · ${item.subheadCount} sub-head${item.subheadCount === 1 ? "" : "s"}` : ""}
              {item.credit ? ` · credits ${item.credit}` : ""}
              {item.externalId ? ` · id ${item.externalId}` : ""}
            </p>
            {item.warnings.length > 0 ? (
              <ul className="mt-1 list-disc pl-5 text-xs text-amber-900" aria-label="Warnings">
                {item.warnings.map((warning, index) => (
                  <li key={index}>{warning}</li>
                ))}
              </ul>
            ) : null}
            {item.paragraphs.length > 0 ? (
              <div className="mt-2 space-y-1 border-l-2 border-line pl-3 font-serif text-sm text-ink/80">
                {item.paragraphs.map((paragraph, index) =>
                  item.paragraphKinds[index] === "bullet" ? (
                    <p key={index} className="flex gap-2" data-kind="bullet">
                      <span className="shrink-0 font-sans text-[0.65rem] tracking-wide text-muted uppercase">Bullet</span>
                      <span>{paragraph}</span>
                    </p>
                  ) : item.paragraphKinds[index] === "subhead" ? (
                    <p key={index} className="flex gap-2 pt-1 font-sans font-semibold text-ink" data-kind="subhead">
                      <span className="shrink-0 text-[0.65rem] font-normal tracking-wide text-muted uppercase">Sub-head</span>
                      <span>{paragraph}</span>
                    </p>
                  ) : (
                    <p key={index}>{paragraph}</p>
                  ),
                )}
              </div>
            ) : (
              <p className="mt-2 text-xs text-muted">No body text: a headline-only item. It is stored, but no claim can be tagged in it.</p>
            )}
          </fieldset>
        ))}
      </div>
    </article>
  );
}

/** Upload several files (picker or drag-and-drop). */
function UploadFiles({ storyId }: { storyId: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [defaultSource, setDefaultSource] = useState("");
  const [dragging, setDragging] = useState(false);

  function choose(list: FileList | null) {
    if (!list) return;
    // copied now: the picker's list empties when its value is reset for the next choice
    const chosen = Array.from(list);
    setFiles((current) => [...current, ...chosen]);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files);
  }

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
          Plain text, Markdown, HTML pages, IPTC ninjs (JSON), NewsML-G2, NITF, ANPA and IPTC 7901 wire files, RSS and Atom feeds. Up to {MAX_BATCH_FILES} files, {megabytes(MAX_FILE_BYTES)} each.
        </p>
        <label className="sr-only" htmlFor={`files-${storyId}`}>
          Files to import
        </label>
        <input
          id={`files-${storyId}`}
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          className="sr-only"
          onChange={(event) => {
            choose(event.currentTarget.files);
            event.currentTarget.value = "";
          }}
        />
      </div>
      {files.length > 0 ? (
        <ul className="space-y-1 text-sm" aria-label="Files to import">
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`} className="flex items-center justify-between rounded border border-line bg-white px-3 py-1.5">
              <span className="truncate">{file.name}</span>
              <span className="flex items-center gap-2 text-xs text-muted">
                {megabytes(file.size)}
                <button type="button" aria-label={`Remove ${file.name}`} className="rounded px-1 hover:bg-paper" onClick={() => setFiles(files.filter((_, at) => at !== index))}>
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
        hint="Used for reports that do not name their agency or outlet (plain text, some HTML pages). Without it, only those reports are refused."
      />
      <PreviewAndImport
        storyId={storyId}
        files={files}
        setFiles={setFiles}
        defaultSource={defaultSource}
        channel="upload"
        importLabel={`Import ${files.length || ""} file${files.length === 1 ? "" : "s"}`.replace("  ", " ")}
      />
    </div>
  );
}

/** Pasted copy goes through the same parser, preview and import as an uploaded plain-text file. */
function PasteReport({ storyId }: { storyId: string }) {
  const [text, setText] = useState("");
  const [source, setSource] = useState("");
  const [files, setFiles] = useState<File[]>([]);

  function changeText(value: string) {
    setText(value);
    setFiles(value.trim() ? [new File([value], "pasted text", { type: "text/plain" })] : []);
  }

  return (
    <div className="space-y-3">
      <TextField label="Source (agency or outlet)" value={source} onChange={(event) => setSource(event.currentTarget.value)} maxLength={200} hint="Used when the text does not name its outlet." />
      <TextAreaField
        label="Report text"
        rows={10}
        value={text}
        onChange={(event) => changeText(event.currentTarget.value)}
        hint="Paste the report as it came: headline, byline, dateline and text. The preview shows what the desk found."
      />
      <PreviewAndImport
        storyId={storyId}
        files={files}
        setFiles={(kept) => {
          setFiles(kept);
          if (kept.length === 0) setText("");
        }}
        defaultSource={source}
        channel="paste"
        importLabel="Import pasted report"
      />
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
              {result.embargoedUntil ? <p className="text-muted">Held until {new Date(result.embargoedUntil).toUTCString()}</p> : null}
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
