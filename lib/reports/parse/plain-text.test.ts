import { describe, expect, it } from "vitest";
import { parseMarkdown, parsePlainText, stripInlineMarkdown } from "./plain-text";
import { detectDateline } from "./text-normalize";

describe("plain text", () => {
  it("finds the outlet in a masthead line with a date or update stamp, and keeps the date", () => {
    const live = parsePlainText(["LIVE: Floods cut the Harwick road", "Tessaly 24 Live | Last updated 13:20 GMT, 17 March 2031", "", "Water rose above the bridge overnight, the fire service said."].join("\n"), "live.txt");
    expect(live).toMatchObject({ source: "Tessaly 24 Live", headline: "LIVE: Floods cut the Harwick road" });
    expect(live.publishedAt?.toISOString().slice(0, 10)).toBe("2031-03-17");
    const paper = parsePlainText(["Floods: what to know", "", "The Harwick Dispatch | World | March 18, 2031", "", "The river burst its banks at dawn, officials said."].join("\n"), "paper.txt");
    expect(paper.source).toBe("Harwick Dispatch");
    // a section trail without a date is not a masthead
    expect(parsePlainText(["Rebels take the crossing", "Middle East | Politics", "", "Rebels seized the crossing, officials said."].join("\n"), "x.txt").source).toBeNull();
  });

  it("reads an outlet's name line above the section, a dotted date, a slash dateline and a footer with a date", () => {
    const local = parsePlainText(["Ostrava Valley News", "Society | Emergencies", "Flood in the valley: 12 people evacuated", "17.03.2031 13:40 | Ostrava", "Today the river rose by two metres in the town."].join("\n"), "local.txt");
    expect(local).toMatchObject({ source: "Ostrava Valley News", headline: "Flood in the valley: 12 people evacuated" });
    expect(local.publishedAt?.toISOString().slice(0, 10)).toBe("2031-03-17");
    const slash = parsePlainText(["Rescuers reach the valley", "", "HARWICK, 17 March 2031 / Steppe Daily / - Rescuers reached the flooded villages on Tuesday."].join("\n"), "s.txt");
    expect(slash).toMatchObject({ source: "Steppe Daily", dateline: "HARWICK, 17 March 2031 / Steppe Daily /" });
    const footer = parsePlainText(["Valley towns count the cost", "", "Shops reopened on Thursday.", "", "Published in The Harwick Herald, March 18th, 2031"].join("\n"), "f.txt");
    expect(footer.source).toBe("Harwick Herald");
  });

  it("skips a one-word section label above the headline", () => {
    expect(parsePlainText(["World", "", "Floods cut the Harwick road as the river rises", "", "Water rose above the bridge overnight."].join("\n"), "w.txt").headline).toBe("Floods cut the Harwick road as the river rises");
  });

  it("never takes the file name as headline: a first line that runs on stays in the body, with a warning", () => {
    const report = parsePlainText("Rebel forces seized the main border crossing at\nVaresh on Tuesday, officials said.", "wrapped.txt");
    expect(report.headline).toBe("");
    expect(report.paragraphs).toEqual(["Rebel forces seized the main border crossing at Varesh on Tuesday, officials said."]);
    expect(report.warnings).toContain("no headline line found (the first line runs into the text)");
  });

  it("reads a desk paste: section label, headline, dek, byline with outlet, date line, agency dateline, bullets, footer", () => {
    const text = [
      "WORLD | KARANOR",
      "Rebels and army trade claims over Varesh crossing",
      "Both sides say they hold the customs post",
      "By Ilse Marrow and Tomas Quell | Tessaly Wire Service",
      "December 3rd, 2031",
      "",
      "VARESH (Orrin News Agency) – Both sides in the eastern valley claimed on Wednesday",
      "to control the Varesh border crossing, the main route to the coast, as shelling",
      "continued through the night.",
      "The army said it was \"advancing toward\" the crossing.",
      "- Aid trucks were turned back.",
      "- Two flights were cancelled.",
    ].join("\n");
    expect(parsePlainText(text, "paste.txt")).toMatchObject({
      headline: "Rebels and army trade claims over Varesh crossing",
      byline: "Ilse Marrow and Tomas Quell",
      source: "Tessaly Wire Service",
      dateline: "VARESH (Orrin News Agency)",
      credit: "Orrin News Agency",
      publishedAt: new Date("2031-12-03T00:00:00Z"),
      publishedPrecision: "date",
      dek: "Both sides say they hold the customs post",
      paragraphs: [
        "VARESH (Orrin News Agency) – Both sides in the eastern valley claimed on Wednesday to control the Varesh border crossing, the main route to the coast, as shelling continued through the night.",
        "The army said it was \"advancing toward\" the crossing.",
        "- Aid trucks were turned back.",
        "- Two flights were cancelled.",
      ],
    });
  });

  it("keeps a dek, bullets and sub-heads as structure, with every word of the body as written", () => {
    const text = [
      "Dam breach floods lower Osk valley",
      "Hundreds moved to higher ground as water reaches the market town",
      "By Mira Tallen | Kestrel Press",
      "March 4th, 2031",
      "",
      "OSKEL (Orrin News Agency) – Water from the breached Veyda dam reached the market town of Oskel on Tuesday, officials said.",
      "The regional authority said 600 people had been moved to schools on higher ground.",
      "",
      "What we know",
      "• The breach opened at about 4 a.m.",
      "* Two bridges are closed.",
      "– The rail line is shut.",
      "1. Call the helpline first.",
      "2) Do not drive through water.",
      "",
      "Roads closed",
      "The northern road will stay closed until Thursday, engineers said.",
    ].join("\n");
    const report = parsePlainText(text, "dam.txt");
    expect(report).toMatchObject({ headline: "Dam breach floods lower Osk valley", dek: "Hundreds moved to higher ground as water reaches the market town", byline: "Mira Tallen", source: "Kestrel Press" });
    expect(report.paragraphs).toEqual([
      "OSKEL (Orrin News Agency) – Water from the breached Veyda dam reached the market town of Oskel on Tuesday, officials said.",
      "The regional authority said 600 people had been moved to schools on higher ground.",
      "What we know",
      "• The breach opened at about 4 a.m.",
      "* Two bridges are closed.",
      "– The rail line is shut.",
      "1. Call the helpline first.",
      "2) Do not drive through water.",
      "Roads closed",
      "The northern road will stay closed until Thursday, engineers said.",
    ]);
    expect(report.paragraphKinds).toEqual(["paragraph", "paragraph", "subhead", "bullet", "bullet", "bullet", "bullet", "bullet", "subhead", "paragraph"]);
  });

  it("takes a line under the headline as the dek when the dateline opens the next paragraph, and not otherwise", () => {
    const withDateline = parsePlainText("Dam breach floods Oskel\n\nSix hundred people moved overnight\n\nOSKEL (Kestrel Press) – Water reached the town on Tuesday.", "a.txt");
    expect(withDateline).toMatchObject({ dek: "Six hundred people moved overnight", paragraphs: ["OSKEL (Kestrel Press) – Water reached the town on Tuesday."] });
    // no byline, date line or dateline after it: it cannot be told from a first paragraph, so it stays in the body
    const plain = parsePlainText("Dam breach floods Oskel\n\nSix hundred people moved overnight.\n\nWater reached the town on Tuesday.", "b.txt");
    expect(plain.dek).toBeNull();
    expect(plain.paragraphs).toEqual(["Six hundred people moved overnight.", "Water reached the town on Tuesday."]);
    expect(plain.paragraphKinds).toEqual(["paragraph", "paragraph"]);
  });

  it("takes the outlet from an agency dateline, and a credit line as a credit, not the outlet", () => {
    const report = parsePlainText("Crossing reopens\nAuthor: Petra Lind\n\nOSKEL (Kestrel Press) - The crossing reopened at noon, 1 Dec 2031.\nThe Orrin News Agency reported long queues.", "a.txt");
    expect(report).toMatchObject({ source: "Kestrel Press", byline: "Petra Lind", credit: "Orrin News Agency", publishedAt: new Date("2031-12-01T00:00:00Z") });
    expect(report.paragraphs).toHaveLength(2);
  });

  it("takes the outlet and date from a publisher's footer", () => {
    const report = parsePlainText("Shelling resumes near Varesh\n\nShelling resumed on Thursday, residents said.\n\nPublished by the Harrowgate Herald on 2031-12-04.", "b.txt");
    expect(report).toMatchObject({ source: "Harrowgate Herald", publishedAt: new Date("2031-12-04T00:00:00Z"), publishedPrecision: "date" });
  });

  it("leaves a field it cannot find empty and says so", () => {
    const report = parsePlainText("Shelling resumed near Varesh.\nNobody was hurt.", "flash.txt");
    expect(report).toMatchObject({ source: null, byline: null, publishedAt: null });
    expect(report.warnings).toEqual(expect.arrayContaining(["no byline found", "no publication date found in the text"]));
  });

  it("rejects a file with only a headline and a byline as an empty body", () => {
    expect(() => parsePlainText("Headline\n\nBy Someone\n", "x.txt")).toThrow("empty body");
  });
});

describe("Markdown", () => {
  it("reads front matter and a setext heading", () => {
    const report = parseMarkdown("---\ntitle: \"From front matter\"\nauthor: Jane Roe\ndate: 2031-12-03T10:00:00Z\nsource: Kestrel Press\n---\nBody with `code` and ~~struck~~ words.\n", "x.md");
    expect(report).toMatchObject({
      headline: "From front matter",
      byline: "Jane Roe",
      source: "Kestrel Press",
      publishedAt: new Date("2031-12-03T10:00:00Z"),
      paragraphs: ["Body with code and struck words."],
    });
    expect(parseMarkdown("Setext title\n============\n\nBody.", "y.md")).toMatchObject({ headline: "Setext title", paragraphs: ["Body."] });
  });

  it("removes inline markup but keeps words, snake_case and escaped characters", () => {
    expect(stripInlineMarkdown("A **bold** and *it* and _em_ [link](https://x.example) ![img](y.png) in file_name_here \\*star\\*")).toBe(
      "A bold and it and em link  in file_name_here *star*",
    );
  });
});

describe("Markdown structure", () => {
  it("marks list items as bullets and later headings as sub-heads", () => {
    const report = parseMarkdown("# Dam breach floods Oskel\n\nWater reached the town on Tuesday.\n\n## What we know\n\n- Two bridges are closed.\n- The rail line is shut.\n", "d.md");
    expect(report.paragraphs).toEqual(["Water reached the town on Tuesday.", "What we know", "Two bridges are closed.", "The rail line is shut."]);
    expect(report.paragraphKinds).toEqual(["paragraph", "subhead", "bullet", "bullet"]);
  });
});

describe("datelines", () => {
  it.each([
    ["VARESH, Dec 3 (Agency) — Text", "VARESH, Dec 3 (Agency)"],
    ["NORTH VARESH (TWS) - Text", "NORTH VARESH (TWS)"],
    ["VARESH, Karanor, Dec. 3 -- Text", "VARESH, Karanor, Dec. 3"],
    ["OSKEL, Karanor (ONA) – Text", "OSKEL, Karanor (ONA)"],
  ])("finds %s", (paragraph, dateline) => {
    expect(detectDateline(paragraph)).toBe(dateline);
  });

  it.each(["A – sentence that starts with a dash", "Varesh, Dec 3 — lower-case place", "No dateline here."])("finds none in %s", (paragraph) => {
    expect(detectDateline(paragraph)).toBeNull();
  });
});
