/**
 * Structured data for a published explainer: one NewsArticle, plus a ClaimReview for every
 * cited claim or fact the desk rated (confirmed, disputed, false, cannot be verified). Claims
 * still unverified or being checked are cited with attribution but not rated, so they get no
 * ClaimReview. The shapes are checked against schema.org's types in json-ld.test.ts
 * (./schema-org.ts).
 */
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { PUBLIC_STATUS_LABEL, type PublicCitation, type PublicSource } from "./public-explainer";

export const PUBLIC_SITE_NAME = "Wiredesk";

/**
 * The rating scale of our ClaimReviews, worst to best (README, "Public explainers"): 1 false,
 * 2 disputed (credible sources conflict), 3 cannot be verified, 4 confirmed. Unverified and
 * in-progress claims are not rated (null): the desk has not reached a verdict.
 */
export const CLAIM_REVIEW_SCALE = { worst: 1, best: 4 } as const;
export const CLAIM_REVIEW_RATING: Record<ClaimStatus, number | null> = { FALSE: 1, DISPUTED: 2, UNVERIFIABLE: 3, VERIFIED: 4, UNVERIFIED: null, IN_PROGRESS: null };

export type JsonLdInput = {
  url: string;
  title: string;
  description: string;
  /** the live revision's publication (an update or a correction moves it) */
  publishedAt: Date;
  firstPublishedAt: Date;
  /** the page's citations in reading order, with the number of their first appearance */
  citations: { number: number; citation: PublicCitation }[];
};

const organization = (name: string) => ({ "@type": "Organization", name });

/** One report that carried the claim, as a schema.org CreativeWork by its outlet. */
function appearanceOf(source: PublicSource) {
  return {
    "@type": "CreativeWork",
    ...(source.url ? { url: source.url } : {}),
    ...(source.headline ? { headline: source.headline } : {}),
    ...(source.publishedAt ? { datePublished: source.publishedAt.toISOString() } : {}),
    author: organization(source.outlet),
    publisher: organization(source.outlet),
  };
}

/** The ClaimReview of one cited claim or fact, or null when the desk has not rated it. */
export function claimReviewOf(citation: PublicCitation, review: { url: string; publishedAt: Date; firstPublishedAt: Date }): Record<string, unknown> | null {
  const rating = CLAIM_REVIEW_RATING[citation.status];
  if (rating === null || citation.sources.length === 0) return null;
  const desk = organization(PUBLIC_SITE_NAME);
  // the earliest report is where the claim first appeared, and its outlet is the claim's author
  const [first] = [...citation.sources].sort((a, b) => (a.publishedAt?.getTime() ?? Infinity) - (b.publishedAt?.getTime() ?? Infinity));
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: review.url,
    datePublished: review.firstPublishedAt.toISOString(),
    dateModified: review.publishedAt.toISOString(),
    author: desk,
    publisher: desk,
    claimReviewed: citation.statement,
    reviewRating: {
      "@type": "Rating",
      ratingValue: rating,
      bestRating: CLAIM_REVIEW_SCALE.best,
      worstRating: CLAIM_REVIEW_SCALE.worst,
      alternateName: PUBLIC_STATUS_LABEL[citation.status],
    },
    itemReviewed: {
      "@type": "Claim",
      author: organization(first!.outlet),
      ...(first!.publishedAt ? { datePublished: first!.publishedAt.toISOString() } : {}),
      firstAppearance: appearanceOf(first!),
      appearance: citation.sources.map(appearanceOf),
    },
  };
}

/** The JSON-LD graph for the page (serialize with `jsonForScript`). */
export function explainerJsonLd(input: JsonLdInput): Record<string, unknown>[] {
  const desk = organization(PUBLIC_SITE_NAME);
  const article = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "@id": `${input.url}#article`,
    mainEntityOfPage: input.url,
    url: input.url,
    headline: input.title.slice(0, 110),
    ...(input.description.trim() ? { description: input.description } : {}),
    datePublished: input.firstPublishedAt.toISOString(),
    dateModified: input.publishedAt.toISOString(),
    publisher: desk,
    // the desk signs its explainers: the public page names no person (see public-explainer.ts)
    author: desk,
  };
  const reviews = input.citations.flatMap(({ number, citation }) => {
    const review = claimReviewOf(citation, { url: `${input.url}#source-${number}`, publishedAt: input.publishedAt, firstPublishedAt: input.firstPublishedAt });
    return review ? [review] : [];
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
