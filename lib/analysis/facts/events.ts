/**
 * Event classes from the verbs wires use. Completed control (seized, captured, took control,
 * fell to, overran) is TAKEN; being inside is ENTERED; approaching (advancing toward, closing in,
 * on the outskirts) is ADVANCING; leaving (withdrew, pulled out, retreated) is WITHDRAWN.
 * Denials ("has not fallen", "denied it had fallen") keep the class with positive = false.
 * Verbs that also belong to disaster prose ("taken to hospital", "held in", "fell in", "nobody was
 * inside") count as control only when a town or a position is their object or their subject.
 */
import { sideOf, type EntityMention } from "./entities";
import type { EventClass, EventFeature } from "./types";

// "the roof fell in", "fell down": a structure giving way, damage; "in" is a particle here when
// nothing follows it in its clause ("the town fell in March" keeps its object)
const FELL_THROUGH = String.raw`(?:down|in(?=\s*(?:[.,;:!?]|$|(?:on|onto|and|but|after|as|when|while|during|under)\b)))`;

// (control as a noun of its own, "control of the dam gives the rebels leverage", changes nothing;
// "took control of", "under the control of" and "the rebels control the dam" do)
const PATTERNS: [EventClass, RegExp][] = [
  ["RETAKE", /\b(?:retak(?:e|es|en|ing)|retook|recaptur(?:e|ed|es|ing)|regain(?:ed|s|ing)? control|counter-?attack(?:s|ed|ing)?|counter-?offensive|restored positions|won back|win back)\b/giu],
  ["TAKEN", new RegExp(String.raw`\b(?:seiz(?:e|es|ed|ing|ure)|captur(?:e|es|ed|ing)|(?:took|take|takes|taking|taken|seized|gained|gain|wrested|assumed|established|made the|making the) (?:full |complete |effective )?control|(?:under|in) (?:the |their |its |full |complete |rebel |government |army )*(?:control|hands)|fell(?!\s+${FELL_THROUGH})|falls(?!\s+${FELL_THROUGH})|fallen(?!\s+${FELL_THROUGH})|fall of|(?:has|had|have) fallen(?!\s+${FELL_THROUGH})|overr(?:an|un|unning)|overtook|took|taken|stormed|changed hands|lost|loss of|(?:is|was) lost|in (?:its|their) hands|controls|controlled|control(?!\s+(?:of|over)\b)|hold(?:s)?|held|secured|captured)\b`, "giu")],
  ["TAKEN", /\b(?:hijack(?:ed|s|ing)?|commandeer(?:ed|s|ing)?)\b/giu],
  ["ENTERED", /\b(?:enter(?:ed|ing|s)?|inside|into the (?:town|city|village)|in the (?:main square|town centre|town center|centre|center)|reached the (?:centre|center|main square))\b/giu],
  ["ADVANCING", /\b(?:advanc(?:e|es|ed|ing)(?: on| toward| towards)?|clos(?:e|es|ed|ing) in|push(?:ed|es|ing)? (?:toward|towards|on|into)|moving (?:toward|towards|on)|march(?:ed|ing)? on|(?:on|at|reached|to) the (?:outskirts|edges?|gates|approaches)|kilomet(?:re|er)s? from|km from|miles from|approach(?:ed|ing)|nearing|encircl(?:e|ed|ing)|besieg(?:e|ed|ing)|surround(?:ed|ing))\b/giu],
  ["WITHDRAWN", /\b(?:withdr(?:ew|awn|aw|awing|awal)|pull(?:ed|ing|s)? (?:out|back)|retreat(?:s|ed|ing)?|repositioned|redeploy(?:ed|ment|ing)?|abandon(?:ed|ing)|evacuated (?:their|its) positions|making the withdraw|fled their positions)\b/giu],
  ["KILLED", /\b(?:killed|kill(?:s|ing)?|dead|deaths?|died|perished|perishing|deceased|death toll|toll|lost their lives|slain|fatalities|(?<!(?:economic|financial|material|insured|crop|revenue|job|trading)\s+)losses)\b/giu],
  ["WOUNDED", /\b(?:wounded|injur(?:ed|ies|y)|hurt|casualties)\b/giu],
  ["DISPLACED", /\b(?:displac(?:ed|ement)|fled|flee(?:ing|s)?|fleeing|left (?:their|the|deir|dair)|leaving|exodus|sheltering|shelters?|arrived|evacuat(?:ed|ing|ion)|making the exit|refugees)\b/giu],
  // a claim of the attack names who did it: "X claimed responsibility", "carried out by X"
  ["ATTACK", /\b(?:claim(?:ed|s|ing)?\s+(?:responsibility|credit)|claim(?:ed|s|ing)?\s+the\s+(?:[\p{L}-]+\s+)?(?:attack|operation|assault|bombing|raid|kidnapping|siege|ambush)|(?:was|were)\s+carried\s+out|(?:said|says|say)\s+(?:it|they)\s+(?:had\s+)?carried\s+out)\b/giu],
  ["ATTACK", /\b(?:shooting|gunfire|shell(?:s|ed|ing)?|struck|strikes?|air ?strikes?|bomb(?:ed|ing|s|ardment)?|attack(?:s|ed|ing)?|offensive|assault|clash(?:es|ed)?|fighting|ambush(?:ed)?|raid(?:s|ed)?)\b/giu],
  ["DEPLOYED", /\b(?:sent|send(?:s|ing)?|dispatch(?:ed|es|ing)?|despatch(?:ed|es|ing)?|deploy(?:ed|s|ing)|mobili[sz](?:ed|es|ing)|rushed|heading (?:to|toward|towards|for)|on (?:its|their) way to)\b/giu],
  ["DAMAGE", new RegExp(String.raw`\b(?:collaps(?:e|ed|es|ing)|(?:fell|fallen|falling|falls) ${FELL_THROUGH}|caved in|crumbled|flattened|razed|toppled|blocked|buried|washed away|damaged|destroyed|destruction|explosion of|making explosion|blew up|blown up|blowing up|explod(?:ed|ing)|demolished|cut off|closed|knocked out|out of service)\b`, "giu")],
];

// the order in which a sentence's main event is chosen: territorial change first, then tolls
const PRIORITY: EventClass[] = ["TAKEN", "ENTERED", "ADVANCING", "WITHDRAWN", "RETAKE", "KILLED", "WOUNDED", "DISPLACED", "DAMAGE", "DEPLOYED", "ATTACK"];

const NEGATION = /\b(?:not|n't|never|no longer|denied|denies|deny|denying|rejected|rejecting|rejects|dismissed|dismissing|false|untrue)\b[^,;.]*$/iu;
// "remains under its control", "still holds": the place has not changed hands
const STILL_HELD = /\b(?:remains?|remained|still|continues? to be|stays?)\s+(?:firmly\s+)?(?:under|in)\s+(?:(?:its|their|the army's|government|army|full|complete)\s+)*control\b|\bremain(?:s|ed)? in control\b|\bstill (?:holds?|controls?)\b/giu;

/** Events of a claim with their target place and credited agent (entities from findEntities). */
export function findEvents(text: string, entities: readonly EntityMention[]): EventFeature[] {
  const events: (Omit<EventFeature, "start"> & { at: number })[] = [];
  const taken: [number, number][] = [];
  for (const match of text.matchAll(STILL_HELD)) {
    const at = match.index!;
    const end = at + match[0].length;
    taken.push([at, end]);
    events.push({ cls: "TAKEN", positive: false, target: targetOf("TAKEN", text, at, end, entities), object: objectOf(text, at, end), agent: null, text: match[0], at });
  }
  for (const [cls, pattern] of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const at = match.index!;
      const end = at + match[0].length;
      if (taken.some(([a, b]) => at < b && end > a)) continue;
      // "lost" and "losses" as casualties, "held" as detention, "taken to hospital", "the floor
      // fell in": these verbs change control only when a place or position is what they act on
      if (cls === "TAKEN" && /^(?:lost|hold|holds|held|took|taken)$/iu.test(match[0]) && !placeIsObject(text, end, entities) && !placeIsSubject(text, at, entities)) continue;
      if (cls === "TAKEN" && /^(?:fell|falls)$/iu.test(match[0]) && !/^\s*(?:to|under|into\s+(?:the\s+)?hands)\b/iu.test(text.slice(end, end + 30)) && !placeIsSubject(text, at, entities)) continue;
      // "nobody was inside", "not to enter damaged buildings": being in or going into a place is
      // holding it only when the place is a town or a position
      if (cls === "ENTERED" && /^(?:inside|enter(?:ed|ing|s)?)$/iu.test(match[0]) && !placeIsObject(text, end, entities) && !placeIsSubject(text, at, entities)) continue;
      // "retreating soldiers": an adjective, not the event
      if (cls === "WITHDRAWN" && /ing$/iu.test(match[0]) && /^\s+(?:soldiers|troops|forces|units|army|men|fighters|columns)\b/iu.test(text.slice(end, end + 12))) continue;
      // a school or a shop closed is shut, not damaged: closing is damage to a way through only
      const object = objectOf(text, at, end);
      if (cls === "DAMAGE" && /^closed$/iu.test(match[0]) && object === "building") continue;
      taken.push([at, end]);
      const clauseStart = Math.max(text.lastIndexOf(",", at), text.lastIndexOf(";", at), text.lastIndexOf("—", at), 0);
      const positive = !NEGATION.test(text.slice(clauseStart, at)) && !/^\s*(?:not|n't)/iu.test(text.slice(end, end + 5));
      events.push({ cls, positive, target: targetOf(cls, text, at, end, entities), object, agent: agentOf(text, at, end, entities), text: match[0], at });
    }
  }
  events.sort((a, b) => a.at - b.at || PRIORITY.indexOf(a.cls) - PRIORITY.indexOf(b.cls));
  return events.map(({ at, ...event }) => ({ ...event, start: at }));
}

// what a town or a front line is made of: the positions a force can take, hold or lose
const POSITIONS = "(?:town|city|village|capital|bridge|crossing|positions?|base|airbase|airport|airfield|road|highway|border|checkpoint|district|quarter|hill|dam|port|outpost|garrison)s?";
const POSITION_AHEAD = new RegExp(`^${POSITIONS}\\b`, "iu");
const POSITION_ENDS = new RegExp(`\\b${POSITIONS}$`, "iu");
// a place named in a phrase of location ("people in Osh", "the hospital at Telmar") modifies a noun: it is not the subject
const LOCATIVE = /\b(?:in|at|near|from|around|outside|across|inside|within|of|to|toward|towards)\s+(?:the\s+)?$/iu;

/**
 * Whether a place or a position is the direct object of the verb ending at `end`: right after it,
 * past articles and adjectives only ("took the town of X", "held Karvan", "inside the city").
 * "taken to hospital", "held in Osh", "lost their lives" have none.
 */
function placeIsObject(text: string, end: number, entities: readonly EntityMention[]): boolean {
  const lead = /^\s+(?:(?:the|a|an|its|their|his|her|full|key|strategic|nearby|main|whole|entire|northern|southern|eastern|western|central|control\s+of|over)\s+)*/iu.exec(text.slice(end))?.[0] ?? "";
  const at = end + lead.length;
  if (lead === "") return false;
  return POSITION_AHEAD.test(text.slice(at)) || entities.some((e) => e.kind === "place" && e.start === at);
}

/**
 * Whether a place or a position is the subject of the verb starting at `at`: right before it,
 * past auxiliaries and adverbs only ("the town fell", "Karvan was taken", "the bridge had been
 * lost"), and not itself inside a phrase of location ("patients in Osh were taken").
 */
function placeIsSubject(text: string, at: number, entities: readonly EntityMention[]): boolean {
  const aux = /(?:\s+(?:has|had|have|is|was|were|are|been|being|finally|reportedly|already|now|effectively|\p{L}+ly))*\s*$/iu.exec(text.slice(0, at))?.[0] ?? "";
  const before = text.slice(0, at - aux.length);
  const noun = POSITION_ENDS.exec(before);
  if (noun) return !LOCATIVE.test(before.slice(0, noun.index)) || /\b(?:town|city|village)\s+of\s+$/iu.test(before.slice(0, noun.index));
  const place = entities.find((e) => e.kind === "place" && e.end === before.length);
  if (!place) return false;
  const lead = text.slice(0, place.start);
  // "the town of Karvan fell": the place names the position that is the subject
  return !LOCATIVE.test(lead) || /\b(?:town|city|village|bridge|crossing)\s+of\s+(?:the\s+)?$/iu.test(lead);
}

// (a building named by its use is a building: "the local school", "a mosque", "the clinic")
const OBJECT = "(dam|town|city|village|bridge|crossing|airport|airbase|base|port|border|road|highway|checkpoint|camp|district|quarter|hill|plant|station|compound|barracks|prison|hospital|square|building|headquarters|field|refinery|mine|school|mosque|church|clinic)s?";
const OBJECT_AFTER = new RegExp(`^[\\s,]*(?:(?:of|on|to|toward|towards|into|in|at|over|across)\\s+)?(?:the |a |an |its |their |key |nearby |strategic )*(?:[\\p{L}'’-]+\\s+){0,3}?${OBJECT}\\b`, "iu");
// a building named by its use, right after a place noun it is the head of ("the village school")
const COMPOUND_HEAD = /^s?\s+(?:schools?|mosques?|churche?s?|clinics?|houses?|homes?|apartments?|blocks?|towers?|markets?|stations?|hotels?)\b/iu;
const OBJECT_BEFORE = new RegExp(`\\b${OBJECT}\\b(?:\\s+[\\p{L}'’-]+){0,5}?\\s*$`, "iu");

/** The common noun for what an event acted on ("the dam", "a bridge"); towns, cities and villages are one. */
function objectOf(text: string, at: number, end: number): string | null {
  const after = OBJECT_AFTER.exec(text.slice(end, end + 60));
  const lead = text.slice(Math.max(0, at - 50), at);
  const before = OBJECT_BEFORE.exec(lead);
  // of two nouns run together the last is the head: "the village school" is a building
  if (before && COMPOUND_HEAD.test(lead.slice(before.index + before[1]!.length))) before[1] = "building";
  const passive = /^(?:fell|falls|fallen|has fallen|had fallen|lost|changed hands|under|in)/iu.test(text.slice(at, end)) || /\b(?:was|were|is|are|has been|had been|remains?)\s*$/iu.test(text.slice(Math.max(0, at - 16), at));
  const noun = (passive ? (before?.[1] ?? after?.[1]) : (after?.[1] ?? before?.[1]))?.toLowerCase() ?? null;
  if (noun === null) return null;
  if (/^(?:city|village)$/u.test(noun)) return "town";
  if (noun === "highway") return "road";
  if (/^(?:school|mosque|church|clinic)$/u.test(noun)) return "building";
  return noun === "crossing" ? "bridge" : noun;
}

// a phrase of location opening the sentence: "In Myrza-Ake, ...", "In the village of X, ..."
const FRONTED_PLACE = /^[\s"“]*(?:in|at|near|outside)\s+(?:the\s+)?(?:(?:village|town|city|district|region|province)\s+(?:of\s+)?)?$/iu;

// ", the town's only road crossing over the Ferran, was": an apposition closing right before a passive verb
const APPOSITION_BEFORE = /,\s+(?:the|a|an|its|their)\s[^,;]{2,90},\s+(?:(?:has|had|have|is|was|were|are|been|being|reportedly|already|also)\s+)*$/iu;

function targetOf(cls: EventClass, text: string, at: number, end: number, entities: readonly EntityMention[]): string | null {
  if (!["TAKEN", "ENTERED", "ADVANCING", "WITHDRAWN", "RETAKE", "ATTACK", "DAMAGE"].includes(cls)) return null;
  const places = entities.filter((e) => e.kind === "place");
  // the place must belong to this verb: not past another clause ("seized a dam and overran the
  // town of X") nor the location of a named object ("captured a dam on the Sarhan river")
  const after = places.find((e) => {
    if (e.start < end || e.start - end >= 60) return false;
    const between = text.slice(end, e.start);
    if (/\band\b|[,;]|\b(?:after|before|while|as|when)\b/iu.test(between)) return false;
    return !(new RegExp(`\\b${OBJECT}\\b`, "iu").test(between) && !new RegExp(`\\b${OBJECT}\\s+of\\s+(?:the\\s+)?$`, "iu").test(between));
  });
  // "the town fell": the place comes before the verb (not a place set before the sentence's
  // subject as where it happened: "In Myrza-Ake, the upper floor of the school fell in")
  // (nor a place inside an apposition before the verb: "The Wadi Sirr bridge, the town's only
  // crossing over the Ferran, was blown up" is the bridge blown up, not the Ferran)
  const apposition = APPOSITION_BEFORE.exec(text.slice(0, at));
  const limit = apposition ? apposition.index : at;
  const before = [...places].reverse().find((e) => e.end <= limit && at - e.end < (apposition ? 140 : 50) && !(cls === "DAMAGE" && FRONTED_PLACE.test(text.slice(0, e.start)) && /^\s*(?:,|(?:the|a|an)\s)/iu.test(text.slice(e.end))));
  const verb = text.slice(at, end);
  // "were advancing on X" is active; "was taken", "had fallen" are not
  if (/^(?:fell|falls|fallen|has fallen|had fallen|lost|changed hands|under|in)/iu.test(verb) || /\b(?:was|were|is|are|been)\s*$/iu.test(text.slice(Math.max(0, at - 8), at)) || (!/ing\b/iu.test(verb) && /\b(?:was|were|is|has been|had been)\s*$/iu.test(text.slice(Math.max(0, at - 16), at)))) {
    return (before ?? after)?.key ?? null;
  }
  // active voice: what was taken comes after the verb; a place before it is where it happened
  return after?.key ?? null;
}

function agentOf(text: string, at: number, end: number, entities: readonly EntityMention[]): string | null {
  const orgs = entities.filter((e) => e.kind === "org");
  // passive: "fell to fighters of the ELC", "taken by", "under the control of"
  const tail = text.slice(end, end + 80);
  if (/^\s*(?:to|by|under|of)\b/iu.test(tail) || /control of$/iu.test(text.slice(at, end))) {
    const org = orgs.find((e) => e.start >= end && e.start - end < 70);
    if (org) return org.key;
    const side = sideOf(tail.split(/[,;.]/u)[0] ?? "");
    if (side) return side;
  }
  // active: the subject before the verb in the same clause
  const clauseStart = Math.max(text.lastIndexOf(",", at - 1), text.lastIndexOf(";", at - 1), text.lastIndexOf(" that ", at - 1), -1) + 1;
  const org = [...orgs].reverse().find((e) => e.start >= clauseStart && e.end <= at);
  if (org) return org.key;
  const side = sideOf(text.slice(clauseStart, at));
  if (side) return side;
  // the sentence's subject, when set apart by an apposition: "Kataib al-Rimal, a militant group
  // active in the south, claimed responsibility"
  if (/^claim/iu.test(text.slice(at, end)) && /^[^,]*,[^,]*,\s*$/u.test(text.slice(0, at))) {
    const subject = entities.find((e) => e.start < text.indexOf(","));
    if (subject) return subject.key;
  }
  return null;
}
