import { describe, expect, it } from "vitest";
import { FLOOD_SET, QUAKE_SET, SHIP_SET, STRIKE_SET } from "../fixtures/facts/labels";
import { formatScore, readFixture, scoreFixtures } from "../fixtures/facts/score";
import { analyzeFiles } from "./analyze-files";

// the earthquake in four styles (agency wire, byline story, live blog, machine translation);
// thresholds are floors the analysis meets, so a regression on unseen-style wires shows
const QUAKE_FILES = ["a", "b", "c", "d"].map((name) => ({ file: `${name}.txt`, text: readFixture(`heldout-quake/${name}.txt`) }));

describe("fact analysis on unseen-style probe sets", () => {
  const out = analyzeFiles(QUAKE_FILES);
  const textOf = (id: string) => out.claims.find((c) => c.id === id)!;
  // a claim whose sentence states several facts is in each of them: the fact meant is the one
  // where most claims of other reports agree with `also`
  const factWith = (quote: string, also: RegExp = /(?:)/u) =>
    out.facts
      .filter((fact) => fact.claimIds.some((id) => textOf(id).text.includes(quote)))
      .sort((x, y) => y.claimIds.filter((id) => also.test(textOf(id).text)).length - x.claimIds.filter((id) => also.test(textOf(id).text)).length)[0];

  it("never glues a headline, byline, masthead or LIVE title to the first sentence", () => {
    for (const claim of out.claims) {
      expect(claim.text).not.toMatch(/\n/u);
      expect(claim.text).not.toMatch(/^(?:By |LIVE|Kessarin Daily News|\d{1,2}:\d{2})/u);
    }
    expect(out.claims.some((c) => c.text === "About 150 people were hurt.")).toBe(true);
  });

  it("groups the death toll across at least three files and flags the differing figure", () => {
    const toll = factWith("death toll", /killed|dead|death toll/u);
    expect(toll).toBeDefined();
    expect(new Set(toll!.claimIds.map((id) => textOf(id).file)).size).toBeGreaterThanOrEqual(3);
    const number = toll!.conflicts.find((c) => c.kind === "NUMBER");
    expect(number?.detail).toMatch(/^Killed/u);
    expect(number?.detail).toContain("31");
    // the magnitude is not a toll
    expect(number?.detail).not.toContain("6.1");
    // "Reuters reports that ..." is Reuters' claim
    expect(toll!.sources).toContain("Reuters");
  });

  it("groups the building collapse across three spellings of the town and flags two vs three", () => {
    const collapse = factWith("collapsed three residential buildings", /collapsed|fallen/u);
    expect(collapse).toBeDefined();
    const texts = collapse!.claimIds.map((id) => textOf(id).text);
    expect(texts.filter((t) => /Al-Mirwa|Almirwa|Mirwa town/u.test(t)).length).toBeGreaterThanOrEqual(3);
    expect(collapse!.conflicts.find((c) => c.kind === "NUMBER")?.detail).toMatch(/two.*three|three.*two/iu);
  });

  it("groups the road closure and the army deployment", () => {
    const road = factWith("landslides blocked the main road");
    expect(road?.claimIds.some((id) => textOf(id).text.includes("closed by landslides"))).toBe(true);
    const army = factWith("army troops are being sent");
    expect(army?.claimIds.some((id) => textOf(id).text.includes("army soldiers are sent"))).toBe(true);
  });

  it("meets modest floors on the quake, port-strike, tanker and flood sets", () => {
    for (const [name, set] of [["quake", QUAKE_SET], ["strike", STRIKE_SET], ["ship", SHIP_SET], ["flood", FLOOD_SET]] as const) {
      const score = scoreFixtures(set);
      console.log(formatScore(`facts ${name} probe`, score));
      expect(score.precision).toBeGreaterThanOrEqual(0.85);
      expect(score.recall).toBeGreaterThanOrEqual(0.75);
      expect(score.coverage).toBeGreaterThanOrEqual(0.85);
      expect(score.conflictRecall).toBeGreaterThanOrEqual(0.5);
    }
  });
});
