/**
 * `npm run -s train:facts [-- --write]`: fits the learned combination of pairwise evidence
 * (lib/analysis/facts/pair-model.ts) on the development sets and prints, for every labeled set,
 * how well pairs separate (AUC, best pair F1) and the grouping's scores beside the word-overlap
 * baseline. Test splits are never fitted on; they are printed apart. With --write, the fitted
 * weights replace pair-model.ts.
 *
 * The model is a logistic regression with both classes weighted equally (same-fact pairs are a
 * few percent of all pairs) and a small L2 penalty; the threshold is the probability at which
 * the pooled pair F1 of the development sets peaks.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { featureFiles } from "@/lib/analysis/facts/analyze-files";
import { PAIR_MODEL } from "@/lib/analysis/facts/pair-model";
import { cannotLinkReason, documentFrequencies, pairFeatures, prepareClaim, similarityParts } from "@/lib/analysis/facts/similarity";
import { factsOfClaims, featureFiles as featuresOf } from "@/lib/analysis/facts/analyze-files";
import { DEV_SETS, evaluateSet, loadFactsDev, loadOwnSet, REPOSITORY_ROOT, TEST_SETS, type LoadedSet } from "@/lib/analysis/fixtures/sets/run-sets";
import { coveringClaims, formatMentionScore, reportPrefix, scoreMentions } from "@/lib/analysis/fixtures/sets/score-mentions";

type Pair = { pos: boolean; x: number[] };

/** Cross-report pairs of claims that cover labeled mentions, with their features; positive when they share a labeled fact. */
function labeledPairs(set: LoadedSet, blocks: Map<string, number>): Pair[] {
  const { claims, featured, claimOf } = featureFiles(set.files);
  const texts = new Map(set.files.map((f) => [reportPrefix(f.file), f.text]));
  const placed = claims.map((c) => [c.id, { prefix: reportPrefix(c.file), start: c.start, end: c.end }] as const);
  // labels of a claim (a sentence, scored as the scorer does), then of each of its facets
  const ofClaim = new Map<string, Set<string>>();
  const mark = (fact: string, prefix: string, quote: string) => {
    for (const id of coveringClaims(texts, placed, { set: set.labels.name, prefix, quote })) (ofClaim.get(id) ?? ofClaim.set(id, new Set()).get(id)!).add(fact);
  };
  for (const [fid, [, mentions]] of Object.entries(set.labels.facts)) for (const [p, q] of mentions) mark(fid, p, q);
  for (const [did, [, mentions]] of Object.entries(set.labels.distractors)) for (const [p, q] of mentions) mark(`distractor:${did}`, p, q);
  // a facet is labeled with the mentions it covers itself, else with its sentence's
  const fileOf = new Map(claims.map((c) => [c.id, reportPrefix(c.file)]));
  const facetsPlaced = featured.map((f, i) => [i, { prefix: fileOf.get(claimOf.get(f.id) ?? f.id)!, start: f.start, end: f.end }] as const);
  const ownOf = new Map<number, Set<string>>();
  for (const [fid, [, mentions]] of Object.entries(set.labels.facts)) for (const [p, q] of mentions) {
    for (const i of coveringClaims(texts, facetsPlaced, { set: set.labels.name, prefix: p, quote: q })) (ownOf.get(i) ?? ownOf.set(i, new Set()).get(i)!).add(fid);
  }
  const factsOf = new Map<number, Set<string>>();
  featured.forEach((f, i) => {
    const labels = ownOf.get(i) ?? ofClaim.get(claimOf.get(f.id) ?? f.id);
    if (labels) factsOf.set(i, labels);
  });
  const df = documentFrequencies(featured);
  const prepared = featured.map((c, i) => prepareClaim(c, i, df, featured.length));
  const pairs: Pair[] = [];
  const labeled = [...factsOf.keys()];
  for (const i of labeled) for (const j of labeled) {
    if (j <= i || featured[i]!.reportId === featured[j]!.reportId) continue;
    const b = factsOf.get(j)!;
    const pos = [...factsOf.get(i)!].some((f) => !f.startsWith("distractor:") && b.has(f));
    pairs.push({ pos, x: pairFeatures(similarityParts(prepared[i]!, prepared[j]!)) });
    const reason = cannotLinkReason(prepared[i]!, prepared[j]!);
    if (reason) blocks.set(`${pos ? "same-fact" : "other"} pairs vetoed (${reason})`, (blocks.get(`${pos ? "same-fact" : "other"} pairs vetoed (${reason})`) ?? 0) + 1);
  }
  return pairs;
}

function fit(rows: Pair[]): { bias: number; weights: number[] } {
  const d = rows[0]!.x.length;
  let bias = 0;
  const w = new Array<number>(d).fill(0);
  const P = rows.filter((r) => r.pos).length;
  const N = rows.length - P;
  for (let epoch = 0; epoch < 4000; epoch++) {
    let gb = 0;
    const g = new Array<number>(d).fill(0);
    for (const r of rows) {
      let z = bias;
      for (let k = 0; k < d; k++) z += r.x[k]! * w[k]!;
      const e = (1 / (1 + Math.exp(-z)) - Number(r.pos)) * (r.pos ? 0.5 / P : 0.5 / N);
      gb += e;
      for (let k = 0; k < d; k++) g[k]! += e * r.x[k]!;
    }
    bias -= 2 * gb;
    for (let k = 0; k < d; k++) w[k] = w[k]! - 2 * (g[k]! + 0.001 * w[k]!);
  }
  return { bias, weights: w };
}

const probability = (model: { bias: number; weights: readonly number[] }, x: readonly number[]) => 1 / (1 + Math.exp(-(model.bias + x.reduce((z, v, k) => z + v * model.weights[k]!, 0))));

function separation(rows: { pos: boolean; s: number }[]) {
  const P = rows.filter((x) => x.pos).length;
  const N = rows.length - P;
  let auc = 0;
  let negBelow = 0;
  for (const x of [...rows].sort((a, b) => a.s - b.s)) if (x.pos) auc += negBelow; else negBelow += 1;
  let best = { f1: 0, t: 0.5, p: 0, r: 0 };
  for (let t = 0.02; t < 1; t += 0.01) {
    const tp = rows.filter((x) => x.pos && x.s >= t).length;
    const fp = rows.filter((x) => !x.pos && x.s >= t).length;
    const p = tp / (tp + fp || 1);
    const r = tp / (P || 1);
    const f1 = (2 * p * r) / (p + r || 1);
    if (f1 > best.f1) best = { f1, t, p, r };
  }
  return { auc: auc / (P * N || 1), best };
}

const dev: LoadedSet[] = DEV_SETS.map(loadOwnSet);
const test: LoadedSet[] = TEST_SETS.map(loadOwnSet);
const factsDev = loadFactsDev();
if ("missing" in factsDev) console.log(`facts-dev not used: ${factsDev.missing}`);
else dev.push(factsDev);

const vetoes = new Map<LoadedSet, Map<string, number>>();
const pairsOf = new Map([...dev, ...test].map((set) => [set, labeledPairs(set, vetoes.set(set, new Map()).get(set)!)]));
const training = dev.flatMap((set) => pairsOf.get(set)!);
const fitted = fit(training);
const pooled = separation(training.map((r) => ({ pos: r.pos, s: probability(fitted, r.x) })));
console.log(`pooled pair F1 on the development sets peaks at probability ${pooled.best.t.toFixed(2)} (F1 ${pooled.best.f1.toFixed(2)})`);

// The link threshold: grouping chains pairs, so its best threshold is not the pairs' best. Fit
// it on the grouping's own F1, averaged over the development sets, under the fitted weights.
const clusterF1 = (threshold: number) => {
  const f1s = dev.map((set) => {
    const reports = new Map(set.files.map((f) => [reportPrefix(f.file), f.text]));
    return scoreMentions(reports, set.labels, factsOfClaims(featured.get(set)!, { threshold })).f1;
  });
  return f1s.reduce((a, b) => a + b, 0) / f1s.length;
};
const featured = new Map(dev.map((set) => [set, featuresOf(set.files)]));
let bestThreshold = { t: pooled.best.t, f1: -1 };
if (process.argv.includes("--write")) {
  // the grouping reads the committed model: write the weights first, then scan thresholds
  writeModel({ bias: fitted.bias, weights: fitted.weights, threshold: Math.round(pooled.best.t * 100) / 100 });
  for (let t = 0.3; t <= 0.901; t += 0.05) {
    const f1 = clusterF1(t);
    console.log(`  link threshold ${t.toFixed(2)}: mean grouping F1 on the development sets ${f1.toFixed(3)}`);
    if (f1 > bestThreshold.f1) bestThreshold = { t, f1 };
  }
}
const model = { bias: fitted.bias, weights: fitted.weights, threshold: Math.round(bestThreshold.t * 100) / 100 };
console.log(`fitted on ${dev.map((s) => s.labels.name).join(", ")} (${training.length} pairs, ${training.filter((r) => r.pos).length} same-fact): bias ${model.bias.toFixed(2)} weights ${model.weights.map((w) => w.toFixed(2)).join(" ")} threshold ${model.threshold}`);
for (const set of [...dev, ...test]) {
  const rows = pairsOf.get(set)!;
  const sep = separation(rows.map((r) => ({ pos: r.pos, s: probability(fitted, r.x) })));
  const rules = separation(rows.map((r) => ({ pos: r.pos, s: r.x[0]! })));
  const role = test.includes(set) ? "test" : "dev";
  console.log(`${set.labels.name} [${role}] pairs: learned AUC ${sep.auc.toFixed(3)} best F1 ${sep.best.f1.toFixed(2)}; rules alone AUC ${rules.auc.toFixed(3)} best F1 ${rules.best.f1.toFixed(2)}`);
  for (const [reason, n] of [...vetoes.get(set)!].sort()) console.log(`  ${reason}: ${n}`);
}

function writeModel(m: { bias: number; weights: number[]; threshold: number }) {
  const file = path.join(REPOSITORY_ROOT, "lib/analysis/facts/pair-model.ts");
  const header = readFileSync(file, "utf8").split("export const PAIR_MODEL")[0];
  const r2 = (x: number) => Math.round(x * 100) / 100;
  writeFileSync(file, `${header}export const PAIR_MODEL = {\n  bias: ${r2(m.bias)},\n  weights: [${m.weights.map(r2).join(", ")}],\n  threshold: ${m.threshold},\n  trainedOn: ${JSON.stringify(dev.map((s) => s.labels.name))},\n} as const;\n`);
  Object.assign(PAIR_MODEL as unknown as { bias: number; weights: number[]; threshold: number }, { bias: r2(m.bias), weights: m.weights.map(r2), threshold: m.threshold });
  return file;
}

if (process.argv.includes("--write")) {
  const file = writeModel(model);
  console.log(`wrote ${path.relative(REPOSITORY_ROOT, file)} (link threshold ${model.threshold}); run again without --write to score every set with it`);
} else {
  console.log(`grouping with the committed model (bias ${PAIR_MODEL.bias}, threshold ${PAIR_MODEL.threshold}, fitted on ${PAIR_MODEL.trainedOn.join(", ")}):`);
  for (const set of [...dev, ...test]) {
    const e = evaluateSet(set);
    console.log(`  ${set.labels.name}: analysis ${formatMentionScore(e.analysis)}`);
    console.log(`  ${set.labels.name}: baseline (Jaccard ${e.baselineBest.threshold}) ${formatMentionScore(e.baselineBest.score)}`);
  }
}
