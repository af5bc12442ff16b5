import { z } from "zod";
import { ZVersion } from "@/lib/db/optimistic-lock";

const ZId = (what: string) => z.uuid({ error: `Unknown ${what}.` });

export const ZApproveRevision = z.object({
  storyId: ZId("story"),
  explainerId: ZId("explainer"),
  /** the revision the reviewer read; approving fails if a newer one replaced it */
  revisionId: ZId("revision"),
  comment: z.string().trim().max(8000, "Comments are at most 8,000 characters.").default(""),
});
export type TApproveRevision = z.input<typeof ZApproveRevision>;

export const ZRequestChanges = z.object({
  storyId: ZId("story"),
  explainerId: ZId("explainer"),
  revisionId: ZId("revision"),
  comment: z.string().trim().min(1, "Say what needs to change.").max(8000, "Comments are at most 8,000 characters."),
});
export type TRequestChanges = z.input<typeof ZRequestChanges>;

export const ZAcknowledgeReReview = z.object({
  storyId: ZId("story"),
  explainerId: ZId("explainer"),
  flagId: ZId("re-review flag"),
  /** the explainer's version the reviewer saw */
  version: ZVersion,
  note: z
    .string()
    .trim()
    .min(1, "Say why the explainer still holds (“still holds: the bullet is attributed”).")
    .max(2000, "Notes are at most 2,000 characters."),
});
export type TAcknowledgeReReview = z.input<typeof ZAcknowledgeReReview>;
