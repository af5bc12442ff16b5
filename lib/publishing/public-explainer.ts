import "server-only";
import { db } from "@/lib/db/client";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { safeHref } from "./render-document";

/**
 * The public read model: what a reader may see of an explainer, and nothing else. It reads the
 * published revision only (never the working copy, reviews, comments or people), and the
 * citations' snapshots taken when that revision was submitted, so a later status change inside
 * the desk does not rewrite the live page before it is reviewed and published.
 */

/** One outlet that carried a cited claim, with the time of its report. */
export type PublicSource = { outlet: string; publishedAt: Date | null; url: string | null; headline?: string | null };

export type PublicCitation = {
  kind: "claim" | "fact";
  /** the claim's or fact's normalized statement (for ClaimReview) */
  statement: string;
  /** snapshot when the revision was submitted */
  status: ClaimStatus;
  sourceCount: number;
  sources: PublicSource[];
};

export type PublicCorrection = { note: string; createdAt: Date };

export type PublicExplainer =
  | {
      kind: "live";
      id: string;
      slug: string;
      title: string;
      dek: string;
      content: unknown;
      publishedAt: Date;
      firstPublishedAt: Date;
      /** keyed `claim:<id>` or `fact:<id>` */
      citations: Map<string, PublicCitation>;
      corrections: PublicCorrection[];
    }
  | { kind: "gone"; slug: string; unpublishedAt: Date; notice: string };

/** The key a citation atom and its Citation row share. */
export function citationKey(citation: { claimId: string | null; factId: string | null }): string {
  return citation.claimId ? `claim:${citation.claimId.toLowerCase()}` : `fact:${(citation.factId ?? "").toLowerCase()}`;
}

/** Plain-language status labels for readers (the desk's own words stay inside). */
export const PUBLIC_STATUS_LABEL: Record<ClaimStatus, string> = {
  VERIFIED: "Confirmed",
  UNVERIFIED: "Not independently verified",
  IN_PROGRESS: "Not independently verified",
  DISPUTED: "Disputed",
  FALSE: "False",
  UNVERIFIABLE: "Cannot be verified",
};

const reportSelect = {
  publishedAt: true,
  headline: true,
  source: { select: { name: true } },
} as const;

type ReportRow = { publishedAt: Date | null; headline: string; source: { name: string } | null };

function sourceOf(report: ReportRow, version: { url: string | null; publishedAt: Date | null } | null): PublicSource {
  return {
    outlet: report.source?.name ?? "Unnamed outlet",
    publishedAt: report.publishedAt ?? version?.publishedAt ?? null,
    url: safeHref(version?.url ?? null),
    headline: report.headline,
  };
}

/** One line per outlet, earliest report first: two reports from one outlet are one source. */
function distinctOutlets(sources: PublicSource[]): PublicSource[] {
  const byOutlet = new Map<string, PublicSource>();
  for (const source of sources) {
    const key = source.outlet.toLowerCase();
    const seen = byOutlet.get(key);
    if (!seen || (source.publishedAt && (!seen.publishedAt || source.publishedAt < seen.publishedAt))) byOutlet.set(key, source);
  }
  return [...byOutlet.values()].sort((a, b) => (a.publishedAt?.getTime() ?? Infinity) - (b.publishedAt?.getTime() ?? Infinity));
}

/** The published explainer at `slug`, its withdrawal notice, or null when there is nothing public. */
export async function getPublicExplainer(slug: string): Promise<PublicExplainer | null> {
  const explainer = await db.explainer.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      publishedAt: true,
      firstPublishedAt: true,
      unpublishedAt: true,
      unpublishNotice: true,
      publishedRevision: {
        select: {
          title: true,
          dek: true,
          content: true,
          citations: {
            orderBy: { position: "asc" },
            select: {
              claimId: true,
              factId: true,
              status: true,
              sourceCount: true,
              claim: { select: { statement: true, report: { select: reportSelect }, reportVersion: { select: { url: true, publishedAt: true } } } },
              fact: {
                select: {
                  statement: true,
                  claims: { select: { report: { select: reportSelect }, reportVersion: { select: { url: true, publishedAt: true } } } },
                },
              },
            },
          },
        },
      },
      corrections: { orderBy: { createdAt: "asc" }, select: { note: true, createdAt: true } },
    },
  });
  if (!explainer) return null;
  const revision = explainer.publishedRevision;
  if (!revision || !explainer.publishedAt) {
    if (explainer.unpublishedAt) return { kind: "gone", slug: explainer.slug, unpublishedAt: explainer.unpublishedAt, notice: explainer.unpublishNotice ?? "" };
    return null; // never published: a draft does not exist for readers
  }

  const citations = new Map<string, PublicCitation>();
  for (const row of revision.citations) {
    const key = citationKey(row);
    if (citations.has(key)) continue;
    if (row.claim) {
      citations.set(key, {
        kind: "claim",
        statement: row.claim.statement,
        status: row.status,
        sourceCount: row.sourceCount,
        sources: [sourceOf(row.claim.report, row.claim.reportVersion)],
      });
    } else if (row.fact) {
      citations.set(key, {
        kind: "fact",
        statement: row.fact.statement,
        status: row.status,
        sourceCount: row.sourceCount,
        sources: distinctOutlets(row.fact.claims.map((claim) => sourceOf(claim.report, claim.reportVersion))),
      });
    }
  }
  return {
    kind: "live",
    id: explainer.id,
    slug: explainer.slug,
    title: revision.title,
    dek: revision.dek,
    content: revision.content,
    publishedAt: explainer.publishedAt,
    firstPublishedAt: explainer.firstPublishedAt ?? explainer.publishedAt,
    citations,
    corrections: explainer.corrections,
  };
}

export type FeedEntry = { id: string; slug: string; title: string; dek: string; publishedAt: Date; firstPublishedAt: Date; lastCorrection: string | null };

/** Live explainers for the feeds, most recently published (or corrected) first. */
export async function listPublishedExplainers(limit = 50): Promise<FeedEntry[]> {
  const rows = await db.explainer.findMany({
    where: { publishedRevisionId: { not: null }, publishedAt: { not: null } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      slug: true,
      publishedAt: true,
      firstPublishedAt: true,
      publishedRevision: { select: { title: true, dek: true } },
      corrections: { orderBy: { createdAt: "desc" }, take: 1, select: { note: true } },
    },
  });
  return rows.flatMap((row) =>
    row.publishedRevision && row.publishedAt
      ? [
          {
            id: row.id,
            slug: row.slug,
            title: row.publishedRevision.title,
            dek: row.publishedRevision.dek,
            publishedAt: row.publishedAt,
            firstPublishedAt: row.firstPublishedAt ?? row.publishedAt,
            lastCorrection: row.corrections[0]?.note ?? null,
          },
        ]
      : [],
  );
}

/**
 * When the feeds last changed: the latest publication, correction or unpublish. Null when
 * nothing was ever published (the feed then says it was built at render time, never 1970).
 */
export async function lastFeedChange(): Promise<Date | null> {
  const latest = await db.explainer.aggregate({ _max: { publishedAt: true, unpublishedAt: true } });
  const dates = [latest._max.publishedAt, latest._max.unpublishedAt].filter((date): date is Date => date instanceof Date);
  return dates.length ? new Date(Math.max(...dates.map((date) => date.getTime()))) : null;
}
