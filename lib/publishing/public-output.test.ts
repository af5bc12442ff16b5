import { XMLParser, XMLValidator } from "fast-xml-parser";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { renderAtomFeed, renderRssFeed } from "./feeds";
import { jsonForScript } from "./json-ld";
import type { PublicExplainer } from "./public-explainer";
import { renderExplainerPage, renderGonePage } from "./render-public-page";

const CLAIM = "0193a1b2-0000-7000-8000-000000000001";
const CHANGED = new Date("2026-03-02T00:00:00Z");
// entities are decoded the way any XML reader decodes them; values stay strings
const parser = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false, parseTagValue: false, trimValues: false });
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
    for (const xml of [renderAtomFeed(entries, "https://news.example.org", CHANGED), renderRssFeed(entries, "https://news.example.org", CHANGED)]) {
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).not.toContain("<script>");
      expect(xml.indexOf("lorvan-ferry")).toBeLessThan(xml.indexOf("/older"));
    }
    const atom = renderAtomFeed(entries, "https://news.example.org", CHANGED);
    expect(atom).toContain("<updated>2026-03-05T10:00:00.000Z</updated>");
    expect(atom).toContain("Correction: Fix");
    expect(atom).toContain("<published>2026-03-04T10:00:00.000Z</published><updated>2026-03-05T10:00:00.000Z</updated><author><name>Wiredesk</name></author>");
    expect(renderRssFeed(entries, "https://news.example.org", CHANGED)).toContain("<pubDate>Thu, 05 Mar 2026 10:00:00 GMT</pubDate><dc:creator>Wiredesk</dc:creator>");
  });

  it("an empty feed is still valid, and says it changed when the last explainer was taken down, not in 1970", () => {
    const takenDown = new Date("2026-03-07T08:00:00Z");
    const atom = renderAtomFeed([], "https://news.example.org", takenDown);
    const rss = renderRssFeed([], "https://news.example.org", takenDown);
    expect(XMLValidator.validate(atom)).toBe(true);
    expect(XMLValidator.validate(rss)).toBe(true);
    expect(parser.parse(atom).feed.updated).toBe("2026-03-07T08:00:00.000Z");
    expect(parser.parse(rss).rss.channel.lastBuildDate).toBe("Sat, 07 Mar 2026 08:00:00 GMT");
    expect(atom + rss).not.toContain("1970");
  });

  it("a later unpublish moves the feed's date past its newest entry", () => {
    const atom = parser.parse(renderAtomFeed(entries, "https://news.example.org", new Date("2026-03-09T00:00:00Z")));
    expect(atom.feed.updated).toBe("2026-03-09T00:00:00.000Z");
  });

  const hostileTexts = [
    `<script>alert(1)</script>`,
    `Tom & Jerry's "quote" <b>bold</b>`,
    `]]> <![CDATA[ x ]]>`,
    `&amp; already &lt;escaped&gt;`,
    `'single' "double" \\`,
    `<img src=x onerror=alert(1)>`,
  ];

  it.each(hostileTexts)("a real XML parser reads hostile text %j back exactly as written (Atom title and summary, RSS title)", (text) => {
    const entry = { ...entries[1]!, title: text, dek: text };
    const atom = parser.parse(renderAtomFeed([entry], "https://news.example.org", CHANGED));
    expect(atom.feed.entry.title).toBe(text);
    expect(atom.feed.entry.summary["#text"]).toBe(text);
    const rss = parser.parse(renderRssFeed([entry], "https://news.example.org", CHANGED));
    expect(rss.rss.channel.item.title).toBe(text);
  });

  it.each(hostileTexts)("the RSS description of %j is HTML that a reader shows as that text, with no markup of its own", (text) => {
    const entry = { ...entries[1]!, dek: text };
    const description = parser.parse(renderRssFeed([entry], "https://news.example.org", CHANGED)).rss.channel.item.description as string;
    // readers treat the description as HTML: parsed as HTML it must be one text node equal to the dek
    const html = new JSDOM(`<body>${description}</body>`).window.document.body;
    expect(html.children).toHaveLength(0);
    expect(html.textContent).toBe(text);
  });
});

describe("jsonForScript", () => {
  it("cannot close the script element or start a comment", () => {
    expect(jsonForScript({ a: "</script><!--" })).toBe('{"a":"\\u003c/script\\u003e\\u003c!--"}');
  });
});
