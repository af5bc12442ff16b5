/**
 * What a fact is about, in a few words ("Death toll", "Time: around 04:00", "Control of Tal
 * Harun"): the main statement most of its members make. A lead that states a quake, its toll and
 * its hour stands in three facts and may headline each; the caption tells them apart.
 */
import type { FeaturedClaim } from "./types";

const MEASURES: Record<string, string> = {
  killed: "Death toll",
  wounded: "Injured",
  missing: "Missing",
  displaced: "Displaced",
  sheltering: "Sheltering",
  strikers: "Strikers",
  crowd: "Crowd size",
  force: "Size of the force",
  rescued: "Rescued",
  aboard: "On board",
  detained: "Detained",
  magnitude: "Magnitude",
  depth: "Depth",
  distance: "Distance",
  population: "Population",
  percent: "Share",
  length: "Height or length",
  rate: "Flow",
  count: "Count",
};

const GROUPS: Record<string, string> = { civilian: "civilians", soldier: "soldiers", rebel: "fighters" };

const EVENTS: Record<string, string> = {
  // (a fact's caption names the hazard instead when its sentences do: see factAbout)
  "ev:struck": "What struck",
  "ev:claimed": "Claim of responsibility",
  "ev:demand": "Demands",
  "ev:suspend": "Measure suspended",
  "ev:killed": "Deaths",
  "ev:wounded": "Injuries",
  "ev:displaced": "People displaced",
  "ev:curfew": "Curfew",
  "out:power": "Power cut",
  "out:road": "Roads cut",
  "out:network": "Phone and internet cut",
  "out:airport": "Airport closed",
};

const KINDS: Record<string, string> = { ctl: "Control of", wd: "Withdrawal from", damage: "Damage to", attack: "Attack on", deployed: "Deployment to", deploy: "Deployment:" };

/** A topic key as words, with the names of the claims' entities ("ctl:place:tlhrn" → "Control of Tal Harun"). */
export function topicLabel(topic: string, names: ReadonlyMap<string, string> = new Map()): string {
  if (EVENTS[topic]) return EVENTS[topic]!;
  const clock = /^at:(\d\d)$/u.exec(topic);
  if (clock) return `Time: around ${clock[1]}:00`;
  if (topic.startsWith("qty:")) {
    const [measure = "", group] = topic.slice(4).split("|");
    const [base = "", detail] = measure.split(":");
    let label: string;
    if (base === "n" && detail) label = `Number of ${detail}s`;
    else if (base === "v") label = "Count";
    else if (base === "percent" && detail === "change") label = "Change in percent";
    else label = MEASURES[base] ?? base.charAt(0).toUpperCase() + base.slice(1);
    if (detail === "change" && base !== "percent") label = `Change in ${label.toLowerCase()}`;
    if (detail === "part") label = `${label}, in part`;
    return group && GROUPS[group] ? `${label}: ${GROUPS[group]}` : label;
  }
  const colon = topic.indexOf(":");
  const kind = KINDS[topic.slice(0, colon)];
  if (!kind) return "";
  const target = topic.slice(colon + 1);
  if (target === "?" || target === "") return kind.replace(/ (?:of|from|to|on)$|:$/u, "");
  if (target.startsWith("n:")) return `${kind} the ${target.slice(2)}`;
  const name = names.get(target);
  return name ? `${kind} ${name}` : kind.replace(/ (?:of|from|to|on)$|:$/u, "");
}

/**
 * The caption of a fact: the main topic the most members state (a member counts once; ties go
 * to what is told of the event over the bare event, then to the topic stated first), as words.
 * A count's topic with its group ("qty:killed|civilian") is preferred to the bare measure when as
 * many members state it. Empty when no member states anything the analysis names.
 */
export function factAbout(claims: readonly FeaturedClaim[]): string {
  const votes = new Map<string, number>();
  // each name as most members spell it ("Deir al-Marun" over a translation's "Dair Marun")
  const spellings = new Map<string, string[]>();
  for (const claim of claims) {
    for (const entity of claim.features.entities) (spellings.get(entity.key) ?? spellings.set(entity.key, []).get(entity.key)!).push(entity.text);
    for (const topic of new Set(claim.features.mainTopics)) votes.set(topic, (votes.get(topic) ?? 0) + 1);
  }
  const names = new Map([...spellings].map(([key, texts]) => [key, mostCommon(texts)!]));
  // (on a tie, what is told of the event, its hour or its toll, over the event itself: members
  // that all say "the quake struck at 4:17" are about the hour; and a name over a common noun:
  // "the town of Vardo" is about Vardo)
  const rank = (topic: string) => (topic.startsWith("ev:") ? 0 : /^[a-z]+:n:/u.test(topic) ? 1 : 2);
  let best: string | null = null;
  for (const [topic, count] of votes) {
    const current = best === null ? -1 : votes.get(best)!;
    if (count > current || (count === current && best !== null && (rank(topic) > rank(best) || topic.startsWith(`${best}|`)))) best = topic;
  }
  if (best === "ev:struck") {
    // the disaster by the word most of its sentences use ("The earthquake", "The flood")
    const hazard = mostCommon(claims.flatMap((claim) => [...claim.text.matchAll(HAZARD_NOUN)].map((m) => HAZARD_NAMES[m[1]!.toLowerCase()] ?? m[1]!.toLowerCase())));
    if (hazard) return `The ${hazard}`;
  }
  return best === null ? "" : topicLabel(best, names);
}

const HAZARD_NOUN = /\b(earthquake|quake|tremor|temblor|flood|floods|flooding|storm|cyclone|hurricane|typhoon|tornado|landslide|mudslide|avalanche|wildfire|tsunami|eruption|explosion|blast)\b/giu;
const HAZARD_NAMES: Record<string, string> = { quake: "earthquake", tremor: "earthquake", temblor: "earthquake", floods: "flood", flooding: "flood", mudslide: "landslide" };

/** The most frequent of some words (ties: the first met), or null. */
function mostCommon(words: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  let best: string | null = null;
  for (const [word, count] of counts) if (best === null || count > counts.get(best)!) best = word;
  return best;
}
