import { z } from "zod";
import { ZVersion } from "@/lib/db/optimistic-lock";

export const REPORT_TEXT_MAX = 200_000;
/** Why an over-long report is refused, whichever limit (text or markup) it reached first. */
export const REPORT_TOO_LONG = `The report is longer than ${REPORT_TEXT_MAX.toLocaleString("en")} characters: import the article itself, not a whole page, archive or live blog.`;

export const ZParagraphKind = z.enum(["paragraph", "bullet", "subhead"]);

/** The normalized shape every ingest channel produces before a report is stored. */
export const ZNormalizedReport = z.object({
  storyId: z.uuid({ error: "Unknown story." }),
  source: z.string().trim().min(1, "Name the source (agency or outlet).").max(200),
  externalId: z.string().trim().min(1).max(500).nullable().default(null),
  headline: z.string().trim().min(1, "A report needs a headline.").max(500),
  /** the standfirst under the headline; kept beside the text, never in it */
  dek: z.string().trim().max(500).nullable().default(null),
  byline: z.string().trim().max(300).nullable().default(null),
  dateline: z.string().trim().max(300).nullable().default(null),
  language: z.string().trim().max(35).nullable().default(null),
  url: z.url({ protocol: /^https?$/, error: "Links must be http(s) URLs." }).max(2000).nullable().default(null),
  publishedAt: z.coerce.date().nullable().default(null),
  sourceUpdatedAt: z.coerce.date().nullable().default(null),
  /** empty for a headline-only item (a flash): stored with no body, so no claim can be tagged in it */
  paragraphs: z.array(z.string().max(REPORT_TEXT_MAX, REPORT_TOO_LONG)).default([]),
  /** per paragraph: running text, a list item or a sub-head; missing entries are running text */
  paragraphKinds: z.array(ZParagraphKind).max(100_000).default([]),
  /** markup for display; sanitized again on store whatever its origin */
  html: z.string().max(REPORT_TEXT_MAX * 4, REPORT_TOO_LONG).nullable().default(null),
  /** what the item is: a correction becomes a version that says so; an embargoed item is held */
  kind: z.enum(["text", "correction", "embargoed"]).default("text"),
  /** when an embargoed item may be published */
  embargoedUntil: z.coerce.date().nullable().default(null),
  /** an agency the text credits; a source of the report, not its outlet */
  credit: z.string().trim().max(200).nullable().default(null),
  /** the source's words for a correction ("Corrects spelling of minister's name") */
  correctionNote: z.string().trim().max(1000).nullable().default(null),
});
export type TNormalizedReport = z.input<typeof ZNormalizedReport>;
export type TParagraphKind = z.infer<typeof ZParagraphKind>;

/** A kill notice as the import path hands it over: which report it withdraws, and its words. */
export const ZKillNotice = z.object({
  storyId: z.uuid({ error: "Unknown story." }),
  source: z.string().trim().min(1).max(200).nullable().default(null),
  externalId: z.string().trim().min(1).max(500).nullable().default(null),
  note: z.string().trim().max(1000).default(""),
});
export type TKillNotice = z.input<typeof ZKillNotice>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .transform((value) => (value.length > 0 ? value : null))
    .nullable();

/**
 * An editor's correction of a report's metadata after import. `version` is the report's
 * optimistic-lock counter as the form last saw it.
 */
export const ZCorrectReportMetadata = z.object({
  storyId: z.uuid({ error: "Unknown story." }),
  reportId: z.uuid({ error: "Unknown report." }),
  version: ZVersion,
  headline: z.string().trim().min(1, "A report needs a headline.").max(500, "At most 500 characters."),
  source: z.string().trim().min(1, "Name the source (agency or outlet).").max(200, "At most 200 characters."),
  /** absent: keep the dek as it is (forms and API clients that predate it) */
  dek: optionalText(500).optional(),
  byline: optionalText(300),
  dateline: optionalText(300),
  language: z
    .string()
    .trim()
    .max(35)
    .refine((value) => value === "" || /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(value), "Use a language code such as en, fr or pt-BR.")
    .transform((value) => (value.length > 0 ? value : null))
    .nullable(),
  /** an ISO-8601 instant, a form's datetime-local value (read as UTC), or empty for none */
  publishedAt: z
    .string()
    .trim()
    .refine((value) => value === "" || !Number.isNaN(Date.parse(withZone(value))), "Enter a date and time, e.g. 2026-03-04T08:00.")
    .transform((value) => (value === "" ? null : new Date(withZone(value))))
    .nullable(),
});
export type TCorrectReportMetadata = z.input<typeof ZCorrectReportMetadata>;

/** A datetime-local value has no zone; the desk reads it as UTC, like zone-less wire times. */
function withZone(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value) ? `${value}Z` : value;
}

/**
 * What an editor changed in the import preview, per item of a file: the same fields as a
 * metadata correction, each optional (absent: keep what the parser found).
 */
export const ZImportOverride = z.object({
  item: z.number().int().min(0).max(10_000),
  headline: z.string().trim().min(1, "A report needs a headline.").max(500, "At most 500 characters.").optional(),
  source: z.string().trim().min(1, "Name the source (agency or outlet).").max(200, "At most 200 characters.").optional(),
  dek: optionalText(500).optional(),
  byline: optionalText(300).optional(),
  dateline: optionalText(300).optional(),
  language: ZCorrectReportMetadata.shape.language.optional(),
  publishedAt: ZCorrectReportMetadata.shape.publishedAt.optional(),
});
export const ZImportOverrides = z.array(ZImportOverride).max(1000);
export type TImportOverride = z.input<typeof ZImportOverride>;
export type TImportOverrideValue = z.output<typeof ZImportOverride>;
