import "server-only";
import type { Tx } from "@/lib/db/client";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { aggregateFactStatus, attributionPhrases, type CitationTargetFacts } from "./writing-rules";

/** A quote behind a citation: the words as one outlet carried them. */
export type CitationQuote = { claimId: string; exact: string; outlet: string; publishedAt: string | null };

/** A claim or fact an explainer may cite, as the editor's side panel and chips show it. */
export type CitationTarget = CitationTargetFacts & {
  /** "claim:<id>" or "fact:<id>" (citationKey) */
  key: string;
  kind: "claim" | "fact";
  id: string;
  statement: string;
  attribution: string | null;
  quotes: CitationQuote[];
  /** phrases the editor offers when this is cited with attribution, best first */
  phrases: string[];
  updatedAt: string;
};

/** Most claims and facts the side panel loads for one story. */
export const CITATION_TARGET_LIMIT = 1000;

const UNKNOWN_OUTLET = "Unnamed outlet";

/**
 * The claims and facts of a story as citation targets, newest first (only those in `keys` when
 * given). Retired claims are left out: an editor decided they no longer stand in a report.
 */
export async function loadCitationTargets(tx: Tx, storyId: string, only?: { claimIds: string[]; factIds: string[] }): Promise<CitationTarget[]> {
  const claimSelect = {
    id: true,
    statement: true,
    exact: true,
    attribution: true,
    status: true,
    updatedAt: true,
    fact: { select: { sourceCount: true } },
    report: { select: { publishedAt: true, source: { select: { name: true } } } },
  } as const;
  const [claims, facts] = await Promise.all([
    only && only.claimIds.length === 0
      ? []
      : tx.claim.findMany({
          where: { storyId, anchorState: { not: "RETIRED" }, ...(only ? { id: { in: only.claimIds } } : {}) },
          orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
          take: CITATION_TARGET_LIMIT,
          select: claimSelect,
        }),
    only && only.factIds.length === 0
      ? []
      : tx.fact.findMany({
          where: { storyId, ...(only ? { id: { in: only.factIds } } : {}) },
          orderBy: [{ sourceCount: "desc" }, { id: "desc" }],
          take: CITATION_TARGET_LIMIT,
          select: { id: true, statement: true, sourceCount: true, updatedAt: true, claims: { select: claimSelect, take: 50 } },
        }),
  ]);

  const quoteOf = (claim: (typeof claims)[number]): CitationQuote => ({
    claimId: claim.id,
    exact: claim.exact,
    outlet: claim.report.source?.name ?? UNKNOWN_OUTLET,
    publishedAt: claim.report.publishedAt?.toISOString() ?? null,
  });

  const claimTargets = claims.map((claim): CitationTarget => {
    const quote = quoteOf(claim);
    const sourceCount = Math.max(1, claim.fact?.sourceCount ?? 1);
    return {
      key: `claim:${claim.id}`,
      kind: "claim",
      id: claim.id,
      statement: claim.statement,
      attribution: claim.attribution,
      status: claim.status,
      sourceCount,
      quotes: [quote],
      phrases: attributionPhrases({ status: claim.status, attribution: claim.attribution, outlets: [quote.outlet], sourceCount }),
      updatedAt: claim.updatedAt.toISOString(),
    };
  });
  const factTargets = facts.map((fact): CitationTarget => {
    const quotes = fact.claims.map(quoteOf);
    const outlets = [...new Set(quotes.map((quote) => quote.outlet))];
    const status: ClaimStatus = aggregateFactStatus(fact.claims.map((claim) => claim.status));
    const sourceCount = Math.max(fact.sourceCount, outlets.length);
    return {
      key: `fact:${fact.id}`,
      kind: "fact",
      id: fact.id,
      statement: fact.statement,
      attribution: fact.claims.find((claim) => claim.attribution)?.attribution ?? null,
      status,
      sourceCount,
      quotes,
      phrases: attributionPhrases({ status, attribution: null, outlets, sourceCount }),
      updatedAt: fact.updatedAt.toISOString(),
    };
  });
  return [...factTargets, ...claimTargets];
}
