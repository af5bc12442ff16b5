import type { ClaimStatus, ExplainerState } from "@/lib/generated/prisma/enums";

type Tone = "neutral" | "accent" | "ok" | "warn" | "danger";

/** Order, label and tone of each verification status, used everywhere a status is shown. */
export const CLAIM_STATUS_META: Record<ClaimStatus, { label: string; tone: Tone }> = {
  UNVERIFIED: { label: "Unverified", tone: "neutral" },
  IN_PROGRESS: { label: "In progress", tone: "accent" },
  VERIFIED: { label: "Verified", tone: "ok" },
  DISPUTED: { label: "Disputed", tone: "warn" },
  FALSE: { label: "False", tone: "danger" },
  UNVERIFIABLE: { label: "Unverifiable", tone: "neutral" },
};
export const CLAIM_STATUS_ORDER = Object.keys(CLAIM_STATUS_META) as ClaimStatus[];

export const EXPLAINER_STATE_META: Record<ExplainerState, { label: string; tone: Tone }> = {
  DRAFT: { label: "Draft", tone: "neutral" },
  IN_REVIEW: { label: "In review", tone: "accent" },
  CHANGES_REQUESTED: { label: "Changes requested", tone: "warn" },
  APPROVED: { label: "Approved", tone: "ok" },
  PUBLISHED: { label: "Published", tone: "ok" },
  UNPUBLISHED: { label: "Unpublished", tone: "neutral" },
};
export const EXPLAINER_STATE_ORDER = Object.keys(EXPLAINER_STATE_META) as ExplainerState[];
