"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { formFields, toActionResult, type ActionResult } from "@/lib/http/action-result";
import { correctReportMetadata, type CorrectReportMetadataResult } from "@/lib/reports/correct-report-metadata";

const FIELDS = ["storyId", "reportId", "version", "headline", "dek", "source", "byline", "dateline", "publishedAt", "language"] as const;

/** The report page's "Correct details" form. */
export async function correctReportMetadataAction(_prev: unknown, form: unknown): Promise<ActionResult<CorrectReportMetadataResult>> {
  return toActionResult(async () => {
    const fields = formFields(form, FIELDS);
    const result = await correctReportMetadata(await requireActor(), fields);
    revalidatePath(`/stories/${fields.storyId}`, "layout");
    return result;
  });
}
