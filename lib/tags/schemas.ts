import { z } from "zod";
import { ZVersion } from "@/lib/db/optimistic-lock";

const ZId = (what: string) => z.uuid({ error: `Unknown ${what}.` });

/** Merge `tagId` into `intoTagId`: every spelling of the first becomes a spelling of the second. */
export const ZMergeTags = z.object({
  storyId: ZId("story"),
  tagId: ZId("tag"),
  version: ZVersion,
  intoTagId: ZId("tag"),
  intoVersion: ZVersion,
});
export type TMergeTags = z.input<typeof ZMergeTags>;

/** Split one spelling off a tag into a tag of its own. */
export const ZSplitTagAlias = z.object({
  storyId: ZId("story"),
  tagId: ZId("tag"),
  version: ZVersion,
  aliasId: ZId("spelling"),
});
export type TSplitTagAlias = z.input<typeof ZSplitTagAlias>;
