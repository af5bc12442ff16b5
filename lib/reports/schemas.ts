import { z } from "zod";

export const REPORT_TEXT_MAX = 200_000;

/** The normalized shape every ingest channel produces before a report is stored. */
export const ZNormalizedReport = z.object({
  storyId: z.uuid({ error: "Unknown story." }),
  source: z.string().trim().min(1, "Name the source (agency or outlet).").max(200),
  externalId: z.string().trim().min(1).max(500).nullable().default(null),
  headline: z.string().trim().min(1, "A report needs a headline.").max(500),
  byline: z.string().trim().max(300).nullable().default(null),
  dateline: z.string().trim().max(300).nullable().default(null),
  language: z.string().trim().max(35).nullable().default(null),
  url: z.url({ protocol: /^https?$/, error: "Links must be http(s) URLs." }).max(2000).nullable().default(null),
  publishedAt: z.coerce.date().nullable().default(null),
  sourceUpdatedAt: z.coerce.date().nullable().default(null),
  paragraphs: z.array(z.string().max(REPORT_TEXT_MAX)).min(1, "The report has no body text."),
  /** markup for display; sanitized again on store whatever its origin */
  html: z.string().max(REPORT_TEXT_MAX * 4).nullable().default(null),
});
export type TNormalizedReport = z.input<typeof ZNormalizedReport>;
