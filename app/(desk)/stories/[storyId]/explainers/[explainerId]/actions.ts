"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { formFields, toActionResult, type ActionResult } from "@/lib/http/action-result";
import { publishCorrection, publishExplainer, type PublishResult } from "@/lib/publishing/publish-explainer";
import { unpublishExplainer } from "@/lib/publishing/unpublish-explainer";

const TARGET = ["explainerId", "storyId", "version"] as const;

/** Publish (or update) the approved revision. */
export async function publishExplainerAction(_prev: unknown, form: FormData): Promise<ActionResult<PublishResult>> {
  return toActionResult(async () => {
    const fields = formFields(form, TARGET);
    const result = await publishExplainer(await requireActor(), fields);
    revalidatePath(`/stories/${fields.storyId}`, "layout");
    return result;
  });
}

/** Publish the approved revision as a correction, with its public note. */
export async function publishCorrectionAction(_prev: unknown, form: FormData): Promise<ActionResult<PublishResult>> {
  return toActionResult(async () => {
    const fields = formFields(form, [...TARGET, "note"]);
    const result = await publishCorrection(await requireActor(), fields);
    revalidatePath(`/stories/${fields.storyId}`, "layout");
    return result;
  });
}

/** Take the live page down with a notice. */
export async function unpublishExplainerAction(_prev: unknown, form: FormData): Promise<ActionResult<{ explainerId: string; slug: string; version: number }>> {
  return toActionResult(async () => {
    const fields = formFields(form, [...TARGET, "notice"]);
    const result = await unpublishExplainer(await requireActor(), fields);
    revalidatePath(`/stories/${fields.storyId}`, "layout");
    return result;
  });
}
