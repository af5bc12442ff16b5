/**
 * What the HTTP ingest endpoint accepts, before anything touches the database: the media types,
 * how a JSON object is told apart as raw ninjs, and the normalized report shape (the fields of
 * ZNormalizedReport except the story, which comes from the URL, plus `body` as one string).
 * Pure, so it is unit-tested without a server.
 */
import { z } from "zod";
import { MAX_FILE_BYTES } from "@/lib/reports/upload-limits";
import { REPORT_TEXT_MAX, ZNormalizedReport } from "@/lib/reports/schemas";

/** Largest request body: a request body is one "file", so the per-file upload limit applies. */
export const API_BODY_MAX_BYTES = MAX_FILE_BYTES;

/** Most reports in one JSON array; larger batches go in several requests. */
export const API_MAX_ITEMS = 100;

export type IngestFormat = "json" | "xml";

/** The format a Content-Type announces, or null for anything the endpoint does not take. */
export function ingestFormatOf(contentType: string | null | undefined): IngestFormat | null {
  const mediaType = (contentType ?? "").split(";", 1)[0]!.trim().toLowerCase();
  if (mediaType === "application/json" || /^application\/[\w.+-]+\+json$/.test(mediaType)) return "json";
  if (mediaType === "application/xml" || mediaType === "text/xml" || /^application\/[\w.+-]+\+xml$/.test(mediaType)) return "xml";
  return null;
}

/** The charset parameter of a Content-Type, lower-cased, or null when none is given. */
export function charsetOf(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? "");
  return match?.[1]?.toLowerCase() ?? null;
}

/** Keys only ninjs (1.x, 2.x or 3.x) uses; the normalized shape has none of them. */
const NINJS_KEYS = ["uri", "body_text", "body_html", "bodies", "versioncreated", "versionCreated", "headlines", "firstcreated", "firstCreated"];

export function looksLikeNinjs(item: Record<string, unknown>): boolean {
  return NINJS_KEYS.some((key) => Object.hasOwn(item, key));
}

/** Paragraphs of a plain-text body: split on blank lines, each trimmed, empty ones dropped. */
export function paragraphsOf(body: string): string[] {
  return body
    .split(/\r?\n[ \t]*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}

const ACCEPTED_FIELDS =
  "source, externalId, headline, byline, dateline, language, url, publishedAt, sourceUpdatedAt, and body or paragraphs";

const isoDate = (field: string) =>
  z.coerce.date({ error: `${field} must be an ISO 8601 date and time, e.g. 2026-06-02T09:30:00Z.` }).nullable().default(null);

/** The normalized report as a client sends it; unknown fields are refused rather than dropped. */
export const ZApiReport = z
  .strictObject(
    {
      ...ZNormalizedReport.pick({
        source: true,
        externalId: true,
        headline: true,
        byline: true,
        dateline: true,
        language: true,
        url: true,
      }).shape,
      publishedAt: isoDate("publishedAt"),
      sourceUpdatedAt: isoDate("sourceUpdatedAt"),
      body: z.string({ error: "body must be a string; separate paragraphs with a blank line." }).max(REPORT_TEXT_MAX).optional(),
      paragraphs: z.array(z.string({ error: "paragraphs must be strings." }).max(REPORT_TEXT_MAX), { error: "paragraphs must be an array of strings." }).optional(),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((key) => `“${key}”`).join(", ")}. Send ${ACCEPTED_FIELDS}.` : undefined) },
  )
  .superRefine((value, context) => {
    if (value.body !== undefined && value.paragraphs !== undefined) {
      context.addIssue({ code: "custom", path: ["body"], message: "Send either body or paragraphs, not both." });
    } else if (value.body === undefined && value.paragraphs === undefined) {
      context.addIssue({ code: "custom", path: ["body"], message: "The report has no body: send body (a string) or paragraphs (an array of strings)." });
    } else if (value.body !== undefined && paragraphsOf(value.body).length === 0) {
      context.addIssue({ code: "custom", path: ["body"], message: "The report body is empty." });
    }
  })
  .transform(({ body, paragraphs, ...rest }) => ({ ...rest, paragraphs: paragraphs ?? paragraphsOf(body ?? "") }));
export type TApiReport = z.input<typeof ZApiReport>;
