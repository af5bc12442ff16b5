import { z } from "zod";
import { ZVersion } from "@/lib/db/optimistic-lock";

/**
 * Inputs of editors' decisions on facts, shared by the domain functions and the Facts tab's
 * forms. A fact's "members" are its claims and pending suggestions; both are addressed by id.
 */

const ZId = (what: string) => z.uuid({ error: `Unknown ${what}.` });

export const ZConfirmFact = z.object({ storyId: ZId("story"), factId: ZId("fact"), version: ZVersion });

/** `status` null: derive the fact's status from its claims again. */
export const ZSetFactStatus = z.object({
  storyId: ZId("story"),
  factId: ZId("fact"),
  version: ZVersion,
  status: z.enum(["UNVERIFIED", "IN_PROGRESS", "VERIFIED", "DISPUTED", "FALSE", "UNVERIFIABLE"], { error: "Choose a status." }).nullable(),
});
export type TConfirmFact = z.input<typeof ZConfirmFact>;

export const ZSplitFact = z.object({
  storyId: ZId("story"),
  factId: ZId("fact"),
  version: ZVersion,
  memberIds: z.array(ZId("claim")).min(1, "Choose the claims that go to the new fact.").max(500, "At most 500 claims at once."),
});
export type TSplitFact = z.input<typeof ZSplitFact>;

export const ZMergeFacts = z
  .object({
    storyId: ZId("story"),
    /** the fact that stays */
    factId: ZId("fact"),
    version: ZVersion,
    /** the fact whose claims join it; it disappears */
    otherFactId: ZId("fact"),
    otherVersion: ZVersion,
  })
  .refine((data) => data.factId !== data.otherFactId, { error: "Choose a different fact to merge with.", path: ["otherFactId"] });
export type TMergeFacts = z.input<typeof ZMergeFacts>;

export const ZMoveFactMember = z.object({
  storyId: ZId("story"),
  memberId: ZId("claim"),
  /** where the claim is now (null: in no fact) and that fact's version, as the editor saw them */
  fromFactId: ZId("fact").nullable(),
  fromVersion: ZVersion.nullable(),
  /** null takes the claim out of any fact */
  toFactId: ZId("fact").nullable(),
});
export type TMoveFactMember = z.input<typeof ZMoveFactMember>;

export const ZReanalyzeStory = z.object({ storyId: ZId("story") });

export const FACT_SORTS = ["most_sources", "least_sources", "conflicts", "newest"] as const;
export type FactSort = (typeof FACT_SORTS)[number];
export const FACT_FILTERS = ["corroborated", "conflicts", "single_source", "confirmed", "suggested", "all"] as const;
export type FactFilter = (typeof FACT_FILTERS)[number];

export const ZListFacts = z.object({
  sort: z.enum(FACT_SORTS).catch("most_sources"),
  filter: z.enum(FACT_FILTERS).catch("corroborated"),
});
