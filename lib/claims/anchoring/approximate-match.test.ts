import { describe, expect, it } from "vitest";
import { bestApproximateMatch, editDistance, similarity, compareWords } from "./approximate-match";

describe("edit distance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("", "")).toBe(0);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("el-Maroun", "al-Marun")).toBe(2);
    expect(similarity("21 killed", "12 killed")).toBeCloseTo(1 - 2 / 9);
    expect(similarity("", "")).toBe(1);
  });

  it("finds the closest substring inside a window and reports its edits", () => {
    const text = "Shelling hit al-Marun overnight, officials said.";
    const match = bestApproximateMatch("el-Maroun overnight", text, 0, text.length, 6);
    expect(match).not.toBeNull();
    expect(text.slice(match!.start, match!.end)).toBe("al-Marun overnight");
    expect(match!.distance).toBe(2);
  });

  it("gives up when no substring is within the error budget", () => {
    expect(bestApproximateMatch("Qasr Dunaya", "Rebels crossed the river.", 0, 25, 2)).toBeNull();
  });

  it("agrees with the textbook dynamic programme on random texts, for patterns of one to five blocks", () => {
    // Sellers' O(m × n) table: the smallest distance from the pattern to any substring
    const naive = (pattern: string, text: string) => {
      let row = Array.from({ length: text.length + 1 }, () => 0);
      for (let i = 1; i <= pattern.length; i++) {
        const next = [i];
        for (let j = 1; j <= text.length; j++) {
          next[j] = Math.min(row[j - 1]! + (pattern[i - 1] === text[j - 1] ? 0 : 1), row[j]! + 1, next[j - 1]! + 1);
        }
        row = next;
      }
      return Math.min(...row.slice(1));
    };
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = "abcd é😢";
    const randomText = (length: number) => Array.from({ length }, () => alphabet[random(alphabet.length)]).join("");
    for (let round = 0; round < 200; round++) {
      const pattern = randomText(1 + random(150));
      const text = random(2) ? randomText(20 + random(300)) : `${randomText(random(40))}${pattern.slice(random(5))}${randomText(random(40))}`;
      const expected = naive(pattern, text);
      const match = bestApproximateMatch(pattern, text, 0, text.length, pattern.length);
      if (expected >= pattern.length) {
        expect(match).toBeNull();
        continue;
      }
      expect(match?.distance).toBe(expected);
      expect(editDistance(pattern, text.slice(match!.start, match!.end))).toBe(expected);
    }
  });
});

describe("word comparison", () => {
  it("counts kept words and separate edited places, forgiving respellings", () => {
    expect(compareWords("At least 21 civilians were killed", "At least 12 civilians were killed")).toEqual({ words: 6, kept: 5, regions: 1 });
    expect(compareWords("shelling near el-Maroun, officials said", "shelling near al-Marun, officials said")).toEqual({ words: 6, kept: 5, regions: 1 });
    expect(compareWords("rebels seized the crossing on Tuesday", "rebels shelled the crossing on Monday")).toEqual({ words: 6, kept: 4, regions: 2 });
    expect(compareWords("Rebels took the town", "Rebels, backed by militias, took the town")).toEqual({ words: 4, kept: 4, regions: 1 });
    expect(compareWords("Same words.", "same  words")).toEqual({ words: 2, kept: 2, regions: 0 });
  });
});
