"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { toActionResult, type ActionResult } from "@/lib/http/action-result";
import { mergeTags } from "@/lib/tags/merge-tags";
import { splitTagAlias } from "@/lib/tags/split-tag-alias";

// Thin wrappers: permissions, versions and audit live in lib/tags.

export async function mergeTagsAction(input: unknown): Promise<ActionResult> {
  return toActionResult(async () => {
    const result = await mergeTags(await requireActor(), input);
    revalidatePath(`/stories/${result.storyId}`, "layout");
    return undefined;
  });
}

export async function splitTagAliasAction(input: unknown): Promise<ActionResult> {
  return toActionResult(async () => {
    const result = await splitTagAlias(await requireActor(), input);
    revalidatePath(`/stories/${result.storyId}`, "layout");
    return undefined;
  });
}
