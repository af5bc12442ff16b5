import { parseUpload } from "./parse-upload";
import { type ParsedReport, type UploadedFile } from "./types";

/** One report as the inspection command and the import preview show it: plain JSON values only. */
export type InspectedItem = {
  headline: string | null;
  outlet: string | null;
  byline: string | null;
  /** ISO-8601 instant with its zone, or YYYY-MM-DD when the source gives only a date */
  published: string | null;
  dateline: string | null;
  externalId: string | null;
  version: string | null;
  language: string | null;
  kind: string;
  paragraphs: string[];
  warnings: string[];
};

export type InspectedFile = {
  file: string;
  /** the corpus manifest's format names: ninjs, newsml-g2, nitf, ..., text, other */
  format: string | null;
  error: { code: string; message: string } | null;
  items: InspectedItem[];
};

/** Parses one file as an import would and describes the result as plain JSON. */
export function inspectUpload(file: UploadedFile): InspectedFile {
  const result = parseUpload(file);
  if (!result.ok) return { file: file.name, format: result.format ?? "other", error: { code: "invalid", message: result.error }, items: [] };
  return { file: file.name, format: result.format === "markdown" ? "text" : result.format, error: null, items: result.reports.map(inspectReport) };
}

function inspectReport(report: ParsedReport): InspectedItem {
  return {
    headline: report.headline || null,
    outlet: report.source,
    byline: report.byline,
    published: report.publishedAt ? report.publishedAt.toISOString().replace(".000Z", "Z") : null,
    dateline: report.dateline,
    externalId: report.externalId,
    version: report.sourceVersion,
    language: report.language,
    kind: "text",
    paragraphs: report.paragraphs,
    warnings: [],
  };
}
