import { z } from "zod";
import { ZVersion } from "@/lib/db/optimistic-lock";

/** The kinds of feed source, as the add form offers them. */
export const FEED_KINDS = ["RSS_ATOM", "NINJS", "NEWSML_G2", "FOLDER"] as const;
export type TFeedKind = (typeof FEED_KINDS)[number];

export const FEED_KIND_LABELS: Record<TFeedKind, string> = {
  RSS_ATOM: "RSS or Atom feed",
  NINJS: "ninjs endpoint",
  NEWSML_G2: "NewsML-G2 endpoint",
  FOLDER: "Watched folder",
};

/** Shortest and longest poll interval, in minutes (the worker's scheduler ticks once a minute). */
export const FEED_INTERVAL_MINUTES = { min: 1, max: 1440, default: 5 } as const;

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .nullable()
    .transform((value) => value || null);

/** Adding a feed source to a story. */
export const ZAddFeedSource = z
  .object({
    storyId: z.uuid({ error: "Unknown story." }),
    kind: z.enum(FEED_KINDS, { error: "Choose what kind of source it is." }),
    name: z.string({ error: "Give the source a name." }).trim().min(1, "Give the source a name.").max(120, "The name is at most 120 characters."),
    location: z.string({ error: "Give the feed's URL or folder." }).trim().min(1, "Give the feed's URL or folder.").max(2000, "The URL or folder is at most 2,000 characters."),
    defaultSource: optionalText(200, "The outlet is at most 200 characters."),
    intervalMinutes: z.coerce
      .number({ error: "The interval is a number of minutes." })
      .int("The interval is a whole number of minutes.")
      .min(FEED_INTERVAL_MINUTES.min, `Poll at most once a minute.`)
      .max(FEED_INTERVAL_MINUTES.max, "Poll at least once a day.")
      .default(FEED_INTERVAL_MINUTES.default),
  })
  .superRefine((input, context) => {
    if (input.kind === "FOLDER") return;
    const url = URL.canParse(input.location) ? new URL(input.location) : null;
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
      context.addIssue({ code: "custom", path: ["location"], message: "Give an http:// or https:// URL." });
    } else if (url.username || url.password) {
      context.addIssue({ code: "custom", path: ["location"], message: "A feed URL cannot carry a user name or password." });
    }
  });
export type TAddFeedSource = z.input<typeof ZAddFeedSource>;

/** Pausing or resuming a source (optimistic locking on its version). */
export const ZSetFeedSourcePaused = z.object({
  storyId: z.uuid({ error: "Unknown story." }),
  feedSourceId: z.uuid({ error: "Unknown feed source." }),
  paused: z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]),
  version: ZVersion,
});
export type TSetFeedSourcePaused = z.input<typeof ZSetFeedSourcePaused>;

/** Removing a source; the reports it imported stay. */
export const ZRemoveFeedSource = z.object({
  storyId: z.uuid({ error: "Unknown story." }),
  feedSourceId: z.uuid({ error: "Unknown feed source." }),
});
export type TRemoveFeedSource = z.input<typeof ZRemoveFeedSource>;
