/**
 * `npm run -s misses:facts [-- SETNAME]`: for the development sets, every labeled pair the
 * grouping missed and every wrong pair it made, with the claims' texts, so a miss can be read
 * and put in a category. Test splits are never listed (only scored by train:facts).
 */
import { DEV_SETS, evaluateSet, loadFactsDev, loadOwnSet, type LoadedSet } from "@/lib/analysis/fixtures/sets/run-sets";
import { coveringClaims, formatMentionScore, reportPrefix } from "@/lib/analysis/fixtures/sets/score-mentions";

const dev: LoadedSet[] = DEV_SETS.map(loadOwnSet);
const factsDev = loadFactsDev();
if (!("missing" in factsDev)) dev.push(factsDev);
const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));
for (const set of dev) {
  if (only.length > 0 && !only.includes(set.labels.name)) continue;
  const e = evaluateSet(set);
  const claims = new Map(e.output.claims.map((c) => [c.id, c]));
  const factOf = new Map<string, string[]>();
  for (const f of e.output.facts) for (const id of f.claimIds) (factOf.get(id) ?? factOf.set(id, []).get(id)!).push(f.id);
  const texts = new Map(set.files.map((f) => [reportPrefix(f.file), f.text]));
  const placed = e.output.claims.map((c) => [c, { prefix: reportPrefix(c.file), start: c.start, end: c.end }] as const);
  const cover = (prefix: string, quote: string) => coveringClaims(texts, placed, { set: set.labels.name, prefix, quote });
  console.log(`=== ${set.labels.name}: ${formatMentionScore(e.analysis)}`);
  for (const line of e.analysis.lines) {
    console.log(line);
    const miss = /^not grouped: (\S+) (\S+)-(\S+)/u.exec(line);
    if (miss) {
      const mentions = set.labels.facts[miss[1]!]![1];
      for (const p of [miss[2]!, miss[3]!]) {
        const q = mentions.find((m) => m[0] === p)![1];
        for (const c of cover(p, q)) console.log(`    ${p} ${c.id} [${(factOf.get(c.id) ?? ["-"]).join(",")}] ${c.text.replace(/\s+/gu, " ").slice(0, 160)}`);
      }
    }
    const wrong = /^wrong pair in \S+: \S+ (\S+) - \S+ (\S+)/u.exec(line);
    if (wrong) for (const id of [wrong[1]!, wrong[2]!]) console.log(`    ${id} ${claims.get(id)!.text.replace(/\s+/gu, " ").slice(0, 160)}`);
  }
}
