import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors/domain-errors";
import type { AnchorState, ClaimStatus } from "@/lib/generated/prisma/enums";
import { statusLabel } from "./claim-view";
import { isUuid } from "@/lib/http/uuid";

/** A highlight in the reader: offsets index the bodyText of `reportVersion`. */
export type ReportClaimHighlight = {
  id: string;
  start: number;
  end: number;
  status: ClaimStatus;
  statement: string;
  anchorState: AnchorState;
  reportVersion: number;
  version: number;
};

/**
 * The anchored claims of one report, ordered by position, for the reader's highlights. Orphans
 * have no place in the text and are listed by listOrphanedClaims instead. After every import the
 * anchored claims sit on the report's current version; offsets only apply to the version named.
 */
export async function listReportClaims(actor: Actor, storyId: string, reportId: string): Promise<ReportClaimHighlight[]> {
  assertCan(actor, "story.read");
  if (!isUuid(storyId) || !isUuid(reportId)) throw notFound("That report");
  const report = await db.report.findFirst({ where: { id: reportId, storyId }, select: { id: true } });
  if (!report) throw notFound("That report");
  const rows = await db.claim.findMany({
    where: { reportId, storyId, anchorState: { in: ["ANCHORED", "FUZZY"] } },
    orderBy: [{ start: "asc" }, { end: "desc" }, { id: "asc" }],
    select: { id: true, start: true, end: true, status: true, statement: true, anchorState: true, version: true, reportVersion: { select: { version: true } } },
  });
  return rows.map(({ reportVersion, ...row }) => ({ ...row, reportVersion: reportVersion.version }));
}

export type OrphanedClaim = {
  id: string;
  version: number;
  status: ClaimStatus;
  statusLabel: string;
  statement: string;
  /** the text the claim quoted, as it stood in the last version that still had it */
  exact: string;
  prefix: string;
  suffix: string;
  reportVersion: number;
  report: { id: string; headline: string; currentVersion: number };
  updatedAt: Date;
};

/** Claims of a story (or of one of its reports) that lost their place in a new report version, newest first. */
export async function listOrphanedClaims(actor: Actor, storyId: string, reportId?: string): Promise<OrphanedClaim[]> {
  assertCan(actor, "story.read");
  if (!isUuid(storyId) || (reportId !== undefined && !isUuid(reportId))) return [];
  const rows = await db.claim.findMany({
    where: { storyId, anchorState: "ORPHANED", ...(reportId ? { reportId } : {}) },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      version: true,
      status: true,
      statement: true,
      exact: true,
      prefix: true,
      suffix: true,
      updatedAt: true,
      reportVersion: { select: { version: true } },
      report: { select: { id: true, headline: true, currentVersion: true } },
    },
  });
  return rows.map(({ reportVersion, ...row }) => ({ ...row, statusLabel: statusLabel(row.status), reportVersion: reportVersion.version }));
}
