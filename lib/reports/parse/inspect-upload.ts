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
  /** the standfirst under the headline, or null */
  dek: string | null;
  paragraphs: string[];
  /** per paragraph: "paragraph", "bullet" or "subhead" */
  paragraphKinds: string[];
  warnings: string[];
};

export type InspectedFile = {
  file: string;
  /** the corpus manifest's format names: ninjs, newsml-g2, nitf, ..., text, other */
  format: string | null;
  error: { code: string; message: string } | null;
  items: InspectedItem[];
  /** items of a feed or message left out, each with its reason */
  skipped: string[];
};

/** Parses one file as an import would and describes the result as plain JSON. */
export function inspectUpload(file: UploadedFile): InspectedFile {
  const result = parseUpload(file);
  if (!result.ok) return { file: file.name, format: result.format ?? "other", error: { code: result.code, message: result.error }, items: [], skipped: [] };
  return {
    file: file.name,
    format: result.format === "markdown" ? "text" : result.format,
    error: null,
    items: result.reports.map(inspectReport),
    skipped: result.skipped,
  };
}

/** One parsed report as plain JSON values. */
export function inspectReport(report: ParsedReport): InspectedItem {
  return {
    headline: report.headline || null,
    outlet: report.source,
    byline: report.byline,
    published: publishedText(report),
    dateline: report.dateline,
    externalId: report.externalId,
    version: report.sourceVersion,
    language: report.language,
    kind: report.kind,
    dek: report.dek,
    paragraphs: report.paragraphs,
    paragraphKinds: report.paragraphKinds,
    warnings: report.warnings,
  };
}

function publishedText(report: ParsedReport): string | null {
  if (!report.publishedAt) return null;
  const iso = report.publishedAt.toISOString();
  return report.publishedPrecision === "date" ? iso.slice(0, 10) : iso.replace(".000Z", "Z");
}
