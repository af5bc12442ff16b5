import { requireActor } from "@/lib/auth/current-actor";
import { httpStatusOf, isDomainError } from "@/lib/errors/domain-errors";
import { isSameOrigin } from "@/lib/http/same-origin";
import { HttpRequestError } from "@/lib/http/api-response";
import { importUploadedFiles } from "@/lib/reports/import-files";
import { readUploadForm } from "./upload-form";

export const dynamic = "force-dynamic";

/**
 * File uploads and pasted text from the Reports tab (signed-in editors), with the edits made in
 * the preview. The page sends one file per request so it can show progress; the batch limits
 * are checked again here for clients that send several.
 */
export async function POST(request: Request, context: { params: Promise<{ storyId: string }> }) {
  if (!isSameOrigin(request)) return Response.json({ error: "Cross-site request refused." }, { status: 403 });
  try {
    const actor = await requireActor();
    const { storyId } = await context.params;
    const upload = await readUploadForm(request);
    if ("error" in upload) return Response.json({ error: upload.error }, { status: 400 });
    const results = await importUploadedFiles(actor, { storyId, defaultSource: upload.defaultSource || null }, upload.files, upload.channel, upload.overrides);
    return Response.json({ results });
  } catch (error) {
    if (isDomainError(error)) return Response.json({ error: error.message, fieldErrors: error.fieldErrors }, { status: httpStatusOf(error) });
    if (error instanceof HttpRequestError) return Response.json({ error: error.message }, { status: error.status });
    throw error;
  }
}
