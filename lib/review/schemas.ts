import { z } from "zod";

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
