/**
 * Grouping claims into facts. Candidates come from an inverted index on entity keys, topics and
 * words (keys carried by very many claims are skipped: they would make every pair a candidate),
 * so the work grows with the claims times a bounded number of candidates, not with all pairs.
 * Clusters merge by average linkage over a few members of each side: a claim joins a group only
 * when it is similar to the group as a whole, so one weak link never chains unrelated groups.
 */
import { cannotLink, documentFrequencies, indexKeys, prepareClaim, similarity, type PreparedClaim } from "./similarity";
import { PAIR_MODEL } from "./pair-model";
import type { AssignResult, ExistingFact, FeaturedClaim } from "./types";

/** Average probability (see pair-model.ts) a claim or group needs with a group to join it. */
export const LINK_THRESHOLD = PAIR_MODEL.threshold;

/** `threshold`: the link threshold, for fitting it on labeled sets; the app uses LINK_THRESHOLD. */
export type GroupingOptions = { threshold?: number };
const CANDIDATES_PER_CLAIM = 30;
const MAX_POSTING = 250;
const REPRESENTATIVES = 6;
const VETO_MEMBERS = 24;
/**
 * Average probability a claim needs with a further group to be in it as well: a claim is first
 * placed where it fits best, and a second fact asks for stronger evidence than the first, since
 * each wrong extra membership pairs the claim with every member of that group.
 */
const SECOND_FACT_THRESHOLD = 0.85;
/**
 * Average probability two groups need to merge when a report has a sentence in each: a report
 * states a fact once, so two of its sentences in two groups more often mean two facts.
 */
const SHARED_REPORT_THRESHOLD = 0.9;


type Cluster = { id: number; members: number[]; factId: string | null };

/** Claims prepared for comparison on first use: an incremental run touches few of the story's claims. */
type Prepared = (i: number) => PreparedClaim;

/** A lazy `Prepared` over `claims`, weighted by their document frequencies. */
function preparer(claims: readonly FeaturedClaim[]): Prepared {
  const df = documentFrequencies(claims);
  const ready: (PreparedClaim | undefined)[] = new Array(claims.length);
  return (i) => (ready[i] ??= prepareClaim(claims[i]!, i, df, claims.length));
}

/** Similarity of two claims by index, each pair computed once across candidates, merges and further joins. */
type Sim = (i: number, j: number) => number;

function cachedSimilarity(prepared: Prepared, n: number): Sim {
  const cache = new Map<number, number>();
  return (i, j) => {
    const key = i < j ? i * n + j : j * n + i;
    let s = cache.get(key);
    if (s === undefined) cache.set(key, (s = similarity(prepared(i), prepared(j))));
    return s;
  };
}

function candidatePairs(keys: string[][], sim: Sim, isAdded: (i: number) => boolean, threshold: number): [number, number, number][] {
  const n = keys.length;
  const postings = new Map<string, number[]>();
  keys.forEach((claimKeys, index) => {
    for (const key of claimKeys) {
      let list = postings.get(key);
      if (!list) postings.set(key, (list = []));
      list.push(index);
    }
  });
  const edges: [number, number, number][] = [];
  const seen = new Set<number>();
  // votes in a reused typed array, with the list of claims touched, so no map per claim
  const votes = new Float64Array(n);
  const touched: number[] = [];
  for (let index = 0; index < n; index++) {
    if (!isAdded(index)) continue;
    touched.length = 0;
    for (const key of keys[index]!) {
      const list = postings.get(key)!;
      if (list.length > MAX_POSTING || list.length < 2) continue;
      const weight = 1 / Math.log(1 + list.length);
      for (const other of list) {
        if (other === index) continue;
        if (votes[other] === 0) touched.push(other);
        votes[other] = votes[other]! + weight;
      }
    }
    const top = touched
      .map((other) => [other, votes[other]!] as const)
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, CANDIDATES_PER_CLAIM);
    for (const other of touched) votes[other] = 0;
    for (const [other] of top) {
      const [i, j] = index < other ? [index, other] : [other, index];
      const key = i * n + j;
      if (seen.has(key)) continue;
      seen.add(key);
      const s = sim(i, j);
      // a merge starts from a pair that is itself similar enough
      if (s >= threshold) edges.push([i, j, s]);
    }
  }
  edges.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
  return edges;
}

function cluster(edges: [number, number, number][], n: number, prepared: Prepared, sim: Sim, initial: Cluster[], isAdded: (i: number) => boolean, threshold: number): Cluster[] {
  const clusterOf = new Int32Array(n);
  const clusters = new Map<number, Cluster>();
  for (const c of initial) {
    clusters.set(c.id, c);
    for (const m of c.members) clusterOf[m] = c.id;
  }
  for (const [i, j] of edges) {
    const a = clusters.get(clusterOf[i]!)!;
    const b = clusters.get(clusterOf[j]!)!;
    if (a === b) continue;
    // editors' and earlier facts are never merged with each other, only joined by new claims
    if (a.factId !== null && b.factId !== null) continue;
    const repsA = [i, ...a.members.filter((m) => m !== i).slice(0, REPRESENTATIVES - 1)];
    const repsB = [j, ...b.members.filter((m) => m !== j).slice(0, REPRESENTATIVES - 1)];
    let total = 0;
    let strong = 0;
    let forbidden = false;
    // a veto holds against more members than the representatives: a claim about another year,
    // place or count never enters a fact through members it happens not to be compared with
    // (bounded, so a long story's large facts keep each merge cheap)
    const vetoA = [i, ...a.members.filter((m) => m !== i).slice(0, VETO_MEMBERS - 1)];
    const vetoB = [j, ...b.members.filter((m) => m !== j).slice(0, VETO_MEMBERS - 1)];
    for (const x of vetoA) {
      for (const y of vetoB) if (cannotLink(prepared(x), prepared(y))) {
        forbidden = true;
        break;
      }
      if (forbidden) break;
    }
    if (forbidden) continue;
    for (const x of repsA) for (const y of repsB) {
      const s = sim(x, y);
      total += s;
      if (s >= threshold) strong += 1;
    }
    const pairs = repsA.length * repsB.length;
    // two groups that both hold a sentence of one report are, more often, two facts that report
    // states apart: their merge needs stronger evidence
    const average = total / pairs;
    if (forbidden || average < threshold || strong * 2 < pairs) continue;
    if (average < SHARED_REPORT_THRESHOLD && sharesReport(a, b, prepared)) continue;
    const [keep, gone] = a.factId !== null || (b.factId === null && a.members.length >= b.members.length) ? [a, b] : [b, a];
    for (const m of gone.members) clusterOf[m] = keep.id;
    keep.members = [...keep.members, ...gone.members].sort((x, y) => (isAdded(x) === isAdded(y) ? x - y : isAdded(x) ? 1 : -1));
    clusters.delete(gone.id);
  }
  return [...clusters.values()];
}

function sharesReport(a: Cluster, b: Cluster, prepared: Prepared): boolean {
  const reports = new Set(a.members.map((m) => prepared(m).reportId));
  return b.members.some((m) => reports.has(prepared(m).reportId));
}

/** Incremental: match `added` claims against existing facts without regrouping the existing ones. */
export function assignClaims(input: { facts: ExistingFact[]; added: FeaturedClaim[] }, options: GroupingOptions = {}): AssignResult {
  const all: FeaturedClaim[] = [];
  const initial: Cluster[] = [];
  for (const fact of input.facts) {
    const members = fact.claims.map((claim) => all.push(claim) - 1);
    initial.push({ id: initial.length, members, factId: fact.id });
  }
  const firstAdded = all.length;
  for (const claim of input.added) {
    initial.push({ id: initial.length, members: [all.length], factId: null });
    all.push(claim);
  }
  const prepared = preparer(all);
  const isAdded = (i: number) => i >= firstAdded;
  const threshold = options.threshold ?? LINK_THRESHOLD;
  const sim = cachedSimilarity(prepared, all.length);
  const clusters = cluster(candidatePairs(all.map(indexKeys), sim, isAdded, threshold), all.length, prepared, sim, initial, isAdded, threshold);
  const byFact = new Map(clusters.filter((c) => c.factId !== null).map((c) => [c.factId!, c]));
  const joined = input.facts
    .map((fact) => ({ factId: fact.id, claimIds: (byFact.get(fact.id)?.members ?? []).filter(isAdded).sort((x, y) => x - y).map((i) => all[i]!.id) }))
    .filter((entry) => entry.claimIds.length > 0);
  const created = clusters
    .filter((c) => c.factId === null)
    .map((c) => [...c.members].sort((x, y) => x - y))
    .sort((x, y) => x[0]! - y[0]!)
    .map((members) => ({ claimIds: members.map((i) => all[i]!.id) }));
  return { joined, created };
}

/** Full grouping of a story's claims, singletons included, in input order. */
export function groupClaims(claims: FeaturedClaim[], options: GroupingOptions = {}): { claimIds: string[] }[] {
  return assignClaims({ facts: [], added: claims }, options).created;
}

/**
 * The extra-join step shared by `groupClaimsOverlapping` and `furtherFacts`: for each candidate
 * pair (claim, claim of another group), whether the claim is in that group as well. It is when
 * the group holds no claim of the claim's own report (a report states a fact once) and no part of
 * its sentence, is more than one statement, no member (up to VETO_MEMBERS) vetoes the claim, and
 * the claim's average probability with those members reaches SECOND_FACT_THRESHOLD with at least
 * half of them strong links. Groups are taken as given, so joins never chain. Returns the extra
 * members of each group, in pair order.
 */
function furtherGroups(
  edges: readonly [number, number, number][],
  groups: readonly number[][],
  claims: readonly FeaturedClaim[],
  prepared: Prepared,
  sim: Sim,
  threshold: number,
  same: (a: string, b: string) => boolean,
): number[][] {
  const groupOf = new Int32Array(claims.length).fill(-1);
  groups.forEach((members, k) => members.forEach((m) => (groupOf[m] = k)));
  const tried = new Set<number>();
  const extra = groups.map(() => [] as number[]);
  const needed = Math.max(threshold, SECOND_FACT_THRESHOLD);
  for (const [i, j] of edges) {
    for (const [x, y] of [[i, j], [j, i]] as const) {
      const k = groupOf[y]!;
      if (k < 0 || k === groupOf[x] || tried.has(x * groups.length + k)) continue;
      tried.add(x * groups.length + k);
      const members = groups[k]!;
      const report = claims[x]!.reportId;
      if (members.some((m) => claims[m]!.reportId === report || same(claims[m]!.id, claims[x]!.id))) continue;
      // a group of one entry, or of the parts of one sentence, is not yet a fact to join
      if (members.every((m) => same(claims[m]!.id, claims[members[0]!]!.id))) continue;
      const compared = members.slice(0, VETO_MEMBERS);
      if (compared.some((m) => cannotLink(prepared(x), prepared(m)))) continue;
      let total = 0;
      let strong = 0;
      let left = compared.length;
      for (const m of compared) {
        const s = sim(x, m);
        total += s;
        if (s >= threshold) strong += 1;
        left -= 1;
        // a probability is at most 1: stop once the members left cannot lift the claim to the bar
        if (total + left < needed * compared.length || (strong + left) * 2 < compared.length) break;
      }
      if (left === 0 && total / compared.length >= needed && strong * 2 >= compared.length) extra[k]!.push(x);
    }
  }
  return extra;
}

/** A claim's facts beyond its primary one (`groupClaimsOverlapping`'s extra joins, for stored facts). */
export type FurtherMembership = { claimId: string; factIds: string[] };

/**
 * The further facts of a story's claims, by the rule `groupClaimsOverlapping` joins a claim to
 * a further group: `facts` are the story's facts with their primary members, `claimIds` the
 * members just placed (by `assignClaims`). Each of those is compared with the facts of its
 * candidate claims, and each candidate claim with the fact of the placed claim, so a lead already
 * in one fact also joins a fact that a new report starts. Returns every claim that belongs to a
 * further fact: for `claimIds` all their further facts (a caller replaces what it stored), for
 * other members the facts of `claimIds` they belong to as well (a caller adds those). Claims not
 * in any of `facts` are ignored. Work grows with `claimIds` times a bounded number of candidates.
 * `sameStatement` says when two entries are parts of one sentence (see `groupClaimsOverlapping`).
 */
export function furtherFacts(input: { facts: ExistingFact[]; claimIds: readonly string[] }, options: GroupingOptions & { sameStatement?: (a: string, b: string) => boolean } = {}): FurtherMembership[] {
  const all: FeaturedClaim[] = [];
  const groups: number[][] = [];
  for (const fact of input.facts) groups.push(fact.claims.map((claim) => all.push(claim) - 1));
  const indexOf = new Map(all.map((claim, i) => [claim.id, i]));
  const checked = new Uint8Array(all.length);
  for (const id of input.claimIds) {
    const i = indexOf.get(id);
    if (i !== undefined) checked[i] = 1;
  }
  const prepared = preparer(all);
  const threshold = options.threshold ?? LINK_THRESHOLD;
  // every candidate pair has a placed claim on one side; it joins either way: the placed claim
  // into the other's fact, the other into the placed one's
  const sim = cachedSimilarity(prepared, all.length);
  const edges = candidatePairs(all.map(indexKeys), sim, (i) => checked[i] === 1, threshold);
  const extra = furtherGroups(edges, groups, all, prepared, sim, threshold, options.sameStatement ?? ((a, b) => a === b));
  const factsOf = new Map<number, string[]>();
  extra.forEach((members, k) => {
    for (const m of members) {
      let list = factsOf.get(m);
      if (!list) factsOf.set(m, (list = []));
      list.push(input.facts[k]!.id);
    }
  });
  return [...factsOf.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([m, factIds]) => ({ claimId: all[m]!.id, factIds: [...new Set(factIds)].sort() }));
}

/**
 * Grouping where one claim may state several facts: each claim first joins one group (as in
 * `groupClaims`), then also joins every other group it is similar to as a whole, so the lead
 * "a magnitude 6.2 quake struck ..." is in the fact of the quake and in the fact of its
 * magnitude. A claim joins a further group only when that group has no claim of its own report
 * (a report states a fact once), no member vetoes it, and its similarity to the group's members
 * is the same a merge needs; the groups are taken as first formed, so joins never chain.
 * `sameStatement` says when two entries are parts of one sentence (its facets and readings).
 */
export function groupClaimsOverlapping(claims: FeaturedClaim[], options: GroupingOptions & { sameStatement?: (a: string, b: string) => boolean } = {}): { claimIds: string[] }[] {
  const prepared = preparer(claims);
  const threshold = options.threshold ?? LINK_THRESHOLD;
  const sim = cachedSimilarity(prepared, claims.length);
  const edges = candidatePairs(claims.map(indexKeys), sim, () => true, threshold);
  const clusters = cluster(edges, claims.length, prepared, sim, claims.map((_, i) => ({ id: i, members: [i], factId: null })), () => true, threshold);
  const same = options.sameStatement ?? ((a: string, b: string) => a === b);
  const extra = furtherGroups(edges, clusters.map((c) => c.members), claims, prepared, sim, threshold, same);
  return clusters
    .map((c, k) => [...c.members, ...extra[k]!].sort((x, y) => x - y))
    .sort((x, y) => x[0]! - y[0]!)
    .map((members) => ({ claimIds: members.map((i) => claims[i]!.id) }));
}
