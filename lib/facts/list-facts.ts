import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ANALYSIS_VERSION } from "@/lib/analysis/facts";
import type { ClaimStatus, ConflictKind, FactState } from "@/lib/generated/prisma/enums";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors/domain-errors";
import { isUuid } from "@/lib/http/uuid";
import { CURRENT_SUGGESTION, PLACED_CLAIM } from "./fact-members";
import { factStatusOf, type FactStatusView } from "./fact-status";
import { storyReanalysisJobKey } from "./queue-analysis";
import { ZListFacts, type FactFilter, type FactSort } from "./schemas";

export type FactListItem = {
  id: string;
  statement: string;
  /** what the fact is about in a few words ("Death toll"), or empty */
  about: string;
  state: FactState;
  /** reshaped by an editor (split or merged) */
  locked: boolean;
  sources: string[];
  sourceCount: number;
  claimCount: number;
  /**
   * placed claims and pending suggestions filed under another fact that state this one too (the
   * fact page's further members); their outlets are already among `sources`
   */
  furtherClaimCount: number;
  conflictCount: number;
  conflictKinds: ConflictKind[];
  version: number;
  createdAt: Date;
  /** derived from all its claims, or set by an editor */
  status: FactStatusView;
};

export type AnalysisProgress = {
  reports: number;
  /** reports whose analysis is queued or running */
  pending: number;
  /** reports whose analysis the queue gave up on, with the last error */
  failed: { reportId: string; headline: string; error: string }[];
  /** a re-analysis of the whole story is queued or running */
  reanalysing: boolean;
  /**
   * the story has facts grouped by an earlier version of the analysis than the current one
   * (`Story.groupedWith`): "Re-analyse" would group them with the current one
   */
  outdated: boolean;
};

export const FACT_LIST_LIMIT = 200;

const ORDER: Record<FactSort, Prisma.Sql> = {
  most_sources: Prisma.sql`f."sourceCount" DESC, f."claimCount" DESC, f.id`,
  least_sources: Prisma.sql`f."sourceCount" ASC, f."claimCount" DESC, f.id`,
  conflicts: Prisma.sql`f."conflictCount" DESC, f."sourceCount" DESC, f.id`,
  newest: Prisma.sql`f."createdAt" DESC, f.id DESC`,
};

const FILTER: Record<FactFilter, Prisma.Sql> = {
  // a fact is what two or more outlets carry; what one outlet alone says waits under single_source
  corroborated: Prisma.sql`AND f."sourceCount" >= 2`,
  all: Prisma.empty,
  conflicts: Prisma.sql`AND f."conflictCount" > 0`,
  single_source: Prisma.sql`AND f."sourceCount" = 1`,
  confirmed: Prisma.sql`AND f.state = 'CONFIRMED'`,
  suggested: Prisma.sql`AND f.state = 'SUGGESTED'`,
};

/**
 * The placed claims and current pending suggestions filed under another fact that state each
 * fact of the story further, counted per fact (`further.n`): the rows a fact's page lists.
 */
function furtherCounts(storyId: string): Prisma.Sql {
  return Prisma.sql`(
    SELECT linked."factId", count(*) AS n FROM (
      SELECT l."factId"
      FROM "ClaimFactLink" l JOIN "Claim" c ON c.id = l."claimId" JOIN "Report" r ON r.id = c."reportId"
      WHERE c."storyId" = ${storyId}::uuid AND c."factId" IS NOT NULL AND ${PLACED_CLAIM}
      UNION ALL
      SELECT l."factId"
      FROM "SuggestionFactLink" l JOIN "ClaimSuggestion" s ON s.id = l."suggestionId" JOIN "Report" r ON r.id = s."reportId"
        JOIN "ReportVersion" v ON v.id = s."reportVersionId"
      WHERE r."storyId" = ${storyId}::uuid AND s."factId" IS NOT NULL AND ${CURRENT_SUGGESTION}
    ) linked
    GROUP BY linked."factId")`;
}

/**
 * A fact the tab lists: one with claims filed under it, or one that two or more sentences filed
 * under other facts state (the toll two leads give beside their quake). A sentence's part that
 * no other outlet states makes a fact of its own for later reports to join, but the sentence is
 * already listed under its own fact. Facts emptied by editors but cited by an explainer stay
 * (no member); the tab skips them.
 */
const LISTED = Prisma.sql`(f."claimCount" > 0 OR COALESCE(further.n, 0) > 1)`;

/** A story's facts, sorted and filtered for the Facts tab (the first FACT_LIST_LIMIT), with the total. */
export async function listFacts(actor: Actor, storyId: string, query: unknown): Promise<{ facts: FactListItem[]; total: number; sort: FactSort; filter: FactFilter }> {
  assertCan(actor, "story.read");
  if (!isUuid(storyId)) throw notFound("That story");
  const { sort, filter } = ZListFacts.parse(query ?? {});
  const story = await db.story.findUnique({ where: { id: storyId }, select: { id: true } });
  if (!story) throw notFound("That story");
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<(Omit<FactListItem, "status"> & { editorStatus: ClaimStatus | null; claimStatuses: ClaimStatus[] })[]>`
      SELECT f.id, f.statement, f.about, f.state, f.locked, f.sources, f."sourceCount", f."claimCount", f."conflictCount", f."conflictKinds"::text[] AS "conflictKinds", f.version, f."createdAt",
        f."editorStatus",
        ARRAY(SELECT c.status::text FROM "Claim" c WHERE c."factId" = f.id
          UNION ALL SELECT c.status::text FROM "ClaimFactLink" l JOIN "Claim" c ON c.id = l."claimId" JOIN "Report" r ON r.id = c."reportId"
            WHERE l."factId" = f.id AND ${PLACED_CLAIM}) AS "claimStatuses",
        COALESCE(further.n, 0)::int AS "furtherClaimCount"
      FROM "Fact" f
        LEFT JOIN ${furtherCounts(storyId)} further ON further."factId" = f.id
      WHERE f."storyId" = ${storyId}::uuid AND ${LISTED} ${FILTER[filter]}
      ORDER BY ${ORDER[sort]} LIMIT ${FACT_LIST_LIMIT}`,
    db.$queryRaw<{ total: bigint }[]>`
      SELECT count(*) AS total FROM "Fact" f LEFT JOIN ${furtherCounts(storyId)} further ON further."factId" = f.id
      WHERE f."storyId" = ${storyId}::uuid AND ${LISTED} ${FILTER[filter]}`,
  ]);
  const facts = rows.map(({ editorStatus, claimStatuses, ...fact }) => ({ ...fact, status: factStatusOf(claimStatuses, editorStatus) }));
  return { facts, total: Number(count?.total ?? 0), sort, filter };
}

/** How far the background analysis of a story's reports has got. */
export async function getAnalysisProgress(actor: Actor, storyId: string): Promise<AnalysisProgress> {
  assertCan(actor, "story.read");
  if (!isUuid(storyId)) throw notFound("That story");
  const [[counts], failed, [reanalysis], [grouping]] = await Promise.all([
    db.$queryRaw<{ reports: bigint; pending: bigint }[]>`
      SELECT count(*) AS reports, count(*) FILTER (WHERE "analysisDone" < "analysisRequested" AND "analysisError" IS NULL) AS pending
      FROM "Report" WHERE "storyId" = ${storyId}::uuid`,
    db.$queryRaw<{ reportId: string; headline: string; error: string }[]>`
      SELECT id AS "reportId", headline, "analysisError" AS error FROM "Report"
      WHERE "storyId" = ${storyId}::uuid AND "analysisError" IS NOT NULL ORDER BY "createdAt" LIMIT 20`,
    db.$queryRaw<{ queued: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM graphile_worker.jobs WHERE key = ${storyReanalysisJobKey(storyId)} AND attempts < max_attempts) AS queued`,
    db.$queryRaw<{ outdated: boolean }[]>`
      SELECT s."groupedWith" < ${ANALYSIS_VERSION} AND EXISTS (SELECT 1 FROM "Fact" f WHERE f."storyId" = s.id) AS outdated
      FROM "Story" s WHERE s.id = ${storyId}::uuid`,
  ]);
  return { reports: Number(counts?.reports ?? 0), pending: Number(counts?.pending ?? 0), failed, reanalysing: reanalysis?.queued ?? false, outdated: grouping?.outdated ?? false };
}
