import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { renderAtomFeed, renderRssFeed } from "./feeds";
import { jsonForScript } from "./json-ld";
import type { PublicExplainer } from "./public-explainer";
import { renderExplainerPage, renderGonePage } from "./render-public-page";

const CLAIM = "0193a1b2-0000-7000-8000-000000000001";
const HOSTILE = `</script><script>alert(1)</script> & <b>"x"</b> \u2028 ]]> \u0007`;

function explainer(overrides: Partial<Extract<PublicExplainer, { kind: "live" }>> = {}): Extract<PublicExplainer, { kind: "live" }> {
  return {
    kind: "live",
    id: "0193a1b2-0000-7000-8000-0000000000e1",
    slug: "lorvan-ferry",
    title: `Ferry ${HOSTILE}`,
    dek: `Dek ${HOSTILE}`,
    content: {
      type: "doc",
      content: [{ type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Resumed" }, { type: "citation", attrs: { claimId: CLAIM, factId: null, attributed: false, attribution: "" } }] }] }] }],
    },
    publishedAt: new Date("2026-03-05T10:00:00Z"),
    firstPublishedAt: new Date("2026-03-04T10:00:00Z"),
    citations: new Map([
      [`claim:${CLAIM}`, { kind: "claim", statement: `Statement ${HOSTILE}`, status: "FALSE", sourceCount: 1, sources: [{ outlet: `Outlet ${HOSTILE}`, publishedAt: new Date("2026-03-04T08:00:00Z"), url: "https://example.org/a?b=1&c=2" }] }],
    ]),
    corrections: [{ note: `Note ${HOSTILE}`, createdAt: new Date("2026-03-05T10:00:00Z") }],
    ...overrides,
  };
}

describe("the public page", () => {
  const html = renderExplainerPage(explainer(), "https://news.example.org/explainers/lorvan-ferry");

  it("escapes every database value, in text, attributes and the JSON-LD script", () => {
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain("<b>");
    expect(html).toContain("Ferry &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;&quot;x&quot;&lt;/b&gt;");
    expect(html).not.toContain("\u0007");
    const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(script).not.toMatch(/<|>|\u2028/);
    const [article, review] = JSON.parse(script) as Record<string, unknown>[];
    expect(article).toMatchObject({ "@type": "NewsArticle", datePublished: "2026-03-04T10:00:00.000Z", dateModified: "2026-03-05T10:00:00.000Z" });
    expect(review).toMatchObject({
      "@type": "ClaimReview",
      claimReviewed: expect.stringContaining("</script>"),
      reviewRating: { alternateName: "False", ratingValue: 1 },
      itemReviewed: { "@type": "Claim", appearance: [{ url: "https://example.org/a?b=1&c=2", publisher: { name: expect.stringContaining("Outlet") } }] },
    });
  });

  it("shows updated and first-published times, the label, the source and the corrections log", () => {
    expect(html).toContain('<strong>Updated</strong> <time datetime="2026-03-05T10:00:00.000Z">5 Mar 2026, 10:00 UTC</time> · First published <time datetime="2026-03-04T10:00:00.000Z">');
    expect(html).toContain('<span class="label l-false">False</span>');
    expect(html).toContain('href="https://example.org/a?b=1&amp;c=2" rel="nofollow noopener"');
    expect(html).toContain('<section class="corrections" id="corrections"');
    expect(html).toContain('<link rel="canonical" href="https://news.example.org/explainers/lorvan-ferry">');
    expect(html).toContain('<meta property="og:url" content="https://news.example.org/explainers/lorvan-ferry">');
    expect(html).toContain('<meta name="twitter:card" content="summary">');
  });

  it("a withdrawn page shows the notice and nothing of the explainer", () => {
    const gone = renderGonePage({ kind: "gone", slug: "lorvan-ferry", unpublishedAt: new Date("2026-03-06T00:00:00Z"), notice: HOSTILE });
    expect(gone).toContain("This explainer has been withdrawn");
    expect(gone).not.toContain("<script");
    expect(gone).toContain('<meta name="robots" content="noindex">');
  });
});

describe("the feeds", () => {
  const entries = [
    { id: "0193a1b2-0000-7000-8000-0000000000e1", slug: "lorvan-ferry", title: `Ferry ${HOSTILE}`, dek: `Dek ${HOSTILE}`, publishedAt: new Date("2026-03-05T10:00:00Z"), firstPublishedAt: new Date("2026-03-04T10:00:00Z"), lastCorrection: `Fix ${HOSTILE}` },
    { id: "0193a1b2-0000-7000-8000-0000000000e2", slug: "older", title: "Older", dek: "", publishedAt: new Date("2026-03-01T10:00:00Z"), firstPublishedAt: new Date("2026-03-01T10:00:00Z"), lastCorrection: null },
  ];

  it("are well-formed XML with hostile titles, and keep the given (newest first) order", () => {
    for (const xml of [renderAtomFeed(entries, "https://news.example.org"), renderRssFeed(entries, "https://news.example.org")]) {
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).not.toContain("<script>");
      expect(xml.indexOf("lorvan-ferry")).toBeLessThan(xml.indexOf("/older"));
    }
    const atom = renderAtomFeed(entries, "https://news.example.org");
    expect(atom).toContain("<updated>2026-03-05T10:00:00.000Z</updated>");
    expect(atom).toContain("Correction: Fix");
    expect(renderRssFeed(entries, "https://news.example.org")).toContain("<pubDate>Thu, 05 Mar 2026 10:00:00 GMT</pubDate>");
  });

  it("an empty feed is still valid", () => {
    expect(XMLValidator.validate(renderAtomFeed([], "https://news.example.org"))).toBe(true);
    expect(XMLValidator.validate(renderRssFeed([], "https://news.example.org"))).toBe(true);
  });
});

describe("jsonForScript", () => {
  it("cannot close the script element or start a comment", () => {
    expect(jsonForScript({ a: "</script><!--" })).toBe('{"a":"\\u003c/script\\u003e\\u003c!--"}');
  });
});
