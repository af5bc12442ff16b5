import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { invalid, isDomainError, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { importUploadedFiles, type ImportOutcome } from "@/lib/reports/import-files";
import { storeReport } from "@/lib/reports/store-report";
import { API_MAX_ITEMS, charsetOf, looksLikeNinjs, ZApiReport, type IngestFormat } from "./api-report-input";

export type RequestBody = {
  format: IngestFormat;
  bytes: Uint8Array;
  /** Content-Type as sent, passed on to the parsers for its charset */
  contentType: string | null;
  /** source for ninjs / NewsML-G2 items that do not name their own */
  defaultSource?: string | null;
};

/** One line of an API import: a stored report, a duplicate, or why an item was refused. */
export type ApiImportLine = {
  /** 1-based position in a JSON array or a NewsML-G2 message; null for a single report */
  item: number | null;
  outcome: ImportOutcome;
  reportId: string | null;
  version: number | null;
  headline: string | null;
  reason: string | null;
  fieldErrors?: Record<string, string>;
};

const REQUEST_BODY = "request body";
const ZStoryId = z.uuid();

function decodeJson(bytes: Uint8Array, contentType: string | null): unknown {
  const charset = charsetOf(contentType);
  if (charset && charset !== "utf-8" && charset !== "utf8") {
    throw invalid(`JSON must be sent as UTF-8; the Content-Type says ${charset}.`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw invalid("The body is not valid UTF-8 text.");
  }
  if (!text.trim()) throw invalid("The request body is empty. Send a report as JSON.");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw invalid(`The body is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A normalized report: a single one fails the request with field messages, an array item becomes a "rejected" line. */
async function importNormalized(actor: Actor, storyId: string, item: Record<string, unknown>, position: number | null): Promise<ApiImportLine> {
  const headline = typeof item.headline === "string" ? item.headline.trim() || null : null;
  try {
    const report = parseInput(ZApiReport, item);
    const stored = await storeReport(actor, { ...report, storyId }, "API");
    return { item: position, outcome: stored.outcome, reportId: stored.reportId, version: stored.version, headline, reason: null };
  } catch (error) {
    if (position === null || !isDomainError(error) || error.kind !== "invalid") throw error;
    return { item: position, outcome: "rejected", reportId: null, version: null, headline, reason: error.message, fieldErrors: error.fieldErrors };
  }
}

/** Raw ninjs and NewsML-G2 go through the same parsers and import path as uploaded files. */
async function importAsFile(
  actor: Actor,
  defaults: { storyId: string; defaultSource: string | null },
  file: { name: string; bytes: Uint8Array; contentType: string },
  position: number | null,
): Promise<ApiImportLine[]> {
  const results = await importUploadedFiles(actor, defaults, [file], "API");
  return results.map((result) => ({
    item: position ?? result.item,
    outcome: result.outcome,
    reportId: result.reportId,
    version: result.version,
    headline: result.headline,
    reason: result.reason,
  }));
}

/**
 * Imports the reports in one HTTP request body into a story: a normalized report, raw ninjs, or
 * a JSON array of either; or NewsML-G2 XML (one item or a message of several). Each report is
 * stored whole or not at all, and the same report sent twice, even at the same moment, is one
 * report (the database's unique indexes decide, see storeReport).
 */
export async function importRequestBody(actor: Actor, storyId: string, body: RequestBody): Promise<ApiImportLine[]> {
  assertCan(actor, "report.import");
  const id = ZStoryId.safeParse(storyId);
  if (!id.success) throw notFound("That story");
  const story = await db.story.findUnique({ where: { id: id.data }, select: { id: true } });
  if (!story) throw notFound("That story");
  const defaults = { storyId: story.id, defaultSource: body.defaultSource?.trim() || null };

  if (body.format === "xml") {
    if (body.bytes.byteLength === 0) throw invalid("The request body is empty. Send a NewsML-G2 document.");
    return importAsFile(actor, defaults, { name: REQUEST_BODY, bytes: body.bytes, contentType: body.contentType ?? "application/xml" }, null);
  }

  const parsed = decodeJson(body.bytes, body.contentType);
  const several = Array.isArray(parsed);
  const items: unknown[] = several ? parsed : [parsed];
  if (several && items.length === 0) throw invalid("The array is empty. Send at least one report.");
  if (items.length > API_MAX_ITEMS) {
    throw invalid(`A request holds at most ${API_MAX_ITEMS} reports; this one has ${items.length}. Send them in smaller batches.`);
  }

  const lines: ApiImportLine[] = [];
  const encoder = new TextEncoder();
  for (const [index, item] of items.entries()) {
    const position = several ? index + 1 : null;
    if (!isPlainObject(item)) {
      const reason = several ? `Item ${index + 1} is not a JSON object.` : "Send a report as a JSON object, or an array of them.";
      if (!several) throw invalid(reason);
      lines.push({ item: position, outcome: "rejected", reportId: null, version: null, headline: null, reason });
      continue;
    }
    if (looksLikeNinjs(item)) {
      const name = several ? `${REQUEST_BODY}, item ${index + 1}` : REQUEST_BODY;
      const bytes = several ? encoder.encode(JSON.stringify(item)) : body.bytes;
      lines.push(...(await importAsFile(actor, defaults, { name, bytes, contentType: "application/json" }, position)));
    } else {
      lines.push(await importNormalized(actor, story.id, item, position));
    }
  }
  return lines;
}

/**
 * The status of an import: 201 when anything was imported, got a new version, was held under
 * embargo or was killed, 422 when
 * nothing was and something was refused, 200 when everything was already there.
 */
export function importStatus(lines: readonly ApiImportLine[]): 200 | 201 | 422 {
  if (lines.some((line) => line.outcome === "imported" || line.outcome === "new_version" || line.outcome === "held" || line.outcome === "killed")) return 201;
  if (lines.some((line) => line.outcome === "rejected")) return 422;
  return 200;
}
