import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { invalid } from "@/lib/errors/domain-errors";
import { batchLimitReason } from "./import-files";
import { inspectReport, type InspectedItem } from "./parse/inspect-upload";
import { parseUploadOffThread } from "./parse-off-thread";
import type { ParseResult, UploadedFile } from "./parse/types";

/** Paragraphs of running text each item's preview shows: enough to recognise the report. */
export const PREVIEW_PARAGRAPHS = 3;
/** Bullets and sub-heads among them are shown too, up to this many paragraphs in all. */
const PREVIEW_MAX_BLOCKS = 8;

/** One item of a file as the import preview shows it before anything is stored. */
export type PreviewItem = Omit<InspectedItem, "paragraphs" | "paragraphKinds"> & {
  paragraphCount: number;
  bulletCount: number;
  subheadCount: number;
  /** the first few paragraphs, with the bullets and sub-heads between them */
  paragraphs: string[];
  /** the kind of each of those paragraphs */
  paragraphKinds: string[];
  credit: string | null;
  /** ISO-8601, when an embargoed item may be published */
  embargoedUntil: string | null;
};

export type PreviewFile = {
  file: string;
  format: string | null;
  error: { code: string; message: string } | null;
  items: PreviewItem[];
  /** feed entries the parser left out, each with its reason: they will not be imported */
  skipped: string[];
};

/**
 * Parses uploaded files exactly as an import would, and writes nothing: what the editor checks
 * and edits before importing. The same permission and batch limits as the import apply.
 */
export async function previewUploadedFiles(actor: Actor, files: UploadedFile[]): Promise<PreviewFile[]> {
  assertCan(actor, "report.import");
  if (files.length === 0) throw invalid("Choose at least one file to preview.");
  const limit = batchLimitReason(files);
  if (limit) throw invalid(limit);
  const results: ParseResult[] = [];
  // one at a time: a batch of large files queues behind itself, not in front of other editors
  for (const file of files) results.push(await parseUploadOffThread(file));
  return files.map((file, index) => {
    const result = results[index]!;
    if (!result.ok) return { file: file.name, format: result.format ?? "other", error: { code: result.code, message: result.error }, items: [], skipped: [] };
    return {
      file: file.name,
      format: result.format === "markdown" ? "text" : result.format,
      error: null,
      skipped: result.skipped,
      items: result.reports.map((report) => {
        const inspected = inspectReport(report);
        const shown = previewLength(report.paragraphKinds);
        return {
          ...inspected,
          paragraphCount: report.paragraphs.length,
          bulletCount: report.paragraphKinds.filter((kind) => kind === "bullet").length,
          subheadCount: report.paragraphKinds.filter((kind) => kind === "subhead").length,
          paragraphs: report.paragraphs.slice(0, shown),
          paragraphKinds: report.paragraphKinds.slice(0, shown),
          credit: report.credit,
          embargoedUntil: report.embargoedUntil?.toISOString() ?? null,
        };
      }),
    };
  });
}

/** How many leading paragraphs hold the first PREVIEW_PARAGRAPHS of running text (bounded). */
function previewLength(kinds: readonly string[]): number {
  let running = 0;
  for (let index = 0; index < Math.min(kinds.length, PREVIEW_MAX_BLOCKS); index++) {
    if (kinds[index] === "paragraph") running += 1;
    if (running === PREVIEW_PARAGRAPHS) return index + 1;
  }
  return Math.min(kinds.length, PREVIEW_MAX_BLOCKS);
}
