"use server";
import { acknowledgeClaimFlag } from "@/lib/claims/acknowledge-claim-flag";
import { confirmClaimReading } from "@/lib/claims/confirm-claim-reading";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { inputField, toActionResult, type ActionResult } from "@/lib/http/action-result";
import { isUuid } from "@/lib/http/uuid";
import { addEvidence } from "@/lib/claims/add-evidence";
import { assignClaim } from "@/lib/claims/assign-claim";
import { bulkAssignClaims, bulkSetClaimStatus } from "@/lib/claims/bulk-update-claims";
import { addComment } from "@/lib/claims/comments";
import { editClaim } from "@/lib/claims/edit-claim";
import { setClaimStatus } from "@/lib/claims/set-claim-status";
import { confirmClaimAnchor, reattachClaim, retireClaim } from "@/lib/claims/resolve-anchor";
import { acceptSuggestion, dismissSuggestion } from "@/lib/claims/suggestions";
import { tagClaim } from "@/lib/claims/tag-claim";

// Thin wrappers: every rule (permissions, evidence, optimistic locking) lives in lib/claims.

// the story id of comment and suggestion actions only names the page to refresh; it is never
// trusted for access (the domain finds the story from the claim), and an odd one refreshes nothing
function refresh(storyId: string | undefined) {
  if (isUuid(storyId)) revalidatePath(`/stories/${storyId}`, "layout");
}

export async function tagClaimAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return toActionResult(async () => {
    const claim = await tagClaim(await requireActor(), input);
    refresh(claim.storyId);
    return { id: claim.id };
  });
}

export async function setClaimStatusAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return toActionResult(async () => {
    const claim = await setClaimStatus(await requireActor(), input);
    refresh(claim.storyId);
    return { version: claim.version };
  });
}

export async function addEvidenceAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return toActionResult(async () => {
    const claim = await addEvidence(await requireActor(), input);
    refresh(claim.storyId);
    return { version: claim.version };
  });
}

export async function assignClaimAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return toActionResult(async () => {
    const claim = await assignClaim(await requireActor(), input);
    refresh(claim.storyId);
    return { version: claim.version };
  });
}

export async function editClaimAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return toActionResult(async () => {
    const claim = await editClaim(await requireActor(), input);
    refresh(claim.storyId);
    return { version: claim.version };
  });
}

export async function addCommentAction(input: unknown): Promise<ActionResult<null>> {
  return toActionResult(async () => {
    await addComment(await requireActor(), { claimId: inputField(input, "claimId"), body: inputField(input, "body") });
    refresh(inputField(input, "storyId"));
    return null;
  });
}

export async function bulkAssignAction(input: unknown): Promise<ActionResult<{ updated: number; skipped: number }>> {
  return toActionResult(async () => {
    const result = await bulkAssignClaims(await requireActor(), input);
    refresh(inputField(input, "storyId"));
    return result;
  });
}

export async function bulkStatusAction(input: unknown): Promise<ActionResult<{ updated: number; skipped: number }>> {
  return toActionResult(async () => {
    const result = await bulkSetClaimStatus(await requireActor(), input);
    refresh(inputField(input, "storyId"));
    return result;
  });
}

export async function reattachClaimAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return toActionResult(async () => {
    const claim = await reattachClaim(await requireActor(), input);
    refresh(claim.storyId);
    return { id: claim.id };
  });
}

export async function retireClaimAction(input: unknown): Promise<ActionResult<null>> {
  return toActionResult(async () => {
    const claim = await retireClaim(await requireActor(), input);
    refresh(claim.storyId);
    return null;
  });
}

export async function acknowledgeClaimFlagAction(input: unknown): Promise<ActionResult<null>> {
  return toActionResult(async () => {
    const claim = await acknowledgeClaimFlag(await requireActor(), input);
    refresh(claim.storyId);
    return null;
  });
}

export async function confirmClaimReadingAction(input: unknown): Promise<ActionResult<null>> {
  return toActionResult(async () => {
    const claim = await confirmClaimReading(await requireActor(), input);
    refresh(claim.storyId);
    return null;
  });
}

export async function confirmClaimAnchorAction(input: unknown): Promise<ActionResult<null>> {
  return toActionResult(async () => {
    const claim = await confirmClaimAnchor(await requireActor(), input);
    refresh(claim.storyId);
    return null;
  });
}

export async function acceptSuggestionAction(input: unknown): Promise<ActionResult<{ claimId: string }>> {
  return toActionResult(async () => {
    const mergeInto = inputField(input, "mergeInto");
    const result = await acceptSuggestion(await requireActor(), { suggestionId: inputField(input, "suggestionId"), ...(mergeInto ? { mergeInto } : {}) });
    refresh(inputField(input, "storyId"));
    return result;
  });
}

export async function dismissSuggestionAction(input: unknown): Promise<ActionResult<null>> {
  return toActionResult(async () => {
    await dismissSuggestion(await requireActor(), { suggestionId: inputField(input, "suggestionId") });
    refresh(inputField(input, "storyId"));
    return null;
  });
}
