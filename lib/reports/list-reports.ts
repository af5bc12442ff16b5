import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors/domain-errors";
import { isUuid } from "@/lib/http/uuid";
import { queryText } from "@/lib/text/visible-text-schema";

export const ZReportListQuery = z.object({
  source: z.uuid().optional().catch(undefined),
  q: queryText(),
});

export type ReportRow = {
  id: string;
  headline: string;
  source: { id: string; name: string } | null;
  byline: string | null;
  publishedAt: Date | null;
  currentVersion: number;
  claimCount: number;
  externalId: string | null;
  /** set when the source killed the report */
  killedAt: Date | null;
  /** a short extract around the match when searching */
  snippet: string | null;
};

/**
 * A story's reports, newest first, with their claim counts; optionally only one source's, or
 * only those whose text matches a full-text query (any version, through the GIN index).
 */
export async function listReports(actor: Actor, storyId: string, rawQuery: unknown): Promise<{ reports: ReportRow[]; sources: { id: string; name: string; count: number }[]; query: z.infer<typeof ZReportListQuery> }> {
  assertCan(actor, "story.read");
  if (!isUuid(storyId)) throw notFound("That story");
  const story = await db.story.findUnique({ where: { id: storyId }, select: { id: true } });
  if (!story) throw notFound("That story");
  const query = ZReportListQuery.parse(rawQuery ?? {});

  let matchingIds: string[] | null = null;
  const snippets = new Map<string, string>();
  if (query.q) {
    // the expression must match ReportVersion_search_idx exactly for the index to be used
    const rows = await db.$queryRaw<{ reportId: string; snippet: string }[]>(Prisma.sql`
      SELECT DISTINCT ON (rv."reportId") rv."reportId",
             ts_headline('english', rv."bodyText", websearch_to_tsquery('english', ${query.q}),
                         'MaxFragments=1, MaxWords=24, MinWords=8, StartSel=«, StopSel=»') AS snippet
        FROM "ReportVersion" rv
        JOIN "Report" r ON r.id = rv."reportId"
       WHERE r."storyId" = ${storyId}::uuid
         AND to_tsvector('english'::regconfig, rv."headline"::text || ' ' || rv."bodyText") @@ websearch_to_tsquery('english', ${query.q})
       ORDER BY rv."reportId", rv.version DESC`);
    matchingIds = rows.map((row) => row.reportId);
    for (const row of rows) snippets.set(row.reportId, row.snippet);
  }

  const [reports, sourceGroups] = await Promise.all([
    db.report.findMany({
      where: { storyId, ...released(), ...(query.source ? { sourceId: query.source } : {}), ...(matchingIds ? { id: { in: matchingIds } } : {}) },
      orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
      take: 500,
      select: {
        id: true,
        headline: true,
        publishedAt: true,
        currentVersion: true,
        externalId: true,
        killedAt: true,
        source: { select: { id: true, name: true } },
        versions: { orderBy: { version: "desc" }, take: 1, select: { byline: true } },
        _count: { select: { claims: true } },
      },
    }),
    db.report.groupBy({ by: ["sourceId"], where: { storyId, ...released() }, _count: { _all: true } }),
  ]);
  const sourceNames = await db.source.findMany({
    where: { id: { in: sourceGroups.map((group) => group.sourceId).filter((id): id is string => id !== null) } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  return {
    query,
    sources: sourceNames.map((source) => ({ ...source, count: sourceGroups.find((group) => group.sourceId === source.id)?._count._all ?? 0 })),
    reports: reports.map((report) => ({
      id: report.id,
      headline: report.headline,
      source: report.source,
      byline: report.versions[0]?.byline ?? null,
      publishedAt: report.publishedAt,
      currentVersion: report.currentVersion,
      claimCount: report._count.claims,
      externalId: report.externalId,
      killedAt: report.killedAt,
      snippet: snippets.get(report.id) ?? null,
    })),
  };
}

/** Reports not held by an embargo (held ones are listed apart, with their release time). */
function released() {
  return { OR: [{ embargoedUntil: null }, { embargoedUntil: { lte: new Date() } }] };
}

export type HeldReport = { id: string; headline: string; source: string | null; embargoedUntil: Date };

/** A story's reports held under embargo, soonest release first: editors see them, nobody cites them. */
export async function listHeldReports(actor: Actor, storyId: string): Promise<HeldReport[]> {
  assertCan(actor, "story.read");
  if (!isUuid(storyId)) throw notFound("That story");
  const rows = await db.report.findMany({
    where: { storyId, embargoedUntil: { gt: new Date() } },
    orderBy: { embargoedUntil: "asc" },
    take: 200,
    select: { id: true, headline: true, embargoedUntil: true, source: { select: { name: true } } },
  });
  return rows.map((row) => ({ id: row.id, headline: row.headline, source: row.source?.name ?? null, embargoedUntil: row.embargoedUntil! }));
}
