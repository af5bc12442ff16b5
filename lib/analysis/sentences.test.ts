import { describe, expect, it } from "vitest";
import { DEMO_WIRE_REPORTS } from "@/lib/demo/wire-reports";
import { splitSentences, type Sentence } from "./sentences";

/** Every sentence's offsets cut exactly its text out of the original string. */
function expectExactOffsets(text: string, sentences: readonly Sentence[]): void {
  for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
}

function textsOf(text: string): string[] {
  const sentences = splitSentences(text);
  expectExactOffsets(text, sentences);
  return sentences.map((sentence) => sentence.text);
}

describe("splitting a report into sentences", () => {
  it("ends a sentence at an unpunctuated headline, byline, masthead or LIVE title line", () => {
    const text = "LIVE: Harbour fire\n09:40 - Meridian reports that two cranes burned.\nBy Irena Volt, Continental Press\nVARESH - The fire spread to a warehouse, police said.";
    expect(textsOf(text)).toEqual([
      "LIVE: Harbour fire",
      "09:40 - Meridian reports that two cranes burned.",
      "By Irena Volt, Continental Press",
      "VARESH - The fire spread to a warehouse, police said.",
    ]);
  });

  it("keeps a hard-wrapped paragraph's lines together", () => {
    const text =
      "Fighters of the Eastern Liberation Command seized the crossing at dawn on\nTuesday after a night of shelling that residents said had lasted for more\nthan six hours, two army sources said. The ministry did not respond.";
    expect(textsOf(text)).toEqual([
      "Fighters of the Eastern Liberation Command seized the crossing at dawn on\nTuesday after a night of shelling that residents said had lasted for more\nthan six hours, two army sources said.",
      "The ministry did not respond.",
    ]);
  });

  it("runs a hard-wrapped sentence on to a name when its line stops mid-phrase, among lines that end sentences", () => {
    const text = "Security forces searched the old town.\nPolice arrested four men in raids in the city's\nQasba district, the ministry said.\nFive of the nine carriages came off the track on the bridge over the\nIstra late on Friday.";
    expect(textsOf(text)).toEqual([
      "Security forces searched the old town.",
      "Police arrested four men in raids in the city's\nQasba district, the ministry said.",
      "Five of the nine carriages came off the track on the bridge over the\nIstra late on Friday.",
    ]);
  });

  it("keeps a dateline with its lead sentence and cuts after the attribution", () => {
    const text =
      "VARESH, Dec 3 (Northgate) — Fighters of the Eastern Liberation Command seized the Tel Hamra crossing, two army sources said. The defence ministry did not respond.";
    expect(textsOf(text)).toEqual([
      "VARESH, Dec 3 (Northgate) — Fighters of the Eastern Liberation Command seized the Tel Hamra crossing, two army sources said.",
      "The defence ministry did not respond.",
    ]);
  });

  it("does not cut after abbreviations, titles, initials or months", () => {
    const text = "Gen. Tamas Velid said the U.N. mission had left on Dec. 3 at 4 a.m. Tuesday. Maj. Gen. Osrek met Lt. Col. Arvandi at St. Mary's. U.N. officials said 40 people died.";
    expect(textsOf(text)).toEqual([
      "Gen. Tamas Velid said the U.N. mission had left on Dec. 3 at 4 a.m. Tuesday.",
      "Maj. Gen. Osrek met Lt. Col. Arvandi at St. Mary's.",
      "U.N. officials said 40 people died.",
    ]);
  });

  it("ends a sentence after a closing quote, straight or curly", () => {
    const text = "He said: “We won.” Then he left. She said, \"It’s over.\" A third — unnamed — source disagreed.";
    expect(textsOf(text)).toEqual(["He said: “We won.”", "Then he left.", "She said, \"It’s over.\"", "A third — unnamed — source disagreed."]);
  });

  it("indexes text with diacritics, em dashes and characters outside the basic plane exactly", () => {
    const text = "Çağlar Öztürk, of Deir ez-Zor, said “naïve” things — and more. 🚀 Rockets 😀 hit Qaryat Nour at 4.20pm, residents said.\n\nNext paragraph.";
    expect(textsOf(text)).toEqual([
      "Çağlar Öztürk, of Deir ez-Zor, said “naïve” things — and more.",
      "🚀 Rockets 😀 hit Qaryat Nour at 4.20pm, residents said.",
      "Next paragraph.",
    ]);
  });

  it("never crosses a paragraph break, even without a full stop", () => {
    const text = "Share this article | Follow the Herald\n\n(Corrects number of soldiers killed in paragraph 3 to 12 from 21)\n\n-- Reporting by Dario Fenn; Editing by Catherine Abell";
    const sentences = splitSentences(text);
    expectExactOffsets(text, sentences);
    expect(sentences).toHaveLength(3);
    for (const sentence of sentences) expect(sentence.text).not.toContain("\n");
  });

  it("treats a single line break inside a paragraph as a space, not as part of a sentence", () => {
    const text = "Troops withdrew.\nLine two of the same paragraph.\n\n\n  \n\nThird.";
    expect(textsOf(text)).toEqual(["Troops withdrew.", "Line two of the same paragraph.", "Third."]);
  });

  it("starts a bulleted or numbered item's sentence at its first word, and a heading above a list stays apart", () => {
    const text = "Harrow dam news.\n\nWhat we know\n• 300 people were moved from three villages.\n- Schools in the valley are closed.\n1. Engineers will inspect the wall.\n2) Roads were shut.\n\nThe vote was 3-2 in favour.";
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual([
      "Harrow dam news.",
      "What we know",
      "300 people were moved from three villages.",
      "Schools in the valley are closed.",
      "Engineers will inspect the wall.",
      "Roads were shut.",
      "The vote was 3-2 in favour.",
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it("returns no sentences for empty or blank text", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences(" \n\n \n")).toEqual([]);
  });

  it("cuts every demo wire report into sentences whose offsets match the text exactly", () => {
    for (const report of DEMO_WIRE_REPORTS) {
      const text = report.paragraphs.join("\n\n");
      const sentences = splitSentences(text);
      expectExactOffsets(text, sentences);
      expect(sentences.length).toBeGreaterThanOrEqual(report.paragraphs.length);
      // sentences come in text order and never overlap
      for (let i = 1; i < sentences.length; i++) expect(sentences[i]!.start).toBeGreaterThanOrEqual(sentences[i - 1]!.end);
    }
  });
});
