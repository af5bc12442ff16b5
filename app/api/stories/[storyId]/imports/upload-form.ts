import { readBodyWithLimit } from "@/lib/http/api-response";
import { MAX_BATCH_BYTES } from "@/lib/reports/upload-limits";
import type { UploadedFile } from "@/lib/reports/parse/types";

export type UploadForm = {
  files: UploadedFile[];
  defaultSource: string;
  /** "paste" when the files are text an editor pasted */
  channel: "UPLOAD" | "PASTE";
  /** per file: the editor's preview edits, as sent (validated by the domain layer) */
  overrides: unknown[];
};

/** Reads the multipart body the import panel sends, with a hard cap on its size. */
export async function readUploadForm(request: Request): Promise<UploadForm | { error: string }> {
  // read with a hard cap (a chunked body has no Content-Length to check), then parse the form
  const bytes = await readBodyWithLimit(request, MAX_BATCH_BYTES + 1024 * 1024);
  const form = await new Response(new Uint8Array(bytes), { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData().catch(() => null);
  if (!form) return { error: "The upload could not be read as a form. Try again." };
  const defaultSource = typeof form.get("defaultSource") === "string" ? String(form.get("defaultSource")).trim().slice(0, 200) : "";
  const files: UploadedFile[] = [];
  for (const entry of form.getAll("files")) {
    if (typeof entry === "string") continue;
    files.push({ name: entry.name.slice(0, 255) || "unnamed file", bytes: new Uint8Array(await entry.arrayBuffer()), contentType: entry.type || null });
  }
  if (files.length === 0) return { error: "Choose at least one file to import." };
  let overrides: unknown[] = [];
  const rawOverrides = form.get("overrides");
  if (typeof rawOverrides === "string" && rawOverrides.trim()) {
    try {
      const parsed: unknown = JSON.parse(rawOverrides);
      if (!Array.isArray(parsed)) return { error: "The edits from the preview could not be read. Preview the files again." };
      overrides = parsed;
    } catch {
      return { error: "The edits from the preview could not be read. Preview the files again." };
    }
  }
  return { files, defaultSource, channel: form.get("channel") === "paste" ? "PASTE" : "UPLOAD", overrides };
}
