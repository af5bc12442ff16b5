"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { toActionResult, type ActionResult } from "@/lib/http/action-result";
import { createExplainer } from "@/lib/explainers/create-explainer";
import { addExplainerNote, type ExplainerNote } from "@/lib/explainers/explainer-notes";
import { saveExplainerDraft, type SavedDraft } from "@/lib/explainers/save-explainer-draft";
import { submitRevision, type SubmittedRevision } from "@/lib/explainers/submit-revision";

// Thin wrappers: permissions, writing rules and optimistic locking live in lib/explainers.

export async function createExplainerAction(input: unknown): Promise<ActionResult<{ id: string; storyId: string }>> {
  return toActionResult(async () => {
    const created = await createExplainer(await requireActor(), input);
    revalidatePath(`/stories/${created.storyId}`, "layout");
    return created;
  });
}

/** Autosave: no revalidation, the editor already shows what it saved. */
export async function saveExplainerDraftAction(input: unknown): Promise<ActionResult<SavedDraft>> {
  return toActionResult(async () => saveExplainerDraft(await requireActor(), input));
}

export async function submitRevisionAction(input: unknown): Promise<ActionResult<SubmittedRevision>> {
  return toActionResult(async () => {
    const submitted = await submitRevision(await requireActor(), input);
    revalidatePath("/review");
    return submitted;
  });
}

export async function addExplainerNoteAction(input: unknown): Promise<ActionResult<ExplainerNote>> {
  return toActionResult(async () => addExplainerNote(await requireActor(), input));
}
