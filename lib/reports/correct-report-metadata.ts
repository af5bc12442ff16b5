import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { conflict, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { ensureFeatures, furtherFactIdsOf, loadReportMembers, refreshFactSummaries } from "@/lib/facts/fact-members";
import { lockStoryFacts } from "@/lib/facts/story-lock";
import { sourceKey } from "./normalize-text";
import { ZCorrectReportMetadata } from "./schemas";
import { expectVersion, lockedUpdate } from "@/lib/db/optimistic-lock";

export type CorrectReportMetadataResult = { reportId: string; version: number; changed: string[] };

export const STALE_REPORT_METADATA = "Someone changed this report's details after you opened it. Reload to see their change, then make yours again.";

type Metadata = { headline: string; dek: string | null; source: string | null; byline: string | null; dateline: string | null; language: string | null; publishedAt: string | null };


/**
 * Corrects what the desk recorded about a report (headline, dek, outlet, byline, dateline,
 * published time, language) on its current version, with optimistic locking on the report row. The text
 * and its content hash stay as imported, so claim anchors and duplicate detection are unchanged.
 * A new outlet is reflected at once in every fact the report's claims belong to (independent
 * outlets, corroboration counts and conflicts are recomputed in the same transaction).
 */
export async function correctReportMetadata(actor: Actor, input: unknown): Promise<CorrectReportMetadataResult> {
  assertCan(actor, "report.correct");
  const data = parseInput(ZCorrectReportMetadata, input);
  return db.$transaction(async (tx) => {
    const [report] = await tx.$queryRaw<({ id: string; version: number; currentVersion: number } & Omit<Metadata, "publishedAt"> & { publishedAt: Date | null })[]>`
      SELECT r.id, r.version, r."currentVersion", v.headline, v.dek, src.name AS source, v.byline, v.dateline, v.language,
             COALESCE(v."publishedAt", r."publishedAt") AS "publishedAt"
      FROM "Report" r
      JOIN "ReportVersion" v ON v."reportId" = r.id AND v.version = r."currentVersion"
      LEFT JOIN "Source" src ON src.id = r."sourceId"
      WHERE r.id = ${data.reportId}::uuid AND r."storyId" = ${data.storyId}::uuid
      FOR UPDATE OF r`;
    if (!report) throw notFound("That report");
    await expectVersion(report.version, data.version, () => conflict(STALE_REPORT_METADATA));

    const before: Metadata = { headline: report.headline, dek: report.dek, source: report.source, byline: report.byline, dateline: report.dateline, language: report.language, publishedAt: report.publishedAt?.toISOString() ?? null };
    const after: Metadata = { headline: data.headline, dek: data.dek === undefined ? report.dek : data.dek, source: data.source, byline: data.byline, dateline: data.dateline, language: data.language, publishedAt: data.publishedAt?.toISOString() ?? null };
    const changed = (Object.keys(after) as (keyof Metadata)[]).filter((key) => before[key] !== after[key]);
    if (changed.length === 0) return { reportId: report.id, version: report.version, changed };

    const outletChanged = sourceKey(before.source ?? "") !== sourceKey(data.source);
    const nameKey = sourceKey(data.source);
    const source = await tx.source.upsert({ where: { nameKey }, create: { name: data.source, nameKey }, update: {}, select: { id: true } });
    const version = await lockedUpdate(
      tx.report,
      { where: { id: report.id }, version: report.version, data: { headline: data.headline, publishedAt: data.publishedAt, sourceId: source.id } },
      () => conflict(STALE_REPORT_METADATA),
    );
    await tx.reportVersion.update({
      where: { reportId_version: { reportId: report.id, version: report.currentVersion } },
      data: { headline: data.headline, dek: after.dek, byline: data.byline, dateline: data.dateline, language: data.language, publishedAt: data.publishedAt },
    });

    let refreshedFacts: string[] = [];
    if (outletChanged || changed.includes("dateline") || changed.includes("publishedAt")) {
      // the outlet, dateline and time feed the claims' analysis features and the facts'
      // independent-outlet counts: recompute both for every fact this report is part of
      await lockStoryFacts(tx, data.storyId);
      const { current, stale } = await loadReportMembers(tx, [report.id]);
      const members = [...current, ...stale];
      await ensureFeatures(tx, members, { force: true });
      const further = await furtherFactIdsOf(tx, members.map((member) => member.id));
      refreshedFacts = [...new Set([...members.map((member) => member.factId).filter((id): id is string => id !== null), ...further])];
      await refreshFactSummaries(tx, data.storyId, refreshedFacts);
    }

    await audit(tx, {
      actorId: actor.id,
      apiTokenId: actor.apiTokenId,
      action: "report.correct_metadata",
      entityType: "report",
      entityId: report.id,
      storyId: data.storyId,
      before: Object.fromEntries(changed.map((key) => [key, before[key]])),
      after: { ...Object.fromEntries(changed.map((key) => [key, after[key]])), refreshedFacts },
    });
    return { reportId: report.id, version, changed };
  });
}
