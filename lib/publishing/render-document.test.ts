import { describe, expect, it } from "vitest";
import { MAX_DEPTH, documentText, renderDocument, safeHref, type CitationUse } from "./render-document";

const CLAIM = "0193a1b2-0000-7000-8000-000000000001";
const OTHER_CLAIM = "0193a1b2-0000-7000-8000-000000000002";
const FACT = "0193a1b2-0000-7000-8000-0000000000f1";

const known = new Set([CLAIM, FACT]);
const options = {
  isKnownCitation: (c: { claimId: string | null; factId: string | null }) => known.has((c.claimId ?? c.factId)!),
  renderSources: (uses: readonly CitationUse[]) => `<p class="sources">${uses.map((u) => `[${u.number}:${u.claimId ?? u.factId}]`).join("")}</p>`,
};

const text = (value: string, marks?: unknown[]) => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: unknown[]) => ({ type: "paragraph", content });
const bullet = (...items: unknown[][]) => ({ type: "bulletList", content: items.map((content) => ({ type: "listItem", content })) });
const cite = (claimId: string | null, factId: string | null = null, attributed = false, attribution = "") => ({
  type: "citation",
  attrs: { claimId, factId, attributed, attribution },
});
const doc = (...content: unknown[]) => ({ type: "doc", content });
const render = (value: unknown) => renderDocument(value, options).html;

describe("renderDocument", () => {
  it("renders sections, bullets and marks of the contract", () => {
    const html = render(
      doc(
        { type: "heading", attrs: { level: 2 }, content: [text("What happened")] },
        bullet([paragraph(text("The ferry "), text("resumed", [{ type: "bold" }]), text(" on "), text("Tuesday", [{ type: "italic" }]), { type: "hardBreak" }, text("late."))]),
        { type: "orderedList", content: [{ type: "listItem", content: [paragraph(text("one"))] }] },
      ),
    );
    expect(html).toBe(
      "<h2>What happened</h2><ul><li><p>The ferry <strong>resumed</strong> on <em>Tuesday</em><br>late.</p></li></ul><ol><li><p>one</p></li></ol>",
    );
  });

  it("leaves out section titles with nothing under them", () => {
    const heading = (title: string) => ({ type: "heading", attrs: { level: 2 }, content: [text(title)] });
    const html = render(
      doc(heading("What happened"), bullet([paragraph(text("a"))]), heading("Empty"), bullet([{ type: "paragraph" }]), heading("Also empty"), { type: "paragraph" }, heading("Last"), paragraph(text("b")), heading("Trailing")),
    );
    expect(html).toBe("<h2>What happened</h2><ul><li><p>a</p></li></ul><h2>Last</h2><p>b</p>");
  });

  it("escapes script tags and quotes in text instead of passing them through", () => {
    const html = render(doc(paragraph(text(`<script>alert("x")</script><img src=x onerror=alert(1)> & 'q'`))));
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;q&#39;");
  });

  it("keeps only http(s) links, marked nofollow noopener, and drops hostile hrefs but keeps their text", () => {
    const hostile = ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "/relative", "//evil.example", "https://user:pw@evil.example/"];
    for (const href of hostile) {
      const html = render(doc(paragraph(text("click", [{ type: "link", attrs: { href } }]))));
      expect(html, href).toBe("<p>click</p>");
    }
    const html = render(doc(paragraph(text("agency", [{ type: "link", attrs: { href: 'https://example.org/a?b="c"&d=<e>' } }, { type: "bold" }]))));
    expect(html).toBe('<p><a href="https://example.org/a?b=%22c%22&amp;d=%3Ce%3E" rel="nofollow noopener"><strong>agency</strong></a></p>');
  });

  it("drops unknown node types with their content and unknown marks", () => {
    const html = render(
      doc(
        { type: "script", content: [text("alert(1)")] },
        { type: "iframe", attrs: { src: "https://evil.example" } },
        { type: "html", text: "<b>raw</b>" },
        { type: "image", attrs: { src: "javascript:alert(1)" } },
        text("bare text at block level"),
        paragraph(text("kept", [{ type: "code" }, { type: "textStyle", attrs: { style: "x" } }]), { type: "mention", attrs: { label: "Alma Varga" } }),
        bullet([{ type: "table", content: [paragraph(text("cell"))] }]),
        { type: "listItem", content: [paragraph(text("orphan item"))] },
      ),
    );
    expect(html).toBe("<p>kept</p>");
  });

  it("survives malformed JSON shapes without throwing", () => {
    for (const value of [null, undefined, 42, "doc", [], { type: "doc" }, { type: "doc", content: "x" }, { type: "doc", content: [null, 1, "x", { content: [] }] }, { type: "paragraph" }]) {
      expect(render(value)).toBe("");
    }
    expect(render(doc(paragraph({ type: "text", text: 5 }, { type: "text" }, text("ok"))))).toBe("<p>ok</p>");
  });

  it("drops nodes nested deeper than the limit instead of recursing without end", () => {
    let node: unknown = paragraph(text("bottom"));
    for (let i = 0; i < 5000; i++) node = bullet([node]);
    const html = render(doc(node));
    expect(html).not.toContain("bottom");
    const shallow = render(doc(bullet([paragraph(text("a")), bullet([paragraph(text("b"))])])));
    expect(shallow).toBe("<ul><li><p>a</p><ul><li><p>b</p></li></ul></li></ul>");
    expect(MAX_DEPTH).toBeGreaterThan(4);
  });

  it("numbers known citations and lists each bullet's sources under it; unknown or malformed citations are dropped", () => {
    const { html, citations } = renderDocument(
      doc(
        bullet(
          [paragraph(text("Crossing seized"), cite(CLAIM), text(" and held"), cite(OTHER_CLAIM)), bullet([paragraph(text("inner"), cite(null, FACT))])],
          [paragraph(text("army sources said"), cite(CLAIM, null, true, "according to two army sources"))],
        ),
        paragraph(text("loose"), cite("not-a-uuid"), cite(CLAIM, FACT), { type: "citation", attrs: "x" }),
      ),
      options,
    );
    expect(citations.map((c) => [c.number, c.claimId ?? c.factId, c.attributed])).toEqual([
      [1, CLAIM, false],
      [2, FACT, false],
      [3, CLAIM, true],
    ]);
    expect(citations[2]!.attribution).toBe("according to two army sources");
    expect(html).toBe(
      "<ul>" +
        `<li><p>Crossing seized<sup class="cite"><a href="#source-1" id="cite-1" aria-label="Source 1">1</a></sup> and held</p>` +
        `<ul><li><p>inner<sup class="cite"><a href="#source-2" id="cite-2" aria-label="Source 2">2</a></sup></p><p class="sources">[2:${FACT}]</p></li></ul>` +
        `<p class="sources">[1:${CLAIM}]</p></li>` +
        `<li><p>army sources said, <span class="attribution">according to two army sources</span><sup class="cite"><a href="#source-3" id="cite-3" aria-label="Source 3">3</a></sup>.</p><p class="sources">[3:${CLAIM}]</p></li>` +
        "</ul><p>loose</p>",
    );
  });

  it("joins attribution phrases to the bullet's words with an editor's punctuation", () => {
    const phrased = (form: string, phrase: string) => ({ type: "citation", attrs: { claimId: CLAIM, factId: null, attributed: form !== "FACT", attribution: phrase, form } });
    const plain = (html: string) => html.replace(/<p class="sources">.*?<\/p>/g, "").replace(/<sup[^>]*>.*?<\/sup>/g, "").replace(/<[^>]+>/g, "");
    const sentence = (...inline: unknown[]) => plain(render(doc(paragraph(...inline))));
    const A = phrased("ATTRIBUTED", "according to two army sources");
    expect(sentence(text("At least 12 soldiers were killed"), A)).toBe("At least 12 soldiers were killed, according to two army sources.");
    expect(sentence(text("At least 12 soldiers were killed."), A)).toBe("At least 12 soldiers were killed, according to two army sources.");
    expect(sentence(text("At least 12 soldiers were killed, "), A)).toBe("At least 12 soldiers were killed, according to two army sources.");
    expect(sentence(text("Was the bridge hit?"), A)).toBe("Was the bridge hit, according to two army sources?");
    expect(sentence(text("Rebels say they hold the town"), A, text(" but the army denies it."))).toBe("Rebels say they hold the town, according to two army sources, but the army denies it.");
    expect(sentence(text("Rebels hold the town."), A, text(" The army denies it."))).toBe("Rebels hold the town, according to two army sources. The army denies it.");
    expect(sentence(text("Rebels hold the town"), A, text("; the army denies it."))).toBe("Rebels hold the town, according to two army sources; the army denies it.");
    expect(sentence(A, text(" rebels hold the town."))).toBe("According to two army sources, rebels hold the town.");
    expect(sentence(text("The town fell"), A, phrased("ATTRIBUTED", "Meridian reported; this could not be independently verified"))).toBe(
      "The town fell, according to two army sources; Meridian reported; this could not be independently verified.",
    );
    // debunked: the page says the claim is false, with or without who spread it
    expect(sentence(text("The ferry sank"), phrased("DEBUNKED", "Testwire Agency reported"))).toBe("The ferry sank, Testwire Agency reported; this claim is false.");
    expect(sentence(text("Posts said the ferry sank."), phrased("DEBUNKED", ""))).toBe("Posts said the ferry sank; this claim is false.");
    expect(render(doc(paragraph(text("The ferry sank"), phrased("DEBUNKED", ""))))).toContain('<strong class="debunked">this claim is false</strong>');
    // stated as fact: no phrase, nothing added
    expect(sentence(text("The bridge reopened."), phrased("FACT", ""))).toBe("The bridge reopened.");
    // marks around the words before the phrase stay closed around them
    expect(render(doc(paragraph(text("Shelling continued.", [{ type: "bold" }]), A)))).toContain("<strong>Shelling continued</strong>, <span");
  });

  it("stops at the node budget on huge documents", () => {
    const items = Array.from({ length: 30_000 }, (_, i) => [paragraph(text(`item ${i}`))]);
    const html = render(doc(bullet(...items)));
    expect(html.length).toBeLessThan(30_000 * 30);
    expect(html).toContain("item 0");
    expect(html).not.toContain("item 29999");
  });

  it("strips control characters and lone surrogates from text", () => {
    expect(render(doc(paragraph(text("a\u0000b\u0007c\u202Ed\uD800e"))))).toBe("<p>abc\u202Ede</p>");
  });
});

describe("safeHref", () => {
  it("accepts absolute http(s) only", () => {
    expect(safeHref("https://example.org/x")).toBe("https://example.org/x");
    expect(safeHref("http://example.org")).toBe("http://example.org/");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("java\tscript:alert(1)")).toBeNull();
    expect(safeHref(null)).toBeNull();
    expect(safeHref("https://" + "a".repeat(3000))).toBeNull();
  });
});

describe("documentText", () => {
  it("collects visible text only", () => {
    expect(documentText(doc({ type: "heading", content: [text("Head")] }, { type: "script", content: [text("evil")] }, bullet([paragraph(text("one"))])))).toBe(
      "Head one",
    );
  });
});
