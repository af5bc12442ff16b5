/**
 * Conflicts inside a fact, each with its kind:
 * - NUMBER: figures for the same quantity (measure and group) that cannot both hold. Every figure
 *   is read as an interval: exact → [v, v], "about/nearly v" → ±10%, "at least v" → [v, 1.2v]
 *   (wires write "at least" for their own count, so "at least 12" and 14 agree but "at least 12"
 *   and 15, or "at least 17" and "at least 21", do not), "up to v" → [0.8v, v], ranges and
 *   "dozens" as written. Disjoint intervals conflict.
 * - COMPLETION: one claim says the place was taken, another that forces are advancing or that it
 *   has not fallen.
 *   Beyond control of a place: one claim states the event as pending ("is due to land", "expected
 *   to reach", "on its way", "remains blocked") and another as done ("touched down", "has
 *   reached", "was reopened"); the detail names the two phrases.
 * - ACTOR: different groups credited with the same action.
 * - ATTRIBUTION: different kinds of source or different source counts.
 * - WORDING: the same quotation with different words.
 */
import { meaningWords, sameMeaning, type MeaningWord } from "./meaning";
import { ORG_WORDS } from "./entities";
import { foldText, nameKey, stem } from "./normalize";
import { CLAIMED, isSettingMeasure } from "./features";
import { sourceKeyOf } from "./similarity";
import type { AttributionFeature, FactConflictResult, FeaturedClaim, QuantityFeature } from "./types";

const MEASURE_LABEL: Record<string, string> = {
  killed: "Killed",
  wounded: "Wounded",
  displaced: "Displaced",
  sheltering: "Sheltering",
  force: "Fighters involved",
  detained: "Detained",
  distance: "Distance",
  percent: "Percentage",
  crowd: "Crowd size",
  magnitude: "Magnitude",
  "magnitude:later": "Magnitude of a later shock",
  intensity: "Intensity",
  rate: "Rate",
  length: "Length",
  depth: "Depth",
  population: "Population",
  "n:~building": "Buildings",
  "n:~crew": "Crew",
  "n:~foreigner": "Foreign nationals",
  "n:~carriage": "Carriages",
};
const GROUP_LABEL: Record<string, string> = { soldier: "soldiers", civilian: "civilians", rebel: "fighters" };

function interval(q: QuantityFeature): [number, number] {
  switch (q.bound) {
    case "exact":
      return [q.value, q.value];
    case "approx":
      return [q.value * 0.9, q.value * 1.1];
    case "atLeast":
      return [q.low, q.high ?? q.low * 1.2];
    case "atMost":
      return [(q.high ?? q.value) * 0.8, q.high ?? q.value];
    case "range":
      return [q.low, q.high ?? q.low];
  }
}

// units of length as written after a figure, in metres: a report in miles and feet and one in
// kilometres and metres give the same distance in different numbers
const LENGTH_UNITS: [RegExp, number][] = [
  [/^(?:km|kilomet(?:re|er)s?)$/iu, 1000],
  [/^met(?:re|er)s?$/iu, 1],
  [/^(?:cm|centimet(?:re|er)s?)$/iu, 0.01],
  [/^(?:mm|millimet(?:re|er)s?)$/iu, 0.001],
  [/^miles?$/iu, 1609.344],
  [/^(?:feet|foot|ft)$/iu, 0.3048],
  [/^inch(?:es)?$/iu, 0.0254],
  [/^yards?$/iu, 0.9144],
];

/** Metres per unit of the length unit written right after a figure, or null when none is. */
function lengthScale(text: string, q: QuantityFeature): number | null {
  const unit = /^\s*-?\s*([\p{L}]+)/u.exec(text.slice(q.start + q.text.length))?.[1];
  return unit ? (LENGTH_UNITS.find(([re]) => re.test(unit))?.[1] ?? null) : null;
}

/**
 * Whether two figures can both hold. Figures in two different units of length are compared in
 * metres, each widened by 5% for the rounding of a conversion ("25 miles" for 40 km).
 */
function compatible(a: QuantityFeature, b: QuantityFeature, scales: [number | null, number | null] = [null, null]): boolean {
  let [a0, a1] = interval(a);
  let [b0, b1] = interval(b);
  const [sa, sb] = scales;
  if (sa !== null && sb !== null && sa !== sb) {
    [a0, a1] = [a0 * sa * 0.95, a1 * sa * 1.05];
    [b0, b1] = [b0 * sb * 0.95, b1 * sb * 1.05];
  }
  return a0 <= b1 + 1e-9 && b0 <= a1 + 1e-9;
}

function label(claim: FeaturedClaim): string {
  return claim.features.attribution?.outlet ?? claim.source;
}

function listBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

// a verb of change right before a figure: the figure is by how much something changed
const CHANGE = /\b(?:rose|risen|rises|rise|rising|climbed|climbs|fell|fallen|falls|dropped|drops|increased|decreased|grew|grown|jumped|swelled|sank|receded)\s+(?:by\s+|on\s+)?$/iu;
const CHANGED = ":change";
// a sum over more than the fact's own scope ("bringing the combined toll across both countries to
// 48", "a cumulative total of 60") counts a larger whole than a figure for one place
const COMBINED = /\b(?:combined|cumulative|overall)\s+(?:death\s+)?(?:toll|total|number|figure)\b[^,;.]{0,60}?(?:\bto|\bof|\bat|\bis|\bwas|\bstood\s+at)?\s+$/iu;
const SUMMED = ":combined";

/** The whole a percentage is a share of ("98 per cent of capacity" → capacity), or null when not named. */
function shareOf(text: string, q: QuantityFeature): { key: string; word: string } | null {
  const after = text.slice(q.start + q.text.length);
  const whole = /^\s*(?:%|per\s?cents?|percents?)\s+of\s+(?:(?:the|its|their|his|her|a|an)\s+)?(?:total\s+)?([\p{L}-]{3,})/iu.exec(after)?.[1];
  return whole ? { key: stem(foldText(whole)), word: whole.toLowerCase() } : null;
}

// a distance runs from somewhere: "22 km southeast of Uzgen" and "50 km east of Osh" measure two
// different things, whatever the words between the figure and the place (a unit, a bearing)
const DISTANCE_FROM = /^[^,;.]{0,50}?\b(?:of|from|off)\s+(?:(?:the|its|their|a|an)\s+)?(?:(?:town|city|village|port)\s+(?:of\s+)?(?=\p{Lu}))?(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?|\p{Ll}[\p{L}-]+)/u;

/** The place a distance is measured from ("km east of Osh" → Osh, "miles off the cape" → cape), or null when not named. */
function distanceFrom(text: string, q: QuantityFeature): { key: string; name: string } | null {
  const name = DISTANCE_FROM.exec(text.slice(q.start + q.text.length))?.[1];
  return name ? { key: nameKey(name), name } : null;
}

function numberConflicts(claims: readonly FeaturedClaim[]): FactConflictResult[] {
  // a figure without a group joins the group when the fact counts only one ("12 were killed")
  const groupsByMeasure = new Map<string, Set<string>>();
  for (const c of claims) for (const q of c.features.quantities) {
    if (!q.group) continue;
    const set = groupsByMeasure.get(q.measure) ?? new Set<string>();
    set.add(q.group);
    groupsByMeasure.set(q.measure, set);
  }
  type Entry = { claim: FeaturedClaim; q: QuantityFeature };
  const entries: Entry[] = [];
  const wholes = new Map<string, string>();
  for (const c of claims) for (const q of c.features.quantities) {
    // a count of a named family of things ("two apartment blocks" vs "three buildings") is one
    // quantity; a count of an arbitrary noun is too loose to call a contradiction
    if (q.measure.startsWith("n:") && !q.measure.startsWith("n:~")) continue;
    if (q.measure === "percent") {
      // a share is one quantity only with its whole named ("97 percent of its capacity"); bare
      // percentages of a fact may be shares of different things
      const whole = shareOf(c.text, q);
      if (!whole) continue;
      if (!wholes.has(`share:${whole.key}`)) wholes.set(`share:${whole.key}`, `Share of ${whole.word}`);
      entries.push({ claim: c, q: { ...q, measure: `share:${whole.key}` } });
      continue;
    }
    if (q.measure === "distance") {
      // distances from two different places are two quantities; one from a place not named
      // ("12 km away") is compared only with another such
      const from = distanceFrom(c.text, q);
      if (from) {
        if (!wholes.has(`distance:${from.key}`)) wholes.set(`distance:${from.key}`, `Distance from ${from.name}`);
        entries.push({ claim: c, q: { ...q, measure: `distance:${from.key}` } });
        continue;
      }
    }
    const groups = groupsByMeasure.get(q.measure);
    const group = q.group || (groups && groups.size === 1 ? [...groups][0]! : "");
    // a change ("rose by more than four metres") and a level ("water stood three metres deep")
    // are two quantities, though measured in the same unit
    const measure = CHANGE.test(c.text.slice(0, q.start)) ? `${q.measure}${CHANGED}` : COMBINED.test(c.text.slice(0, q.start)) ? `${q.measure}${SUMMED}` : q.measure;
    entries.push({ claim: c, q: { ...q, group, measure } });
  }
  const out: FactConflictResult[] = [];
  // the setting of an event (a quake's magnitude and depth, a distance) after what it did
  const setting = (e: Entry) => Number(isSettingMeasure(e.q.measure) || e.q.measure.startsWith("distance:"));
  entries.sort((x, y) => setting(x) - setting(y));
  for (const [kind, list] of listBy(entries, (e) => `${e.q.measure}|${e.q.group}|${e.q.unit}`)) {
    const involved = new Set<FeaturedClaim>();
    const clashing = new Set<Entry>();
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      const a = list[i]!;
      const b = list[j]!;
      if (a.claim === b.claim || a.claim.reportId === b.claim.reportId) continue;
      if (!compatible(a.q, b.q, [lengthScale(a.claim.text, a.q), lengthScale(b.claim.text, b.q)])) {
        involved.add(a.claim);
        involved.add(b.claim);
        clashing.add(a);
        clashing.add(b);
      }
    }
    if (involved.size === 0) continue;
    const [measure, group] = kind.split("|");
    const suffix = [CHANGED, SUMMED].find((x) => measure!.endsWith(x)) ?? "";
    const base = measure!.slice(0, measure!.length - suffix.length);
    // a group that is a place (the place a population is of) is named as the claims write it
    const place = group?.startsWith("place:") ? list.flatMap((e) => e.claim.features.entities).find((x) => x.key === group)?.text : undefined;
    const name = `${suffix === CHANGED ? "Change in " : suffix === SUMMED ? "Combined " : ""}${MEASURE_LABEL[base] ?? wholes.get(base) ?? base}${place ? ` of ${place}` : group ? ` (${GROUP_LABEL[group] ?? group})` : ""}`;
    const values = list.filter((e) => clashing.has(e)).map((e) => `${e.q.text} (${label(e.claim)})`);
    out.push({ kind: "NUMBER", claimIds: ordered(claims, involved), detail: `${name}: ${[...new Set(values)].join(" vs ")}` });
  }
  return out;
}

function ordered(claims: readonly FeaturedClaim[], set: Set<FeaturedClaim>): string[] {
  return claims.filter((c) => set.has(c)).map((c) => c.id);
}

function completionConflict(claims: readonly FeaturedClaim[]): FactConflictResult[] {
  const byState = listBy(claims.filter((c) => c.features.completion), (c) => c.features.completion!);
  const completed = byState.get("completed") ?? [];
  const other = [...(byState.get("ongoing") ?? []), ...(byState.get("denied") ?? [])];
  if (completed.length === 0 || other.length === 0) return [];
  if (new Set([...completed, ...other].map((c) => c.reportId)).size < 2) return [];
  const names = (list: FeaturedClaim[]) => [...new Set(list.map(label))].join(", ");
  const ongoing = byState.get("ongoing") ?? [];
  const denied = byState.get("denied") ?? [];
  const parts = [`taken (${names(completed)})`];
  if (ongoing.length) parts.push(`still advancing (${names(ongoing)})`);
  if (denied.length) parts.push(`denied (${names(denied)})`);
  return [{ kind: "COMPLETION", claimIds: ordered(claims, new Set([...completed, ...other])), detail: `Completed vs ongoing: ${parts.join(" vs ")}` }];
}

// the event is still to come, or its result still stands ("remains blocked", "are still being
// held" against "were freed"): aspect and modality
// of the clause, never inside a quotation (a speaker's "we will keep digging" is not the event)
const PENDING = /\b(?:(?:is|are|was|were)\s+(?:expected|due|scheduled|set|about|going)\s+to\s+\p{L}+|(?:was|were|is|are)\s+expected\s+(?:in|at|on|by)\b|expected\s+to\s+\p{L}+|on\s+(?:its|their|his|her)\s+way|(?:is|are|was|were)\s+(?:heading|marching|moving|advancing|driving|sailing|walking)\s+(?:to|for|towards?|on)\b|plans?\s+to\s+\p{L}+|(?:preparing|getting\s+ready|gearing\s+up)\s+to\s+\p{L}+|(?:is|are|has|have)\s+yet\s+to\s+\p{L}+|(?:is|are|has|have|had)\s+not\s+yet\s+\p{L}+|remains?\s+(?:blocked|closed|cut|shut|impassable|out|held|captive|trapped|in custody)|(?:is|are)\s+still\s+(?:being\s+)?(?:blocked|closed|cut|shut|impassable|held|detained|trapped|captive|in custody))/iu;
// the event as done: a perfect or a past form, passive included ("has reached", "was cleared")
const DONE = /\b(?:(?:has|have|had)\s+(?:now\s+|already\s+|finally\s+)?(?:been\s+)?\p{L}+(?:ed|en|wn|ught|ew|ft)|(?:was|were)\s+(?:\p{L}+ly\s+)?\p{L}+(?:ed|en|wn|ught)|(?:touched|put)\s+down|\p{L}{3,}ed\s+(?:in|at|to|on|over|off|into)|(?:arrived|landed|reached|flew|came|restored|reopened|cleared))\b/iu;

const unquoted = (text: string) => text.replace(/["“][^"“”]*["”]/gu, " ");

// a clause that asserts nothing of the event's status: a clause of time ("before lessons were due
// to begin" dates something else) or the content of a hearsay noun ("claims that a wave was
// heading toward the town", "rumours that ..."), which the report relays without asserting
const TIME_CLAUSE = /\b(?:before|until|till|after|once|by the time)\b[^,;]*$/iu;
const HEARSAY = /\b(?:claims?|rumou?rs?|allegations?|speculation|fears?|hoax(?:es)?)\s+(?:\p{L}+\s+){0,3}?that\b/iu;

/** The first pending phrase the claim itself asserts, outside clauses of time and relayed hearsay. */
function assertedPending(text: string): string | null {
  for (const match of text.matchAll(new RegExp(PENDING.source, "giu"))) {
    const before = text.slice(0, match.index);
    if (TIME_CLAUSE.test(before) || HEARSAY.test(before)) continue;
    return match[0];
  }
  return null;
}

function statusConflict(claims: readonly FeaturedClaim[]): FactConflictResult[] {
  const pending: { claim: FeaturedClaim; phrase: string }[] = [];
  const done: { claim: FeaturedClaim; phrase: string }[] = [];
  for (const c of claims) {
    const text = unquoted(c.text);
    const p = assertedPending(text);
    if (p) pending.push({ claim: c, phrase: p });
    else {
      const d = DONE.exec(text);
      if (d) done.push({ claim: c, phrase: d[0] });
    }
  }
  if (pending.length === 0 || done.length === 0) return [];
  const reports = new Set(pending.map((x) => x.claim.reportId));
  const against = done.filter((x) => !reports.has(x.claim.reportId));
  if (against.length === 0) return [];
  const show = (list: typeof done) => [...new Map(list.map((x) => [x.phrase.toLowerCase(), `"${x.phrase}" (${label(x.claim)})`])).values()].slice(0, 3).join(", ");
  return [{ kind: "COMPLETION", claimIds: ordered(claims, new Set([...pending, ...against].map((x) => x.claim))), detail: `Pending vs done: ${show(pending)} vs ${show(against)}` }];
}

function actorConflict(claims: readonly FeaturedClaim[]): FactConflictResult[] {
  const credited: { claim: FeaturedClaim; agent: string; name: string }[] = [];
  for (const c of claims) {
    // an attack named by a noun ("the fighting", "the assault") credits nobody; "X shelled" does
    const event = c.features.events.find(
      (e) => e.positive && e.agent && (["TAKEN", "ENTERED", "ADVANCING", "RETAKE", "DAMAGE"].includes(e.cls) || (e.cls === "ATTACK" && (/(?:ed|struck)$/iu.test(e.text) || CLAIMED.test(e.text)))),
    );
    if (!event?.agent) continue;
    const name = event.agent.startsWith("side:") ? (event.agent === "side:rebel" ? "rebels" : "government forces") : (c.features.entities.find((e) => e.key === event.agent)?.text ?? event.agent);
    credited.push({ claim: c, agent: event.agent, name });
  }
  // one group under two names ("Kataib al-Rimal", "the Rimal Brigades") is one party: a word of
  // its name other than what kind of body it is ("brigades", "front") tells it
  // (a name of nothing but its kind, "the Front", may be any of them: it credits no one in particular)
  const specific = credited.filter((x) => !x.agent.startsWith("side:") && ownNameWords(x.name).length > 0);
  for (const x of specific) {
    const same = specific.find((y) => y.agent !== x.agent && sharesNameWord(x.name, y.name));
    if (same) x.agent = same.agent < x.agent ? same.agent : x.agent;
  }
  const sides = new Set(credited.filter((x) => x.agent.startsWith("side:")).map((x) => x.agent));
  const distinct = new Set(specific.map((x) => x.agent));
  if (distinct.size < 2 && sides.size < 2) return [];
  const involved = distinct.size >= 2 ? specific : credited.filter((x) => x.agent.startsWith("side:"));
  if (new Set(involved.map((x) => x.claim.reportId)).size < 2) return [];
  const byAgent = listBy(involved, (x) => x.agent);
  const detail = [...byAgent.values()].map((list) => `${list[0]!.name} (${[...new Set(list.map((x) => label(x.claim)))].join(", ")})`).join(" vs ");
  return [{ kind: "ACTOR", claimIds: ordered(claims, new Set(involved.map((x) => x.claim))), detail: `Credited: ${detail}` }];
}

/** Whether two names of bodies share a word of their own, not one that says what kind of body each is. */
function sharesNameWord(a: string, b: string): boolean {
  const wa = ownNameWords(a);
  return ownNameWords(b).some((w) => wa.includes(w));
}

/** The keys of a name's own words: capitalised, not a particle, not what kind of body it is; an acronym is one. */
function ownNameWords(name: string): string[] {
  return name.split(/[\s-]+/u).filter((w) => w.length >= 2 && /^\p{Lu}/u.test(w) && !ORG_WORDS.test(w) && !/^(?:al|el|ez|as|ar|ad|the)$/iu.test(w)).map(nameKey);
}

// who did it: the agent of a passive ("were pulled from the carriages by villagers"), else the
// subject before the first past or perfect verb ("Army helicopters lifted", "Kazakh rescuers freed")
const BY_AGENT = /\b(?:was|were|been|being|is|are)\s+(?:\p{L}+ly\s+)?\p{L}+(?:ed|en|wn|ught)\b[^.;:]{0,160}?\bby\s+((?:(?:the|a|an)\s+)?[\p{L}'’-]+(?:\s+(?:(?:from|of)\s+(?:the\s+)?)?[\p{L}'’-]+){0,4})/u;
// a subject's words: no auxiliary, and no preposition that would carry it past its verb
// ("as rescuers dug through collapsed houses" has no subject of "collapsed")
const WORD = "(?!(?:is|are|was|were|be|been|being|has|have|had|will|would|through|into|onto|over|under|across|to|for|by|at|on|with|near)\\b)[\\p{L}'’-]+";
const SUBJECT = new RegExp(`^((?:(?:the|a|an)\\s+)?${WORD}(?:\\s+(?:(?:from|of|in)\\s+(?:the\\s+)?)?${WORD}){0,5}?)\\s+(?:(?:have|has|had)\\s+(?:\\p{L}+ly\\s+)?(?:so far\\s+)?)?(?!(?:reported|stated|added|announced|claimed|noted|confirmed|quoted|insisted|explained)\\b)(?:\\p{L}{3,}ed|freed|took|brought|flew|led|sent|saved|found|carried out|pulled)\\b`, "u");
const CLAUSE_END = /\s+(?:who|which|that|with|after|before|on|at|in|using|and|as|when|while|during)\b.*$/u;
// what every credited party may be called; the words that tell parties apart are the others
const GENERIC_AGENT = new Set(["the", "a", "an", "of", "from", "in", "rescuer", "rescue", "team", "crew", "helicopter", "worker", "member", "unit", "people", "official", "authority", "operation", "first", "local", "heavy", "emergency", "service", "specialist"]);

// an agent is someone: a noun for people, a force or a body (with or without a name)
const AGENT_NOUN = /\b(?:rescuers?|teams?|crews?|soldiers|troops|army|police|villagers|residents|volunteers|firefighters|helicopters|office|committee|ministry|service|agency|guard|workers|locals|neighbou?rs)\b/iu;
// where a clause's subject may start: the sentence's start, after an opening phrase set off by a
// comma ("In the afternoon, Kazakh rescuers freed"), or after a subordinator ("when villagers pulled")
const CLAUSE_START = /,\s+|\b(?:when|as|after|before|while|where|until)\s+/gu;

const SAYING = /\b(?:told|tells?|telling|said|says?|saying|reported|reports|stated|added|announced|claimed|insisted|complained)\b/iu;

const SELF_REPORT = /^((?:(?:the|a|an)\s+)?[\p{L}'’-]+(?:\s+(?:[\p{L}'’-]+|\([^)]{1,20}\))){0,7}?)\s+(?:said|says|announced|reported|confirmed)\s+(?:on\s+\p{L}+\s+)?(?:that\s+)?(?:it|they)\s+(?:(?:had|has|have)\s+(?:\p{L}+ly\s+)?)?(?:\p{L}{3,}ed|sent|began|begun|brought|took|flew|led)\b/u;

/** Who is credited with the deed a sentence reports: a passive's by-phrase, else the subject of a clause's first past verb. */
function agentOf(text: string): string | null {
  const plain = text.replace(/["“][^"“”]*["”]/gu, " ").replace(/\s+/gu, " ").replace(/^[\s\p{P}]+/u, "");
  // "the prosecutor's office said it had opened a case": a speaker who reports its own deed is its agent
  const own = SELF_REPORT.exec(plain)?.[1]?.replace(/\s*\([^)]*\)\s*$/u, "").trim();
  if (own && AGENT_NOUN.test(own)) return own;
  const body = plain.replace(/^[^,]{0,40}\b(?:said|says|say|reported|according to [^,]+),?\s+(?:that\s+)?/iu, "");
  const candidates = [BY_AGENT.exec(body)?.[1], ...[0, ...[...body.matchAll(CLAUSE_START)].map((m) => m.index + m[0].length)].map((at) => SUBJECT.exec(body.slice(at))?.[1])];
  for (const candidate of candidates) {
    const phrase = candidate?.replace(CLAUSE_END, "").replace(/^(?:when|as|after|before|while|where|until)\s+/iu, "").trim();
    // "residents told reporters they had received": a phrase holding a verb of saying is a
    // speaker and the start of what they said, not the doer of the deed
    if (phrase && SAYING.test(phrase)) continue;
    if (phrase && AGENT_NOUN.test(phrase)) return phrase;
  }
  return null;
}

function agentWords(phrase: string) {
  // a phrase opening with a multi-word name names it ("Red Crescent crews" is not "red"); a
  // single capitalised first word is just the sentence's start ("Soldiers", "Army helicopters")
  return meaningWords(/^\p{Lu}\p{L}*\s+\p{Lu}/u.test(phrase) ? ` ${phrase}` : phrase).filter((w) => !GENERIC_AGENT.has(w.key) && !GENERIC_AGENT.has(w.word.replace(/s$/u, "")));
}

function actorPhraseConflict(claims: readonly FeaturedClaim[]): FactConflictResult[] {
  const credited = claims.flatMap((c) => {
    // a facet cut from a longer sentence ("lifting 240 people off rooftops") has the sentence's subject
    const phrase = agentOf(c.text) ?? (c.sentence ? agentOf(c.sentence) : null);
    const words = phrase ? agentWords(phrase) : [];
    return phrase && words.length > 0 ? [{ claim: c, phrase, words }] : [];
  });
  const involved = new Set<FeaturedClaim>();
  const details: string[] = [];
  for (let i = 0; i < credited.length; i++) for (let j = i + 1; j < credited.length; j++) {
    const a = credited[i]!;
    const b = credited[j]!;
    if (a.claim.reportId === b.claim.reportId) continue;
    // a demonym and its country share their stem (Kazakh, Kazakhstan); other words by meaning
    if (a.words.some((x) => b.words.some((y) => x.key.slice(0, 5) === y.key.slice(0, 5) || sameMeaning(x, y)))) continue;
    involved.add(a.claim);
    involved.add(b.claim);
    details.push(`"${a.phrase}" (${label(a.claim)}) vs "${b.phrase}" (${label(b.claim)})`);
  }
  if (involved.size === 0) return [];
  return [{ kind: "ACTOR", claimIds: ordered(claims, involved), detail: `Credited: ${[...new Set(details)].slice(0, 3).join("; ")}` }];
}

// "officials", "the authorities", "a statement": a speaker not named further, compatible with any
// named speaker of the same side ("officials" vs "the interior ministry" is no disagreement)
const UNSPECIFIED_ROLE = new Set(["official", "authorities", "statement"]);
// "according to reports": nobody is named, so nothing to disagree with
const UNSOURCED = /^(?:(?:local|media|news|press|unconfirmed|some|other|earlier|initial|the)\s+)*reports?$/iu;

// the side a kind of speaker stands on when the attribution names no side itself ("officials")
const ROLE_SIDE: Record<string, string> = { official: "gov", officer: "gov", military: "gov", ministry: "gov", authorities: "gov", residents: "civilian", witnesses: "civilian", elders: "civilian", medical: "monitor", aid: "monitor" };

/**
 * Whether two attributions name different speakers: two named people, or speakers on different
 * sides (government, rebels, residents, monitors), or on one side different kinds of speaker or
 * different counts. A speaker of no known kind ("the railway operator", "NRZ", "engineers at the
 * dam") or not named further ("officials") cannot be told apart from another of its side.
 */
function attributionsDiffer(a: AttributionFeature, b: AttributionFeature): boolean {
  if (a.person && b.person && a.person !== b.person) return true;
  const sideA = a.side || ROLE_SIDE[a.role] || "";
  const sideB = b.side || ROLE_SIDE[b.role] || "";
  if (sideA && sideB && sideA !== sideB) return true;
  if (a.role === "other" || b.role === "other" || UNSPECIFIED_ROLE.has(a.role) || UNSPECIFIED_ROLE.has(b.role)) return false;
  if (a.role !== b.role) return true;
  // the same kind of speaker with an unstated count is not a disagreement ("army sources" vs "two army sources")
  return a.count !== null && b.count !== null && a.count !== b.count;
}

// an analyst or expert judges what happened ("experts say the first 72 hours are critical"); an
// assessment is no rival account of who reported the event
const COMMENTATOR_ROLE = new Set(["outlet", "analyst"]);

function attributionConflict(claims: readonly FeaturedClaim[]): FactConflictResult[] {
  const attributed = claims.filter((c) => c.features.attribution && !COMMENTATOR_ROLE.has(c.features.attribution.role) && c.features.attribution.side !== "outlet" && !UNSOURCED.test(c.features.attribution.speaker.trim()));
  const involved = new Set<FeaturedClaim>();
  for (let i = 0; i < attributed.length; i++) for (let j = i + 1; j < attributed.length; j++) {
    const a = attributed[i]!;
    const b = attributed[j]!;
    if (a.reportId === b.reportId || !attributionsDiffer(a.features.attribution!, b.features.attribution!)) continue;
    involved.add(a);
    involved.add(b);
  }
  if (involved.size === 0) return [];
  const key = (c: FeaturedClaim) => {
    const a = c.features.attribution!;
    return `${a.side}|${a.role}|${a.count ?? "?"}`;
  };
  const groups = listBy([...involved], key);
  const detail = [...groups.values()].map((list) => `${list[0]!.features.attribution!.speaker} (${[...new Set(list.map(label))].join(", ")})`).join(" vs ");
  return [{ kind: "ATTRIBUTION", claimIds: ordered(claims, involved), detail: `Attributed to: ${detail}` }];
}

function words(text: string): string[] {
  return text.replace(/[^\p{L}\p{N}\s'’-]/gu, " ").split(/\s+/u).filter(Boolean);
}

/**
 * The stretch of each quotation that differs from the other: from its first to its last word
 * outside their longest common subsequence of words ("" when one contains the other).
 */
function differingRuns(a: string[], b: string[], aShown: string[], bShown: string[]): [string, string] {
  const n = a.length;
  const m = b.length;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const onlyA: number[] = [];
  const onlyB: number[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) onlyA.push(i++);
    else onlyB.push(j++);
  }
  while (i < n) onlyA.push(i++);
  while (j < m) onlyB.push(j++);
  const stretch = (words: string[], at: number[]) => (at.length === 0 ? "" : words.slice(at[0], at[at.length - 1]! + 1).join(" "));
  return [stretch(aShown, onlyA), stretch(bShown, onlyB)];
}

function wordingConflict(claims: readonly FeaturedClaim[]): FactConflictResult[] {
  const quoted = claims.flatMap((c) => c.features.quotes.map((q) => ({ claim: c, quote: q, shown: words(q), words: words(q).map((w) => foldText(w)) })));
  const involved = new Set<FeaturedClaim>();
  const details: string[] = [];
  for (let i = 0; i < quoted.length; i++) for (let j = i + 1; j < quoted.length; j++) {
    const a = quoted[i]!;
    const b = quoted[j]!;
    if (a.claim.reportId === b.claim.reportId || sourceKeyOf(a.claim) === sourceKeyOf(b.claim) && a.words.join(" ") === b.words.join(" ")) continue;
    const setB = new Set(b.words);
    const shared = a.words.filter((w) => setB.has(w)).length;
    const overlap = shared / Math.min(a.words.length, b.words.length);
    if (overlap < 0.3 || shared < 2) continue;
    const [onlyA, onlyB] = differingRuns(a.words, b.words, a.shown, b.shown);
    if (!onlyA && !onlyB) continue;
    // one quote being a shorter excerpt of the other is not a wording difference, nor is a
    // name spelled another way ("Deir el-Maroun" / "Deir al-Marun")
    if (!onlyA || !onlyB) continue;
    if (nameKey(onlyA) === nameKey(onlyB)) continue;
    involved.add(a.claim);
    involved.add(b.claim);
    details.push(`"${onlyA}" (${label(a.claim)}) vs "${onlyB}" (${label(b.claim)})`);
  }
  if (involved.size === 0) return [];
  return [{ kind: "WORDING", claimIds: ordered(claims, involved), detail: `Quoted wording differs: ${[...new Set(details)].slice(0, 3).join("; ")}` }];
}

// grammatical negation: a negative particle, determiner or pronoun, a negated auxiliary, or a
// downward quantifier ("little warning", not "a little girl"); not the bounds of a figure ("no
// more than 40") nor "not only"
const NEGATOR = /^(?:not|no|never|none|nothing|nobody|neither|without|cannot|hardly|barely|scarcely|\p{L}+n['’]t)$/u;
// negative pronouns negate the clause but name no predicate ("like nothing this province has seen")
const NEGATIVE_PRONOUN = /^(?:none|nothing|nobody|neither)$/u;
const NOT_NEGATION = /\b(?:no|not)\s+(?:more|fewer|less|later|earlier|only|least|before|without|longer\s+than)\b/giu;
// privative predicates state an absence ("lost power", "power was out", "without electricity"):
// they set the clause's polarity like a negation, so "no power" and "power is out" agree
// and so do negative-implicative predicates ("afraid to go back" and "refused to go back" mean
// not going back)
const PRIVATIVE = /\b(?:los[et]|losing|lacks?|lacking|lacked)\b|\b(?:afraid|reluctant|unwilling|unable|refus(?:e|es|ed|ing)|fail(?:s|ed|ing)?|too\s+\p{L}+)\s+to\b|\b(?:is|are|was|were|been|remains?|remained)\s+(?:still\s+)?(?:cut|out|off|down|gone|missing)\b/giu;
const DOWNWARD = /(?<!\b(?:a|the|her|his|their|its|my|our|your|this|that)\s+)\b(?:little|few)\b/giu;
// predicates that deny their complement ("ruled out sabotage" = no sabotage): they reverse the
// clause like a negation and, between two clauses, count as one and the same predicate
const DENIAL = /\b(?:rul(?:e|es|ed|ing)\s+out|exclud\p{L}*|den(?:y|ies|ied|ying)|dismiss\p{L}*)\b/giu;
const DENIED = "~deny";
// a condition or a counterfactual ("had we not opened the gates", "if ... not") asserts nothing
const HYPOTHETICAL = /^(?:had|were|should)\s+(?:we|they|it|he|she|i|you|the)\b|\b(?:if|unless|whether)\b|\bwithout\b.*\bwould\b/iu;
// a factual "not ... until" states when it did happen ("the ferry did not sail until Tuesday"),
// and "not yet" that it is still to come: a matter of time or status, not of meaning
const NOT_REVERSED = /\b(?:did|does|do|had|has|have|was|were|is|are)(?:\s+not|n['’]t)\b[^,;]*\b(?:until|till|before)\b|\bnot\s+yet\b|\byet\s+to\b/iu;
// verbs of saying carry who spoke, not what the statement asserts
const REPORTING = /^(?:inform|announc|declar|stat|stress|insist|explain|quot|add|tell|say)/u;

type Clause = { text: string; negative: boolean; words: MeaningWord[]; heads: Set<string> };

/**
 * A claim's assertive clauses with their polarity: split at punctuation and at coordinating and
 * contrastive conjunctions; negative when a clause holds an odd number of negations and denying
 * predicates ("sabotage not excluded" is positive: a negated denial). `heads` are what each
 * negation applies to: the first content word after it ("not return" → return, "no threat" →
 * threat, "ruled out sabotage" → the denial and sabotage).
 */
function clausesOf(text: string): Clause[] {
  const out: Clause[] = [];
  for (const part of text.replace(/["“”]/gu, " ").split(/,(?!\d)|[;:()—–?]|\s-\s|\b(?:and|but|while|whereas|although|though|yet)\b/iu)) {
    const clause = part.replace(/\s+/gu, " ").trim().replace(/[.!]+$/u, "");
    if (!clause || HYPOTHETICAL.test(clause) || NOT_REVERSED.test(clause)) continue;
    const plain = ` ${clause} `.replace(NOT_NEGATION, " ").replace(DOWNWARD, " no ").replace(DENIAL, ` ${DENIED} `);
    let negations = plain.match(PRIVATIVE)?.length ?? 0;
    const tokens = plain.split(/[^\p{L}'’~-]+/u).filter(Boolean);
    const words: MeaningWord[] = [];
    const heads = new Set<string>();
    // after "not" the negated predicate is the next content word; after the determiner "no"
    // it is the noun that ends the phrase ("no electric energy" → energy)
    let open: "word" | "phrase" | null = null;
    let phraseHead: string | null = null;
    const close = () => {
      if (phraseHead) heads.add(phraseHead);
      phraseHead = null;
      open = null;
    };
    for (const token of tokens) {
      const folded = foldText(token);
      if (folded === DENIED) {
        close();
        negations += 1;
        words.push({ word: DENIED, key: DENIED, row: -1, exactOnly: true, name: false });
        heads.add(DENIED);
        open = "word";
        continue;
      }
      if (NEGATOR.test(folded)) {
        close();
        negations += 1;
        open = NEGATIVE_PRONOUN.test(folded) ? null : folded === "no" ? "phrase" : "word";
        continue;
      }
      const word = meaningWords(token)[0];
      if (!word || REPORTING.test(word.key)) {
        if (open === "phrase") close();
        continue;
      }
      if (!words.some((w) => w.key === word.key)) words.push(word);
      if (open === "phrase") phraseHead = word.key;
      else if (open === "word") {
        heads.add(word.key);
        open = null;
      }
    }
    close();
    out.push({ text: clause, negative: negations % 2 === 1, words, heads });
  }
  return out;
}

/**
 * MEANING: one report states the opposite of another. A negative clause of one claim and a
 * positive clause of a claim from another report say the same predicate on the same arguments:
 * what the negation applies to is said in the other clause, and the clauses share another
 * content word, together at least half of the shorter clause ("ruled out sabotage" vs "sabotage
 * not excluded"; "should not return home" vs "to return to their houses"). Names both clauses.
 */
function meaningConflict(claims: readonly FeaturedClaim[]): FactConflictResult[] {
  const clauses = claims.map((c) => ({ claim: c, clauses: clausesOf(c.text) }));
  const involved = new Set<FeaturedClaim>();
  const details: string[] = [];
  for (const a of clauses) for (const b of clauses) {
    if (a.claim.reportId === b.claim.reportId) continue;
    // two speakers saying opposite things (residents: no warning; the ministry: warned) is a
    // dispute between sources, not one statement reversed in a report
    const speakers = [a.claim, b.claim].map((c) => c.features.attribution?.speaker);
    if (speakers[0] && speakers[1]) {
      const other = meaningWords(speakers[1]);
      if (!meaningWords(speakers[0]).some((x) => other.some((y) => x.key === y.key))) continue;
    }
    for (const neg of a.clauses) for (const pos of b.clauses) {
      if (!neg.negative || pos.negative) continue;
      const head = [...neg.heads].find((h) => pos.words.some((w) => w.key === h));
      if (!head) continue;
      const shared = neg.words.filter((x) => pos.words.some((y) => sameMeaning(x, y))).length;
      if (shared < 2 || shared < 0.5 * Math.min(neg.words.length, pos.words.length) || shared < 0.3 * Math.max(neg.words.length, pos.words.length)) continue;
      involved.add(a.claim);
      involved.add(b.claim);
      details.push(`"${neg.text}" (${label(a.claim)}) vs "${pos.text}" (${label(b.claim)})`);
    }
  }
  if (involved.size === 0) return [];
  return [{ kind: "MEANING", claimIds: ordered(claims, involved), detail: `Meaning reversed: ${[...new Set(details)].slice(0, 3).join("; ")}` }];
}

/** Every conflict inside one fact, in a fixed order of kinds. */
export function findConflicts(claims: readonly FeaturedClaim[]): FactConflictResult[] {
  const completion = completionConflict(claims);
  const actors = actorConflict(claims);
  return [...numberConflicts(claims), ...(completion.length > 0 ? completion : statusConflict(claims)), ...(actors.length > 0 ? actors : actorPhraseConflict(claims)), ...attributionConflict(claims), ...wordingConflict(claims), ...meaningConflict(claims)];
}
