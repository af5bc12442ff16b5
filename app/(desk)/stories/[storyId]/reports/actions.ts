"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { toActionResult, formFields, type ActionResult } from "@/lib/http/action-result";
import { storeReport, type StoreReportResult } from "@/lib/reports/store-report";

/** Pasted copy: the body is split into paragraphs on blank lines (single line breaks are kept as spaces). */
export async function pasteReportAction(_prev: unknown, form: unknown): Promise<ActionResult<StoreReportResult>> {
  return toActionResult(async () => {
    const fields = formFields(form, ["storyId", "headline", "source", "byline", "dateline", "publishedAt", "url", "body"]);
    const blankToNull = (value: string | undefined) => (value && value.trim() ? value.trim() : null);
    const body = fields.body ?? "";
    const firstLine = body.trim().split("\n")[0]?.trim() ?? "";
    const result = await storeReport(
      await requireActor(),
      {
        storyId: fields.storyId,
        source: fields.source,
        headline: blankToNull(fields.headline) ?? (firstLine.length > 0 && firstLine.length <= 200 ? firstLine : "Untitled pasted report"),
        byline: blankToNull(fields.byline),
        dateline: blankToNull(fields.dateline),
        publishedAt: blankToNull(fields.publishedAt),
        url: blankToNull(fields.url),
        externalId: null,
        paragraphs: body.split(/\n\s*\n/),
      },
      "PASTE",
    );
    revalidatePath(`/stories/${fields.storyId}`, "layout");
    return result;
  });
}
