import { describe, expect, it } from "vitest";
import { parseMarkdown, parsePlainText, stripInlineMarkdown } from "./plain-text";
import { detectDateline } from "./text-normalize";

describe("plain text", () => {
  it("uses the file name as headline when the first line is long", () => {
    const long = `${"The fighting around the crossing went on through the night, ".repeat(4)}officials said.`;
    const report = parsePlainText(`${long}\n\nSecond paragraph.`, "C:\\fakepath\\varesh-night.final.txt");
    expect(report.headline).toBe("varesh-night.final");
    expect(report.paragraphs).toEqual([long, "Second paragraph."]);
  });

  it("keeps a first line that runs straight into more text in the body, never losing words", () => {
    const report = parsePlainText("Rebel forces seized the main border crossing at\nVaresh on Tuesday, officials said.", "wrapped.txt");
    expect(report.headline).toBe("wrapped");
    expect(report.paragraphs).toEqual(["Rebel forces seized the main border crossing at Varesh on Tuesday, officials said."]);
  });

  it("takes a headline followed directly by a byline or a dateline", () => {
    expect(parsePlainText("Crossing reopens\nBy Jane Roe\nThe crossing reopened.", "a.txt")).toMatchObject({
      headline: "Crossing reopens",
      byline: "Jane Roe",
      paragraphs: ["The crossing reopened."],
    });
    expect(parsePlainText("Crossing reopens\nVARESH, Dec 4 (TWS) — The crossing reopened.", "a.txt")).toMatchObject({
      headline: "Crossing reopens",
      dateline: "VARESH, Dec 4 (TWS)",
      paragraphs: ["VARESH, Dec 4 (TWS) — The crossing reopened."],
    });
  });

  it("treats a single line as the body, not as a headline with nothing under it", () => {
    expect(parsePlainText("Shelling resumed near Varesh.", "flash.txt")).toMatchObject({ headline: "flash", paragraphs: ["Shelling resumed near Varesh."] });
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
