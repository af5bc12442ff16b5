import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateSet, FACTS_DEV_DIR, loadFactsDev, loadOwnSet, OWN_SETS, type LoadedSet } from "../fixtures/sets/run-sets";
import { formatMentionScore } from "../fixtures/sets/score-mentions";

/**
 * Ratchets: the figures reached on each labeled set, so a change that makes any set worse fails.
 * They are floors measured on the sets, not goals; raise them when the analysis improves. Every
 * set must also beat the word-overlap baseline's best pairwise F1 over its thresholds. The dev
 * sets (and facts-dev) are fitted and tuned on; the test splits never are.
 */
const RATCHETS = {
  // precision was 0.77 when a claim was a facet (a clause) and sat in one fact; a claim is now its
  // whole sentence and stands in every fact its facets join, so each labeled mention it covers is
  // judged in each of them: recall and F1 on the dev sets rose (rail 0.77 → 0.88, flood 0.59 →
  // 0.67, facts-dev 0.63 → 0.66) and precision came back to within 0.01 of where it was
  // a list item's sentence starts after its mark and a short count with its verb ("22 people are
  // missing.") is suggested: facts-dev recall 0.58 → 0.63, flood 0.59 → 0.67, ferry F1 0.60 → 0.61
  // precision 0.76 → 0.81 when claims that can never state one fact were kept apart: a part of a
  // toll and the toll, a rise and a level, a possibility and a count, a report of no harm and a figure
  "facts-dev": { coverage: 0.99, recall: 0.63, precision: 0.81, rightKind: 10 },
  dev: { coverage: 1.0, recall: 0.83, precision: 0.93, rightKind: 5 },
  // flood precision 0.79 → 0.78 when coordinated clauses with their own subject and verb became
  // facets (its F1 held at 0.67 while facts-dev's rose 0.65 → 0.66), and → 0.77 when flows and
  // heights became quantities of their own (F1 held; the release-rate conflict is now found)
  // and → 0.76 with the short counted statements above (recall 0.59 → 0.67, F1 0.67 → 0.71)
  // and 0.76 → 0.84 (recall 0.67 → 0.68, distractors pulled 4 → 1) with the same vetoes, a year
  // after "since" that dates no event, and "Separately, ..." items kept out of the story's facts
  flood: { coverage: 0.99, recall: 0.68, precision: 0.84, rightKind: 8 },
  test: { coverage: 1.0, recall: 0.94, precision: 1.0, rightKind: 3 },
  // ferry recall 0.65 → 0.63 (F1 0.61 → 0.60) when flows and heights became quantities of their
  // own; kept for the conflicts they make comparable (right kind 6 → 7 here, 7 → 8 on flood)
  // precision 0.59 → 0.62 with the vetoes above (scored once, never tuned on)
  ferry: { coverage: 0.97, recall: 0.63, precision: 0.62, rightKind: 7 },
} as const;

function checkSet(name: keyof typeof RATCHETS, set: LoadedSet) {
  const e = evaluateSet(set);
  console.log(`${set.labels.name}: analysis ${formatMentionScore(e.analysis)}`);
  console.log(`${set.labels.name}: word-overlap baseline, best of Jaccard ${e.baseline.map((b) => b.threshold).join("/")}: (${e.baselineBest.threshold}) ${formatMentionScore(e.baselineBest.score)}`);
  if (process.env.SHOW_MISSES) console.log(e.analysis.lines.join("\n"));
  const floor = RATCHETS[name];
  // figures as printed (two decimals), so a ratchet reads like the scorer's summary
  const printed = (x: number) => Math.round(x * 100) / 100;
  expect(printed(e.analysis.coverage)).toBeGreaterThanOrEqual(floor.coverage);
  expect(printed(e.analysis.recall)).toBeGreaterThanOrEqual(floor.recall);
  expect(printed(e.analysis.precision)).toBeGreaterThanOrEqual(floor.precision);
  expect(e.analysis.conflicts.rightKind).toBeGreaterThanOrEqual(floor.rightKind);
  expect(e.analysis.f1, "pairwise F1 against the word-overlap baseline's best").toBeGreaterThanOrEqual(e.baselineBest.score.f1);
  return e;
}

// a whole set is analysed (and, for facts-dev, scored again by its own scorer): seconds, not milliseconds
const SET_TIMEOUT = 120_000;

describe("fact analysis on labeled report sets, beside the word-overlap baseline", () => {
  it("every labeled mention occurs exactly once in its report", () => {
    for (const labels of Object.values(OWN_SETS)) {
      const set = loadOwnSet(labels);
      const text = new Map(set.files.map((f) => [path.basename(f.file).slice(0, 3), f.text]));
      const all = [...Object.values(labels.facts), ...Object.values(labels.distractors)].flatMap(([, mentions]) => mentions);
      for (const [prefix, quote] of all) expect(text.get(prefix)!.split(quote).length - 1, `${labels.name} ${prefix}: ${quote}`).toBe(1);
      for (const [fact] of labels.conflicts) expect(labels.facts[fact], `${labels.name} conflict on ${fact}`).toBeDefined();
    }
  });

  it("holds its figures on the own development set (rail derailment)", { timeout: SET_TIMEOUT }, () => {
    checkSet("dev", loadOwnSet(OWN_SETS.dev));
  });

  it("holds its figures on the own development set (river flood)", { timeout: SET_TIMEOUT }, () => {
    checkSet("flood", loadOwnSet(OWN_SETS.flood));
  });

  it("holds its figures on the own test split (port explosion, never tuned on)", { timeout: SET_TIMEOUT }, () => {
    checkSet("test", loadOwnSet(OWN_SETS.test));
  });

  it("holds its figures on the own test split (ferry sinking, never tuned on)", { timeout: SET_TIMEOUT }, () => {
    checkSet("ferry", loadOwnSet(OWN_SETS.ferry));
  });

  const factsDev = loadFactsDev();
  it.skipIf("missing" in factsDev)("holds its figures on the shared facts-dev set, and the scorer port agrees with its scorer", { timeout: SET_TIMEOUT }, () => {
    const set = factsDev as LoadedSet;
    const e = checkSet("facts-dev", set);
    // the python scorer is the reference: its summary line must match the port's
    const dir = mkdtempSync(path.join(tmpdir(), "facts-dev-"));
    try {
      const out = path.join(dir, "analysis.json");
      writeFileSync(out, JSON.stringify(e.output));
      const lines = execFileSync("python3", [path.join(FACTS_DEV_DIR, "score.py"), set.reportsDir, path.join(FACTS_DEV_DIR, "labels.py"), out], { encoding: "utf8" }).trim().split("\n");
      const s = e.analysis;
      expect(lines.at(-1)).toBe(`coverage ${s.coverage.toFixed(2)} recall ${s.recall.toFixed(2)} precision ${s.precision.toFixed(2)} conflicts ${s.conflicts.flagged}/${s.conflicts.labeled}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  if ("missing" in factsDev) console.log(`facts-dev set skipped: ${factsDev.missing}`);
});
