import { z } from "zod";
import { queryText, visibleText } from "@/lib/text/visible-text-schema";
import { CLAIM_STATUS_ORDER } from "./status-meta";
import { ZVersion } from "@/lib/db/optimistic-lock";

/**
 * Shared input schemas for the claims area: the domain functions validate with them, and the
 * forms use the same ones for instant feedback. Text people write (statements, attributions,
 * notes, comments) is `visibleText`: invisible and bidi-control characters are stripped, so a
 * reviewer reads exactly what is stored.
 */

const ZId = (what: string) => z.uuid({ error: `Unknown ${what}.` });

export const ZClaimStatus = z.enum(CLAIM_STATUS_ORDER as [string, ...string[]], { error: "Choose a verification status." }).transform(
  (value) => value as (typeof CLAIM_STATUS_ORDER)[number],
);

/** Statuses that need a rationale and at least one piece of evidence. */
export const STATUSES_NEEDING_EVIDENCE = ["VERIFIED", "FALSE", "DISPUTED"] as const;
/** Statuses a bulk change may set (none of them needs evidence). */
export const BULK_STATUSES = ["UNVERIFIED", "IN_PROGRESS", "UNVERIFIABLE"] as const;

export const TAG_KINDS = ["PLACE", "ACTOR", "ORGANIZATION", "OUTLET", "OTHER"] as const;
export const ZClaimTag = z.object({
  kind: z.enum(TAG_KINDS),
  value: visibleText().trim().min(1, "Tags cannot be empty.").max(200, "Tags are at most 200 characters."),
});

export const ZEvidence = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("LINK"),
    url: z.url({ protocol: /^https?$/, error: "Evidence links must be http(s) URLs." }).max(2000),
    title: visibleText().trim().min(1, "Give the link a title.").max(500),
    note: visibleText().trim().max(4000).optional(),
  }),
  z.object({ kind: z.literal("NOTE"), note: visibleText().trim().min(1, "Write the note.").max(4000, "Notes are at most 4,000 characters.") }),
  z.object({ kind: z.literal("CLAIM"), relatedClaimId: ZId("claim"), note: visibleText().trim().max(4000).optional() }),
  z.object({ kind: z.literal("REPORT"), relatedReportId: ZId("report"), note: visibleText().trim().max(4000).optional() }),
]);
export type TEvidence = z.infer<typeof ZEvidence>;

export const ZTagClaim = z.object({
  storyId: ZId("story"),
  reportId: ZId("report"),
  /** the report version the editor was reading; offsets index its canonical text */
  reportVersion: z.coerce.number().int().min(1),
  start: z.coerce.number().int().min(0),
  end: z.coerce.number().int().min(1),
  statement: visibleText().trim().min(1, "Write the claim as a short statement.").max(1000, "Statements are at most 1,000 characters."),
  attribution: visibleText().trim().max(500, "Attributions are at most 500 characters.").optional().nullable(),
  tags: z.array(ZClaimTag).max(30, "At most 30 tags.").default([]),
  assigneeId: ZId("person").optional().nullable(),
});
export type TTagClaim = z.input<typeof ZTagClaim>;

export const ZSetClaimStatus = z.object({
  claimId: ZId("claim"),
  version: ZVersion,
  status: ZClaimStatus,
  rationale: visibleText().trim().max(4000, "Rationales are at most 4,000 characters.").optional().nullable(),
  /** new evidence added together with the status change */
  evidence: ZEvidence.optional().nullable(),
});
export type TSetClaimStatus = z.input<typeof ZSetClaimStatus>;

export const ZAddEvidence = z.object({ claimId: ZId("claim"), evidence: ZEvidence });
export type TAddEvidence = z.input<typeof ZAddEvidence>;

export const ZAssignClaim = z.object({ claimId: ZId("claim"), version: ZVersion, assigneeId: ZId("person").nullable() });
export type TAssignClaim = z.input<typeof ZAssignClaim>;

export const ZEditClaim = z.object({
  claimId: ZId("claim"),
  version: ZVersion,
  statement: ZTagClaim.shape.statement,
  attribution: ZTagClaim.shape.attribution,
  tags: ZTagClaim.shape.tags,
});
export type TEditClaim = z.input<typeof ZEditClaim>;

export const ZBulkAssign = z.object({
  storyId: ZId("story"),
  claimIds: z.array(ZId("claim")).min(1, "Select at least one claim.").max(500),
  assigneeId: ZId("person").nullable(),
});
export const ZBulkStatus = z.object({
  storyId: ZId("story"),
  claimIds: z.array(ZId("claim")).min(1, "Select at least one claim.").max(500),
  status: z.enum(BULK_STATUSES, { error: "Bulk changes can set only unverified, in progress or unverifiable; the others need evidence per claim." }),
});

export const ZAddComment = z.object({
  claimId: ZId("claim"),
  body: visibleText().trim().min(1, "Write a comment.").max(8000, "Comments are at most 8,000 characters."),
});

export const BOARD_PAGE_SIZE = 100;
export const BOARD_SORTS = ["updated", "status", "report", "created"] as const;

/** Board filters; bad values fall back to "no filter" so a stale URL never errors. */
export const ZBoardQuery = z.object({
  status: z.enum(CLAIM_STATUS_ORDER as [string, ...string[]]).optional().catch(undefined),
  /** "me", "none" or a person's id */
  assignee: z.union([z.literal("me"), z.literal("none"), z.uuid()]).optional().catch(undefined),
  source: z.uuid().optional().catch(undefined),
  tag: queryText(),
  q: queryText(),
  anchor: z.enum(["orphaned", "fuzzy"]).optional().catch(undefined),
  sort: z.enum(BOARD_SORTS).catch("updated").default("updated"),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});
export type TBoardQuery = z.infer<typeof ZBoardQuery>;

export const ZReattachClaim = z.object({
  claimId: ZId("claim"),
  version: ZVersion,
  /** the report version the editor selected in; must be the report's current one */
  reportVersion: z.coerce.number().int().min(1),
  start: z.coerce.number().int().min(0),
  end: z.coerce.number().int().min(1),
});
export type TReattachClaim = z.input<typeof ZReattachClaim>;

export const ZRetireClaim = z.object({
  claimId: ZId("claim"),
  version: ZVersion,
  reason: visibleText().trim().min(1, "Say why the claim is retired.").max(1000, "Reasons are at most 1,000 characters."),
});
export type TRetireClaim = z.input<typeof ZRetireClaim>;

export const ZConfirmClaimAnchor = z.object({ claimId: ZId("claim"), version: ZVersion });

/** An editor has seen why a claim was flagged (its report was killed) and clears the flag. */
export const ZAcknowledgeClaimFlag = z.object({
  claimId: ZId("claim"),
  version: ZVersion,
});
export type TAcknowledgeClaimFlag = z.input<typeof ZAcknowledgeClaimFlag>;

/** An editor has checked a claim's garbled passage against the original and it says what the claim says. */
export const ZConfirmClaimReading = z.object({
  claimId: ZId("claim"),
  version: ZVersion,
});
export type TConfirmClaimReading = z.input<typeof ZConfirmClaimReading>;
