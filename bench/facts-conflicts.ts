/**
 * `npm run -s conflicts:facts [-- SETNAME] [--hits]`: for the development sets, every conflict
 * the analysis flags, in three heaps: hits (two or more of its claims cover the mentions of a
 * fact labeled with a conflict, and the kind is the labeled one), another kind on a labeled
 * fact, and unlabeled (it covers no labeled conflict). The last two are what an editor would
 * mostly read as false alarms; they are printed with their claims' texts (hits too with --hits),
 * then one count line per set. Test splits are never listed.
 */
import { DEV_SETS, loadFactsDev, loadOwnSet, type LoadedSet } from "@/lib/analysis/fixtures/sets/run-sets";
import { coveringClaims, reportPrefix } from "@/lib/analysis/fixtures/sets/score-mentions";
import { analyzeFiles } from "@/lib/analysis/facts/analyze-files";

const KIND_OF: Record<string, string> = { NUMBER: "number", COMPLETION: "status", ACTOR: "actor", ATTRIBUTION: "attribution", WORDING: "wording", MEANING: "meaning" };

const dev: LoadedSet[] = DEV_SETS.map(loadOwnSet);
const factsDev = loadFactsDev();
if (!("missing" in factsDev)) dev.push(factsDev);
const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const showHits = process.argv.includes("--hits");
const counts: string[] = [];
for (const set of dev) {
  if (only.length > 0 && !only.includes(set.labels.name)) continue;
  const output = analyzeFiles(set.files);
  const claims = new Map(output.claims.map((c) => [c.id, c]));
  const texts = new Map(set.files.map((f) => [reportPrefix(f.file), f.text]));
  const placed = output.claims.map((c) => [c.id, { prefix: reportPrefix(c.file), start: c.start, end: c.end }] as const);
  // the claims covering the mentions of each fact labeled with a conflict
  const labeled = set.labels.conflicts.map(([fid, kind]) => {
    const ids = new Set<string>();
    for (const [prefix, quote] of set.labels.facts[fid]![1]) for (const id of coveringClaims(texts, placed, { set: set.labels.name, prefix, quote })) ids.add(id);
    return { fid, kind, ids };
  });
  let hits = 0;
  let otherKind = 0;
  let unlabeled = 0;
  const byKind = new Map<string, number>();
  console.log(`=== ${set.labels.name}`);
  for (const fact of output.facts) for (const conflict of fact.conflicts) {
    const covers = labeled.filter((l) => conflict.claimIds.filter((id) => l.ids.has(id)).length >= 2);
    const hit = covers.some((l) => KIND_OF[conflict.kind] === l.kind);
    if (hit) hits += 1;
    else if (covers.length > 0) otherKind += 1;
    else {
      unlabeled += 1;
      byKind.set(conflict.kind, (byKind.get(conflict.kind) ?? 0) + 1);
    }
    if (hit && !showHits) continue;
    const tag = `${hit ? "HIT" : covers.length > 0 ? "OTHER-KIND" : "UNLABELED"}${covers.length > 0 ? ` ${covers.map((l) => `${l.fid}/${l.kind}`).join(",")}` : ""}`;
    console.log(`${tag} ${fact.id} ${conflict.kind}: ${conflict.detail}`);
    for (const id of conflict.claimIds) {
      const c = claims.get(id)!;
      console.log(`    ${reportPrefix(c.file)} ${id} ${c.text.replace(/\s+/gu, " ").slice(0, 200)}`);
    }
  }
  const kinds = [...byKind].map(([k, n]) => `${k} ${n}`).join(", ");
  counts.push(`${set.labels.name}: ${hits} hit a labeled conflict, ${otherKind} of another kind on a labeled fact, ${unlabeled} unlabeled${kinds ? ` (${kinds})` : ""}`);
}
for (const line of counts) console.log(line);
