import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors/domain-errors";
import { type ClaimDetail, loadClaimDetail } from "./claim-view";
import { isUuid } from "@/lib/http/uuid";

/** One claim of a story with its evidence, history and comments; a claim of another story is not found. */
export async function getClaim(actor: Actor, storyId: string, claimId: string): Promise<ClaimDetail> {
  assertCan(actor, "story.read");
  if (!isUuid(storyId) || !isUuid(claimId)) throw notFound("That claim");
  const detail = await loadClaimDetail(db, claimId, { storyId });
  if (!detail) throw notFound("That claim");
  return detail;
}
