import { requireActor } from "@/lib/auth/current-actor";
import { httpStatusOf, isDomainError } from "@/lib/errors/domain-errors";
import { isSameOrigin } from "@/lib/http/same-origin";
import { HttpRequestError } from "@/lib/http/api-response";
import { previewUploadedFiles } from "@/lib/reports/preview-files";
import { readUploadForm } from "../upload-form";

export const dynamic = "force-dynamic";

/** What the files would import as, for the preview on the Reports tab. Writes nothing. */
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return Response.json({ error: "Cross-site request refused." }, { status: 403 });
  try {
    const actor = await requireActor();
    const upload = await readUploadForm(request);
    if ("error" in upload) return Response.json({ error: upload.error }, { status: 400 });
    return Response.json({ files: await previewUploadedFiles(actor, upload.files) });
  } catch (error) {
    if (isDomainError(error)) return Response.json({ error: error.message }, { status: httpStatusOf(error) });
    if (error instanceof HttpRequestError) return Response.json({ error: error.message }, { status: error.status });
    throw error;
  }
}
