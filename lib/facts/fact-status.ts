import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { deriveFactStatus, type DerivedFactStatus, type VerificationStatus } from "@/lib/analysis/facts";

export type FactStatusView = Omit<DerivedFactStatus, "status"> & { status: ClaimStatus; editorStatus: ClaimStatus | null };

const toVerification = (status: ClaimStatus) => status.toLowerCase() as VerificationStatus;

/**
 * A fact's status from all its claims (pending suggestions have none yet), with the breakdown
 * an editor reads ("3 verified, 1 false: disputed"); an editor's explicit status wins.
 */
export function factStatusOf(claimStatuses: readonly ClaimStatus[], editorStatus: ClaimStatus | null): FactStatusView {
  const derived = deriveFactStatus(claimStatuses.map(toVerification), editorStatus ? toVerification(editorStatus) : null);
  return { ...derived, status: derived.status.toUpperCase() as ClaimStatus, editorStatus };
}
