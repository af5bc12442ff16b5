import { describe, expect, it } from "vitest";
import { hasWordVectors, wordSimilarity } from "../vectors/word-vectors";
import { meaningWords, softOverlap } from "./meaning";

const even = () => 1;
const overlap = (a: string, b: string) => softOverlap(meaningWords(a), meaningWords(b), even);

describe("comparing what claims say through word vectors", () => {
  it("has the compact vectors derived at install", () => {
    expect(hasWordVectors()).toBe(true);
    expect(wordSimilarity("captured", "seized")).toBeGreaterThan(wordSimilarity("captured", "visited"));
    expect(wordSimilarity("quake", "quake")).toBe(1);
    expect(wordSimilarity("zzzq", "quake")).toBe(0);
  });

  it("aligns a paraphrase more closely than a sentence on another matter", () => {
    const paraphrase = overlap("A powerful earthquake shook the south before dawn.", "A strong quake rocked the south early in the morning.");
    const other = overlap("A powerful earthquake shook the south before dawn.", "Schools will stay closed until the end of the week.");
    expect(Math.min(paraphrase.ab, paraphrase.ba)).toBeGreaterThan(0.4);
    expect(Math.max(other.ab, other.ba)).toBeLessThan(0.25);
  });

  it("matches compass points, numbers in words and names only exactly, and leaves days to the date comparison", () => {
    expect(meaningWords("on Tuesday morning")).toEqual([]);
    // vectors put these next to their siblings; as facts they differ
    for (const [a, b] of [["southeast of the town", "southwest of the town"], ["nine houses", "eleven houses"], ["the mayor of Varesh", "the mayor of Halvek"]] as const) {
      const words = (text: string) => meaningWords(text).filter((w) => w.exactOnly).map((w) => w.key);
      const { ab } = softOverlap(meaningWords(a).filter((w) => w.exactOnly), meaningWords(b), even);
      expect(words(a).length, a).toBeGreaterThan(0);
      expect(ab, `${a} / ${b}`).toBe(0);
    }
  });

  it("leaves out stop words and repeats, and weighs words by the weight given", () => {
    expect(meaningWords("The the river rose and the river fell.").map((w) => w.word)).toEqual(["river", "rose", "fell"]);
    const bridge = meaningWords("bridge")[0]!.key;
    const rare = (key: string) => (key === bridge ? 10 : 1);
    const { ab } = softOverlap(meaningWords("The bridge collapsed overnight."), meaningWords("The bridge is closed."), rare);
    expect(ab).toBeGreaterThan(0.75);
  });
});
