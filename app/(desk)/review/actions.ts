"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { toActionResult, type ActionResult } from "@/lib/http/action-result";
import { approveRevision, requestChanges } from "@/lib/review/decide-revision";
import { acknowledgeReReview } from "@/lib/review/acknowledge-re-review";

// Thin wrappers: four eyes, permissions and state checks live in lib/review.

export async function approveRevisionAction(input: unknown): Promise<ActionResult<{ state: string }>> {
  return toActionResult(async () => {
    const result = await approveRevision(await requireActor(), input);
    revalidatePath("/review", "layout");
    return { state: result.state };
  });
}

export async function requestChangesAction(input: unknown): Promise<ActionResult<{ state: string }>> {
  return toActionResult(async () => {
    const result = await requestChanges(await requireActor(), input);
    revalidatePath("/review", "layout");
    return { state: result.state };
  });
}

export async function acknowledgeReReviewAction(input: unknown): Promise<ActionResult<{ openFlags: number }>> {
  return toActionResult(async () => {
    const result = await acknowledgeReReview(await requireActor(), input);
    revalidatePath("/review", "layout");
    return { openFlags: result.openFlags };
  });
}
