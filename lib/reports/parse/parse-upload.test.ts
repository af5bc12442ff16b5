import { describe, expect, it } from "vitest";
import { type ParsedReport } from "./types";
import { parseFixture, reportsOf, textUpload } from "./test-fixtures";

function only(reports: ParsedReport[]): ParsedReport {
  expect(reports).toHaveLength(1);
  return reports[0]!;
}

describe("ninjs", () => {
  it("reads a 1.x item: headline, byline, body_text paragraphs, located, times and the web rendition", () => {
    const report = only(reportsOf("ninjs-1x.json"));
    expect(report).toMatchObject({
      source: "Tessaly Wire Service",
      externalId: "urn:tessaly-wire:2031:varesh-crossing-0412",
      sourceVersion: "2",
      headline: "Eastern Valley Front says it seized the Varesh border crossing",
      byline: "Ilse Marrow and Tomas Quell",
      dateline: "VARESH, Karanor",
      language: "en",
      url: "https://tessaly-wire.example/stories/varesh-crossing-0412",
      // the version on hand was published when it was created; firstcreated dates version 1
      publishedAt: new Date("2031-12-03T08:15:00Z"),
      sourceUpdatedAt: new Date("2031-12-03T08:15:00Z"),
      html: null,
      kind: "text",
    });
    expect(report.paragraphs).toHaveLength(3);
    // whitespace inside a paragraph is collapsed
    expect(report.paragraphs[1]).toContain("had withdrawn to the village of Oskel");
  });

  it("reads a 2.x item: the main of several headlines, `by`, infosource and the HTML body, sanitized", () => {
    const report = only(reportsOf("ninjs-2x.json"));
    expect(report).toMatchObject({
      source: "Orrin News Agency",
      externalId: "urn:orrin-news:2031-12-03:karanor-varesh-17",
      sourceVersion: "5",
      headline: "Seventeen killed as fighting reaches Varesh crossing, hospital says",
      byline: "Petra Lind",
      dateline: "OSKEL, Karanor",
      language: "en-GB",
      publishedAt: new Date("2031-12-03T08:30:00Z"),
      sourceUpdatedAt: new Date("2031-12-03T08:30:00Z"),
    });
    expect(report.paragraphs).toEqual([
      "OSKEL, Karanor (ONA) – At least 17 people were killed in fighting around the Varesh border crossing, the director of the Oskel district hospital said on Wednesday.",
      "Doctors at the hospital said most of the wounded were civilians travelling on the coast road when the shelling began.",
      "The Eastern Valley Front said its fighters controlled the crossing. More on Karanor.",
    ]);
    expect(report.html).toContain("<b>travelling on the coast road</b>");
    expect(report.html).not.toMatch(/script|trackReader|onclick/);
  });

  it("reads a 3.x item: camelCase fields, text-only bodies split per line, and the self link", () => {
    const report = only(reportsOf("ninjs-3x.json"));
    expect(report).toMatchObject({
      source: "Kestrel Press",
      externalId: "https://kestrel-press.example/items/20311203-varesh-update",
      sourceVersion: "3",
      headline: "Government says troops retook Varesh crossing; rebels deny",
      byline: "Anouk Verhal",
      dateline: "VARESH",
      url: "https://kestrel-press.example/news/varesh-update",
      publishedAt: new Date("2031-12-03T11:45:00Z"),
      sourceUpdatedAt: new Date("2031-12-03T11:45:00Z"),
      html: null,
    });
    expect(report.paragraphs).toHaveLength(3);
    expect(report.paragraphs[2]).toBe("Kestrel Press could not independently verify either account.");
  });

  it("gives one report per text item of a JSON array and skips the picture item", () => {
    const reports = reportsOf("ninjs-array.json");
    expect(reports.map((report) => report.externalId)).toEqual(["urn:bluefen-daily:varesh:001", "urn:bluefen-daily:varesh:002"]);
    expect(reports[1]?.paragraphs).toEqual(["The Eastern Valley Front said on Wednesday it controlled the Varesh crossing.", "The government has not commented."]);
  });

  it("keeps a headline-only item of an array (a flash), with a warning that it has no body", () => {
    const result = textUpload("batch.json", JSON.stringify([{ uri: "a", headline: "Fine", body_text: "Text." }, { uri: "b", headline: "Hollow" }]));
    expect(result).toMatchObject({ ok: true, format: "ninjs", reports: [{ externalId: "a" }, { externalId: "b", headline: "Hollow", paragraphs: [] }] });
    expect(result.ok && result.reports[1]?.warnings).toContain("the ninjs item has no body text: a headline-only item");
  });

  it("leaves out, by name, the item of an array that has neither headline nor body, and keeps the good one", () => {
    const result = textUpload("batch.json", JSON.stringify([{ uri: "a", headline: "Fine", body_text: "Text." }, { uri: "b", versioncreated: "2031-12-03T08:15:00Z" }]));
    expect(result.ok && result.reports.map((report) => report.headline)).toEqual(["Fine"]);
    expect(result.ok && result.skipped).toEqual(["ninjs item 2: the ninjs item has neither a headline nor a body (`body_*`, `bodies`)"]);
  });

  it("says which items of a ninjs array are pictures rather than dropping them silently", () => {
    const result = textUpload("mixed.json", JSON.stringify([{ uri: "a", headline: "Fine", body_text: "Text." }, { uri: "p", type: "picture", headline: "Harbour at dawn" }]));
    expect(result.ok && result.skipped).toEqual(['ninjs item 2 ("Harbour at dawn"): of type "picture", not a text report']);
  });
});

describe("NewsML-G2", () => {
  it("reads a newsItem: guid, version, provider, headline, by, dateline, language, times and the XHTML body", () => {
    const report = only(reportsOf("newsml-item.xml"));
    expect(report).toMatchObject({
      source: "Tessaly Wire Service",
      externalId: "urn:newsml:tessaly-wire.example:20311203:varesh-0500",
      sourceVersion: "4",
      headline: "Aid convoy turned back at Varesh & Oskel checkpoints",
      byline: "Ilse Marrow",
      dateline: "VARESH, Karanor, Dec. 3",
      language: "en-US",
      url: "https://tessaly-wire.example/g2/varesh-0500",
      publishedAt: new Date("2031-12-03T12:20:00Z"),
      sourceUpdatedAt: new Date("2031-12-03T12:20:00Z"),
    });
    // the sub-head above the first paragraph is a kicker: kept in the HTML, not a paragraph
    expect(report.paragraphs).toEqual([
      "A convoy of 14 aid trucks was turned back at the Varesh crossing on Wednesday, the regional relief office said.",
      "Drivers said fighters of the Eastern Valley Front told them the road was “closed until further notice”.",
      "The relief office said it would try again on Thursday via the northern road.",
    ]);
    expect(report.html).toContain("<em>Eastern Valley Front</em>");
    expect(report.html).toContain("<h2>Aid convoy turned back</h2>");
  });

  it("reads every newsItem of a newsMessage, default and prefixed namespaces alike", () => {
    const reports = reportsOf("newsml-message.xml");
    expect(reports.map((report) => report.externalId)).toEqual([
      "urn:newsml:orrin-news.example:20311203:msg-1",
      "urn:newsml:orrin-news.example:20311203:msg-2",
      "urn:newsml:orrin-news.example:20311203:msg-3",
    ]);
    const [xhtml, inlineData, prefixed] = reports as [ParsedReport, ParsedReport, ParsedReport];
    expect(xhtml).toMatchObject({ source: "Orrin News Agency", byline: "Petra Lind", dateline: "VARESH, Dec 3 (ONA)", language: "en" });
    // no provider: the message's sender is the source
    expect(inlineData).toMatchObject({ source: "Orrin News Agency", sourceVersion: "2", html: null });
    expect(inlineData.paragraphs).toEqual([
      "Karanor's civil aviation authority closed the airspace over the eastern valley until further notice.",
      "Two regional flights were cancelled.",
    ]);
    expect(prefixed).toMatchObject({
      source: "Orrin News Agency (French service)",
      headline: "Le Front affirme tenir le poste-frontière de Varesh",
      dateline: "Varesh",
      language: "fr",
      publishedAt: new Date("2031-12-03T11:10:00Z"),
    });
    expect(prefixed.paragraphs).toEqual(["Le Front de la vallée orientale a affirmé mercredi contrôler le poste-frontière de Varesh.", "Le gouvernement dément."]);
  });

  it("names the newsItem of a message that has neither headline nor text", () => {
    const message = `<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>
      <newsItem guid="a"><contentMeta><headline>Has text</headline></contentMeta><contentSet><inlineData>Text.</inlineData></contentSet></newsItem>
      <newsItem guid="b"><contentMeta></contentMeta><contentSet></contentSet></newsItem>
    </itemSet></newsMessage>`;
    const result = textUpload("message.xml", message);
    expect(!result.ok && result.error).toBe("message.xml: newsItem 2: the NewsML-G2 newsItem has neither a headline nor text in its contentSet");
  });
});

describe("RSS and Atom", () => {
  it("uses content:encoded over the description, the guid as id and the channel title as source", () => {
    const reports = reportsOf("rss-full.xml");
    expect(reports).toHaveLength(2);
    expect(reports[0]).toMatchObject({
      source: "Varesh Chronicle",
      externalId: "https://varesh-chronicle.example/2031/12/03/power-cut",
      headline: "Night of shelling leaves Varesh without power",
      byline: "Mira Sollen",
      dateline: "VARESH, Dec 3",
      language: "en",
      url: "https://varesh-chronicle.example/2031/12/03/power-cut",
      publishedAt: new Date("2031-12-03T05:30:00Z"),
    });
    expect(reports[0]?.paragraphs).toEqual([
      "VARESH, Dec 3 — Most of Varesh was without electricity on Wednesday after shelling damaged the main substation, the city council said.",
      "Council engineers said repairs could take up to a week.",
      "Residents queued for water at the town well & the mosque.",
    ]);
    expect(reports[0]?.html).not.toMatch(/teaser|<img|onerror/);
    // a guid that is not a permalink is still the id; the link is the URL
    expect(reports[1]).toMatchObject({ externalId: "vc-2031-12-03-shelters", url: "https://varesh-chronicle.example/2031/12/03/shelters" });
  });

  it("falls back to the description and the link when there is no full content", () => {
    const [escapedHtml, plainText] = reportsOf("rss-description.xml") as [ParsedReport, ParsedReport];
    expect(escapedHtml).toMatchObject({
      source: "Lowmarch Evening Post",
      externalId: "https://lowmarch-post.example/news/refugees-varesh",
      url: "https://lowmarch-post.example/news/refugees-varesh",
      byline: "Jonas Ferre",
      publishedAt: new Date("2031-12-03T18:00:00Z"),
      paragraphs: ["About 300 people from Varesh reached Lowmarch by bus on Wednesday, the mayor said.", "More buses are expected."],
    });
    // an RSS <source> names the channel an aggregator took the item from: a credit, not the outlet
    expect(plainText).toMatchObject({ source: "Lowmarch Evening Post", credit: "Lowmarch Council", html: null, paragraphs: ["The central school will host 40 families from the east.", "Lessons move online for a week."] });
  });

  it("reads Atom entries: xhtml and html content, authors, published/updated and xml:lang", () => {
    const [english, german] = reportsOf("atom.xml") as [ParsedReport, ParsedReport];
    expect(english).toMatchObject({
      source: "Kestrel Press — Karanor live",
      externalId: "tag:kestrel-press.example,2031:karanor-live/ceasefire-talks",
      headline: "Ceasefire talks proposed for Friday",
      byline: "Anouk Verhal, Rafe Doran",
      language: "en",
      url: "https://kestrel-press.example/karanor/ceasefire-talks",
      publishedAt: new Date("2031-12-03T14:00:00Z"),
      sourceUpdatedAt: new Date("2031-12-03T14:40:00Z"),
    });
    expect(english.html).toContain("<em>consider</em>");
    expect(german).toMatchObject({
      headline: "Waffenruhe vorgeschlagen",
      language: "de",
      // no <published>: the update time is the best publication time there is
      publishedAt: new Date("2031-12-03T14:50:00Z"),
      paragraphs: ["Vermittler schlugen Gespräche für Freitag vor."],
    });
  });

  it("leaves out an unreadable item with its reason and keeps the others", () => {
    const feed = `<rss version="2.0"><channel><title>T</title>
      <item><title>Fine</title><description>Body.</description></item>
      <item><link>https://x.example/2</link></item>
      <item><title>Only a title</title><link>https://x.example/3</link></item>
    </channel></rss>`;
    const result = textUpload("feed.rss", feed);
    expect(result).toMatchObject({ ok: true, skipped: ["item 2: neither a title nor any text"] });
    expect(result.ok && result.reports.map((report) => report.headline)).toEqual(["Fine", "Only a title"]);
  });
});

describe("HTML pages", () => {
  it("keeps the article and drops navigation, ads, comments and the sidebar", () => {
    const report = only(reportsOf("news-page.html"));
    expect(report).toMatchObject({
      source: "Harrowgate Herald",
      externalId: "https://harrowgate-herald.example/world/karanor-families-flee",
      url: "https://harrowgate-herald.example/world/karanor-families-flee",
      headline: "Families flee eastern valley as fighting spreads",
      byline: "Lena Ostrova",
      dateline: "BRISK, Karanor, Dec 3",
      language: "en",
      publishedAt: new Date("2031-12-03T16:20:00Z"),
      sourceUpdatedAt: new Date("2031-12-03T18:05:00Z"),
    });
    expect(report.paragraphs).toHaveLength(6);
    expect(report.paragraphs[0]).toMatch(/^BRISK, Karanor, Dec 3 — Hundreds of families/);
    const everything = `${report.paragraphs.join("\n")}\n${report.html}`;
    for (const chrome of ["Subscribe", "ADVERTISEMENT", "Zephyr", "Reader99", "Most read", "All rights reserved", "Post comment"]) {
      expect(everything).not.toContain(chrome);
    }
  });
});

describe("HTML pages that are only a list", () => {
  const page = (body: string) =>
    `<!doctype html><html lang="en"><head><title>Dam breach: key points | Osk Valley Post</title><meta property="og:type" content="article"><meta property="og:site_name" content="Osk Valley Post"></head><body><main><h1>Dam breach: key points</h1>${body}</main></body></html>`;
  const items = ["Water from the breached Veyda dam reached the town of Oskel on Tuesday, officials said.", "Six hundred people were moved to schools on higher ground overnight.", "The northern road will stay closed until engineers have checked both bridges.", "More rain is expected in the hills on Thursday, the weather service said."];

  it.each([
    ["an unordered list", `<ul>${items.map((item) => `<li>${item}</li>`).join("")}</ul>`],
    ["an ordered list of paragraphs", `<ol>${items.map((item) => `<li><p>${item}</p></li>`).join("")}</ol>`],
  ])("refuses a page that is only %s, naming the format and the reason", (_, body) => {
    const result = textUpload("points.html", page(body));
    expect(result).toMatchObject({ ok: false, format: "html", code: "unsupported" });
    expect(!result.ok && result.error).toMatch(/^points\.html: the HTML page is only a list and headings \(4 items\), with no paragraph of running text/);
  });

  it("keeps a page with running text and a list, marking list items as bullets and headings as sub-heads", () => {
    const result = textUpload("story.html", page(`<p>${items[0]}</p><h2>What we know</h2><ul>${items.slice(1).map((item) => `<li>${item}</li>`).join("")}</ul><p>${items[3]}</p>`));
    expect(result.ok).toBe(true);
    const report = result.ok ? result.reports[0]! : null;
    expect(report?.paragraphs).toEqual([items[0], "What we know", items[1], items[2], items[3], items[3]]);
    expect(report?.paragraphKinds).toEqual(["paragraph", "subhead", "bullet", "bullet", "bullet", "paragraph"]);
    expect(report?.dek).toBeNull();
  });
});

describe("deks in structured formats", () => {
  it("reads NITF hl2 and a ninjs subheadline as the dek, not as body text", () => {
    const nitf = textUpload("d.xml", `<nitf><head><title>Dam breach</title></head><body><body.head><hedline><hl1>Dam breach floods Oskel</hl1><hl2>Six hundred people moved overnight</hl2></hedline></body.head><body.content><p>Water reached the town on Tuesday.</p></body.content></body></nitf>`);
    expect(nitf).toMatchObject({ ok: true, format: "nitf", reports: [{ dek: "Six hundred people moved overnight", paragraphs: ["Water reached the town on Tuesday."] }] });
    const ninjs = textUpload("d.json", JSON.stringify({ uri: "urn:osk:1", headlines: [{ role: "main", value: "Dam breach floods Oskel" }, { role: "subheadline", value: "Six hundred people moved overnight" }], body_text: "Water reached the town on Tuesday." }));
    expect(ninjs).toMatchObject({ ok: true, format: "ninjs", reports: [{ headline: "Dam breach floods Oskel", dek: "Six hundred people moved overnight" }] });
  });

  it("reads a NewsML-G2 sub-headline as the dek", () => {
    const g2 = textUpload(
      "d.xml",
      `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:oskel:1" version="1" standard="NewsML-G2" standardversion="2.29"><itemMeta><itemClass qcode="ninat:text"/><provider literal="Oskel News Agency"/><versionCreated>2031-12-03T10:00:00Z</versionCreated></itemMeta><contentMeta><headline role="hld:main">Dam breach floods Oskel</headline><headline role="hld:subHeadline">Six hundred people moved overnight</headline></contentMeta><contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Water reached the town on Tuesday.</p></body></html></inlineXML></contentSet></newsItem>`,
    );
    expect(g2).toMatchObject({ ok: true, format: "newsml-g2", reports: [{ headline: "Dam breach floods Oskel", dek: "Six hundred people moved overnight", paragraphs: ["Water reached the town on Tuesday."] }] });
  });
});

describe("plain text and Markdown", () => {
  it("takes the headline, byline and dateline from a plain-text report and joins wrapped lines", () => {
    const report = only(reportsOf("plain-report.txt"));
    expect(report).toMatchObject({ headline: "Rebels and army trade claims over Varesh crossing", byline: "Tomas Quell", dateline: "VARESH, Dec 3 (TWS)", html: null });
    expect(report.paragraphs).toEqual([
      "VARESH, Dec 3 (TWS) — Both sides in Karanor's eastern valley claimed on Wednesday to control the Varesh border crossing, the main route to the coast.",
      "The Eastern Valley Front said its fighters had held the customs buildings since dawn. The army said it was \"advancing toward\" the crossing.",
      "Residents said shelling stopped around noon.",
    ]);
  });

  it("strips Markdown to its words: heading as headline, emphasis and link targets removed, list items as paragraphs", () => {
    const report = only(reportsOf("report.md"));
    expect(report).toMatchObject({ headline: "Hospital in Oskel asks for blood donors", byline: "Petra Lind", dateline: "OSKEL, Dec 3 (ONA)" });
    expect(report.paragraphs).toEqual([
      "OSKEL, Dec 3 (ONA) — The district hospital in Oskel asked residents to donate blood after treating more than 40 wounded people, its director said in a statement.",
      "What the hospital needs:",
      "blood of all groups",
      "bandages and antiseptic",
      "volunteers for the night shift",
      "\"We are working around the clock,\" the director said.",
    ]);
  });
});

describe("format detection", () => {
  it("trusts the content over a lying or missing extension", () => {
    const rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>T</title><description>Body text.</description></item></channel></rss>';
    expect(textUpload("feed.txt", rss)).toMatchObject({ ok: true, format: "rss" });
    expect(textUpload("feed", rss)).toMatchObject({ ok: true, format: "rss" });
    expect(textUpload("story.txt", JSON.stringify({ uri: "u", headline: "H", body_text: "Body." }))).toMatchObject({ ok: true, format: "ninjs" });
    expect(textUpload("page.xml", "<!DOCTYPE html><html><body><p>Body of the page.</p></body></html>")).toMatchObject({ ok: true, format: "html" });
    expect(textUpload("notes", "# Title\n\nSome **bold** text.")).toMatchObject({ ok: true, format: "markdown" });
    expect(textUpload("item.json", '<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><id>e</id><title>T</title><summary>S.</summary></entry></feed>')).toMatchObject({ ok: true, format: "atom" });
  });

  it("keeps text that merely starts with a bracket or a tag as text", () => {
    const result = textUpload("update.txt", "[UPDATE] Crossing reopened\n\nThe crossing reopened at noon.");
    expect(result).toMatchObject({ ok: true, format: "text", reports: [{ headline: "[UPDATE] Crossing reopened" }] });
  });

  it("names an XML vocabulary it does not read", () => {
    expect(textUpload("doc.xml", "<catalog><book/></catalog>")).toEqual({
      ok: false,
      format: null,
      code: "unsupported",
      error: "doc.xml: XML root element <catalog> is not a news format this desk reads (NewsML-G2, NewsML 1.x, NITF, RSS or Atom)",
    });
  });
});

describe("parse results", () => {
  it("reports the format it detected even when it rejects the file", () => {
    expect(parseFixture("hostile/truncated.xml")).toMatchObject({ ok: false, format: "rss" });
    expect(parseFixture("hostile/ninjs-no-body.json")).toMatchObject({ ok: true, format: "ninjs", reports: [{ paragraphs: [] }] });
  });
});
