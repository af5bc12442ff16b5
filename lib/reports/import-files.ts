import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { isDatabaseUnavailable } from "@/lib/db/prisma-errors";
import { isDomainError } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import type { ImportChannel } from "@/lib/generated/prisma/enums";
import { killReport } from "./kill-report";
import { MAX_BATCH_BYTES, MAX_BATCH_FILES } from "./upload-limits";
import { parseUploadOffThread } from "./parse-off-thread";
import type { ParsedReport, ParseResult, UploadedFile } from "./parse/types";
import { ZImportOverride, ZImportOverrides, type TImportOverrideValue } from "./schemas";
import { storeReport, type StoreReportResult } from "./store-report";

export type ImportOutcome = StoreReportResult["outcome"] | "killed" | "rejected";

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
  /** when a held (embargoed) report is released, as ISO-8601 */
  embargoedUntil?: string | null;
};

export type ImportDefaults = { storyId: string; defaultSource?: string | null };

/** What the editor changed in the preview of one file, by item (0-based). */
export type FileOverrides = TImportOverrideValue[];

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The refusal every file of an oversized batch gets, or null when the batch is within the limits. */
export function batchLimitReason(files: readonly UploadedFile[]): string | null {
  if (files.length > MAX_BATCH_FILES) return `A batch holds at most ${MAX_BATCH_FILES} files; this one has ${files.length}. Import them in smaller batches.`;
  const total = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  if (total > MAX_BATCH_BYTES) return `The batch is ${describeBytes(total)}; the limit is ${describeBytes(MAX_BATCH_BYTES)}. Import the files in smaller batches.`;
  return null;
}

const FIELD_LABELS: Record<string, string> = { headline: "Headline", source: "Outlet", byline: "Byline", dateline: "Dateline", language: "Language", publishedAt: "Published", item: "Item" };

/**
 * The editor's preview edits for one file, validated item by item with the schema the preview
 * form uses: a bad edit refuses its own item (with the field named), never the whole batch.
 * Key -1 refuses every item of the file (the edits could not be read at all).
 */
function readOverrides(given: unknown): { valid: Map<number, TImportOverrideValue>; refused: Map<number, string> } {
  const valid = new Map<number, TImportOverrideValue>();
  const refused = new Map<number, string>();
  if (given === undefined || given === null) return { valid, refused };
  if (!Array.isArray(given)) {
    refused.set(-1, "The edits from the preview could not be read. Preview the file again.");
    return { valid, refused };
  }
  for (const entry of given as unknown[]) {
    try {
      const [edit] = parseInput(ZImportOverrides, [entry]);
      valid.set(edit!.item, edit!);
    } catch (error) {
      if (!isDomainError(error) || error.kind !== "invalid") throw error;
      const item = typeof entry === "object" && entry !== null && typeof (entry as { item?: unknown }).item === "number" ? (entry as { item: number }).item : -1;
      const [field, message] = Object.entries(fieldErrorsOfItem(entry))[0] ?? ["form", error.message];
      refused.set(item, `${FIELD_LABELS[field] ?? "Edit"}: ${message}`);
    }
  }
  return { valid, refused };
}

/** Field messages of one edit, keyed by field (parseInput keys them by array position). */
function fieldErrorsOfItem(entry: unknown): Record<string, string> {
  const parsed = ZImportOverride.safeParse(entry);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}

/** The parsed report with the editor's preview edits applied (already validated). */
function withOverride(parsed: ParsedReport, override: TImportOverrideValue | undefined): ParsedReport {
  if (!override) return parsed;
  const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  return {
    ...parsed,
    headline: pick(override.headline, parsed.headline),
    dek: pick(override.dek, parsed.dek),
    source: pick(override.source, parsed.source),
    byline: pick(override.byline, parsed.byline),
    dateline: pick(override.dateline, parsed.dateline),
    language: pick(override.language, parsed.language),
    publishedAt: pick(override.publishedAt, parsed.publishedAt),
    // an edited time is what the editor typed: an instant
    publishedPrecision: override.publishedAt === undefined ? parsed.publishedPrecision : "instant",
  };
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
  try {
    if (parsed.kind === "kill") {
      const killed = await killReport(actor, { storyId: defaults.storyId, source, externalId: parsed.externalId, note: killNoteOf(parsed) });
      return { ...base, outcome: killed.outcome, reportId: killed.reportId, version: killed.version, reason: null };
    }
    if (!source) {
      return { ...base, outcome: "rejected", reportId: null, version: null, reason: "The file does not name its source (agency or outlet); choose a default source for the import." };
    }
    const stored = await storeReport(
      actor,
      {
        storyId: defaults.storyId,
        source,
        externalId: parsed.externalId,
        headline: parsed.headline,
        dek: parsed.dek?.slice(0, 500) ?? null,
        byline: parsed.byline,
        dateline: parsed.dateline,
        language: parsed.language,
        url: parsed.url,
        publishedAt: parsed.publishedAt,
        sourceUpdatedAt: parsed.sourceUpdatedAt,
        paragraphs: parsed.paragraphs,
        paragraphKinds: parsed.paragraphKinds,
        html: parsed.html,
        kind: parsed.kind,
        embargoedUntil: parsed.embargoedUntil,
        credit: parsed.credit?.slice(0, 200) ?? null,
        correctionNote: parsed.kind === "correction" ? correctionNoteOf(parsed) : null,
      },
      channel,
    );
    return {
      ...base,
      outcome: stored.outcome,
      reportId: stored.reportId,
      version: stored.version,
      reason: null,
      ...(stored.outcome === "held" ? { embargoedUntil: stored.embargoedUntil.toISOString() } : {}),
    };
  } catch (error) {
    if (isDomainError(error) && error.kind === "invalid") {
      return { ...base, outcome: "rejected", reportId: null, version: null, reason: error.message };
    }
    throw error;
  }
}

/** A kill notice's own words: its headline and first paragraph. */
function killNoteOf(parsed: ParsedReport): string {
  return [parsed.headline, parsed.paragraphs[0]].filter((part) => part && part.trim()).join(" — ").slice(0, 1000);
}

/** A correction's note: the source's "CORRECTED-"/"Corrects …" line when it has one. */
function correctionNoteOf(parsed: ParsedReport): string | null {
  const candidates = [parsed.headline, parsed.paragraphs[0] ?? ""];
  const note = candidates.find((text) => /^\W*(?:corrected|correction|corrects?|correcting)\b/i.test(text.trim()));
  return note ? note.trim().slice(0, 1000) : null;
}

/**
 * Imports a batch of uploaded files into a story. Every file gets its own result lines; a bad
 * file never stops the rest, and each report is stored whole or not at all (one transaction
 * each). Batch limits are checked before anything is parsed. `overrides` (by file index) are
 * the editor's edits from the preview, validated here like any other input.
 */
export async function importUploadedFiles(
  actor: Actor,
  defaults: ImportDefaults,
  files: UploadedFile[],
  channel: ImportChannel,
  overrides: unknown[] = [],
): Promise<ImportResult[]> {
  assertCan(actor, "report.import");
  const limit = batchLimitReason(files);
  if (limit) return files.map((file) => ({ file: file.name, item: null, outcome: "rejected", headline: null, reportId: null, version: null, reason: limit }));
  const edits = files.map((_, index) => readOverrides(overrides[index]));

  const results: ImportResult[] = [];
  const batch = newImportBatch();
  for (const [fileIndex, file] of files.entries()) {
    results.push(...(await importParseResult(actor, defaults, file.name, await parseUploadOffThread(file), channel, edits[fileIndex], batch)));
  }
  return results;
}

/** What a batch has done so far, across its files: once the database is gone, later items are not tried. */
export type ImportBatch = { changed: number; databaseLost: boolean };

export function newImportBatch(): ImportBatch {
  return { changed: 0, databaseLost: false };
}

const DATABASE_LOST_REASON =
  "Not imported: the desk lost its database connection during the import. Import this file again once the desk is back; the reports already imported are kept, and a second import skips them as duplicates.";

const CHANGED_OUTCOMES = new Set<ImportOutcome>(["imported", "new_version", "held", "killed"]);

/**
 * Imports one item of a batch. When the database goes away mid-batch, the items already stored
 * stay stored, so the batch answers per item (those imported, the rest refused with the reason)
 * instead of failing whole; only when nothing was stored yet does the error reach the caller
 * (which answers "nothing was changed, try again").
 */
async function importBatchItem(batch: ImportBatch, base: { file: string; item: number | null; headline: string | null }, work: () => Promise<ImportResult>): Promise<ImportResult> {
  const lost = { ...base, outcome: "rejected" as const, reportId: null, version: null, reason: DATABASE_LOST_REASON };
  if (batch.databaseLost) return lost;
  try {
    const result = await work();
    if (CHANGED_OUTCOMES.has(result.outcome)) batch.changed++;
    return result;
  } catch (error) {
    if (!isDatabaseUnavailable(error) || batch.changed === 0) throw error;
    batch.databaseLost = true;
    return lost;
  }
}

/**
 * Imports what the parser found in one file (or one fetched feed document): a result line per
 * item, the parser's refusals included. Feed polling calls this with the document it fetched.
 */
export async function importParseResult(
  actor: Actor,
  defaults: ImportDefaults,
  fileName: string,
  parsed: ParseResult,
  channel: ImportChannel,
  edits: ReturnType<typeof readOverrides> = { valid: new Map(), refused: new Map() },
  batch: ImportBatch = newImportBatch(),
): Promise<ImportResult[]> {
  assertCan(actor, "report.import");
  if (!parsed.ok) return [{ file: fileName, item: null, outcome: "rejected", headline: null, reportId: null, version: null, reason: parsed.error }];
  const results: ImportResult[] = [];
  const several = parsed.reports.length + parsed.skipped.length > 1;
  const { valid, refused } = edits;
  for (const [index, report] of parsed.reports.entries()) {
    const item = several ? index + 1 : null;
    const refusal = refused.get(index) ?? refused.get(-1);
    if (refusal) {
      results.push({ file: fileName, item, outcome: "rejected", headline: report.headline || null, reportId: null, version: null, reason: refusal });
      continue;
    }
    const base = { file: fileName, item, headline: report.headline || null };
    results.push(await importBatchItem(batch, base, () => importParsedReport(actor, withOverride(report, valid.get(index)), defaults, channel, { file: fileName, item })));
  }
  // entries the parser left out ("item 3: no body text") are refused lines of their own
  for (const reason of parsed.skipped) {
    results.push({ file: fileName, item: null, outcome: "rejected", headline: null, reportId: null, version: null, reason });
  }
  return results;
}
