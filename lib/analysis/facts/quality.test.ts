import { describe, expect, it } from "vitest";
import { HELD_OUT_SET, MAIN_SET } from "../fixtures/facts/labels";
import { formatScore, scoreFixtures } from "../fixtures/facts/score";

describe("fact analysis on the labelled fixtures", () => {
  // The main set is the one the rule-based similarity was first written against (it scored
  // 0.97 / 0.85 here and far less on sets written by other hands). Since the rules' weights are
  // fitted on the independent sets (pair-model.ts), it is one more set with a ratchet at what
  // is reached: floors, not goals.
  it("groups, suggests and flags conflicts on the main set at least as well as it did", { timeout: 120_000 }, () => {
    const score = scoreFixtures(MAIN_SET);
    console.log(formatScore("facts main set", score));
    if (process.env.SHOW_MISSES) console.log(score.misses.join("\n"));
    expect(score.facts).toBeGreaterThanOrEqual(25);
    expect(score.reports).toBeGreaterThanOrEqual(10);
    expect(score.precision).toBeGreaterThanOrEqual(0.77);
    // 0.86 → 0.84 when two groups that each hold a sentence of one report needed stronger
    // evidence to merge (SHARED_REPORT_THRESHOLD): pair F1 rose on every independent set (flood
    // 0.73 → 0.77, ferry test split 0.65 → 0.70); precision here is 0.89; → 0.83 with the pair
    // model refit on the vetoes that keep parts, rises and possibilities apart (independent sets:
    // flood F1 0.79 → 0.81, ferry 0.70 → 0.72; precision here 0.81)
    expect(score.recall).toBeGreaterThanOrEqual(0.83);
    expect(score.coverage).toBeGreaterThanOrEqual(0.9);
    expect(score.suggestedShare).toBeLessThan(0.9);
    expect(score.conflictRecall).toBeGreaterThanOrEqual(0.8);
  });

  it("reports its figures on the held-out ferry set (a different event, not tuned on)", { timeout: 120_000 }, () => {
    const score = scoreFixtures(HELD_OUT_SET);
    console.log(formatScore("facts held-out set", score));
    // a sanity floor, not a target: the held-out set is small and guards against overfitting
    expect(score.precision).toBeGreaterThanOrEqual(0.6);
    expect(score.recall).toBeGreaterThanOrEqual(0.5);
  });
});
