import { z } from "zod";
import { queryText, visibleText } from "@/lib/text/visible-text-schema";
import { ZVersion } from "@/lib/db/optimistic-lock";

// invisible and bidi-control characters are stripped, as in claims and explainers (lib/text)
export const ZStoryTitle = visibleText({ error: "Enter a title." })
  .trim()
  .min(1, "Enter a title.")
  .max(200, "Titles are at most 200 characters.");

export const ZStoryDescription = visibleText().trim().max(2000, "Descriptions are at most 2,000 characters.").default("");

export const ZCreateStory = z.object({ title: ZStoryTitle, description: ZStoryDescription });
export type TCreateStory = z.infer<typeof ZCreateStory>;

const ZStoryRef = { storyId: z.uuid({ error: "Unknown story." }), version: ZVersion };

export const ZRenameStory = z.object({ ...ZStoryRef, title: ZStoryTitle, description: ZStoryDescription });
export type TRenameStory = z.infer<typeof ZRenameStory>;

export const ZSetStoryArchived = z.object({ ...ZStoryRef, archived: z.boolean() });
export type TSetStoryArchived = z.infer<typeof ZSetStoryArchived>;

export const STORY_LIST_PAGE_SIZE = 50;

export const ZStoryListQuery = z.object({
  status: z.enum(["active", "archived"]).catch("active"),
  q: queryText().transform((value) => value ?? ""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type TStoryListQuery = z.infer<typeof ZStoryListQuery>;
