"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { addFeedSource, type AddedFeedSource } from "@/lib/feeds/add-feed-source";
import { removeFeedSource } from "@/lib/feeds/remove-feed-source";
import { setFeedSourcePaused } from "@/lib/feeds/set-feed-source-paused";
import { formFields, inputField, toActionResult, type ActionResult } from "@/lib/http/action-result";

const ADD_FIELDS = ["storyId", "kind", "name", "location", "defaultSource", "intervalMinutes"] as const;

/** The Feeds page's "Add source" form. */
export async function addFeedSourceAction(_previous: unknown, form: unknown): Promise<ActionResult<AddedFeedSource>> {
  return toActionResult(async () => {
    const fields = formFields(form, ADD_FIELDS);
    const added = await addFeedSource(await requireActor(), fields);
    revalidatePath(`/stories/${fields.storyId}/feeds`);
    return added;
  });
}

/** Pause or resume: `{ storyId, feedSourceId, paused, version }`. */
export async function setFeedSourcePausedAction(input: unknown): Promise<ActionResult<{ paused: boolean }>> {
  return toActionResult(async () => {
    const result = await setFeedSourcePaused(await requireActor(), input);
    revalidatePath(`/stories/${inputField(input, "storyId")}/feeds`);
    return { paused: result.paused };
  });
}

/** Remove: `{ storyId, feedSourceId }`; the reports it imported stay. */
export async function removeFeedSourceAction(input: unknown): Promise<ActionResult<null>> {
  return toActionResult(async () => {
    await removeFeedSource(await requireActor(), input);
    revalidatePath(`/stories/${inputField(input, "storyId")}/feeds`);
    return null;
  });
}
