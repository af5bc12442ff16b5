/**
 * Structured data for a published explainer: one NewsArticle, plus a ClaimReview for every
 * cited claim or fact the desk rated (confirmed, disputed, false, cannot be verified). Claims
 * still unverified are cited with attribution but not rated, so they get no ClaimReview.
 */
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { PUBLIC_STATUS_LABEL, type PublicCitation } from "./public-explainer";

export const PUBLIC_SITE_NAME = "Wiredesk";

/** Rating on a 1 (false) to 5 (confirmed) scale; statuses without a rating get no ClaimReview. */
const RATING: Partial<Record<ClaimStatus, number>> = { FALSE: 1, DISPUTED: 2, UNVERIFIABLE: 3, VERIFIED: 5 };

export type JsonLdInput = {
  url: string;
  title: string;
  description: string;
  publishedAt: Date;
  firstPublishedAt: Date;
  /** the page's citations in reading order, with the number of their first appearance */
  citations: { number: number; citation: PublicCitation }[];
};

/** The JSON-LD graph for the page (serialize with `jsonForScript`). */
export function explainerJsonLd(input: JsonLdInput): Record<string, unknown>[] {
  const publisher = { "@type": "Organization", name: PUBLIC_SITE_NAME };
  const article = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "@id": `${input.url}#article`,
    mainEntityOfPage: input.url,
    url: input.url,
    headline: input.title.slice(0, 110),
    description: input.description,
    datePublished: input.firstPublishedAt.toISOString(),
    dateModified: input.publishedAt.toISOString(),
    publisher,
    author: publisher,
  };
  const reviews = input.citations.flatMap(({ number, citation }) => {
    const rating = RATING[citation.status];
    if (rating === undefined) return [];
    return [
      {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        url: `${input.url}#source-${number}`,
        datePublished: input.publishedAt.toISOString(),
        author: publisher,
        claimReviewed: citation.statement,
        reviewRating: { "@type": "Rating", ratingValue: rating, bestRating: 5, worstRating: 1, alternateName: PUBLIC_STATUS_LABEL[citation.status] },
        itemReviewed: {
          "@type": "Claim",
          appearance: citation.sources.map((source) => ({
            "@type": "CreativeWork",
            ...(source.url ? { url: source.url } : {}),
            ...(source.publishedAt ? { datePublished: source.publishedAt.toISOString() } : {}),
            publisher: { "@type": "Organization", name: source.outlet },
          })),
        },
      },
    ];
  });
  return [article, ...reviews];
}

/** JSON safe inside <script type="application/ld+json">: no "</script>", "<!--" or line separators. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
