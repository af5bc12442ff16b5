import { requireActor } from "@/lib/auth/current-actor";
import { httpStatusOf, isDomainError } from "@/lib/errors/domain-errors";
import { isSameOrigin } from "@/lib/http/same-origin";
import { HttpRequestError, readBodyWithLimit } from "@/lib/http/api-response";
import { MAX_BATCH_BYTES } from "@/lib/reports/parse/limits";
import { importUploadedFiles } from "@/lib/reports/import-files";
import type { UploadedFile } from "@/lib/reports/parse/types";

export const dynamic = "force-dynamic";

/**
 * File uploads from the Reports tab (signed-in editors). The page sends one file per request so
 * it can show progress; the batch limits are checked again here for clients that send several.
 */
export async function POST(request: Request, context: { params: Promise<{ storyId: string }> }) {
  if (!isSameOrigin(request)) return Response.json({ error: "Cross-site request refused." }, { status: 403 });
  try {
    const actor = await requireActor();
    const { storyId } = await context.params;
    // read with a hard cap (a chunked body has no Content-Length to check), then parse the form
    const bytes = await readBodyWithLimit(request, MAX_BATCH_BYTES + 1024 * 1024);
    const form = await new Response(new Uint8Array(bytes), { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData().catch(() => null);
    if (!form) return Response.json({ error: "The upload could not be read as a form. Try again." }, { status: 400 });
    const defaultSource = typeof form.get("defaultSource") === "string" ? String(form.get("defaultSource")).trim().slice(0, 200) : "";
    const files: UploadedFile[] = [];
    for (const entry of form.getAll("files")) {
      if (typeof entry === "string") continue;
      files.push({ name: entry.name.slice(0, 255) || "unnamed file", bytes: new Uint8Array(await entry.arrayBuffer()), contentType: entry.type || null });
    }
    if (files.length === 0) return Response.json({ error: "Choose at least one file to import." }, { status: 400 });
    const results = await importUploadedFiles(actor, { storyId, defaultSource: defaultSource || null }, files, "UPLOAD");
    return Response.json({ results });
  } catch (error) {
    if (isDomainError(error)) return Response.json({ error: error.message }, { status: httpStatusOf(error) });
    if (error instanceof HttpRequestError) return Response.json({ error: error.message }, { status: error.status });
    throw error;
  }
}
