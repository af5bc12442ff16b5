"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { toActionResult, type ActionResult } from "@/lib/http/action-result";
import { confirmFact } from "@/lib/facts/confirm-fact";
import { mergeFacts } from "@/lib/facts/merge-facts";
import { moveFactMember } from "@/lib/facts/move-fact-member";
import { requestStoryReanalysis } from "@/lib/facts/reanalyze-story";
import { setFactStatus } from "@/lib/facts/set-fact-status";
import { splitFact } from "@/lib/facts/split-fact";

// Thin wrappers: permissions, versions and the rules of re-analysis live in lib/facts.

function refresh(storyId: string) {
  revalidatePath(`/stories/${storyId}`, "layout");
}

export async function confirmFactAction(input: unknown): Promise<ActionResult> {
  return toActionResult(async () => {
    const result = await confirmFact(await requireActor(), input);
    refresh(result.storyId);
    return undefined;
  });
}

export async function splitFactAction(input: unknown): Promise<ActionResult<{ newFactId: string }>> {
  return toActionResult(async () => {
    const result = await splitFact(await requireActor(), input);
    refresh(result.storyId);
    return { newFactId: result.newFactId };
  });
}

export async function mergeFactsAction(input: unknown): Promise<ActionResult> {
  return toActionResult(async () => {
    const result = await mergeFacts(await requireActor(), input);
    refresh(result.storyId);
    return undefined;
  });
}

export async function moveFactMemberAction(input: unknown): Promise<ActionResult<{ factId: string | null; fromFactRemains: boolean }>> {
  return toActionResult(async () => {
    const result = await moveFactMember(await requireActor(), input);
    refresh(result.storyId);
    return { factId: result.factId, fromFactRemains: result.fromFactRemains };
  });
}

export async function reanalyzeStoryAction(input: unknown): Promise<ActionResult> {
  return toActionResult(async () => {
    const result = await requestStoryReanalysis(await requireActor(), input);
    refresh(result.storyId);
    return undefined;
  });
}

export async function setFactStatusAction(input: unknown): Promise<ActionResult> {
  return toActionResult(async () => {
    const result = await setFactStatus(await requireActor(), input);
    refresh(result.storyId);
    return undefined;
  });
}
