"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { toActionResult, type ActionResult } from "@/lib/http/action-result";
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

function refresh(storyId: string) {
  revalidatePath(`/stories/${storyId}`, "layout");
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

export async function addCommentAction(input: { storyId: string; claimId: string; body: string }): Promise<ActionResult<null>> {
  return toActionResult(async () => {
    await addComment(await requireActor(), { claimId: input.claimId, body: input.body });
    refresh(input.storyId);
    return null;
  });
}

export async function bulkAssignAction(input: { storyId: string; claimIds: string[]; assigneeId: string | null }): Promise<ActionResult<{ updated: number; skipped: number }>> {
  return toActionResult(async () => {
    const result = await bulkAssignClaims(await requireActor(), input);
    refresh(input.storyId);
    return result;
  });
}

export async function bulkStatusAction(input: { storyId: string; claimIds: string[]; status: string }): Promise<ActionResult<{ updated: number; skipped: number }>> {
  return toActionResult(async () => {
    const result = await bulkSetClaimStatus(await requireActor(), input);
    refresh(input.storyId);
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

export async function confirmClaimAnchorAction(input: unknown): Promise<ActionResult<null>> {
  return toActionResult(async () => {
    const claim = await confirmClaimAnchor(await requireActor(), input);
    refresh(claim.storyId);
    return null;
  });
}

export async function acceptSuggestionAction(input: { storyId: string; suggestionId: string }): Promise<ActionResult<{ claimId: string }>> {
  return toActionResult(async () => {
    const result = await acceptSuggestion(await requireActor(), { suggestionId: input.suggestionId });
    refresh(input.storyId);
    return result;
  });
}

export async function dismissSuggestionAction(input: { storyId: string; suggestionId: string }): Promise<ActionResult<null>> {
  return toActionResult(async () => {
    await dismissSuggestion(await requireActor(), { suggestionId: input.suggestionId });
    refresh(input.storyId);
    return null;
  });
}
