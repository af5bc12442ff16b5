/**
 * Pairwise similarity of featured claims: IDF-weighted overlap of stemmed words and name keys,
 * shared entities, and shared topics (the same quantity kind even with different values, the
 * same place whose control changed). Values in [0, 1].
 */
import { ASIDE, ELSEWHERE, HEDGED, NIL_REPORT, READY, isSettingMeasure, namedYears } from "./features";
import { meaningWords, softOverlap, type MeaningWord } from "./meaning";
import { concept, contentWords, outletKey } from "./normalize";
import { PAIR_MODEL } from "./pair-model";
import type { FeaturedClaim, QuantityFeature } from "./types";

export type PreparedClaim = {
  index: number;
  claim: FeaturedClaim;
  reportId: string;
  weights: Map<string, number>;
  norm: number;
  /** sum of the weights */
  total: number;
  entities: Set<string>;
  places: Set<string>;
  /** content words of the claim's quotations */
  quoteWords: Set<string>[];
  topics: Set<string>;
  mainTopics: Set<string>;
  /** precomputed views of the topics, so a comparison allocates nothing */
  qtyTopics: string[];
  measures: Set<string>;
  namedCtl: string[];
  mainByFamily: { family: string; all: string[]; named: string[]; vague: boolean }[];
  /** index keys: entity keys, topics and words, each with its idf */
  keys: string[];
  /** years the claim names that are not the year it happens in: it speaks of an earlier event */
  pastYears: Set<string>;
  /** the claim frames itself in another country than the story's ("across the border in ...") */
  elsewhere: boolean;
  /** the claim's count runs over a longer period than the story's event: a running total */
  wider: boolean;
  /** how far back its running total starts, when the words say */
  widerStart: "years" | "days" | undefined;
  /** what it says caused what it tells: a bombing or fighting, when it names one */
  cause: "bomb" | "fighting" | null;
  /** the claim opens as a separate item ("Separately, ..."), not part of the story's event */
  aside: boolean;
  /** the claim states a possibility, not something that happened */
  hedged: boolean;
  /** the claim reports an absence ("no damage was reported") */
  nil: boolean;
  /** the claim states a readiness, not an action ("helicopters were on standby to evacuate") */
  ready: boolean;
  /** the claim gives a figure */
  counted: boolean;
  /** the weekdays the claim names ("on Tuesday evening": "wd:2") */
  days: Set<string>;
  /** the claim tells where a place lies, by a distance ("Tal Harun lies about 60 km south of Sowan") */
  located: boolean;
  /** the claim tells what befell one named person ("He was detained at his home"), with no figure */
  single: boolean;
  /** values of its counts of things the analysis has no name for ("60 rescuers", "a 40-strong team") */
  plainCounts: number[];
  /** values of the shares by which it says something rose or fell ("a 40 percent rise") */
  percentChanges: number[];
  /** magnitudes of quakes it gives ("a magnitude 6.2 earthquake") */
  magnitudes: number[];
  /** content words for the comparison through word vectors, and the story's rarity of each */
  meaning: MeaningWord[];
  rarity: (key: string) => number;
};


/**
 * A quotation without the names in it: two quotes are alike by what the speaker says, and
 * the place or group both name ("Tal Harun is liberated", "residents of Tal Harun should
 * shelter") says nothing about that. Capitalised words after the quote's first are names.
 */
function withoutNames(quote: string): string {
  // (the first word too when a name runs on from it: "Tal Harun is liberated")
  return quote.replace(/(?<=\S\s+)\p{Lu}[\p{L}'’-]*|^\p{Lu}[\p{L}'’-]*(?=\s+\p{Lu})/gu, " ");
}

/** Years a claim names ("in October 2008") other than those of its own dates. */
function pastYearsOf(claim: FeaturedClaim): Set<string> {
  const own = new Set((claim.features.dates ?? []).map((d) => d.slice(0, 4)));
  const years = new Set<string>();
  const named = claim.features.years ?? namedYears(claim.text);
  for (const year of named) if (!own.has(year) && !year.startsWith("from:")) years.add(year);
  return years;
}

const EMPTY_FEATURES = { entities: [], quantities: [], events: [], quotes: [], tokens: [], topics: [], mainTopics: [] };

/** Document frequencies over a set of claims, for IDF weights. */
export function documentFrequencies(claims: readonly FeaturedClaim[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const claim of claims) {
    for (const token of new Set(claim.features.tokens ?? [])) df.set(token, (df.get(token) ?? 0) + 1);
  }
  return df;
}

export function prepareClaims(claims: readonly FeaturedClaim[], df: Map<string, number>, count: number): PreparedClaim[] {
  return claims.map((stored, index) => prepareClaim(stored, index, df, count));
}

/** Index keys of a claim (words, entity keys, topics), straight from its stored features. */
export function indexKeys(claim: FeaturedClaim): string[] {
  return [...new Set([...(claim.features.tokens ?? []), ...(claim.features.topics ?? [])])];
}

/** One claim made ready for comparison: IDF weights, sets and precomputed topic views. */
export function prepareClaim(stored: FeaturedClaim, index: number, df: Map<string, number>, count: number): PreparedClaim {
  {
    // features stored by an older version may lack fields: read them as empty rather than fail
    // (callers recompute features whose v differs from ANALYSIS_VERSION)
    const claim = { ...stored, features: { ...EMPTY_FEATURES, ...stored.features } };
    const weights = new Map<string, number>();
    let sum = 0;
    let total = 0;
    for (const token of claim.features.tokens) {
      // names are compared as entities; the words are what the claim says about them
      if (token.includes(":")) continue;
      const w = Math.log(1 + count / (df.get(token) ?? 1));
      weights.set(token, w);
      sum += w * w;
      total += w;
    }
    // names compared whatever kind each outlet's wording made them ("Kataib al-Rimal, a militant
    // group" is an organisation, "Kataib al-Rimal has claimed" reads as a place)
    const entities = new Set(claim.features.entities.map((e) => e.key.slice(e.key.indexOf(":") + 1)));
    const topics = new Set(claim.features.topics);
    const quoteWords = claim.features.quotes.map((q) => new Set(contentWords(withoutNames(q)).map(concept))).filter((set) => set.size >= 2);
    return { index, claim, reportId: claim.reportId, weights, norm: Math.sqrt(sum) || 1, total, entities, places: new Set(claim.features.entities.filter((e) => e.kind === "place").map((e) => e.key)), quoteWords, topics, mainTopics: new Set(claim.features.mainTopics),
      qtyTopics: claim.features.topics.filter((t) => t.startsWith("qty:")),
      measures: new Set(claim.features.topics.filter((t) => t.startsWith("qty:")).map((t) => t.slice(4).split("|")[0]!)),
      namedCtl: claim.features.topics.filter((t) => t.startsWith("ctl:") && t !== "ctl:?"),
      mainByFamily: FAMILIES.map((family) => {
        const all = claim.features.mainTopics.filter((t) => t.startsWith(family));
        // a count's measure read from the word beside it ("240 people from rooftops") is a guess,
        // not a known measure: it names nothing that vetoes
        return { family, all, named: all.filter((t) => !t.startsWith(`${family}n:`) && !t.startsWith("qty:v:")), vague: all.some((t) => t.endsWith("?")) };
      }).filter((entry) => entry.all.length > 0), keys: indexKeys(claim), pastYears: pastYearsOf(claim), elsewhere: claim.features.elsewhere ?? ELSEWHERE.test(claim.text), wider: claim.features.wider ?? false, widerStart: claim.features.widerStart, cause: causeOf(claim.text), aside: claim.features.aside ?? ASIDE.test(claim.text), hedged: claim.features.hedged ?? HEDGED.test(claim.text), ready: READY.test(claim.text), counted: claim.features.quantities.some((q) => !isSettingMeasure(q.measure)), days: daysOf(claim), located: claim.features.topics.includes("qty:distance") && LIES.test(claim.text) && !EVENT_SITE.test(claim.text), single: claim.features.quantities.length === 0 && claim.features.entities.some((e) => e.kind === "actor") && ONE_PERSON.test(claim.text), plainCounts: claim.features.quantities.filter(isPlainCount).map((q) => q.value), percentChanges: claim.features.quantities.filter((q) => q.measure === "percent:change").map((q) => q.value), magnitudes: claim.features.quantities.filter((q) => q.measure === "magnitude").map((q) => q.value), nil: claim.features.nil ?? NIL_REPORT.test(claim.text),
      meaning: meaningWords(claim.text), rarity: (key: string) => Math.log(1 + count / (df.get(key) ?? 1)) };
  }
}

/**
 * IDF-weighted overlap: the mean of the cosine and of the containment of the shorter claim in
 * the longer one, so a terse wire line inside a long broadsheet sentence still scores.
 */
function lexical(a: PreparedClaim, b: PreparedClaim): number {
  let dot = 0;
  let shared = 0;
  let sharedCount = 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  for (const [token, w] of small.weights) {
    const other = large.weights.get(token);
    if (other !== undefined) {
      dot += w * other;
      shared += Math.min(w, other);
      sharedCount += 1;
    }
  }
  const cosine = dot / (a.norm * b.norm);
  // one shared word is too little to say a short claim is inside a long one
  const containment = sharedCount >= 2 ? Math.min(1, shared / Math.max(1e-9, Math.min(a.total, b.total))) : cosine;
  return 0.5 * cosine + 0.5 * containment;
}

function entityOverlap(a: PreparedClaim, b: PreparedClaim): number {
  if (a.entities.size === 0 || b.entities.size === 0) return 0;
  let shared = 0;
  for (const key of a.entities) if (b.entities.has(key)) shared += 1;
  return (2 * shared) / (a.entities.size + b.entities.size);
}

const STATEMENT_EVENTS = new Set(["ev:suspend", "ev:claimed", "ev:demand", "ev:began", "ev:detained", "ev:released"]);

/** How much one shared topic says two claims are about the same thing. */
function topicStrength(topic: string, aQty: readonly string[], bQty: readonly string[]): number {
  // counts of unnamed things and distances describe more than they identify
  if (topic.startsWith("qty:distance") || topic.startsWith("qty:percent") || topic.startsWith("qty:length") || topic.startsWith("qty:rate")) return 0.3;
  if (topic.startsWith("qty:n:")) return 0.5;
  if (topic.startsWith("qty:")) {
    if (topic.includes("|")) return 1;
    // same measure: the same fact unless both name different groups (soldiers vs civilians)
    const groupsA = aQty.filter((t) => t.startsWith(`${topic}|`));
    const groupsB = bQty.filter((t) => t.startsWith(`${topic}|`));
    const differ = groupsA.length > 0 && groupsB.length > 0 && !groupsA.some((g) => groupsB.includes(g));
    return differ ? 0.15 : 0.8;
  }
  if (topic === "ctl:?" || topic === "wd:?") return 0.4;
  if (topic.startsWith("at:")) return 0.5;
  if (topic.startsWith("wd:") || topic.startsWith("ctl:")) return 1;
  // a named kind of statement (a measure suspended, an attack claimed, a demand, a series begun,
  // someone held or freed) says as much as a shared count; the disaster itself, or deaths told
  // with no figure, are what most of a story's sentences are about
  if (STATEMENT_EVENTS.has(topic)) return 0.8;
  if (topic.startsWith("ev:")) return 0.5;
  return 0.8;
}

/**
 * A count of people or things the analysis has no measure for ("60 rescuers", "60 specialists",
 * "a 40-strong team", "1,200 emergency workers"): outlets name the counted noun differently, so
 * the figure itself is what ties two such counts together. Small figures (under ten) coincide too
 * often to tell anything.
 */
function isPlainCount(q: QuantityFeature): boolean {
  return (q.measure.startsWith("n:") || q.measure === "count") && !q.unit && q.value >= 10;
}

/** Two plain counts give the same figure (within rounding: "some 1,200" and "1,237"). */
function samePlainCount(a: PreparedClaim, b: PreparedClaim): boolean {
  return a.plainCounts.some((x) => b.plainCounts.some((y) => Math.abs(x - y) <= 0.05 * Math.max(x, y)));
}

/** How strongly two claims are about the same thing, from their topic keys. */
function topicMatch(a: PreparedClaim, b: PreparedClaim): { score: number; clash: boolean } {
  let score = 0;
  const aQty = a.qtyTopics;
  const bQty = b.qtyTopics;
  // an unplaced withdrawal or capture may be the placed one another outlet reports
  for (const family of ["wd:", "ctl:"]) {
    const vague = `${family}?`;
    const aVague = a.topics.has(vague) && [...b.topics].some((t) => t.startsWith(family) && t !== vague);
    const bVague = b.topics.has(vague) && [...a.topics].some((t) => t.startsWith(family) && t !== vague);
    if (aVague || bVague) score = Math.max(score, 0.6);
  }
  let sharedClock = false;
  let sharedEvent = false;
  for (const topic of a.topics) {
    if (!b.topics.has(topic)) continue;
    // a side remark shared with another claim's main statement says less than two main statements
    const main = Number(a.mainTopics.has(topic)) + Number(b.mainTopics.has(topic));
    score = Math.max(score, topicStrength(topic, aQty, bQty) * (main === 2 ? 1 : main === 1 ? 0.7 : 0.5));
    if (topic.startsWith("at:")) sharedClock = true;
    else if (topic.startsWith("ev:")) sharedEvent = true;
  }
  // one event at one clock time ("the tremor struck at 4:17 a.m.", "the quake hit at 4:17") is
  // one statement: either alone says little, both together name it
  if (sharedClock && sharedEvent) score = Math.max(score, 0.8);
  const sameCount = samePlainCount(a, b);
  if (sameCount) score = Math.max(score, topicStrength("qty:n:", aQty, bQty));
  // a rise or cut by one share ("a 40 percent rise", "raised prices by 40%") is one statement; a
  // share alone says little (two different shares are two different things more often than not)
  if (a.percentChanges.some((x) => b.percentChanges.includes(x))) score = Math.max(score, a.mainTopics.has("qty:percent:change") && b.mainTopics.has("qty:percent:change") ? 0.8 : 0.56);
  // (a measure guessed from the word beside a count, "240 people from rooftops", clashes with nothing)
  const qtyClash = !sameCount && hasKnownMeasure(a) && hasKnownMeasure(b) && !shares(a.measures, b.measures);
  const aCtl = a.namedCtl;
  const bCtl = b.namedCtl;
  const ctlClash = aCtl.length > 0 && bCtl.length > 0 && !aCtl.some((t) => bCtl.includes(t));
  return { score, clash: (qtyClash || ctlClash) && score < 0.8 };
}

/** Word overlap of the closest pair of quotations (overlap coefficient), 0 when either has none. */
function quoteOverlap(a: PreparedClaim, b: PreparedClaim): number {
  let best = 0;
  for (const x of a.quoteWords) for (const y of b.quoteWords) {
    let shared = 0;
    for (const w of x) if (y.has(w)) shared += 1;
    best = Math.max(best, shared / Math.min(x.size, y.size));
  }
  return best;
}

/**
 * Weights of the evidence. Topics (the same quantity kind, the same place changing hands) weigh
 * most: outlets paraphrase freely but count the same things. A topic only one claim has weighs
 * little, so a claim with no number is not pushed away from one with a number.
 */
const WEIGHTS = { words: 0.35, entities: 0.2, topics: 0.6, oneSidedTopics: 0.05 } as const;

/** The parts of a similarity, for tuning and for explaining a grouping. */
export function similarityParts(a: PreparedClaim, b: PreparedClaim) {
  const lex = lexical(a, b);
  const ent = entityOverlap(a, b);
  const topic = topicMatch(a, b);
  // the same quotation, however reworded, is the same statement
  const quote = quoteOverlap(a, b);
  if (quote >= 0.5) topic.score = Math.max(topic.score, Math.min(1, quote + 0.2));
  // evidence a claim lacks is left out rather than counted as disagreement: two claims with no
  // numbers or events are compared on words and names alone
  const entWeight = a.entities.size > 0 && b.entities.size > 0 ? WEIGHTS.entities : 0;
  const bothTopics = (a.topics.size > 0 && b.topics.size > 0) || quote >= 0.5;
  const topicWeight = bothTopics ? WEIGHTS.topics : a.topics.size > 0 || b.topics.size > 0 ? WEIGHTS.oneSidedTopics : 0;
  let score = (WEIGHTS.words * lex + entWeight * ent + topicWeight * topic.score) / (WEIGHTS.words + entWeight + topicWeight);
  if (topic.clash) score *= 0.6;
  // two counts of one kind that say where, and not the same place: a toll in one town is not
  // the toll in another (for control, named targets already keep places apart)
  // (a reading of the event itself, its magnitude or depth, is one figure wherever it is said)
  if (a.places.size > 0 && b.places.size > 0 && sharesMeasure(a, b, true) && !shares(a.places, b.places)) score *= 0.5;
  // sharing names but not one word about them is two different things said about one place
  const namesOnly = lex < 0.05 && topic.score < 0.8;
  if (namesOnly) score *= 0.5;
  // (and the words about them are what tells: names alone never link two claims)
  const soft = softOverlap(a.meaning, b.meaning, a.rarity, !namesOnly);
  return { lex, ent, topic: topic.score, clash: topic.clash, rules: Math.min(1, score), softMin: Math.min(soft.ab, soft.ba), softMax: Math.max(soft.ab, soft.ba) };
}

/** The features the learned combination weighs, in PAIR_MODEL's order. */
export function pairFeatures(parts: ReturnType<typeof similarityParts>): number[] {
  return [parts.rules, parts.softMin, parts.softMax];
}

/** Probability that two claims state one fact: the learned combination (see pair-model.ts) of the evidence. */
export function combine(features: readonly number[]): number {
  let z = PAIR_MODEL.bias;
  features.forEach((x, k) => (z += x * PAIR_MODEL.weights[k]!));
  return 1 / (1 + Math.exp(-z));
}

const FAMILIES = ["qty:", "ctl:", "wd:", "out:"];

/**
 * Two claims whose main statements are about different things of one family (the dam's capture
 * and the town's, soldiers killed and civilians killed) never belong to one fact, however much
 * else they share: this is what stops a lead that mentions both from chaining the two together.
 */
export function cannotLink(a: PreparedClaim, b: PreparedClaim): boolean {
  return cannotLinkReason(a, b) !== null;
}

/** The claim's main statement is a count of a kind the analysis knows (killed, missing, a height ...). */
function statesCount(claim: PreparedClaim): boolean {
  for (const entry of claim.mainByFamily) if (entry.family === "qty:" && entry.named.length > 0) return true;
  return false;
}

/** Why two claims can never share a fact (see `cannotLink`), or null. */
export function cannotLinkReason(a: PreparedClaim, b: PreparedClaim): string | null {
  // a claim about an earlier year's event ("in 2008 a quake killed 75") is another event than
  // one about the story's own days, however alike the words
  if ((a.pastYears.size > 0 || b.pastYears.size > 0) && !shares(a.pastYears, b.pastYears)) return "past year";
  // a writer who opens "Separately, ..." says the item is not the story's event
  if (a.aside !== b.aside) return "separate item";
  // a possibility with no figure ("people may still be under the rubble", "the toll could rise")
  // is not the count another claim reports as done
  // (these checks run for every pair a merge weighs: flags first, no allocation)
  if (a.hedged !== b.hedged && (a.hedged ? !a.counted && statesCount(b) : !b.counted && statesCount(a))) return "possibility vs count";
  // a report that nothing happened ("no damage was reported") is not the fact of a figure
  if (a.nil !== b.nil && (a.nil ? !a.counted && b.counted : !b.counted && a.counted)) return "absence vs figure";
  // what befell one person ("He was detained at his home before dawn") is not a count of people
  // it befell ("640 people have been arrested")
  if (a.single !== b.single && (a.single ? statesCount(b) : statesCount(a))) return "one person vs a count";
  // a change of control on one day is not the one on another ("Gunmen seized the hotel on
  // Tuesday evening", "Special forces stormed the hotel at dawn on Wednesday")
  if (a.days.size > 0 && b.days.size > 0 && !shares(a.days, b.days) && changesControl(a) && changesControl(b)) return "another day";
  // where a place lies is the story's geography, not something that happened there: it is
  // the fact of other claims that say how far it lies, never of one that tells an event
  if (a.located !== b.located && !sharesMeasure(a, b, false)) return "location vs event";
  // means held ready ("helicopters on standby to evacuate the injured") are not the action done
  if (a.ready !== b.ready) return "readiness vs action";
  // the same kind of count, one of them framed across a border: two places, two quantities
  if (a.elsewhere !== b.elsewhere && sharesMeasure(a, b, false)) return "elsewhere";
  // the same kind of count, one a running total ("312 killed since the offensive began nine days
  // ago"): another quantity than the toll of one clash or one day
  // (a tally of what the analysis counts: a share is no running total, "the 40 percent increase, in
  // force since March 1" is the rise itself, and "frozen for three months" is a duration)
  if (a.wider !== b.wider && sharesMeasure(a, b, true, true)) return "wider frame";
  // the same kind of count from two kinds of cause ("a car bomb killed three people at a market",
  // "54 people were killed in the fighting for the town"): two events' tolls
  if (a.cause !== null && b.cause !== null && a.cause !== b.cause && sharesMeasure(a, b, true, true)) return "another cause";
  // two running totals of one measure, one from an earlier year ("killed more than 20,000 since
  // 2009") and one from days ago ("312 killed since the offensive began nine days ago"): two periods
  if (a.widerStart && b.widerStart && a.widerStart !== b.widerStart && sharesMeasure(a, b, true, true)) return "another period";
  // agencies' estimates of one quake's magnitude differ by tenths; a magnitude a whole unit away
  // from every one the other claim gives is another quake (an aftershock, a foreshock)
  if (a.magnitudes.length > 0 && b.magnitudes.length > 0 && a.magnitudes.every((x) => b.magnitudes.every((y) => Math.abs(x - y) >= MAGNITUDES_APART))) return "another quake";
  for (const x of a.mainByFamily) {
    const y = b.mainByFamily.find((entry) => entry.family === x.family);
    if (!y || x.vague || y.vague) continue;
    if (x.family === "qty:") {
      // only counts of things the analysis knows (killed, injured, displaced, magnitude ...) keep
      // claims apart: a count of some other noun ("21 hours 40 minutes", "8 points") is too
      // uncertain a reading to veto what the words say
      if (x.named.length > 0 && y.named.length > 0 && !x.named.some((t) => y.named.includes(t))) return "different qty:";
      // the same measure of two different groups: soldiers killed and fighters killed are two counts
      const groups = (entry: typeof x) => entry.named.filter((t) => t.includes("|"));
      const gx = groups(x);
      const gy = groups(y);
      if (gx.length > 0 && gy.length > 0 && !gx.some((t) => gy.includes(t)) && gx.every((t) => gy.some((u) => u.split("|")[0] === t.split("|")[0]))) return "different counted group";
      continue;
    }
    // "the town" and "Qasr al-Habib" may be one place: a common noun against a name never blocks
    const generic = (entry: typeof x) => entry.all.filter((t) => t.startsWith(`${entry.family}n:`)).length;
    if (x.family !== "qty:" && ((generic(x) === x.all.length) !== (generic(y) === y.all.length)) && (x.named.length === 0 || y.named.length === 0)) continue;
    if (!x.all.some((t) => y.all.includes(t))) return `different ${x.family}`;
    // "the dam" is not enough when both name it: the Ain Sorra dam and the Komuha dam are two facts
    if (x.family !== "qty:" && x.named.length > 0 && y.named.length > 0 && !x.named.some((t) => y.named.includes(t))) return `different named ${x.family}`;
  }
  return null;
}

// a bombing: a device set off among people, not the fighting of armed forces
const BOMB = /\b(?:(?:car|truck|lorry|roadside|suicide|nail|parcel)[\s-]+bomb(?:s|ing|er|ers)?|suicide (?:attack|bomber)|bomb (?:blast|attack|explosion)|bomb (?:exploded|went off)|explosive device|IED)\b/iu;
const FIGHTING = /\b(?:fighting|clashes|battles?|combat|street battles|gun ?battles?)\b/iu;
/** What the claim says caused what it tells: a bombing or fighting, when it names one and not both. */
function causeOf(text: string): "bomb" | "fighting" | null {
  const bomb = BOMB.test(text);
  const fight = FIGHTING.test(text);
  if (bomb === fight) return null;
  return bomb ? "bomb" : "fighting";
}

const WEEKDAY = /\b(?:on|early|late|by)\s+(?:the\s+)?(?:(?:morning|afternoon|evening|night|dawn)\s+of\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/giu;
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** The weekdays a claim names for when something happened ("on Tuesday", "early on Wednesday"). */
function daysOf(claim: FeaturedClaim): Set<string> {
  // (only the days it names: "before dawn" or "overnight" is dated by a report's own time, a guess)
  return new Set([...claim.text.matchAll(WEEKDAY)].map((m) => `wd:${WEEKDAYS.indexOf(m[1]!.toLowerCase())}`));
}

/** The claim's main statement is a change of control (a place taken, entered, stormed, left). */
function changesControl(claim: PreparedClaim): boolean {
  for (const entry of claim.mainByFamily) if (entry.family === "ctl:" || entry.family === "wd:") return true;
  return false;
}

// a place's standing location: "lies about 60 km south of", "sits 25 km upstream of", "is located"
const LIES = /\b(?:lies|lie|sits|sit|is (?:located|situated)|stands)\b/iu;
// ... unless what lies there is an event's own site ("the epicentre is located 22 km from Uzgen")
const EVENT_SITE = /\b(?:epicent(?:re|er)|hypocent(?:re|er)|cent(?:re|er)d|the (?:blast|explosion|fire|crash|attack))\b/iu;

/** How far apart two magnitudes are when they cannot be estimates of one quake. */
const MAGNITUDES_APART = 1;

// one person as the subject of what befell them: "He was detained", "Youssef Ben Tamri, head of
// the Movement for Renewal, was arrested" (a singular verb of a done deed)
const ONE_PERSON = /^[\s"“]*(?:(?:he|she)\b|[^,.;]{0,60}?(?:,[^,]{0,80},)?\s+)(?:was|has been|had been)\s+(?:\p{L}+ly\s+)?(?:arrested|detained|killed|shot|wounded|injured|freed|released|taken|abducted|kidnapped|seized|held|rescued)\b/iu;

/** The claim counts something by a measure the analysis knows, not one guessed from a nearby word ("v:"). */
function hasKnownMeasure(claim: PreparedClaim): boolean {
  for (const m of claim.measures) if (!m.startsWith("v:")) return true;
  return false;
}

/** Whether two sets share a member (no allocation: this runs for every pair a merge weighs). */
function shares<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/**
 * Whether two claims count a measure in common (`counts`: leaving out readings of the event's own
 * setting; `tallies`: also shares and counts of unnamed things, which are not known to add up over time).
 */
function sharesMeasure(a: PreparedClaim, b: PreparedClaim, counts: boolean, tallies = false): boolean {
  for (const m of a.measures) if (b.measures.has(m) && !(counts && isSettingMeasure(m)) && !(tallies && (m.startsWith("percent") || m.startsWith("n:")))) return true;
  return false;
}

/** Similarity of two prepared claims in [0, 1]: the probability that they state one fact. */
export function similarity(a: PreparedClaim, b: PreparedClaim): number {
  const parts = similarityParts(a, b);
  // a report states a fact once; two of its sentences are rarely the same fact
  return combine(pairFeatures(parts)) * (a.reportId === b.reportId ? 0.7 : 1);
}

/** The independent source of a claim: the outlet it credits, else its publishing outlet. */
export function sourceKeyOf(claim: FeaturedClaim): string {
  return claim.features.attribution?.outletKey ?? outletKey(claim.source);
}
