import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { isDomainError } from "@/lib/errors/domain-errors";
import type { ImportChannel } from "@/lib/generated/prisma/enums";
import { MAX_BATCH_BYTES, MAX_BATCH_FILES } from "./parse/limits";
import { parseUpload } from "./parse/parse-upload";
import type { ParsedReport, UploadedFile } from "./parse/types";
import { storeReport, type StoreReportResult } from "./store-report";

export type ImportOutcome = StoreReportResult["outcome"] | "rejected";

/** One line of an import's result: a report from a file, or the reason the file (or item) was refused. */
export type ImportResult = {
  file: string;
  /** 1-based position of the item inside a feed or NewsML message, when the file held several */
  item: number | null;
  outcome: ImportOutcome;
  headline: string | null;
  reportId: string | null;
  version: number | null;
  reason: string | null;
};

export type ImportDefaults = { storyId: string; defaultSource?: string | null };

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Stores one parsed report; expected failures become a "rejected" line, never an exception. */
export async function importParsedReport(
  actor: Actor,
  parsed: ParsedReport,
  defaults: ImportDefaults,
  channel: ImportChannel,
  origin: { file: string; item: number | null },
): Promise<ImportResult> {
  const base = { file: origin.file, item: origin.item, headline: parsed.headline || null };
  const source = parsed.source ?? defaults.defaultSource ?? null;
  if (!source) {
    return { ...base, outcome: "rejected", reportId: null, version: null, reason: "The file does not name its source (agency or outlet); choose a default source for the import." };
  }
  try {
    const stored = await storeReport(
      actor,
      {
        storyId: defaults.storyId,
        source,
        externalId: parsed.externalId,
        headline: parsed.headline,
        byline: parsed.byline,
        dateline: parsed.dateline,
        language: parsed.language,
        url: parsed.url,
        publishedAt: parsed.publishedAt,
        sourceUpdatedAt: parsed.sourceUpdatedAt,
        paragraphs: parsed.paragraphs,
        html: parsed.html,
      },
      channel,
    );
    return { ...base, outcome: stored.outcome, reportId: stored.reportId, version: stored.version, reason: null };
  } catch (error) {
    if (isDomainError(error) && error.kind === "invalid") {
      return { ...base, outcome: "rejected", reportId: null, version: null, reason: error.message };
    }
    throw error;
  }
}

/**
 * Imports a batch of uploaded files into a story. Every file gets its own result lines; a bad
 * file never stops the rest, and each report is stored whole or not at all (one transaction
 * each). Batch limits are checked before anything is parsed.
 */
export async function importUploadedFiles(
  actor: Actor,
  defaults: ImportDefaults,
  files: UploadedFile[],
  channel: ImportChannel,
): Promise<ImportResult[]> {
  assertCan(actor, "report.import");
  if (files.length > MAX_BATCH_FILES) {
    return files.map((file) => ({ file: file.name, item: null, outcome: "rejected", headline: null, reportId: null, version: null, reason: `A batch holds at most ${MAX_BATCH_FILES} files; this one has ${files.length}. Import them in smaller batches.` }));
  }
  const total = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  if (total > MAX_BATCH_BYTES) {
    return files.map((file) => ({ file: file.name, item: null, outcome: "rejected", headline: null, reportId: null, version: null, reason: `The batch is ${describeBytes(total)}; the limit is ${describeBytes(MAX_BATCH_BYTES)}. Import the files in smaller batches.` }));
  }

  const results: ImportResult[] = [];
  for (const file of files) {
    const parsed = parseUpload(file);
    if (!parsed.ok) {
      results.push({ file: file.name, item: null, outcome: "rejected", headline: null, reportId: null, version: null, reason: parsed.error });
      continue;
    }
    const several = parsed.reports.length > 1;
    for (const [index, report] of parsed.reports.entries()) {
      results.push(await importParsedReport(actor, report, defaults, channel, { file: file.name, item: several ? index + 1 : null }));
    }
  }
  return results;
}
