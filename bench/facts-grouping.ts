/**
 * `npm run bench:facts`: speed of the pure fact analysis (lib/analysis/facts), no database.
 * Synthetic but realistic claims are made by mutating the fixture reports' claim sentences
 * (another outlet, other figures, other spellings of the places, other event verbs, and one of
 * many places, as a long-running story moves), at 1,000 / 5,000 / 10,000 claims across reports
 * of ~25 claims each. What is grouped are the claims' entries (facets × statement readings), as
 * the app groups them. Feature extraction and grouping are timed apart; the ratios t5k/t1k and
 * t10k/t5k show the growth (quadratic would be 25 and 4). Last, one new report (~25 claims) is
 * placed among the facts of those 10,000 claims (assignment and further facts, `planPlacement`),
 * as the app does on import.
 * Deterministic: a seeded generator, so every run measures the same claims.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { groupClaims, memberEntries, planPlacement, storedFeatures, type ExistingFact, type FeaturedClaim } from "../lib/analysis/facts";
import { MAIN_SET } from "../lib/analysis/fixtures/facts/labels";
import { suggestClaims } from "../lib/analysis/suggest-claims";
import { hasWordVectors } from "../lib/analysis/vectors/word-vectors";
import { round, table } from "./lib/stats";

const SIZES = [1000, 5000, 10000];
const PER_REPORT = 25;
const TARGET_GROUPING_MS = 10_000;
const TARGET_INCREMENTAL_MS = 1_000;

const fixtures = fileURLToPath(new URL("../lib/analysis/fixtures/facts/", import.meta.url));

/** mulberry32: a small seeded generator, so the synthetic story is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OUTLET_A = ["Northgate", "Meridian", "Atlas", "Kestrel", "Halvek", "Eastbank", "Varesh", "Sarhan", "Talvar", "Continental", "Ostrava", "Lumen"];
const OUTLET_B = ["News Agency", "Press Service", "World Service", "Herald", "Courier", "Daily Record", "Radio", "Ledger"];
const PLACE_SYLLABLES = ["qa", "sr", "ha", "bi", "ta", "ra", "mu", "dei", "ko", "la", "vin", "sel", "mar", "zo", "ab", "ul"];
const SPELLINGS: [RegExp, string[]][] = [
  [/Qasr (?:al|el|Al)-?\s?Hab(?:i|ee)b|Kasr el-Habib/gu, ["Qasr al-Habib", "Qasr el-Habib", "Kasr al Habib", "Qasr Al Habeeb"]],
  [/Ain So(?:u)?r(?:r)?a|Ayn Surra/gu, ["Ain Sorra", "Ayn Surra", "Ain Soura", "Ein Sorra"]],
  [/Halvek/gu, ["Halvek", "Khalvek", "Halveek"]],
];
const VERBS: [RegExp, string[]][] = [
  [/\b(?:captured|seized|overran|took control of)\b/gu, ["captured", "seized", "overran", "took control of"]],
  [/\b(?:killed|martyred)\b/gu, ["killed", "slain"]],
  [/\b(?:fled|left)\b/gu, ["fled", "left"]],
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Claim sentences of the fixture reports: the material every synthetic claim is made from. */
function baseSentences(): string[] {
  const sentences: string[] = [];
  for (const report of MAIN_SET.reports) {
    const text = readFileSync(`${fixtures}${report.file}`, "utf8");
    for (const suggestion of suggestClaims(text)) sentences.push(suggestion.text);
  }
  return sentences;
}

function placeName(random: () => number): string {
  const word = () => {
    const w = pick(random, PLACE_SYLLABLES) + pick(random, PLACE_SYLLABLES) + pick(random, PLACE_SYLLABLES);
    return w[0]!.toUpperCase() + w.slice(1);
  };
  return random() < 0.5 ? word() : `${word()} al-${word()}`;
}

type Synthetic = { reports: { id: string; source: string; text: string; claims: { id: string; text: string; start: number; end: number }[] }[] };

/** `count` claims across reports of ~25, mutated from the fixtures; places drift as the story grows. */
function syntheticStory(count: number, seed: number, idPrefix = "c"): Synthetic {
  const random = seeded(seed);
  const base = baseSentences();
  // a long story covers more places: one place per ~150 claims, as fighting moves along a front
  const places = Array.from({ length: Math.max(4, Math.round(count / 150)) }, () => placeName(random));
  const reports: Synthetic["reports"] = [];
  let made = 0;
  for (let r = 0; made < count; r++) {
    const source = `${pick(random, OUTLET_A)} ${pick(random, OUTLET_B)}`;
    const place = pick(random, places);
    const sentences: string[] = [];
    const size = Math.min(PER_REPORT, count - made);
    for (let i = 0; i < size; i++) {
      let text = pick(random, base);
      for (const [pattern, variants] of SPELLINGS) text = text.replace(pattern, () => (random() < 0.5 ? place : pick(random, variants)));
      for (const [pattern, variants] of VERBS) text = text.replace(pattern, () => pick(random, variants));
      text = text.replace(/\b\d{1,3}(?:,\d{3})*\b/gu, (digits) => {
        const value = Number(digits.replace(/,/g, ""));
        return value > 1900 && value < 2100 ? digits : String(Math.max(1, Math.round(value * (0.7 + random() * 0.6)))).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
      });
      sentences.push(text);
    }
    const text = sentences.join("\n\n");
    let at = 0;
    const claims = sentences.map((sentence) => {
      const start = text.indexOf(sentence, at);
      at = start + sentence.length;
      return { id: `${idPrefix}${made + 1 + sentences.indexOf(sentence)}`, text: sentence, start, end: start + sentence.length };
    });
    claims.forEach((claim, i) => (claim.id = `${idPrefix}${made + i + 1}`));
    made += size;
    reports.push({ id: `${idPrefix}r${r + 1}`, source, text, claims });
  }
  return { reports };
}

/** Wall time and this process's CPU time of a call: on a shared machine CPU time is the steadier figure. */
function timed<T>(call: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = call();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** The entries of a story's claims (facets × statement readings), as the app stores and groups them. */
function featured(story: Synthetic): { claims: FeaturedClaim[]; ms: number } {
  const t0 = performance.now();
  const claims: FeaturedClaim[] = [];
  for (const report of story.reports) {
    const analysed = { id: report.id, source: report.source, text: report.text, publishedAt: "2026-12-09T12:00:00Z" };
    for (const c of report.claims) {
      const input = { ...c, reportId: report.id };
      claims.push(...memberEntries({ ...input, source: report.source, features: storedFeatures(input, analysed) }));
    }
  }
  return { claims, ms: performance.now() - t0 };
}

// the word vectors' cost in memory: resident size before and after they load (target < 150 MB)
const rssBefore = process.memoryUsage().rss;
const vectors = timed(() => hasWordVectors());
const vectorRss = (process.memoryUsage().rss - rssBefore) / 2 ** 20;

const rows: string[][] = [["claims", "entries", "reports", "features ms", "grouping ms", "grouping cpu ms", "facts ≥2", "largest", "growth"]];
const groupingMs: number[] = [];
const groupingCpuMs: number[] = [];
let largestStory: { claims: FeaturedClaim[]; groups: { claimIds: string[] }[] } | null = null;
for (const size of SIZES) {
  const story = syntheticStory(size, 20261209);
  const { claims, ms: featureMs } = featured(story);
  const { value: groups, ms, cpuMs } = timed(() => groupClaims(claims));
  groupingMs.push(ms);
  groupingCpuMs.push(cpuMs);
  const multi = groups.filter((g) => g.claimIds.length > 1);
  const growth = groupingMs.length > 1 ? `×${round(ms / groupingMs[groupingMs.length - 2]!, 2)} for ×${round(size / SIZES[groupingMs.length - 2]!, 1)} claims` : "";
  rows.push([String(size), String(claims.length), String(story.reports.length), String(round(featureMs, 0)), String(round(ms, 0)), String(round(cpuMs, 0)), String(multi.length), String(Math.max(...groups.map((g) => g.claimIds.length))), growth]);
  largestStory = { claims, groups };
}

// one new report against 10,000 claims already in facts (groups of 2+ are facts; singletons wait)
const { claims: existing, groups } = largestStory!;
const byId = new Map(existing.map((c) => [c.id, c]));
const facts: ExistingFact[] = groups.filter((g) => g.claimIds.length > 1).map((g, i) => ({ id: `f${i + 1}`, claims: g.claimIds.map((id) => byId.get(id)!), locked: i % 10 === 0 }));
const newReport = featured(syntheticStory(PER_REPORT, 7, "n"));
// as the app does in one job: the report's entries are assigned to facts, then the further facts
// of those entries (and of entries already in facts that state the facts they joined) are found
let made = 0;
const { value: plan, ms: incrementalMs, cpuMs: incrementalCpuMs } = timed(() => planPlacement(facts, newReport.claims, () => `new${++made}`));
const newMembers = new Set(newReport.claims.map((c) => c.id.split("#")[0]));

console.log("Fact grouping (lib/analysis/facts), synthetic story mutated from the fixtures\n");
console.log(
  vectors.value
    ? `word vectors: loaded in ${round(vectors.ms, 0)} ms, +${round(vectorRss, 1)} MB resident (target < 150 MB)\n`
    : "word vectors: not derived (run npm install); words are compared exactly\n",
);
console.log(table(rows));
const [t1, t5, t10] = groupingMs as [number, number, number];
const [c1, c5, c10] = groupingCpuMs as [number, number, number];
console.log(
  `\ngrouping growth (wall): t5k/t1k = ${round(t5 / t1, 2)} (quadratic 25, linear 5), t10k/t5k = ${round(t10 / t5, 2)} (quadratic 4, linear 2)` +
    `\ngrouping growth (cpu):  t5k/t1k = ${round(c5 / c1, 2)}, t10k/t5k = ${round(c10 / c5, 2)}`,
);
console.log(
  `incremental: one report of ${newMembers.size} claims (${newReport.claims.length} entries) against ${existing.length} entries in ${facts.length} facts, ` +
    `assignment and further facts together: ${round(incrementalMs, 0)} ms (cpu ${round(incrementalCpuMs, 0)} ms) ` +
    `(features ${round(newReport.ms, 0)} ms; ${plan.primary.filter((p) => !plan.newFactIds.includes(p.factId)).length} claims filed under facts already there, ${plan.newFactIds.length} new facts, ${plan.further.length} further memberships)`,
);
const ok = t10 < TARGET_GROUPING_MS && incrementalMs < TARGET_INCREMENTAL_MS && t10 / t5 < 3.5;
console.log(`\ntargets: grouping < ${TARGET_GROUPING_MS} ms at 10k, clearly sub-quadratic, incremental < ${TARGET_INCREMENTAL_MS} ms → ${ok ? "met" : "MISSED"}`);
console.log(
  JSON.stringify({
    groupingMs: groupingMs.map((ms) => round(ms, 0)),
    groupingCpuMs: groupingCpuMs.map((ms) => round(ms, 0)),
    ratios: [round(t5 / t1, 2), round(t10 / t5, 2)],
    incrementalMs: round(incrementalMs, 0),
  }),
);
if (!ok) process.exitCode = 1;
