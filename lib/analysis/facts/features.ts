/**
 * Features of one claim, computed once and stored as JSON: entities, quantities with what they
 * count, events, attribution, dates, quotes, stemmed words and topic keys.
 */
import { findAttribution, looksLikeOutlet } from "./attribution";
import { mainCountry, placedElsewhere } from "./countries";
import { monthIndex, resolveDates } from "./dates";
import { findEntities, type EntityMention } from "./entities";
import { findEvents } from "./events";
import { concept, foldText, outletKey, stem, STOPWORDS } from "./normalize";
import { findNumbers, type NumberMention } from "./numbers";
import { ANALYSIS_VERSION, type AnalysisClaimInput, type AnalysisReport, type ClaimFeatures, type EventClass, type QuantityFeature } from "./types";

// what a number counts, by the words near it; the nearest keyword in the clause wins
const MEASURES: [string, RegExp][] = [
  ["killed", /\b(?:killed|killing|kill|dead|deaths?|died|perished|perishing|deceased|death toll|toll|lost (?:their|the|his|her) li(?:ves|fe)|slain|fatalities|(?<!(?:economic|financial|material|insured|crop|revenue|job|trading)\s+)losses|fallen(?!\s+(?:to|from|by|below|back|sharply|further)\b)|martyred|bodies)\b/giu],
  ["wounded", /\b(?:wounded|wounding|injured|injuring|injuries|hurt)\b/giu],
  ["displaced", /\b(?:(?:forc(?:ed|ing)|driv(?:en|ing)|drove) (?:[\p{L}\p{N},.-]+ ){0,3}(?:from|out of) (?:their|the) homes|from their homes|homeless|left (?:the |their )?(?:houses|homes)|fled|flee|fleeing|displaced|left (?:their homes|the (?:town|city|area|village)|deir|dair)|(?:forced|made|had|ordered|told) to (?:leave|flee|evacuate)|leave (?:their|the) homes|evacuees|have left|had left|leaving|arrived|exodus|making the exit|evacuated|uprooted|on the road|registered|displacement)\b/giu],
  ["sheltering", /\b(?:sheltering|shelters?|staying in|housed|accommodated)\b/giu],
  ["strikers", /\b(?:(?:went|go|going|are|were) on strike|joined (?:a|the) (?:\w+ )?strike|strikers|walked (?:off|out)|walkout|stoppage|stop of (?:the )?work|downed tools)\b/giu],
  ["crowd", /\b(?:crowds?|gathered|rall(?:y|ied|ies)|marched|turned out|(?:took|take|taking|poured|pour|pouring|came out) (?:to|into|onto) the streets|protested|demonstrated|(?:taking|took|take) part in (?:the |a )?(?:protests?|rall(?:y|ies)|march(?:es)?|demonstrations?))\b/giu],
  ["force", /\b(?:took part|stormed|led the|attacking force|fighters (?:took|stormed|crossed|attacked|led)|mobili[sz]ed|deployed|strong force)\b/giu],
  ["rescued", /\b(?:rescued|survivors|saved|pulled (?:alive|out|from)|plucked|freed|freeing|liberated|set free|walked out alive)\b/giu],
  ["missing", /\b(?:missing|unaccounted|disappeared|not (?:yet |been )?(?:accounted for|found|located)|(?:fate|whereabouts)\b[^.;]{0,40}?\b(?:unknown|unclear))\b/giu],
  ["aboard", /\b(?:on board|aboard|carrying|passengers and crew)\b/giu],
  ["detained", /\b(?:arrested|arrests? of|detained|captured|taken prisoner|prisoners?|captives?|hostages?|surrendered|(?:holding|held)(?=\s+(?:[\p{L}\d,.-]+\s+){0,3}?(?:people|persons|guests|staff|passengers|civilians|workers|employees|pupils|students)\b))\b/giu],
];
const GROUPS: [string, RegExp][] = [
  ["soldier", /\b(?:soldiers?|troops|servicemen|army|military|personnel|conscripts|officers|the soldiers of the army|daf)\b/iu],
  ["rebel", /\b(?:fighters?|rebels?|militants?|insurgents?|militiamen|attackers|gunmen|his men|elc)\b/iu],
  ["civilian", /\b(?:civilians?|people|persons?|residents|villagers|children|women|men|families|inhabitants|patients|passengers|migrants|refugees|workers|students|pilgrims|protesters|demonstrators|tourists)\b/iu],
];
const UNIT_WORDS: [string, RegExp][] = [
  ["family", /^\s*(?:\w+\s+)?famil(?:y|ies)\b/iu],
  ["km", /^\s*(?:km|kilomet(?:re|er)s?|(?:nautical )?miles?|nm)\b/iu],
  ["vehicle", /^\s*(?:\w+\s+)?(?:vehicles?|tanks?|trucks?|armou?red vehicles?|pickups?)\b/iu],
  // ("40pc": the British papers' abbreviation; "40 in hundred": a translation's word for word)
  ["percent", /^\s*(?:%|per ?cent|percent|pc\b|(?:in|on)\s+(?:the\s+)?hundred\b)/iu],
  // a flow ("1,200 cubic metres per second") and a length or height ("four metres") are
  // quantities of their own, never counts of anything
  ["rate", /^\s*(?:cubic\s+(?:metres|meters|feet)|m3|m³|litres|liters|gallons|tonnes|tons)\s*(?:per|a|an|\/|every)\s*(?:second|sec|s|minute|min|hour|hr|day)\b/iu],
  ["length", /^\s*(?:metres?|meters?|m|feet|foot|ft|cm|centimet(?:re|er)s?|inch(?:es)?|millimet(?:re|er)s?|mm)\b/iu],
];

// "two army sources said", "according to three officials": a count of sources, not of anything reported
const SOURCE_COUNT = /^\s+(?:[\p{L}-]+\s+){0,2}?(?:sources?|officials?|officers?|residents|witnesses|members|elders|diplomats|people familiar|medics|doctors|aid workers|security sources)\b(?:[^.;]{0,40}?\b(?:said|say|says|told|reported|spoke))?/iu;

const NOT_A_PREDICATE = new Set(["still", "reported", "believed", "thought", "estimated", "understood", "inside", "now", "already", "being", "remain", "remained", "remaining", "government", "local", "civilian", "more", "other"]);

/**
 * A reading on a scale rather than a count: "a magnitude 6.4 earthquake", "a 6.2-magnitude
 * quake", "measured 6.1", "of force 6.1", "5.8 on the Richter scale".
 */
function isMagnitude(text: string, n: NumberMention): boolean {
  if (!/^\d{1,2}(?:[.,]\d)?$/u.test(n.text.trim()) || n.value > 10) return false;
  const before = text.slice(Math.max(0, n.start - 20), n.start);
  const after = text.slice(n.end, n.end + 24);
  if (/(?:magnitude|force|intensity|measur(?:ed|ing)|registered|richter)\s*(?:of\s*|at\s*)?(?:about\s*|around\s*|some\s*)?$/iu.test(before)) return true;
  return /^\s*-?\s*(?:magnitude\b|on the richter|richter\b)/iu.test(after);
}

/**
 * Which reading on a scale: a shaking's intensity ("intensity 8", "made 8 points") is another
 * scale than a magnitude, and a later shock's magnitude ("a magnitude 5.1 aftershock", "the
 * strongest of them measuring 5.1") is another quantity than the main event's.
 */
function scaleOf(text: string, n: NumberMention, from: number, to: number): string {
  const before = text.slice(Math.max(0, n.start - 24), n.start);
  const after = text.slice(n.end, n.end + 16);
  if (/(?:intensity|force)\s*(?:of\s*|at\s*)?(?:about\s*|around\s*|some\s*)?$/iu.test(before) || /^\s*-?\s*points?\b/iu.test(after)) return "intensity";
  const clause = text.slice(from, to);
  if (/\baftershocks?\b|\b(?:the\s+)?(?:strongest|largest|biggest|most powerful)\s+(?:of\s+(?:them|those|these)|one)\b/iu.test(clause)) return "magnitude:later";
  return "magnitude";
}

// nouns whose counts are compared across paraphrases ("two apartment blocks", "three buildings")
const COUNTED_FAMILIES = new Set(["~building", "~crew"]);

/** The family of the thing a number counts, from the words right after it or its subject. */
function countedFamily(text: string, n: NumberMention): string | null {
  const after = text.slice(n.end, n.end + 60);
  // the noun phrase right after the number, adjectives allowed ("three residential buildings"),
  // up to a function word or another counted noun ("260 passengers and crew" counts passengers)
  for (const raw of after.match(/^\s*(?:[\p{L}-]+\s+){0,2}[\p{L}-]+/u)?.[0].match(/[\p{L}-]+/gu) ?? []) {
    const word = foldText(raw);
    const family = concept(stem(word));
    if (COUNTED_FAMILIES.has(family)) return family;
    if (STOPWORDS.has(word) || GROUPS.some(([, re]) => re.test(word))) break;
  }
  // "the sailors of the ship are 18 persons": the subject of a copula is what is counted
  // (the subject opens its clause: in "the persons who left the houses are 5,000" houses are not counted)
  const subject = /(?:^|[,;:]\s*|\band\s+)(?:(?:the|its|their)\s+)?([\p{L}-]+)(?:\s+of\s+(?:the\s+)?[\p{L}-]+)?\s+(?:are|is|were|was|numbered|number|totall?ed|stood at)\s+$/iu.exec(text.slice(Math.max(0, n.start - 60), n.start));
  if (subject) {
    const word = concept(stem(foldText(subject[1]!)));
    if (COUNTED_FAMILIES.has(word)) return word;
  }
  return null;
}

/** A clock time in a translation's words ("at 04 hours 17 minutes"): its numbers are a time, not counts. */
// (also "around the 20 hours 40": the minutes may go unnamed)
const SPELLED_CLOCK = String.raw`\b(?:at|around|about|towards?)\s+(?:the\s+)?(\d{1,2})\s+hours?\s+(\d{1,2})(?:\s+min(?:ute)?s?)?\b`;
const SPELLED_CLOCK_ALL = new RegExp(SPELLED_CLOCK, "giu");

function isNotCount(text: string, n: NumberMention): boolean {
  // "6 civilian deaths (4 men, 1 woman, 1 boy)": a breakdown of a figure, not a figure of its own
  const open = text.lastIndexOf("(", n.start);
  if (open >= 0 && text.indexOf(")", open) > n.start && /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b/iu.test(text.slice(Math.max(0, open - 30), open)) && !/\b(?:also spelled|or)\b/iu.test(text.slice(open, n.start))) return true;
  const before = text.slice(Math.max(0, n.start - 12), n.start);
  const after = text.slice(n.end, n.end + 14);
  // "its 18 crew members, the company said" counts crew, not the sources
  const source = countedFamily(text, n) ? null : SOURCE_COUNT.exec(text.slice(n.end, n.end + 80));
  if (source && (/\b(?:said|say|says|told|reported|spoke)\b/iu.test(source[0]) || /(?:according to|citing|quoting)\s*$/iu.test(text.slice(Math.max(0, n.start - 16), n.start)))) return true;
  // "two of the brigade's members", "one of the sources"
  // (only when those are speakers: "six of the attackers were killed, a spokesman told" counts attackers)
  if (/^\s+of\s+(?:them\b|(?:the|its|their)\s+(?:[\p{L}'’-]+\s+){0,2}?(?:sources?|officials?|officers?|witnesses|residents|members|elders|diplomats|medics|doctors|spokes\w+)\b)/iu.test(text.slice(n.end, n.end + 60)) && !PART_AFTER.test(text.slice(n.end, n.end + 40)) && /\b(?:said|told|according)\b/iu.test(text.slice(n.end, n.end + 60))) return true;
  // "40 in hundred": a translation's percent, the hundred is its unit
  if (/^hundred$/iu.test(n.text.trim()) && /\d\s+(?:in|on)\s+(?:the\s+)?$/iu.test(text.slice(Math.max(0, n.start - 16), n.start))) return true;
  // the whole of a partitive ("Five of the nine carriages"): what the part is taken from
  if (PARTITIVE_PART.test(text.slice(Math.max(0, n.start - 50), n.start))) return true;
  if (/^\s*(?:GMT|UTC|local|[ap]\.?m\b|h\b|hrs|o'clock|-year-old|year-old|years? old|st\b|nd\b|rd\b|th\b)/iu.test(after)) return true;
  // a number joined to a unit by a hyphen is an attribute of a noun, not a count: "a two-storey
  // school", "a 40-minute drive", "a 10-km stretch" (a magnitude and a team's size are read before)
  if (/^-(?:storey|story|stories|floor|level|room|bed|lane|track|year|month|week|day|hour|minute|second|metre|meter|km|kilomet(?:re|er)|mile|foot|feet|inch|ton|tonne|point)s?\b/iu.test(after) && !/^-year-old/iu.test(after)) return true;
  // a clock time in a translation's words: "at 04 hours 17 minutes"
  for (const m of text.matchAll(SPELLED_CLOCK_ALL)) if (n.start >= m.index && n.start < m.index + m[0].length) return true;
  if (/^[:.]\d/u.test(after) || /\d[:.]$/u.test(before)) return true;
  if (/(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$/u.test(before)) return true;
  if (/^\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b/u.test(after)) return true;
  if (/(?:No\.|number|kilometre|km|hour|division|page|paragraph|since|in|of)\s*$/iu.test(before) && /^\d{4}$/u.test(n.text)) return true;
  if (/^(?:19|20)\d{2}$/u.test(n.text)) return true;
  if (/(?:No\.|paragraph|hour|at|by|around)\s*$/iu.test(before) && /^\d{3,4}$/u.test(n.text)) return true;
  if (/^\d+(?:st|nd|rd|th)$/u.test(n.text)) return true;
  // "an Il-76", "two Su-25 jets": a number joined to a name by a hyphen is a designation
  if (/\p{L}-$/u.test(before)) return true;
  // "Flash Update No. 3", "the 4th Armoured Division"
  if (/\bNo\.?\s*$/u.test(before)) return true;
  // "about four kilometres" is a distance, kept; a lone "one" or article is not a figure
  return /^(?:one|a|an)$/iu.test(n.text.trim());
}

// a verb of change right before a measured amount: "rose by four metres", "climbed more than 13
// feet", "fell 2 cubic metres a second". The amount is a difference, another quantity than the
// level it reaches ("three metres deep", "1,200 cubic metres a second")
const CHANGE_BEFORE = /\b(?:rose|risen|rises?|rising|climb(?:ed|s|ing)?|jump(?:ed|s)?|surg(?:ed|es)|swell(?:ed|s)?|swollen|increas(?:ed|es|ing)|went up|gone up|fell|fall(?:s|en)?|dropp(?:ed|ing)|drops?|decreas(?:ed|es|ing)|declin(?:ed|es|ing)|receded|went down|gone down|(?:an? )?(?:rise|increase|drop|fall|decline) of)\s+(?:by\s+)?(?:(?:more|less|fewer) than|over|about|around|some|nearly|almost|roughly|at least|up to|as much as|another|a further)?\s*$/iu;

function isChange(before: string): boolean {
  return CHANGE_BEFORE.test(before);
}

// a count given as part of a larger one: "among the dead were a family of five", "including a
// family of five", "64 of the injured", "of whom 12": a subset, not the total it belongs to
const PART_BEFORE = /\b(?:among\s+(?:the|them|those|these)\b[^,;]{0,40}?|including|incl\.|of (?:whom|which|them|those|these))\s+(?:[\p{L}-]+\s+){0,3}$/iu;
const PART_AFTER = /^\s+of\s+(?:(?:them|those|these|whom)\b|the\s+(?:(?:seriously|badly|most|critically)\s+)?(?:dead|injured|wounded|killed|victims|missing|casualties|displaced|evacuees|rescued|survivors)\b)/iu;

// words that qualify a count ("at least", "some", "more than")
const COUNT_HEDGES = "(?:at least|about|some|around|nearly|almost|more than|over|up to|roughly|another|a further|an estimated)";
// a verb done to people right before a count: its object is people, counted by that verb
const DONE_TO_PEOPLE_BEFORE = new RegExp(`\\b(?:killed|killing|wounded|wounding|injured|injuring|arrested|arresting|detained|detaining|freed|freeing|rescued|rescuing|evacuated|evacuating)\\s+(?:${COUNT_HEDGES}\\s+)?$`, "iu");

// a partitive with its whole: "of the nine carriages", "out of the train's nine cars" (the noun is group 1)
const PARTITIVE_OF = String.raw`\s+(?:out\s+)?of\s+(?:(?:the|its|their)\s+)?(?:[\p{L}-]+['’]s\s+)?`;
const WHOLE_NUMBER = String.raw`(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)`;
const PARTITIVE_WHOLE = new RegExp(`^${PARTITIVE_OF}${WHOLE_NUMBER}\\s+([\\p{L}-]+)`, "iu");
const PARTITIVE_PART = new RegExp(`\\b${WHOLE_NUMBER}${PARTITIVE_OF}$`, "iu");

// a place and its size: "a village of (several) ...", "a town of (about) ..." (the qualifier is read with the number)
const POPULATION_BEFORE = /\b(?:village|town|city|hamlet|settlement|community|municipality|district|province|region|island)\s+of\s+$/iu;
// ... and what follows the number: the people it counts, or the end of the phrase
const POPULATION_AFTER = /^(?:\s+(?:people|residents|inhabitants|souls)\b|\s*(?:[,;:.)—–]|$)|\s+(?:in|on|near|in the|east|west|north|south)\b)/iu;

// each measure's words right before a count ("arrested four", "freed some 126")
const MEASURES_RIGHT_BEFORE: [string, RegExp][] = MEASURES.map(([name, re]) => [name, new RegExp(`(?:${re.source})\\s+(?:${COUNT_HEDGES}\\s+)?$`, "iu")]);

function clauseAround(text: string, start: number, end: number): [number, number] {
  const from = Math.max(text.lastIndexOf(";", start), text.lastIndexOf(". ", start), text.lastIndexOf(" while ", start), text.lastIndexOf(" but ", start), -1) + 1;
  const stops = [";", ". ", " while ", " but ", ", while", " and the ", " and that "].map((s) => text.indexOf(s, end)).filter((i) => i >= 0);
  return [from, stops.length > 0 ? Math.min(...stops) : text.length];
}

function quantityOf(text: string, n: NumberMention, others: readonly NumberMention[] = []): QuantityFeature {
  const [from, to] = clauseAround(text, n.start, n.end);
  const after = text.slice(n.end, to);
  const unit = UNIT_WORDS.find(([, re]) => re.test(after))?.[0] ?? "";
  const base = { value: n.value, low: n.low, high: n.high, bound: n.bound, unit, text: n.text, start: n.start };
  if (isMagnitude(text, n)) return { ...base, unit: "", measure: scaleOf(text, n, from, to), group: "" };
  // "at a depth of 10 km", "the depth of the hypocentre is 12 km": where the quake was, said as a figure to check
  // (and "about 6 miles below the surface", "10 km underground", "shallow, at 10 km deep": the same figure)
  if (unit === "km" && /^\s*(?:km|kilomet(?:re|er)s?|miles?)\s+(?:(?:below|beneath|under)\s+(?:the\s+)?(?:surface|ground|earth)|underground|deep)\b/iu.test(text.slice(n.end, n.end + 40))) return { ...base, measure: "depth", group: "" };
  if (unit === "km" && /\bdepth\s+(?:of\s+(?:the\s+)?(?:hypocent(?:re|er)|focus|quake|earthquake|tremor)\s+)?(?:of|is|was|at|made)\s+(?:about\s+|around\s+|some\s+|roughly\s+)?$/iu.test(text.slice(Math.max(0, n.start - 50), n.start))) return { ...base, measure: "depth", group: "" };
  // "a family of five", "a crew of 18": the number is the size of one unit, not a count of
  // what happened to people ("a family of five died" is one family, whatever the toll)
  const unitOf = /\b(?:(?:a|an|the|one|another|their|his|her|its)\s+)?(famil(?:y|ies)|group|crew|team|party|couple|household|convoy|delegation)\s+of\s+$/iu.exec(text.slice(Math.max(0, n.start - 40), n.start));
  // (in "a team of 40 rescuers" the noun after the number is what is counted)
  if (unitOf && /^(?:\s*[,;:.)—–-]|\s*$|\s+(?:persons?|people|members|(?:who|whose|that|which|from|in|on|at|near|with|and|all|were|was|had|have|died|perished|\p{L}+ed)\b))/iu.test(text.slice(n.end, n.end + 20))) return { ...base, measure: `size:${concept(stem(foldText(unitOf[1]!)))}`, group: "" };
  // "a village of several thousand people", "Uzgen, a town of about 60,000": the size of a place
  // the claim names, which sets the scene of its event and counts nothing that befell anyone
  if (POPULATION_BEFORE.test(text.slice(Math.max(0, n.start - 40), n.start)) && POPULATION_AFTER.test(text.slice(n.end, n.end + 30))) return { ...base, measure: "population", group: "" };
  // "a 40-strong team", "the 40-member crew": a count of the people the noun after it names
  // (the noun is the last word before a function word or a stop: "the 40-member Kazakh team with ...")
  const sized = /^-(?:strong|member|man|person)\s+((?:[\p{L}-]+\s*){1,3})/u.exec(text.slice(n.end, n.end + 60));
  if (sized) {
    const words = sized[1]!.trim().split(/\s+/u).map(foldText);
    const stop = words.findIndex((w) => STOPWORDS.has(w));
    const noun = words.slice(0, stop < 0 ? words.length : Math.max(1, stop)).pop()!;
    return { ...base, measure: `n:${concept(stem(noun))}`, group: "" };
  }
  // "Five of the nine carriages", "six of the train's nine cars": the part counts the noun after
  // the whole (the whole itself is no count, see isNotCount)
  const partitive = PARTITIVE_WHOLE.exec(after);
  if (partitive && !GROUPS.some(([, re]) => re.test(partitive[1]!))) return { ...base, measure: `n:${concept(stem(foldText(partitive[1]!)))}`, group: "" };
  const family = countedFamily(text, n);
  if (family) return { ...base, measure: `n:${family}`, group: "" };
  // "the attackers numbered nine": a count of the group named before it
  const numbered = NUMBERED.exec(text.slice(from, n.start));
  const numberedGroup = numbered ? GROUPS.find(([, re]) => re.test(numbered[1]!))?.[0] : undefined;
  if (numberedGroup) return { ...base, measure: numberedGroup === "rebel" ? "force" : "count", group: numberedGroup };
  let measure = "";
  // "two apartment blocks collapsed": a number naming its own thing is a count of that thing,
  // whatever verb is near ("14 people died when ... two apartment blocks collapsed")
  const headWords = (/^\s*([\p{L}-]+)(?:\s+([\p{L}-]+))?/u.exec(after) ?? []).slice(1, 3).filter(Boolean).map((w) => foldText(w!));
  const headIsThing =
    headWords.length > 0 &&
    !STOPWORDS.has(headWords[0]!) &&
    !NOT_A_PREDICATE.has(headWords[0]!) &&
    !headWords.some((w) => GROUPS.some(([, re]) => re.test(w)) || MEASURES.some(([, re]) => new RegExp(`^(?:${re.source})$`, "iu").test(w)));
  // a duration ("trapped for some 13 hours", "a siege of nearly ten hours") counts time, never
  // what a verb near it did
  const duration = /^\s+(hours?|minutes?|days?|weeks?|months?|years?)\b/iu.exec(after);
  if (duration && !unit) measure = `n:${concept(stem(foldText(duration[1]!)))}`;
  else if (unit === "km") measure = "distance";
  // a rise or cut by a share ("a 40 percent rise in fuel prices", "raised prices by 40%") is a
  // statement of its own; a bare share ("97 percent full") describes
  else if (unit === "percent") measure = PERCENT_CHANGE.test(text.slice(Math.max(from, n.start - 40), Math.min(to, n.end + 30))) || /\bby\s+(?:about\s+|some\s+|around\s+|nearly\s+|almost\s+)?$/iu.test(text.slice(Math.max(0, n.start - 20), n.start)) ? "percent:change" : "percent";
  else if (unit === "rate" || unit === "length") measure = isChange(text.slice(from, n.start)) ? `${unit}:change` : unit;
  // "took about 140 guests and staff hostage", "140 persons were in the hands of the gunmen": people held
  else if (/^\s*(?:[\p{L}-]+\s+){0,4}(?:hostage|captive)\b|^\s*(?:[\p{L}-]+\s+){0,2}(?:were|was|are|is)\s+in\s+the\s+hands\s+of\b/iu.test(after)) measure = "detained";
  // "arrested four suspected accomplices", "freed 126 guests": the object of a verb done to people
  // is counted by that verb, whatever the noun
  else if (!unit && DONE_TO_PEOPLE_BEFORE.test(text.slice(from, n.start))) measure = MEASURES_RIGHT_BEFORE.find(([, re]) => re.test(text.slice(from, n.start)))?.[0] ?? `n:${concept(stem(headWords[0] ?? ""))}`;
  else if (headIsThing && !unit) measure = `n:${concept(stem(headWords[0]!))}`;
  else {
    let best = Infinity;
    for (const [name, re] of MEASURES) {
      for (const match of text.slice(from, to).matchAll(re)) {
        const at = from + match.index!;
        // a verb with a number of its own between it and this one is that number's ("killing
        // at least nine people and forcing some 4,000 from their homes": 4,000 were not killed)
        if (at < n.start && others.some((m) => m !== n && m.start >= at + match[0].length && m.end <= n.start)) continue;
        // and a word after another number, past a clause break, is that number's ("killed ... rose
        // to 46, with 312 injured": 46 were not injured; but "12 soldiers and 5 civilians were
        // killed" counts both)
        if (at >= n.end && others.some((m) => m !== n && m.start >= n.end && m.end <= at && /[,;]/u.test(text.slice(n.end, m.start)))) continue;
        const distance = at >= n.end ? at - n.end : (n.start - at) * 1.3;
        if (distance < best) {
          best = distance;
          measure = name;
        }
      }
    }
  }
  // people held ("126 hostages", "40 prisoners") who are let go in the clause ("were released",
  // "walked free") are a count of those freed, not of those held
  const heldNoun = HELD.test(headWords[0] ?? "");
  // (this number's own words, between the numbers around it: "freeing 126 hostages", but not
  // "30 hostages were still held after 12 were released")
  const nextNumber = others.filter((m) => m.start > n.end).reduce((first, m) => Math.min(first, m.start), to);
  const previousNumber = others.filter((m) => m.end < n.start).reduce((last, m) => Math.max(last, m.end), from);
  if (measure === "detained" && heldNoun && RELEASED.test(text.slice(previousNumber, nextNumber))) measure = "rescued";
  // the group: the noun right after the number, else the nearest group word in the clause (not
  // when that noun names the people counted by what was done to them: "130 hostages were freed
  // when soldiers entered" counts no soldiers)
  const head = /^\s*(?:[\p{L}-]+\s+){0,3}?([\p{L}-]+)/u.exec(after)?.[0] ?? "";
  let group = GROUPS.find(([, re]) => re.test(head))?.[0] ?? "";
  // (nor, for people held or freed, the captors named in the clause: "the attackers ... took about
  // 140 guests and staff hostage" counts no attackers)
  if (!group && !heldNoun && measure !== "detained" && measure !== "rescued") {
    const clause = text.slice(from, to);
    let best = Infinity;
    for (const [name, re] of GROUPS) {
      const global = new RegExp(re.source, "giu");
      for (const match of clause.matchAll(global)) {
        const distance = Math.abs(from + match.index! - n.end);
        if (distance < best) {
          best = distance;
          group = name;
        }
      }
    }
  }
  if (measure === "displaced" || measure === "sheltering" || measure.startsWith("percent")) group = "";
  // a part of a count names no group of its own ("a family of five"); one that does ("including
  // 12 soldiers") is told apart by its group already
  if (MEASURES.some(([name]) => name === measure) && !GROUPS.some(([, re]) => re.test(head)) && (PART_BEFORE.test(text.slice(from, n.start)) || PART_AFTER.test(text.slice(n.end, to)))) {
    return { value: n.value, low: n.low, high: n.high, bound: n.bound, measure: `${measure}:part`, group: "", unit, text: n.text, start: n.start };
  }
  if (!measure) {
    // an uncategorised count: of a group ("50 soldiers holding out" → count of soldiers), else
    // keyed by the noun it counts ("six schools" → "n:school")
    const words = (after.match(/[\p{L}-]+/gu) ?? []).slice(0, 8).map((w) => foldText(w));
    const noun = words.find((w) => !STOPWORDS.has(w) && w.length > 2);
    const headGroup = GROUPS.find(([, re]) => re.test(words.slice(0, 2).join(" ")))?.[0];
    if (headGroup) {
      // how many attackers there were ("about a dozen gunmen armed with rifles", "nine attackers
      // in all"): the size of the attacking force, whatever word follows
      if (headGroup === "rebel") return { value: n.value, low: n.low, high: n.high, bound: n.bound, measure: "force", group: headGroup, unit, text: n.text, start: n.start };
      // what the group is doing: the first verb after it in its clause ("50 soldiers are holding
      // out" → hold); a name or a number after a comma is not what they do
      const clauseWords = (after.split(/[,;:]/u)[0]!.match(/[\p{L}-]+/gu) ?? []).slice(0, 8).map((w) => foldText(w));
      const verb = clauseWords.slice(1).find((w) => !STOPWORDS.has(w) && !NOT_A_PREDICATE.has(w) && w.length > 2 && !GROUPS.some(([, re]) => re.test(w)) && !NUMBER_WORD.test(w));
      const measureOfGroup = verb ? `v:${concept(stem(verb))}` : "count";
      return { value: n.value, low: n.low, high: n.high, bound: n.bound, measure: measureOfGroup, group: headGroup, unit, text: n.text, start: n.start };
    }
    measure = noun ? `n:${stem(noun)}` : "n:";
  }
  return { value: n.value, low: n.low, high: n.high, bound: n.bound, measure, group: measure.startsWith("n:") ? "" : group, unit, text: n.text, start: n.start };
}

/** Verbs of making a thing: a date beside them dates the thing, not the claim's event. */
const MAKING_VERBS = "(?:built|constructed|completed|opened|founded|established|erected|inaugurated|commissioned|renovated|rebuilt|refurbished|restored|installed|set up|dug|laid)";
/** How many of a unit of time: "nine", "9", "several", "a few". */
const HOW_MANY = "(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few)";
const HELD = /^(?:hostages?|captives?|prisoners?)$/u;
const PRONOUN_SUBJECT = /^[\s"“]*(?:he|she)\b/iu;
const PERCENT_CHANGE = /\b(?:rises?|rose|risen|rising|increases?|increased|increasing|hikes?|hiked|jump(?:s|ed)?|rais(?:e|es|ed|ing)|climb(?:s|ed)?|surge[sd]?|cuts?|fall(?:s|en)?|fell|drop(?:s|ped)?|decreas(?:e|es|ed)|reduc(?:e|ed|tion)|devalu(?:ed|ation))\b/iu;
const NUMBERED = /\b((?:the\s+)?[\p{L}-]+)\s+(?:numbered|totall?ed|numbering)\s+(?:about\s+|around\s+|some\s+|roughly\s+)?$/iu;
const NUMBER_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?)$/u;
const RELEASED = /\b(?:freed|freeing|released|releasing|liberated|set free|let go|walked (?:out )?(?:free|alive)|rescued)\b/iu;

const PHRASE_CONCEPTS: [RegExp, string][] = [
  [/\b(?:(?:went|go|going|are|were) on strike|joined (?:a|the) (?:\w+ )?strike|strikers|walked (?:off|out)|walkout|stoppage|stop of (?:the )?work|downed tools)\b/iu, "~walkout"],
  [/\b(?:tear ?gas|gas of tears|tear-gas)\b/iu, "~teargas"],
  [/\b(?:ships? of war|war ?ships?|naval vessels?)\b/iu, "~warship"],
  [/\b(?:armed men|men with (?:arms|guns|weapons)|gunmen)\b/iu, "~fighter"],
  // an idiom for putting a measure off meets the plain verb: "backed down on the rise" / "suspended the rise"
  [/\b(?:back(?:ed|s|ing)? down|climb(?:ed|s|ing)? down|u-turn|put (?:it |the \w+ )?on hold)\b/iu, "~suspend"],
  // who says it did it: "claimed responsibility", "claimed the attack", "the attack was carried
  // out by" ("claimed" alone is a word of attribution, left out of the words compared)
  [/\b(?:claim(?:ed|s|ing)?\s+(?:responsibility|credit|the\s+(?:[\p{L}-]+\s+)?(?:attack|operation|assault|bombing|raid|kidnapping|killings?|abduction|siege|ambush))|(?:took|takes|taking|accepted|accepts|admitted)\s+responsibility|responsibility\s+for\s+the|(?:was|were)\s+carried\s+out\s+by|behind\s+the\s+(?:attack|assault|bombing|raid|siege|ambush))\b/iu, "~claimed"],
];

/** Stemmed content words and entity keys, leaving out the attribution (who said it is compared apart). */
function lexicalTokens(text: string, entities: readonly EntityMention[], skip: [number, number] | null): string[] {
  const tokens: string[] = [];
  const seen = new Set<string>();
  // phrases wires and translations use for one thing, where no single word carries it
  for (const [re, token] of PHRASE_CONCEPTS) {
    if (re.test(text) && !seen.has(token)) {
      seen.add(token);
      tokens.push(token);
    }
  }
  const add = (token: string) => {
    if (!seen.has(token)) {
      seen.add(token);
      tokens.push(token);
    }
  };
  for (const match of text.matchAll(/[\p{L}\p{N}'’]+/gu)) {
    const at = match.index!;
    if (skip && at >= skip[0] && at < skip[1]) continue;
    const entity = entities.find((e) => at >= e.start && at < e.end);
    const word = foldText(match[0]).replace(/'s$|'/g, "");
    if (entity) {
      add(entity.key);
      continue;
    }
    if (STOPWORDS.has(word) || word.length < 2 || /^\d/.test(word)) continue;
    add(concept(stem(word)));
  }
  return tokens;
}

/** Where the attribution phrase sits in the claim, when it can be found. */
function speakerSpan(text: string, speaker: string | null): [number, number] | null {
  if (!speaker) return null;
  const at = text.lastIndexOf(speaker);
  return at < 0 ? null : [at, at + speaker.length];
}

const DEPLOYED_UNITS: [string, RegExp][] = [
  ["navy", /\b(?:navy|naval|frigates?|warships?|destroyers?|corvettes?|gunboats?|coast ?guard|ship of war)\b/iu],
  ["army", /\b(?:army|troops|soldiers|military|brigades?|battalions?|reinforcements)\b/iu],
  ["police", /\b(?:police|riot police|gendarmes?|officers)\b/iu],
  ["rescue", /\b(?:rescue (?:teams|workers|crews)|rescuers|civil defen[cs]e|firefighters|medical teams|aid convoys?)\b/iu],
];

/** The claim frames itself in another country than the story's ("across the border in ..."). */
// ("rescuers from neighbouring Kazakhstan" says where the rescuers came from, not where it happened)
export const ELSEWHERE = /\b(?:across the border|in (?:the )?neighbou?ring|abroad|in the neighbou?ring country)\b/iu;

/**
 * The claim opens as a separate item ("Separately, ...", "In other news", "Also in the news of
 * the district: ..."): the writer says it is not part of the story's event.
 */
export const ASIDE = /^[\s"“'‘(]*(?:separately|in (?:a |an )?(?:separate|unrelated) (?:[\p{L}-]+ )?(?:development|incident|case|event|story|item|news)|in (?:other|unrelated) news|also in the news\b[^:.]{0,40}:|(?:a|an) (?:separate|unrelated|earlier|previous|different)\b)/iu;

/**
 * Years the claim names, each as "YYYY"; a year that is only the reference point of a
 * comparison ("the worst since 2011", "for the first time since 1998") is "since:YYYY": it dates
 * no event of its own, and is not the year of an event that happened then. A year that only
 * starts a lasting state ("has fought for autonomy since 2009") is "from:YYYY" and dates nothing.
 */
export function namedYears(text: string): string[] {
  const years: string[] = [];
  for (const m of text.matchAll(/\b(1[89]\d\d|20\d\d)\b/gu)) {
    const before = text.slice(Math.max(0, m.index! - 40), m.index!);
    // the year a thing was made ("a school completed in 2019", "the dam, which was built in
    // 1978"): it describes a participant, not when the claim's event happened
    if (MADE_IN.test(before)) continue;
    // a year in a phrase set beside a name to say who or what it is ("Abu Zayd al-Warsani, a
    // militant commander jailed for life in 2019", "the minister, who took office in 2021"):
    // it describes a participant, not when the claim's event happened
    if (DESCRIBES_PARTICIPANT.test(text.slice(Math.max(0, m.index! - 80), m.index!))) continue;
    if (!/\bsince\s+(?:(?:early|late|mid-?|the end of|the start of)\s*)?(?:[\p{L}]+\s+)?$/iu.test(before.slice(-30))) years.push(m[1]!);
    // "the worst since 2011" compares with that year; "has fought for autonomy since 2009" only
    // says how long a state has lasted, and dates nothing the claim reports
    else years.push(COMPARED_SINCE.test(text.slice(Math.max(0, m.index! - 80), m.index!)) ? `since:${m[1]}` : `from:${m[1]}`);
  }
  // an event dated to an earlier month or year without naming it ("closed for two days last
  // month", "a similar attack two years ago"): another event than the story's, as a past year is
  // (not when it dates a thing's making: "the company that built the school seven years ago")
  for (const m of text.matchAll(EARLIER_PERIOD)) {
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    if (!/\bsince\s+(?:\S+\s+){0,2}$/iu.test(before) && !MADE_BEFORE.test(before)) years.push("earlier");
  }
  return [...new Set(years)];
}

// a month named with no day ("staged an exercise in January"), not as the start of a span
const IN_MONTH = /\b(?<!since\s)(?:in|during)\s+(?:(?:early|late|mid)[\s-]+)?(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d)/gu;

/** The claim dates its event to another month than the report's own: another event than the story's. */
function earlierMonth(text: string, month: number | null): boolean {
  if (month === null) return false;
  for (const m of text.matchAll(IN_MONTH)) {
    if (MADE_BEFORE.test(text.slice(Math.max(0, m.index - 60), m.index))) continue;
    if (monthIndex(m[1]!) !== month) return true;
  }
  return false;
}

const DATELINE_DAY = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b/u;

/** The report's month (0-11): from its date, else from the day its dateline gives ("March 11"), else null. */
function reportMonth(report: AnalysisReport): number | null {
  const date = report.publishedAt ? new Date(Date.parse(report.publishedAt)) : null;
  if (date && !Number.isNaN(date.getTime())) return date.getUTCMonth();
  const m = DATELINE_DAY.exec(report.text.slice(0, 600));
  return m ? monthIndex(m[1] ?? m[2]!) : null;
}

const MADE_BEFORE = new RegExp(`\\b${MAKING_VERBS}\\b(?:\\s+\\S+){0,4}\\s+$`, "iu");
const EARLIER_PERIOD = new RegExp(String.raw`\b(?:last (?:month|year|spring|summer|autumn|fall|winter)|(?:${HOW_MANY}|a|one)\s+(?:months?|years?)\s+ago|earlier this year|the previous year|the year before)\b`, "giu");

/** A comparison that a "since YYYY" anchors: a superlative, a first time, a record, "not seen since". */
// (superlatives by their forms, not any word in -est: "protest", "unrest" and "west" are none)
const COMPARED_SINCE = /\b(?:\p{L}+iest|worst|best|biggest|largest|highest|lowest|strongest|longest|greatest|hottest|coldest|fiercest|sharpest|steepest|fastest|widest|most|least|first|record|not (?:been )?(?:seen|recorded|experienced|known|had)|never)\b[^.;]*$/iu;

// the year's clause is an apposition or a relative clause after a noun: ", a ... in", ", who ... in"
const DESCRIBES_PARTICIPANT = /[\p{L})],\s+(?:(?:a|an)\s+|(?:who|whom|whose|which)\s+)[^,;.()"“”]*$/u;

/** A verb of making right before a year: "built in", "completed in late", "opened back in". */
const MADE_IN = new RegExp(String.raw`\b${MAKING_VERBS}\s+(?:back\s+)?(?:in|during)\s+(?:(?:early|late|mid-?|the end of|the start of)\s*)?(?:\p{L}+\s+)?$`, "iu");

/**
 * The claim states a possibility, not a fact: "people may still be trapped", "we cannot rule out
 * ...", "it is not excluded that ...", "the toll is likely to rise".
 */
export const HEDGED = /\b(?:(?:may|might|could)(?:\s+(?:well|still|yet|also|even))?\s+(?:be|have|rise|climb|increase|grow|go up|exceed|remain)|(?:cannot|can ?not|can't|could not|couldn't) (?:be )?rule[d]? out|not (?:be )?excluded|(?:is|are|was|were) (?:likely|expected|feared) to (?:rise|climb|increase|grow|go up)|possibly|perhaps)\b/iu;

/**
 * A count over a longer period than the story's event: "since the rebels launched their offensive
 * nine days ago", "since March 2", "since the war began", "since the protests began" (a series of
 * days, not the day's event), "so far this year". Its figure is a
 * running total, another quantity than the toll of one clash or one day, however alike the words.
 * (An area is not read this way: "killed across the region" is as often the disaster's own toll.)
 */
const WIDER_PERIOD = new RegExp(String.raw`\b(?:since\b[^.;]{0,60}?\b(?:${HOW_MANY}\s+(?:days|weeks|months|years)|(?:a|one)\s+(?:week|month|year))\s+ago|since\s+(?:the\s+)?(?:start|beginning|outbreak)\s+of\s+(?:the\s+)?(?:war|conflict|insurgency|uprising|crisis|offensive|campaign|year|month)|since\s+the\s+(?:war|conflict|insurgency|uprising|crisis|rebellion|revolt|campaign|protests|demonstrations|strikes|unrest|movement)\s+(?:began|started|broke out|erupted)|so far (?:this|in the) (?:year|month|war|conflict)|(?:killed|died|dead|deaths|wounded|injured|arrested|detained|displaced)\b[^.;]{0,60}?\bthis year|(?:over|in) the (?:past|last) (?:(?:few|several|two|three|four|five|six)\s+)?(?:weeks|months|years))\b`, "iu");

const SINCE_CLAUSE = /\bsince\b[^.;]{0,60}/giu;
const CALENDAR_DATE = /\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*)\b/u;

export function widerFrame(text: string, reference: string | null, before = ""): boolean {
  if (WIDER_PERIOD.test(text)) return true;
  for (const m of text.matchAll(SINCE_CLAUSE)) if (namesOlderDay(m[0], reference)) return true;
  // "more than 300 people have been killed since then": the start is the one the sentence before
  // gave ("... launched an offensive on March 2.")
  if (SINCE_THEN.test(text)) {
    // (the claim may be a facet that starts inside its sentence: that sentence's start and the one before)
    const previous = sentencesBefore(before, 2);
    if (namesOlderDay(previous, reference) || AGO.test(previous)) return true;
  }
  return false;
}

/**
 * How far back a running total starts, when the words say so: "years" for a start in an earlier
 * year ("since 2009", "since the war began six years ago", "over the past decade"), "days" for a
 * start days or weeks before the report ("since the offensive began nine days ago", "since March 2"
 * in a report of March 11, "since Monday"); undefined when they do not ("since the war began",
 * "so far this year"). Two running totals that start years apart count different quantities.
 */
export function widerStart(text: string, reference: string | null, before = ""): "years" | "days" | undefined {
  const spans = [...text.matchAll(SINCE_CLAUSE)].map((m) => m[0]);
  const over = OVER_THE_PAST.exec(text);
  if (over) spans.push(over[0]);
  // "since then": the start the sentence before gave
  if (SINCE_THEN.test(text)) spans.push(sentencesBefore(before, 2));
  const ref = reference ? Date.parse(reference) : Number.NaN;
  const year = Number.isNaN(ref) ? null : new Date(ref).getUTCFullYear();
  for (const span of spans) {
    if (YEARS_BACK.test(span)) return "years";
    const dated = span.replace(/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b/gu, "");
    for (const y of dated.matchAll(/\b(1[89]\d\d|20\d\d)\b/gu)) if (year === null || Number(y[1]) < year) return "years";
  }
  for (const span of spans) {
    if (DAYS_BACK.test(span)) return "days";
    if (!Number.isNaN(ref) && resolveDates(span, reference).some((day) => ref - Date.parse(day) < 60 * 86_400_000 && ref >= Date.parse(day))) return "days";
  }
  return undefined;
}

const YEARS_BACK = new RegExp(String.raw`\b(?:${HOW_MANY}|a|one)\s+(?:years?|decades?)\s+ago\b|\b(?:past|last)\s+(?:${HOW_MANY}\s+)?(?:years|decades?)\b`, "iu");
const DAYS_BACK = new RegExp(String.raw`\b(?:${HOW_MANY}|a|one)\s+(?:days?|weeks?)\s+ago\b|\b(?:past|last)\s+(?:${HOW_MANY}\s+)?(?:days|weeks?)\b|\bsince\s+(?:(?:early|late)\s+)?(?:sun|mon|tues|wednes|thurs|fri|satur)day\b`, "iu");
const OVER_THE_PAST = /\b(?:over|in|during) the (?:past|last) [^.;]{0,30}/iu;

const SINCE_MONTH = /\bsince\s+(?:(?:early|late|mid)[\s-]+)?(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d)/u;
const SINCE_THEN = /\bsince (?:then|that (?:day|date|time))\b/iu;

/** The last `count` sentences (or pieces of one) of the report text before a claim. */
function sentencesBefore(before: string, count: number): string {
  return before.split(/(?<=[.!?]["'”’)]?)\s+/u).filter((piece) => piece.trim()).slice(-count).join(" ");
}
const AGO = new RegExp(String.raw`\b${HOW_MANY}\s+(?:days|weeks|months|years)\s+ago\b`, "iu");

/**
 * Whether a span names a calendar day days before the report's own, or an earlier year. Wires name a day of the last
 * week by its weekday ("since Monday night", often the event's own start) and an older one by
 * its date, so with no date for the report a calendar date is taken as an older day.
 */
function namesOlderDay(span: string, reference: string | null): boolean {
  // a month with no day ("since January"): older unless it is the report's own month
  const month = SINCE_MONTH.exec(span);
  if (month) {
    const index = monthIndex(month[1]!);
    const ref = reference ? new Date(Date.parse(reference)) : null;
    if (!ref || Number.isNaN(ref.getTime()) || ref.getUTCMonth() !== index) return true;
  }
  const dated = span.replace(/\b(?:yesterday|today|tonight|tomorrow|last night|overnight|(?:on|last|this|early|late|since)\s+(?:sun|mon|tues|wednes|thurs|fri|satur)day)\b/giu, "");
  const ref = reference ? Date.parse(reference) : Number.NaN;
  // a year before the report's own ("since 2009")
  for (const y of dated.matchAll(/\b(1[89]\d\d|20\d\d)\b/gu)) if (Number.isNaN(ref) || Number(y[1]) < new Date(ref).getUTCFullYear()) return true;
  if (Number.isNaN(ref)) return CALENDAR_DATE.test(dated);
  return resolveDates(dated, reference).some((day) => ref - Date.parse(day) >= 3 * 86_400_000);
}

/** The claim states a readiness: means held in reserve ("on standby to evacuate", "ready to fly in"). */
export const READY = /\b(?:on standby|on stand-by|standing by|stood by|on alert to|(?:is|are|was|were|stand|stands|stood) ready to|poised to)\b/iu;

/**
 * The claim reports an absence: "no damage was reported", "nobody was inside", "there were no
 * casualties". It states that nothing of the kind happened, so it never is a figure's fact.
 */
export const NIL_REPORT = /\b(?:no|without)\s+(?:(?:immediate|further|other|major|serious)\s+)?(?:reports?\s+of\s+(?:\p{L}+\s+){0,2}?)?(?:damage|casualties|deaths|fatalities|injuries|victims|dead|injured)\b|\b(?:nobody|no one|no-one)\s+(?:was|were|had been|has been)\s+(?:killed|hurt|injured|inside|harmed)\b/iu;

// a finite verb after the subject's description: what the subject did ("... derailed", "... has landed")
const LATER_VERB = /\b(?:is|are|was|were|has|have|had|will|would|\p{L}{3,}ed|struck|hit|sank|sunk|fell|went|came|ran|caught|took)\b/u;
// the sentence so far is a subject described by a participle or "with": "a train carrying", "a plane with"
// (or by a relative clause set off by commas: "the ferry, which was carrying")
const SUBJECT_DETAIL = /^(?:an?|the)\s+(?:[\p{L}'’-]+\s+){0,5}?(?:[\p{L}'’-]+,\s*(?:which|that)\s+(?:was|were|had been)\s+)?(?:carrying|with|transporting|holding|packed with|loaded with)\s+(?:\p{L}+\s+)?$/iu;

// a clause that sets the scene of what the sentence states: ", after ...", ", following ...", ", amid ..."
const BACKGROUND_CLAUSE = /,\s+(?:(?:hours|days|a day|weeks)\s+)?(?:after|following|amid|in the wake of)\s/iu;

// held or let go, in the passive (the person is the subject): "was arrested", "had been detained",
// "has since been freed", "was due to be released" ("released a statement" is another verb)
const HELD_ONE = /\b(?:was|were|is|are|been|be|being)\s+(?:\p{L}+ly\s+)?(?:arrested|detained|taken into custody|abducted|kidnapped|seized by)\b/iu;
const LET_GO = /\b(?:was|were|is|are|been|be|being)\s+(?:\p{L}+ly\s+)?(?:released|freed|set free|let go)\b|\band\s+(?:later\s+|then\s+)?(?:released|freed)\b(?!\s+(?:a|an|the|its|his|her|their)\b)/iu;

// a supply or a way out lost, by what was lost: the power ("electricity was cut", "power is out",
// "lost power", "plunged into darkness", "without the electricity") and the roads ("the highway
// ... is closed", "roads ... blocked", "cutting the town's main road link"). Two outages of two
// things are two facts, whatever else they share (the town, the hour, the verb "cut").
const POWER_OUT = /\b(?:(?:electricity|power|electric energy)(?:\s+supply)?\s+(?:(?:was|is|has been|had been|were|are|remained|remains|went|has gone|stayed)\s+)?(?:cut|off|out|down|lost)\b|(?:lost|without(?:\s+the)?|no|cut(?:\s+off)?(?:\s+the)?)\s+(?:electricity|power|electric energy)\b|plunged into darkness|power (?:cuts?|outages?|failures?)\b)/iu;
// ... the phone and internet networks ("mobile internet was cut", "mobile phone networks went
// down", "the mobile connection is not working", "internet down") and the airport ("the airport
// is closed", "flights were suspended")
const NETWORK_OUT = /\b(?:mobile|phone|telephone|internet|network|connection|connectivity|landline)s?(?:\s+(?:phone|internet|networks?|services?|lines?|connections?|access))*(?:\s+(?:in|across)\s+[\p{L}'’ -]{1,30}?)?\s+(?:(?:was|were|is|are|has been|have been|had been|went|remains?|remained|stayed)\s+)?(?:(?:still|largely|partly|mostly)\s+)?(?:cut|down|out|off|shut(?:\s+down)?|disrupted|blocked|not working)\b|\binternet (?:shutdowns?|blackouts?)\b|\b(?:cut|shut|blocked)\s+(?:off\s+)?(?:the\s+)?(?:mobile\s+)?(?:internet|phone networks?)\b/iu;
const AIRPORT_OUT = /\bairports?\b[^.;:]{0,40}?\b(?:closed|shut|suspended)\b|\b(?:closed|shut)\s+(?:the\s+)?(?:[\p{L}'’-]+\s+){0,2}?airports?\b|\bflights?\b[^.;:]{0,40}?\b(?:suspended|cancell?ed|grounded|halted)\b/iu;
const ROUTE_OUT = /\b(?:roads?|highways?|motorways?|routes?|road links?)\b[^.;:]{0,60}?\b(?:closed|cut|blocked|impassable|shut|severed)\b|\b(?:cut|cutting|cut off|blocked|closed|severing|severed)\s+(?:[\p{L}'’]+\s+){0,3}?(?:roads?|highways?|routes?|road links?)\b/iu;
// a curfew imposed or in force ("a night curfew was imposed", "the curfew ... remained in force")
const CURFEW = /\bcurfews?\b/iu;

// a series of events and its start: "the protests began", "demonstrations broke out", "launched its offensive"
const BEGAN = /\b(?:(?:protests?|demonstrations?|unrest|strikes?|offensive|campaign|uprising|rebellion|fighting|clashes|movement|march(?:es)?)\s+(?:\p{L}+\s+){0,3}?(?:began|started|erupted|broke out|kicked off|have been going on|are continuing)|(?:launched|began|started|opened)\s+(?:(?:its|their|the|a|an)\s+)?(?:[\p{L}-]+\s+){0,2}?(?:offensive|campaign|push|assault|uprising|protests?|strike))\b/iu;

// the last none, one, two or three words of a span (a verb's subject before it: "since the rebels launched")
const TRAILING_WORDS = [0, 1, 2, 3].map((k) => new RegExp(`(?:[\\p{L}-]+\\s+){${k}}$`, "u"));

const DEMANDED = /\b(?:demand(?:ed|s|ing)?|call(?:ed|ing|s)? for|insist(?:ed|s|ing)? on|(?:are|were|was|is) asking for)\s+(?:(?:the|a|an|their|his|her|its)\s+)?(?:[\p{L}'’-]+\s+){0,2}?(?:release|freedom|liberation|resignation|withdrawal|return|end|reversal|repeal|removal|ouster|dismissal|trial)\b/iu;

// a claim of an attack: who says they did it ("claimed responsibility", "was carried out by"),
// one statement whichever group each outlet names (a different group is a conflict, not another fact)
export const CLAIMED = /^(?:claim|(?:was|were)\s+carried|(?:said|says|say)\s+(?:it|they))/iu;

// a natural or industrial disaster as the subject of a verb of striking
const HAZARD = "(?:earthquake|quake|tremor|temblor|flood(?:s|ing|waters)?|river|storm|cyclone|typhoon|hurricane|tornado|landslide|mudslide|avalanche|wildfire|blaze|fire|explosion|blast|tsunami|eruption)";
const DURATION_MEASURE = /^n:(?:second|minut|hour|day|week|month|year)$/u;
const PUT_OFF = /\b(?:suspend(?:ed|s|ing)?|suspension|froze|(?:be|been|was|were|is|are|being)\s+frozen|freez(?:e|es|ing)\s+(?:the|a|an|its|their|all|prices|wages|fares)\b|shelv(?:ed|es|ing)|postpon(?:ed|es|ing|ement)|back(?:ed|s|ing)? down|climb(?:ed|s|ing)? down|scrapp(?:ed|ing)|rescind(?:ed|s|ing)?|revoked|put (?:it |the \w+ )?on hold)\b/iu;
// a share followed by the noun of a change: "40% fuel price rise", "40 percent increase"
const CHANGE_NOUN_AFTER = /^\s*(?:%|per ?cent|percent|pc)?\s+(?:[\p{L}-]+\s+){0,3}?(?:rise|rises|increase|increases|hike|hikes|jump|cut|cuts|drop|fall|reduction)\b/iu;
// (an apposition between commas may part the hazard from its verb: "The tremor, measured at 6.5
// by the Institute of Seismology, jolted Osh province")
const HAZARD_STRUCK = new RegExp(`\\b${HAZARD}\\b(?:,(?:[^,.;]|\\.(?=\\S)){1,120},)?(?:\\s+[\\p{L},'’-]+){0,4}?\\s+(?:has\\s+|have\\s+|had\\s+)?(?:struck|hit|hits|shook|rocked|jolted|tore through|ripped through|swept (?:through|across|over)|battered|devastated|lashed|pounded|ravaged|inundated|flooded|submerged|burst (?:its|their) banks|broke (?:its|their) banks|broke through|engulfed|occurred|happened)\\b`, "iu");
// the garbled order of a translation: "occurred an earthquake", "happened the flood"
const HAZARD_OCCURRED = new RegExp(`\\b(?:occurred|happened|took place)\\s+(?:an?\\s+|the\\s+)?(?:[\\p{L}-]+\\s+)?${HAZARD}\\b`, "iu");
// "after the quake hit", "since the quake struck": a time reference, not the statement
const AFTER_EVENT = /\b(?:after|since|before|when|as|until)\s+(?:the\s+|a\s+)?$/iu;
/** The words before `at` make what starts there a time reference ("after the quake hit", "before the internet went down"). */
const timeReference = (text: string, at: number) => AFTER_EVENT.test(text.slice(Math.max(0, at - 12), at));

const CONTROL: EventClass[] = ["TAKEN", "ENTERED", "ADVANCING", "RETAKE"];
const CLOCK = new RegExp(String.raw`\b(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?=\W|$)|\b(\d{2})[:.]?(\d{2})\s*(?:local|GMT|UTC|hrs|h)\b|${SPELLED_CLOCK}`, "giu");

// midnight and noon are clock times; "shortly before midnight" falls in the hour before it
const NAMED_HOUR = /\b(?:((?:shortly|just|right|a little|an hour)\s+before)\s+)?(midnight|noon|midday)\b/giu;
// the time a statement was made ("said in a televised statement shortly after midnight", "in a
// broadcast at 9 p.m."): when it was said, not when what it tells happened
const STATEMENT_BEFORE = /\b(?:statement|broadcast|address|briefing|conference|interview|remarks|speech|communiqu[eé])\s+(?:[\p{L}-]+\s+){0,3}$/iu;

/** Clock hours mentioned ("2 a.m.", "02:00 local", "0330 GMT", "shortly before midnight"), as "at:HH". */
function clockTopics(text: string): string[] {
  const out: string[] = [];
  const saidAt = (index: number) => STATEMENT_BEFORE.test(text.slice(Math.max(0, index - 80), index));
  for (const m of text.matchAll(CLOCK)) {
    if (saidAt(m.index)) continue;
    let hour = Number(m[1] ?? m[4] ?? m[6]);
    if (m[3] && /p/i.test(m[3]) && hour < 12) hour += 12;
    if (m[3] && /a/i.test(m[3]) && hour === 12) hour = 0;
    if (hour >= 0 && hour < 24) out.push(`at:${String(hour).padStart(2, "0")}`);
  }
  for (const m of text.matchAll(NAMED_HOUR)) {
    if (saidAt(m.index)) continue;
    const hour = m[2]!.toLowerCase() === "midnight" ? 24 : 12;
    out.push(`at:${String((m[1] ? hour - 1 : hour) % 24).padStart(2, "0")}`);
  }
  return out;
}

/** A reading of the event's own setting (its magnitude, intensity, depth, a distance), not a count of what it did. */
export function isSettingMeasure(measure: string): boolean {
  return measure === "distance" || measure.startsWith("magnitude") || measure === "intensity" || measure === "depth" || measure === "population";
}

const reportCountries = new WeakMap<AnalysisReport, string | null>();

/** The story's main country: the report's own word for it, else the country the report names most. */
function storyCountry(report: AnalysisReport): string | null {
  if (report.country !== undefined) return report.country;
  if (!reportCountries.has(report)) reportCountries.set(report, mainCountry([report.text]));
  return reportCountries.get(report)!;
}

/** The place named last before a size given at `at` (within a short phrase), as its entity key, else "". */
function populatedPlace(entities: readonly EntityMention[], at: number): string {
  const before = entities.filter((e) => e.kind === "place" && e.end <= at && at - e.end <= 80);
  return before.length > 0 ? before.reduce((x, y) => (y.end > x.end ? y : x)).key : "";
}

/** Features of a claim, computed from its text and its report (outlet, date, the other sentences). */
export function extractClaimFeatures(claim: AnalysisClaimInput, report: AnalysisReport): ClaimFeatures {
  const text = claim.text;
  const attribution = findAttribution(text, report.source);
  // outlets named in the text ("told the Courier", "according to Meridian") are sources, not subjects
  const entities = findEntities(text, report.text).filter(
    (e) =>
      !(attribution?.outlet && outletKey(e.text) === attribution.outletKey) &&
      !(outletKey(e.text) === outletKey(report.source)) &&
      !(/\b(?:told|spoke to|speaking to|quoted by|according to|citing)\s+(?:the\s+)?$/iu.test(text.slice(Math.max(0, e.start - 20), e.start)) && looksLikeOutlet(e.text, report.source)),
  );
  // "He was detained at his home before dawn": a sentence that opens with he or she is about the
  // person the sentence before named
  // the report's text just before the claim: what "he" and "since then" refer back to
  const before = report.text.slice(Math.max(0, claim.start - 400), claim.start);
  const pronoun = PRONOUN_SUBJECT.exec(text);
  if (pronoun) {
    const person = findEntities(sentencesBefore(before, 1), report.text).find((e) => e.kind === "actor");
    if (person && !entities.some((e) => e.key === person.key)) entities.unshift({ ...person, start: 0, end: pronoun[0].length });
  }
  const numbers = findNumbers(text).filter((n) => !isNotCount(text, n));
  const read = numbers.map((n) => quantityOf(text, n, numbers));
  // a reading on a scale is revised on that scale: beside a magnitude, a bare decimal that counts
  // nothing ("revised its estimate to 6.4 from 6.5") is another magnitude
  const onScale = read.some((q) => q.measure === "magnitude");
  // (only the main event's magnitude is revised this way)
  const quantities = read
    .map((q) => (onScale && q.measure.startsWith("n:") && !q.measure.startsWith("n:~") && /^\d[.,]\d$/u.test(q.text.trim()) ? { ...q, measure: "magnitude", group: "", unit: "" } : q))
    // a place's size is a quantity of that place: the nearest place named before it ("Uzgen, a
    // town of about 60,000"), so two places' sizes are two quantities
    .map((q) => (q.measure === "population" ? { ...q, group: populatedPlace(entities, q.start) } : q));
  const events = findEvents(text, entities);
  const reference = report.publishedAt ?? null;
  const dates = resolveDates(text, reference);
  const quotes = [...text.matchAll(/["“]([^"“”]{6,})["”]/gu)].map((m) => m[1]!.trim()).filter((q) => q.split(/\s+/u).length >= 2);
  const mainEvent = events.find((e) => CONTROL.includes(e.cls) || e.cls === "WITHDRAWN") ?? events.find((e) => e.cls !== "ATTACK") ?? events[0] ?? null;
  const control = events.filter((e) => CONTROL.includes(e.cls));
  let completion: ClaimFeatures["completion"] = null;
  if (control.some((e) => (e.cls === "TAKEN" || e.cls === "ENTERED") && !e.positive)) completion = "denied";
  else if (control.some((e) => e.cls === "TAKEN" && e.positive)) completion = "completed";
  else if (control.some((e) => e.cls === "ADVANCING" || e.cls === "ENTERED")) completion = "ongoing";
  // each number and event gives topics; the first one in the text is the claim's main statement
  const sourced: { start: number; keys: string[] }[] = [];
  // a distance says where something is, not what happened: never a claim's main statement
  // nor is a quake's magnitude or depth beside a toll ("a magnitude 6.1 earthquake ..., killing 23")
  const setting = (q: QuantityFeature) => isSettingMeasure(q.measure);
  // a quantity's topic keys: its measure, and with its group when it names one
  const quantityKeys = (q: QuantityFeature) => (q.group ? [`qty:${q.measure}`, `qty:${q.measure}|${q.group}`] : [`qty:${q.measure}`]);
  for (const q of quantities) if (setting(q)) sourced.push({ start: Number.MAX_SAFE_INTEGER, keys: quantityKeys(q) });
  // a count that describes the subject ("a night express carrying about 320 passengers derailed"):
  // the verb after it is the statement, the count a side remark
  const SIDE_REMARK = Number.MAX_SAFE_INTEGER - 1;
  const describesSubject = (q: QuantityFeature) => SUBJECT_DETAIL.test(text.slice(0, q.start)) && LATER_VERB.test(text.slice(q.start));
  // a change named as a thing ("the 40% fuel price rise is suspended", "against a 40 percent
  // increase"): the claim refers to it, and states something else when it states anything
  const putOffAt = PUT_OFF.exec(text)?.index ?? -1;
  const namedChange = (q: QuantityFeature) => q.measure === "percent:change" && CHANGE_NOUN_AFTER.test(text.slice(q.start + q.text.length));
  // and how long a put-off decision lasts ("would be frozen for three months") is a detail of it
  const putOffFor = (q: QuantityFeature) => putOffAt >= 0 && q.start > putOffAt && DURATION_MEASURE.test(q.measure);
  for (const q of quantities.filter((x) => !setting(x))) sourced.push({ start: describesSubject(q) || namedChange(q) || putOffFor(q) ? SIDE_REMARK : q.start, keys: quantityKeys(q) });
  for (const e of events) {
    const keys: string[] = [];
    if (e.cls === "WITHDRAWN") keys.push(`wd:${e.target ?? e.object ?? "?"}`);
    else if (CONTROL.includes(e.cls)) {
      if (e.target) keys.push(`ctl:${e.target}`);
      if (e.object) keys.push(`ctl:n:${e.object}`);
      if (!e.target && !e.object) keys.push("ctl:?");
    } else if (e.cls === "ATTACK" && CLAIMED.test(e.text)) keys.push("ev:claimed");
    else if ((e.target || e.object) && !["KILLED", "WOUNDED", "DISPLACED"].includes(e.cls)) keys.push(`${e.cls.toLowerCase()}:${e.target ?? `n:${e.object}`}`);
    else if (["KILLED", "WOUNDED", "DISPLACED"].includes(e.cls) && quantities.length === 0) keys.push(`ev:${e.cls.toLowerCase()}`);
    else if (e.cls === "DEPLOYED") {
      // who was sent is what tells two deployments apart: the navy's ship, the army's troops
      const unit = DEPLOYED_UNITS.find(([, re]) => re.test(text))?.[0];
      if (unit) keys.push(`deploy:${unit}`);
    }
    if (keys.length > 0) sourced.push({ start: e.start, keys });
  }
  // the disaster itself befalling a place ("an earthquake shook southern X", "the river flooded
  // the town", "occurred an earthquake"): the story's event, whatever verb each outlet picks
  // a measure put off ("suspended the increase", "the suspension was announced", "backed down on
  // the rise"): the decision itself, whatever the outlet calls it
  // (flights suspended are the airport's closure, not a measure put off)
  if (putOffAt >= 0 && !AIRPORT_OUT.test(text)) sourced.push({ start: putOffAt, keys: ["ev:suspend"] });
  // a demand ("demanded the release of their jailed commander", "called for the minister's
  // resignation"): what was asked for, whatever else the sentence goes on to tell
  const demand = DEMANDED.exec(text);
  if (demand) sourced.push({ start: demand.index, keys: ["ev:demand"] });
  // what befell someone held, told without a count ("was arrested at his home at dawn", "has
  // since been freed", "was due to be released on bail"): the arrest and the release are two statements
  if (quantities.length === 0) {
    for (const [pattern, key] of [[HELD_ONE, "ev:detained"], [LET_GO, "ev:released"]] as const) {
      const match = pattern.exec(text);
      if (match) sourced.push({ start: match.index, keys: [key] });
    }
  }
  // a curfew imposed or in force, and a supply or a way out lost ("electricity was cut", "the
  // highway is closed"): each a statement of its own (not "before the internet went down": a
  // time reference)
  for (const [pattern, key] of [[CURFEW, "ev:curfew"], [POWER_OUT, "out:power"], [ROUTE_OUT, "out:road"], [NETWORK_OUT, "out:network"], [AIRPORT_OUT, "out:airport"]] as const) {
    const match = pattern.exec(text);
    if (match && !timeReference(text, match.index)) sourced.push({ start: match.index, keys: [key] });
  }
  // a series of events beginning ("the protests began on March 3", "the rebels launched their
  // offensive on March 2"): when it started, whatever each outlet calls it
  const began = BEGAN.exec(text);
  // (not "killed since the protests began", "since the rebels launched their offensive": a start that only dates another count)
  const beganAfter = began ? text.slice(Math.max(0, began.index - 40), began.index) : "";
  if (began && !TRAILING_WORDS.some((words) => AFTER_EVENT.test(beganAfter.replace(words, "")))) sourced.push({ start: began.index, keys: ["ev:began"] });
  const befell = HAZARD_STRUCK.exec(text) ?? HAZARD_OCCURRED.exec(text);
  if (befell && !timeReference(text, befell.index)) sourced.push({ start: befell.index, keys: ["ev:struck"] });
  // a count in a clause that only sets what came before ("has suspended the increase, after a
  // day of clashes in which nine people were killed"): a side remark when something is stated
  // before the clause
  const background = BACKGROUND_CLAUSE.exec(text);
  if (background && sourced.some((x) => x.start < background.index)) {
    for (const x of sourced) if (x.start > background.index && x.start < SIDE_REMARK && x.keys.every((k) => k.startsWith("qty:"))) x.start = SIDE_REMARK;
  }
  sourced.sort((x, y) => x.start - y.start);
  // a number's measure word usually follows it, an event's target too: take the first element's
  // topics and those of elements within a few characters of it (one clause)
  // counts and changes of control are what a claim states; an attack or damage beside them
  // ("an earthquake struck ..., killing 32") is its setting
  // (a span of time, "two days after the rise was announced", dates what it tells and counts nothing)
  const strong = (s: { keys: string[] }) => s.keys.some((k) => (k.startsWith("qty:") && !k.startsWith("qty:distance")) || k.startsWith("ctl:") || k.startsWith("wd:"));
  // (settings and side remarks sort last, and are never what a claim states when it states anything else)
  const SIDE = Number.MAX_SAFE_INTEGER - 1;
  const first = sourced.find((s) => strong(s) && s.start < SIDE) ?? sourced.find((s) => s.start < SIDE) ?? sourced[0];
  const mainTopics = new Set<string>(
    first && first.start < SIDE
      ? sourced.filter((s) => s.start >= first.start && s.start - first.start < 25).flatMap((s) => s.keys)
      : // a claim that only gives a magnitude or a depth is about them ("measured 6.1 ... at a depth of ten km")
        quantities.filter((q) => setting(q) && q.measure !== "distance" && q.measure !== "population").map((q) => `qty:${q.measure}`),
  );
  const topics = new Set<string>(sourced.flatMap((s) => s.keys));
  for (const clock of clockTopics(text)) {
    topics.add(clock);
    // a claim about nothing else is about when it happened ("the shooting started around 2 a.m."),
    // and so is one that only sets the scene beside the time ("the quake hit at 4:17 a.m., 50 km east of Osh")
    if (first === undefined || first.start >= SIDE) mainTopics.add(clock);
  }
  const wider = widerFrame(text, reference, before);
  return {
    v: ANALYSIS_VERSION,
    entities: dedupe(entities.map(({ key, kind, text: t }) => ({ key, kind, text: t })), (e) => e.key),
    quantities,
    events: events,
    eventClass: mainEvent?.cls ?? null,
    completion,
    attribution,
    dates,
    quotes,
    tokens: lexicalTokens(text, entities, speakerSpan(text, attribution?.speaker ?? null)),
    topics: [...topics].sort(),
    mainTopics: [...mainTopics].sort(),
    // framed across a border, or placed in a named country other than the story's
    elsewhere: ELSEWHERE.test(text) || placedElsewhere(text, storyCountry(report), speakerSpan(text, attribution?.speaker ?? null)),
    years: [...namedYears(text), ...(earlierMonth(text, reportMonth(report)) ? ["earlier"] : [])],
    wider,
    widerStart: wider ? widerStart(text, reference, before) : undefined,
    aside: ASIDE.test(text),
    hedged: HEDGED.test(text),
    nil: NIL_REPORT.test(text),
  };
}

function dedupe<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The statement a topic key belongs to: a count by its measure (with or without its group), else the key. */
function statementOf(topic: string): string {
  return topic.startsWith("qty:") ? topic.split("|")[0]! : topic;
}

const MAX_VIEWS = 4;

/**
 * The statements one claim makes, each as a reading of its features: "The quake, of magnitude
 * 6.2, struck at 04:17 near Uzgen" states a magnitude, a time and a place in one clause, and
 * each can be the fact another report states alone. The first reading is the claim's own (its
 * main statement first); each other statement it carries (another count, a clock time, a
 * change of control, an event with its target) gives one more reading with that statement as
 * its main topic. The words stay the same: a reading only changes what the claim is mainly about.
 */
export function statementReadings(features: ClaimFeatures): ClaimFeatures[] {
  const main = new Set(features.mainTopics.map(statementOf));
  const statements = new Map<string, string[]>();
  // what is no statement alone: a change of control with no place, a count of an unnamed thing, a bare share, a place's size
  const vague = (key: string) => key === "ctl:?" || key === "wd:?" || key.startsWith("qty:n:") || key === "qty:percent" || key === "qty:population";
  for (const topic of features.topics) {
    const key = statementOf(topic);
    if (main.has(key) || vague(key)) continue;
    (statements.get(key) ?? statements.set(key, []).get(key)!).push(topic);
  }
  const readings = [features];
  // a clause that states two things at once ("The tremor, measured at 6.5, jolted Osh at 4.17am":
  // a magnitude and a time) is read as each of them alone as well
  // ("the town" and "Tal Harun" taken are one change of control; each clock hour is read alone,
  // as another report may give only one of "4:17 a.m. (2217 GMT)" or "from 8 p.m. to 6 a.m.")
  const kind = (topic: string) => (topic.startsWith("ctl:") || topic.startsWith("wd:") ? topic.slice(0, topic.indexOf(":")) : statementOf(topic));
  const own = new Map<string, string[]>();
  for (const topic of features.mainTopics) {
    if (vague(statementOf(topic))) continue;
    const k = kind(topic);
    (own.get(k) ?? own.set(k, []).get(k)!).push(topic);
  }
  const alone = own.size >= 2 ? [...own.values()] : [];
  for (const topics of [...alone, ...statements.values()].slice(0, MAX_VIEWS)) readings.push({ ...features, mainTopics: topics });
  return readings;
}
