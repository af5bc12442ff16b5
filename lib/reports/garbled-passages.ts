import "server-only";
import type { Tx } from "@/lib/db/client";
import { findGarbledPassages, type GarbledPassage } from "@/lib/analysis/garbled";

/** The flagged passages stored on a version, ignoring anything not of their shape. */
export function readGarbledPassages(stored: unknown): GarbledPassage[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const { start, end, reasons } = item as Record<string, unknown>;
    if (typeof start !== "number" || typeof end !== "number" || !Array.isArray(reasons)) return [];
    return [{ start, end, reasons: reasons.filter((reason): reason is string => typeof reason === "string") }];
  });
}

/**
 * Of the given fact members (claims or pending suggestions), those whose span falls in a passage
 * flagged on their version and that no editor has confirmed: they do not count as corroboration.
 * A suggestion cannot be confirmed; accepting it makes a claim an editor can confirm.
 */
export async function uncountedGarbledMembers(tx: Tx, memberIds: readonly string[]): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const ids = [...memberIds];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM "Claim" c JOIN "ReportVersion" rv ON rv.id = c."reportVersionId"
     WHERE c.id = ANY(${ids}::uuid[]) AND c."readingConfirmedAt" IS NULL
       AND EXISTS (SELECT 1 FROM jsonb_array_elements(rv."garbledPassages") p WHERE (p->>'start')::int < c."end" AND c.start < (p->>'end')::int)
    UNION ALL
    SELECT s.id FROM "ClaimSuggestion" s JOIN "ReportVersion" rv ON rv.id = s."reportVersionId"
     WHERE s.id = ANY(${ids}::uuid[])
       AND EXISTS (SELECT 1 FROM jsonb_array_elements(rv."garbledPassages") p WHERE (p->>'start')::int < s."end" AND s.start < (p->>'end')::int)`;
  return new Set(rows.map((row) => row.id));
}

/**
 * Checks the current version of each report again for garbled passages and stores what is found
 * where it differs: versions imported before the check existed carry none, and a better check
 * finds more. Reading the text is deterministic, so running it twice changes nothing. Returns
 * how many versions changed.
 */
export async function refreshGarbledPassages(tx: Tx, reportIds: readonly string[]): Promise<number> {
  if (reportIds.length === 0) return 0;
  const versions = await tx.$queryRaw<{ id: string; bodyText: string; garbledPassages: unknown }[]>`
    SELECT rv.id, rv."bodyText", rv."garbledPassages" FROM "ReportVersion" rv JOIN "Report" r ON r.id = rv."reportId" AND rv.version = r."currentVersion"
     WHERE r.id = ANY(${[...reportIds]}::uuid[])`;
  let changed = 0;
  for (const version of versions) {
    const found = findGarbledPassages(version.bodyText);
    if (JSON.stringify(found) === JSON.stringify(readGarbledPassages(version.garbledPassages))) continue;
    await tx.reportVersion.update({ where: { id: version.id }, data: { garbledPassages: found } });
    changed += 1;
  }
  return changed;
}
