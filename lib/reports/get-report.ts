import "server-only";
import type { GarbledPassage } from "@/lib/analysis/garbled";
import { readGarbledPassages } from "./garbled-passages";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors/domain-errors";
import { isUuid } from "@/lib/http/uuid";


export type ReportVersionView = {
  version: number;
  headline: string;
  dek: string | null;
  bodyText: string;
  /** per paragraph of bodyText: "paragraph", "bullet" or "subhead"; [] when all are paragraphs */
  paragraphKinds: string[];
  bodyHtml: string;
  byline: string | null;
  dateline: string | null;
  language: string | null;
  url: string | null;
  publishedAt: Date | null;
  sourceUpdatedAt: Date | null;
  /** an agency the text credits */
  credit: string | null;
  isCorrection: boolean;
  correctionNote: string | null;
  /** passages that read as machine-translated or garbled, found on import */
  garbledPassages: GarbledPassage[];
  channel: string;
  importedBy: string | null;
  apiToken: string | null;
  createdAt: Date;
};

export type ReportView = {
  id: string;
  storyId: string;
  headline: string;
  externalId: string | null;
  source: string | null;
  currentVersion: number;
  /** optimistic-lock counter for metadata corrections */
  version: number;
  killedAt: Date | null;
  killNote: string | null;
  /** set while (and after) the report is held under embargo */
  embargoedUntil: Date | null;
  claimCount: number;
  versions: { version: number; createdAt: Date; headline: string; isCorrection: boolean; correctionNote: string | null; credit: string | null }[];
  shown: ReportVersionView;
  /** the current version's metadata: what a metadata correction starts from */
  current: { headline: string; dek: string | null; byline: string | null; dateline: string | null; language: string | null; publishedAt: Date | null };
};

/** One report of a story with the chosen version (the latest by default) and its version list. */
export async function getReport(actor: Actor, storyId: string, reportId: string, version?: number): Promise<ReportView> {
  assertCan(actor, "story.read");
  if (!isUuid(reportId) || !isUuid(storyId)) throw notFound("That report");
  // scoped by story in the query itself: a report id from another story is simply not found
  const report = await db.report.findFirst({
    where: { id: reportId, storyId },
    select: {
      id: true,
      storyId: true,
      headline: true,
      externalId: true,
      currentVersion: true,
      version: true,
      killedAt: true,
      killNote: true,
      embargoedUntil: true,
      source: { select: { name: true } },
      versions: { orderBy: { version: "asc" }, select: { version: true, createdAt: true, headline: true, isCorrection: true, correctionNote: true, credit: true } },
      _count: { select: { claims: true } },
    },
  });
  if (!report) throw notFound("That report");
  const wanted = version && report.versions.some((entry) => entry.version === version) ? version : report.currentVersion;
  const shown = await db.reportVersion.findUniqueOrThrow({
    where: { reportId_version: { reportId, version: wanted } },
    select: {
      version: true,
      headline: true,
      dek: true,
      bodyText: true,
      paragraphKinds: true,
      bodyHtml: true,
      byline: true,
      dateline: true,
      language: true,
      url: true,
      publishedAt: true,
      sourceUpdatedAt: true,
      credit: true,
      isCorrection: true,
      correctionNote: true,
      garbledPassages: true,
      channel: true,
      createdAt: true,
      importedBy: { select: { name: true } },
      apiToken: { select: { name: true } },
    },
  });
  const current =
    wanted === report.currentVersion
      ? shown
      : await db.reportVersion.findUniqueOrThrow({
          where: { reportId_version: { reportId, version: report.currentVersion } },
          select: { headline: true, dek: true, byline: true, dateline: true, language: true, publishedAt: true },
        });
  return {
    id: report.id,
    storyId: report.storyId,
    headline: report.headline,
    externalId: report.externalId,
    source: report.source?.name ?? null,
    currentVersion: report.currentVersion,
    version: report.version,
    killedAt: report.killedAt,
    killNote: report.killNote,
    embargoedUntil: report.embargoedUntil,
    claimCount: report._count.claims,
    versions: report.versions,
    current: { headline: current.headline, dek: current.dek, byline: current.byline, dateline: current.dateline, language: current.language, publishedAt: current.publishedAt },
    shown: { ...shown, garbledPassages: readGarbledPassages(shown.garbledPassages), importedBy: shown.importedBy?.name ?? null, apiToken: shown.apiToken?.name ?? null },
  };
}
