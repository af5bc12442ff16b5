/**
 * Text normalisation for matching across outlets: case, punctuation, diacritics, transliteration
 * variants of names, and light stemming of content words.
 */

// names are keyed by the one normaliser the desk's tags and search use too
import { foldText, NAME_ARTICLES as ARTICLES } from "../../text/name-variants";
export { foldText, nameKey, skeleton } from "../../text/name-variants";

// words an outlet's name carries that do not tell outlets apart ("Northgate" = "Northgate News Agency")
const OUTLET_FILLER = new Set(["the", "news", "agency", "press", "service", "services", "wire", "wires", "newswire", "daily", "online", "web", "english", "service", "international", "world", "network", "media", "group", "tv", "television", "radio", "broadcasting", "corporation", "channel", "live", "en", "edition", "desk", "times", "newspaper", "in"]);

/** Key of an outlet name: "Northgate News Agency", "Northgate" and "NORTHGATE" meet. */
export function outletKey(name: string): string {
  const words = foldText(name)
    .replace(/\(.*?\)/g, " ")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const core = words.filter((word) => !OUTLET_FILLER.has(word));
  return (core.length > 0 ? core : words).join(" ");
}

export const STOPWORDS = new Set(
  "a an the and or but of in on at to for from by with without into onto over under about after before during since until than then that this these those there here it its is are was were be been being has have had having do does did will would shall should can could may might must not no nor so such as if while when where which who whom whose what why how all any both each few more most other some own same very just also only too once again further up down out off s t said says say saying told tells according reported reports report reportedly claimed claims claim added adds statement thursday wednesday tuesday monday friday saturday sunday today yesterday tonight morning afternoon evening night overnight early late dawn midday hour hours am pm gmt utc local time he she they we i you his her their our them us him me my your one".split(
    " ",
  ),
);

const NOT_ADVERBS = new Set(["supply", "apply", "reply", "comply", "imply", "multiply", "family", "rally", "ally", "assembly", "anomaly", "monopoly", "italy", "july", "belly", "jelly", "bully", "holy"]);

/** Light suffix stripping: "killed"/"kills"/"killing" → "kill"; enough to meet across paraphrase. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  // nouns and verbs that end in -ly are not adverbs: "supply" meets "supplies", not "sup"
  if (NOT_ADVERBS.has(w)) w = `${w.slice(0, -1)}ies`;
  for (const [suffix, replacement] of [
    // a gerund's plural meets its verb: "warnings"/"warned", "killings"/"killed"
    ["ings", ""],
    ["ies", "y"],
    ["ied", "y"],
    ["ing", ""],
    ["ed", ""],
    ["es", ""],
    ["s", ""],
    ["ly", ""],
  ] as const) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, w.length - suffix.length) + replacement;
      break;
    }
  }
  // "inspection"/"inspected", "redeployment"/"redeployed" meet
  if (w.length > 7 && w.endsWith("ment")) w = w.slice(0, -4);
  else if (w.length > 6 && w.endsWith("ion")) w = w.slice(0, -3);
  // "seiz(e)", "captur(e)": drop a final e so stems of -ed/-ing forms and the bare verb meet
  if (w.endsWith("e") && w.length > 4) w = w.slice(0, -1);
  return w.replace(/(.)\1$/, "$1");
}

/** Stemmed content words of a text, in order (duplicates kept). */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of foldText(text).split(/[^a-z0-9]+/)) {
    if (!raw || STOPWORDS.has(raw) || /^\d+$/.test(raw)) continue;
    if (raw.length < 2) continue;
    if (ARTICLES.has(raw)) continue;
    out.push(stem(raw));
  }
  return out;
}

// News paraphrase families: different words wires use for one thing. Stems map to one concept
// token so "killed"/"martyred"/"died" or "power"/"electricity" meet in the lexical overlap.
const CONCEPTS: [RegExp, string][] = [
  [/^(?:kill|kil|dead|death|die|died|dy|slain|martyr|fatalit[iy]|bodi|body|toll)$/, "~kill"],
  [/^(?:wound|injur|injury|hurt|casualt[iy])$/, "~wound"],
  [/^(?:fle|flee|fled|displac|exodu|evacu|evacuat|uproot|refuge)$/, "~flee"],
  [/^(?:seiz|captur|overran|overrun|overtook|storm|fell|fel|fall|fallen)$/, "~take"],
  [/^(?:advanc|approach|near|clos|push|edg|outskirt|encircl|besieg|surround)$/, "~advance"],
  [/^(?:withdr[ae]w|withdrawn|withdrawal|retreat|redeploy|redeployment|reposition|pull|pul)$/, "~withdraw"],
  [/^(?:power|electricity|electric|blackout|outag)$/, "~power"],
  [/^(?:destroy|destruction|blew|blow|explosion|explod|demolish)$/, "~destroy"],
  [/^(?:soldier|troop|servicemen|serviceman|conscript)$/, "~soldier"],
  [/^(?:fighter|rebel|militant|insurgent|militiamen|gunmen|attacker)$/, "~fighter"],
  [/^(?:strik|struck|airstrik|bomb|bombard|raid|shell|shel)$/, "~strike"],
  [/^(?:aircraft|jet|warplan)$/, "~aircraft"],
  [/^(?:mobil|phon|telecom|communication|network)$/, "~telecom"],
  [/^(?:highway|road|motorway)$/, "~road"],
  [/^(?:cut|clos|shut|block|down)$/, "~cut"],
  [/^(?:prisoner|detain|detaine|arrest|captiv|hostag)$/, "~captive"],
  [/^(?:talk|negotiat|mediat|mediator)$/, "~negotiate"],
  [/^(?:reinforc|reinforcement)$/, "~reinforce"],
  [/^(?:helicopter|chopper)$/, "~helicopter"],
  [/^(?:hold|hol|trap|trapp|besieged)$/, "~hold"],
  [/^(?:rescu|survivor|sav)$/, "~rescue"],
  [/^(?:miss|mis|unaccount)$/, "~missing"],
  [/^(?:sheltering|shelter|accommodat)$/, "~shelter"],
  [/^(?:build|building|apart|apartment|hous|hom|home|tower|dwell|dwelling|residenc)$/, "~building"],
  [/^(?:crew|crewmen|crewmemb|sailor|seafarer|seamen|seaman|mariner)$/, "~crew"],
  [/^(?:sent|send|dispatch|despatch|deploy|deployment)$/, "~send"],
  [/^(?:earthquak|quak|tremor|temblor|shak)$/, "~quake"],
  [/^(?:frigat|warship|destroyer|corvett|gunboat)$/, "~warship"],
  [/^(?:collaps|crumbl|flatten|topple|toppl)$/, "~collapse"],
  [/^(?:landslid|mudslid|rockfal|rockslid)$/, "~landslide"],
  [/^(?:crowd|gather|rally|ralli|protest|protester|demonstrat|demonstrator|marcher)$/, "~crowd"],
  [/^(?:hijack|commandeer)$/, "~take"],
  // the cars of a train
  [/^(?:carriag|car|wagon|railcar)$/, "~carriage"],
  // people of another country: "foreign nationals", "foreigners", "expatriates"
  [/^(?:foreign|foreigner|expatriat|expat)$/, "~foreigner"],
  // a measure put off: "suspended", "froze", "frozen", "shelved", "put on hold" (and, as a phrase,
  // "backed down on")
  [/^(?:suspend|suspens|freez|froz|froze|frozen|shelv|postpon)$/, "~suspend"],
];

/** The concept a stem belongs to ("~kill" for "martyr"), or the stem itself. */
export function concept(stemmed: string): string {
  for (const [re, name] of CONCEPTS) if (re.test(stemmed)) return name;
  return stemmed;
}
