import { describe, expect, it } from "vitest";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { CLAIM_REVIEW_RATING, explainerJsonLd } from "./json-ld";
import type { PublicCitation } from "./public-explainer";
import { schemaOrgProblems } from "./schema-org";

const URL = "https://news.example.org/explainers/port-ellery-lighthouse";
const FIRST = new Date("2026-05-01T08:00:00Z");
const UPDATED = new Date("2026-05-02T09:30:00Z");

function citation(status: ClaimStatus, overrides: Partial<PublicCitation> = {}): PublicCitation {
  return {
    kind: "claim",
    statement: `The Port Ellery lighthouse went dark on Monday (${status})`,
    status,
    sourceCount: 1,
    sources: [{ outlet: "Harbour Wire", publishedAt: new Date("2026-04-30T22:15:00Z"), url: "https://harbourwire.example/lighthouse", headline: "Lighthouse goes dark" }],
    ...overrides,
  };
}

const graphFor = (citations: PublicCitation[]) =>
  explainerJsonLd({
    url: URL,
    title: "What to know about the Port Ellery lighthouse",
    description: "The light, the storm and what comes next.",
    publishedAt: UPDATED,
    firstPublishedAt: FIRST,
    citations: citations.map((item, index) => ({ number: index + 1, citation: item })),
  });

describe("JSON-LD of a public explainer", () => {
  it("conforms to schema.org's types for every status, rated or not", () => {
    const graph = graphFor((Object.keys(CLAIM_REVIEW_RATING) as ClaimStatus[]).map((status) => citation(status)));
    for (const node of graph) expect(schemaOrgProblems(node)).toEqual([]);
    // unverified and in-progress claims get no verdict
    expect(graph.map((node) => node["@type"])).toEqual(["NewsArticle", "ClaimReview", "ClaimReview", "ClaimReview", "ClaimReview"]);
  });

  it("rates the cited claim's own statement, made by its outlet in its report, on the documented scale", () => {
    const expected: [ClaimStatus, number, string][] = [
      ["FALSE", 1, "False"],
      ["DISPUTED", 2, "Disputed"],
      ["UNVERIFIABLE", 3, "Cannot be verified"],
      ["VERIFIED", 4, "Confirmed"],
    ];
    for (const [status, value, name] of expected) {
      const [, review] = graphFor([citation(status)]);
      expect(review).toEqual({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        url: `${URL}#source-1`,
        datePublished: FIRST.toISOString(),
        dateModified: UPDATED.toISOString(),
        author: { "@type": "Organization", name: "Wiredesk" },
        publisher: { "@type": "Organization", name: "Wiredesk" },
        claimReviewed: `The Port Ellery lighthouse went dark on Monday (${status})`,
        reviewRating: { "@type": "Rating", ratingValue: value, bestRating: 4, worstRating: 1, alternateName: name },
        itemReviewed: {
          "@type": "Claim",
          author: { "@type": "Organization", name: "Harbour Wire" },
          datePublished: "2026-04-30T22:15:00.000Z",
          firstAppearance: expect.objectContaining({ url: "https://harbourwire.example/lighthouse" }),
          appearance: [
            {
              "@type": "CreativeWork",
              url: "https://harbourwire.example/lighthouse",
              headline: "Lighthouse goes dark",
              datePublished: "2026-04-30T22:15:00.000Z",
              author: { "@type": "Organization", name: "Harbour Wire" },
              publisher: { "@type": "Organization", name: "Harbour Wire" },
            },
          ],
        },
      });
    }
  });

  it("credits a fact to the outlet that carried it first, listing every appearance", () => {
    const fact = citation("VERIFIED", {
      kind: "fact",
      sourceCount: 2,
      sources: [
        { outlet: "Coastline Times", publishedAt: new Date("2026-05-01T06:00:00Z"), url: null, headline: "Light out at Port Ellery" },
        { outlet: "Harbour Wire", publishedAt: new Date("2026-04-30T22:15:00Z"), url: "https://harbourwire.example/lighthouse", headline: null },
      ],
    });
    const [, review] = graphFor([fact]);
    expect(schemaOrgProblems(review)).toEqual([]);
    const item = review!.itemReviewed as Record<string, unknown>;
    expect(item.author).toEqual({ "@type": "Organization", name: "Harbour Wire" });
    expect((item.appearance as unknown[]).length).toBe(2);
  });

  it("dates the article from its first publication and its latest update, signed by the desk", () => {
    const [article] = graphFor([]);
    expect(schemaOrgProblems(article)).toEqual([]);
    expect(article).toMatchObject({ datePublished: FIRST.toISOString(), dateModified: UPDATED.toISOString(), author: { name: "Wiredesk" }, publisher: { name: "Wiredesk" } });
  });

  it("the validator catches unknown properties, wrong ranges and missing promises", () => {
    expect(schemaOrgProblems({ "@type": "ClaimReview", url: URL, claimReviewed: "x", datePublished: "yesterday", author: { "@type": "Organization", name: "W" } })).toEqual([
      'ClaimReview.datePublished: "yesterday" is not DateTime',
      "ClaimReview: missing reviewRating",
      "ClaimReview: missing itemReviewed",
    ]);
    expect(schemaOrgProblems({ "@type": "Claim", author: { "@type": "Rating" }, appearance: { "@type": "CreativeWork" }, rating: 3 })).toEqual([
      'Claim.author: "Rating" is not one of Organization',
      "Claim.rating: not a property of Claim",
    ]);
    expect(schemaOrgProblems({ "@type": "Rating", ratingValue: 1, bestRating: 4, worstRating: 1 })).toEqual(["Rating: missing alternateName"]);
  });
});
