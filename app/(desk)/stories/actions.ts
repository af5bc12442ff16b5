"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { toActionResult, formFields, type ActionResult } from "@/lib/http/action-result";
import { createStory, renameStory, setStoryArchived, type StoryRef } from "@/lib/stories/mutate-story";

export async function createStoryAction(_prev: unknown, form: unknown): Promise<ActionResult<StoryRef>> {
  return toActionResult(async () => {
    const story = await createStory(await requireActor(), formFields(form, ["title", "description"]));
    revalidatePath("/stories");
    return story;
  });
}

export async function renameStoryAction(_prev: unknown, form: unknown): Promise<ActionResult<StoryRef>> {
  return toActionResult(async () => {
    const story = await renameStory(await requireActor(), formFields(form, ["storyId", "version", "title", "description"]));
    revalidatePath(`/stories/${story.id}`, "layout");
    return story;
  });
}

export async function setStoryArchivedAction(input: unknown): Promise<ActionResult<StoryRef>> {
  return toActionResult(async () => {
    const story = await setStoryArchived(await requireActor(), input);
    revalidatePath("/stories");
    revalidatePath(`/stories/${story.id}`, "layout");
    return story;
  });
}
