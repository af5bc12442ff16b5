/**
 * Who said it: the attribution phrase of a claim ("two army sources said", "according to a
 * rebel spokesman", "Reuters reported"), its role, side and source count, and an outlet the
 * report credits, which then is the claim's independent source.
 */
import { entityKey } from "./entities";
import { foldText, outletKey } from "./normalize";
import { parseNumber } from "./numbers";
import type { AttributionFeature } from "./types";

// (a group that "claimed responsibility" or "claimed the attack" is who did it, not who says so)
const CLAIMED_DEED = "(?!\\s+(?:responsibility|credit|the\\s+(?:[\\p{L}-]+\\s+)?(?:attack|operation|assault|bombing|raid|kidnapping|siege|ambush)))";
const SPEECH = `(?:said|says|say|told|tells|reported|reports|claimed${CLAIMED_DEED}|claims${CLAIMED_DEED}|stated|announced|added|insisted|confirmed|denied|estimated|put (?:it|the \\w+|the \\w+'s \\w+|its \\w+|their \\w+) at|wrote|posted)`;
// an outlet is a capitalised name that wires call an agency, a newspaper or a broadcaster
const OUTLET_WORDS = /\b(?:news|agency|press|wire|post|times|herald|tribune|gazette|journal|courier|ledger|service|tv|television|radio|broadcast\w*|channel|daily|observer|chronicle|monitor|reuters|afp|associated press|ap|dpa|efe|ansa|xinhua|tass|anadolu|bloomberg|bbc|cnn|al jazeera)\b/iu;
const KNOWN_AGENCIES = /^(?:reuters|afp|ap|associated press|agence france-presse|dpa|efe|ansa|xinhua|tass|ria novosti|anadolu|bloomberg|bbc|cnn|al jazeera|sana|irna|yonhap|kyodo|pti|upi)$/iu;

// a character of a speaker's name: up to a clause break, but an initial's full stop ("the U.S.
// Geological Survey") is part of the name
const WHO_CHAR = `(?:[^,.;:"“]|(?<=(?:^|[^\\p{L}])\\p{Lu})\\.)`;

const PATTERNS: RegExp[] = [
  // "A local official in Halvek, who asked not to be named, said ..."
  new RegExp(`(?:^|[,;—–]\\s*)(?<who>(?:(?:a|an|the|one|two|three|four|five|several|some)\\s+)?[\\p{L}'’ .-]{2,60}?),\\s+(?:who|speaking)\\b[^,]{0,80},\\s+${SPEECH}\\b`, "iu"),
  // "..., Brigadier General Samir Othman, the civil defence chief, said.": a name, what the
  // speaker is, then the verb
  new RegExp(`(?:^|[,;—–]\\s*)(?<who>\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){1,5},\\s+(?:the|a|an|its|his|her|their)\\s+[^,.;:"“]{2,60}?),\\s+${SPEECH}\\b`, "u"),
  // "according to two army sources", "according to Northgate"
  new RegExp(`\\baccording to (?<who>${WHO_CHAR}{2,80})`, "iu"),
  // machine translation: "by saying of the governor", "as said by the ministry", "in the words of"
  /\b(?:by (?:the )?saying of|by the words of|in the words of|as said by|as told by|by declaration of|as declared by) (?<who>[^,.;:"“]{2,80})/iu,
  // "citing two army sources"
  new RegExp(`\\bciting (?<who>${WHO_CHAR}{2,80})`, "iu"),
  // ", two army sources said." / "the sources said" at the end of a clause
  // (an acronym in brackets may follow the name: "The U.S. Geological Survey (USGS) said")
  new RegExp(`(?:^|[,;—–-]\\s*|\\s)(?<who>(?:(?:a|an|the|one|two|three|four|five|six|several|some|many|\\d+)\\s+)?[\\p{L}'’ .-]{2,60}?)(?:\\s+\\(\\p{Lu}[\\p{Lu}.-]{1,10}\\))?\\s+${SPEECH}\\b`, "iu"),
  // "said two army sources", "said a spokesman for the ELC": the speaker closes the clause, so
  // a phrase with a verb of its own is what was said ("said the quake had a magnitude of 6.2");
  // the verb follows what was said, after a comma or a quote: with a subject before it ("She said
  // the 40 percent increase, in force since March 1, would be frozen") what follows is the statement
  new RegExp(`(?<=(?:[,"“”'’—–]|\\s-)\\s*)(?:said|says|told)\\s+(?![^,.;:"“]*\\b(?:had|has|have|was|were|is|are|will|would|could|did|does)\\b)(?<who>(?:a|an|the|one|two|three|four|five|several)\\s+[^,.;:"“]{2,60})`, "iu"),
];

const ROLES: [RegExp, string][] = [
  [/spokes(?:man|woman|person)/iu, "spokesman"],
  [/\bsources?\b/iu, "source"],
  [/\bofficials?\b/iu, "official"],
  [/\bofficers?\b/iu, "officer"],
  [/\bcommanders?\b/iu, "commander"],
  [/\bresidents?\b|\bpeople of\b|\blocals\b/iu, "residents"],
  [/\bwitness(?:es)?\b|eyes of witness/iu, "witnesses"],
  [/\belders?\b|community leaders?/iu, "elders"],
  [/\bmedic\w*|doctors?|nurses?|hospital|medical/iu, "medical"],
  [/\baid workers?|humanitarian|ngo|monitor/iu, "aid"],
  [/\bstatement\b/iu, "statement"],
  [/\bministry\b/iu, "ministry"],
  // a state body other than a ministry, named for what it does ("the regional education
  // department", "the water resources agency"); after "ministry", so "the ministry's press service" stays the ministry
  [/\b(?:department|agency|directorate|bureau|inspectorate|administration|institute|centre|center)\b/iu, "agency"],
  [/\b(?:army|military|armed forces|defen[cs]e forces)\b/iu, "military"],
  [/\b(?:rebels?|command|front|brigades?|militia|movement|group|insurgents?|\p{Lu}{2,6})\b/u, "group"],
  [/\bgovernment|governor|mayor|municipality|authorities\b/iu, "authorities"],
  [/\bresearcher|analyst|expert/iu, "analyst"],
  [/\bcorrespondent|reporter/iu, "correspondent"],
];

const SIDES: [RegExp, string][] = [
  [/\b(?:army|military|defen[cs]e|government|ministry|security|soldiers?|troops|police|state|official)\b/iu, "gov"],
  [/\b(?:rebels?|militia\w*|insurgent\w*|command|front|elc|liberation|opposition|fighters?)\b/iu, "rebel"],
  [/\b(?:residents?|witness\w*|elders?|people|locals|villagers|families)\b/iu, "civilian"],
  [/\b(?:aid|monitor|ngo|humanitarian|un|united nations|red cross|red crescent|medical|doctors?|nurses?|hospital)\b/iu, "monitor"],
];

const COUNT = /^(?:(?<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an|several|some|many)\s+)/iu;

function cleanSpeaker(who: string): string {
  return who
    .replace(/\s+(?:on condition of anonymity|by phone|by telephone|in a statement|in a (?:voice|audio|video|recorded) (?:message|speech)|to reporters|on \w+day|late on \w+|early on \w+).*$/iu, "")
    .replace(/\s+(?:who|which|that)\b.*$/iu, "")
    .replace(/^(?:and|but|as|while)\s+/iu, "")
    .trim();
}

/** Whether a name is an outlet rather than a person or an armed group. */
export function looksLikeOutlet(name: string, reportSource: string | null = null): boolean {
  const trimmed = name.replace(/^the\s+/iu, "").trim();
  if (!/^\p{Lu}/u.test(trimmed)) return false;
  if (KNOWN_AGENCIES.test(trimmed)) return true;
  if (reportSource && outletKey(trimmed) === outletKey(reportSource)) return true;
  return OUTLET_WORDS.test(trimmed) && !/\b(?:command|front|army|forces|ministry|civilian monitor)\b/iu.test(trimmed) && !/spokes|official|source/iu.test(trimmed);
}

/** Outlet named in the claim as the one that reported it ("Reuters reported", "according to Northgate"). */
function creditedOutlet(text: string): string | null {
  const patterns = [
    /\b(?:according to|citing|reported by)\s+(?:the\s+)?(?<name>\p{Lu}[\p{L}&'’.-]*(?:\s+(?:\p{Lu}[\p{L}&'’.-]*|of|news|agency|press|service|wire))*)/gu,
    /(?:^|[,;—–]\s*|\b[Tt]he\s+)(?<name>\p{Lu}[\p{L}&'’.-]*(?:\s+(?:\p{Lu}[\p{L}&'’.-]*|news|agency|press|service|wire))*)(?:\s+news agency|\s+agency|\s+newspaper)?(?:,\s*citing[^,]+,)?\s+(?:reported|reports|said in a report|quoted|cited)\b/gu,
  ];
  // "According to Meridian, the rebels say ...", "Meridian, quoting the ELC, ...", "Meridian reported that":
  // a name that relays someone else's words, or that "reported", is an outlet
  const relay =
    /^(?:according to|citing)\s+(?:the\s+)?(?<name>\p{Lu}[\p{L}&'’.-]*(?:\s+\p{Lu}[\p{L}&'’.-]*){0,3})\s*,\s*(?:the\s+)?[\p{L} ]{2,40}?\s+(?:say|says|said|claim|claims|reported)\b/u.exec(text) ??
    /(?:^|[.;—–]\s*)(?<name>\p{Lu}[\p{L}&'’.-]*(?:\s+\p{Lu}[\p{L}&'’.-]*){0,3}),\s+(?:quoting|citing)\b/u.exec(text) ??
    /(?:^|[.;—–]\s*)(?<name>\p{Lu}[\p{L}&'’.-]*(?:\s+\p{Lu}[\p{L}&'’.-]*){0,3})\s+reported\b/u.exec(text);
  if (relay?.groups?.name && !/^(?:The|A|An|Residents|Witnesses|Officials|Sources|Rebels|Elders|Local|Two|Three|Several)$/u.test(relay.groups.name.split(/\s+/u)[0]!) && !/spokes|official|source|army|military|ministry|command|front/iu.test(relay.groups.name)) {
    return relay.groups.name;
  }
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const name = match.groups!.name!.replace(/\s+(?:news|agency|press|service|wire)$/iu, (m) => m).trim();
      if (/^(?:Residents|Witnesses|Officials|Sources|Rebels|Elders)$/u.test(name)) continue;
      if (looksLikeOutlet(name) || /\bnews agency\b/iu.test(match[0]) || /^(?:According to|Citing|Reported by)/iu.test(match[0]) && KNOWN_AGENCIES.test(name)) return name.replace(/^the\s+/iu, "");
    }
  }
  return null;
}

/** The claim's attribution, or null when it states the thing on the outlet's own authority. */
export function findAttribution(text: string, reportSource: string): AttributionFeature | null {
  const outlet = creditedOutlet(text);
  // "the Herald" in a report of the Eastbank Herald is the publisher itself
  const own = new Set(outletKey(reportSource).split(" "));
  const creditsOther = outlet && outletKey(outlet) !== outletKey(reportSource) && !outletKey(outlet).split(" ").every((word) => own.has(word)) ? outlet : null;
  let speaker: string | null = null;
  search: for (const pattern of PATTERNS) {
    // every match of a pattern, in text order: the first may be a false start ("An estimated ...")
    for (const match of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
      const who = cleanSpeaker(match.groups!.who!);
      // a speech verb after an ordinary subject ("The army said it had launched") is still attribution
      if (who.split(/\s+/u).length > 9) continue;
      if (/^(?:it|he|she|they|we|i|you|this|that)$/iu.test(who)) continue;
      // "clashes have been reported", "the number is estimated": passive, nobody is speaking
      if (/\b(?:is|are|was|were|be|been|being|has|have|had|not|never|also|only)$/iu.test(who) || /^(?:the )?number\b/iu.test(who)) continue;
      if (/^(?:a|an|the|some|one)$/iu.test(who) || who.length === 0) continue;
      speaker = who;
      break search;
    }
  }
  if (!speaker && !creditsOther) return null;
  const spoken = speaker ?? creditsOther!;
  const folded = foldText(spoken);
  const countMatch = COUNT.exec(folded);
  let count: number | null = null;
  if (countMatch?.groups?.n) {
    const n = countMatch.groups.n;
    count = /^(?:a|an|one)$/.test(n) ? 1 : /^(?:several|some|many)$/.test(n) ? null : parseNumber(n);
  } else if (/\bsources\b|\bofficials\b|\bresidents\b|\bwitnesses\b/.test(folded)) count = null;
  else if (/\b(?:source|spokes\w+|official|officer|commander|resident|witness)\b/.test(folded)) count = 1;
  const role = ROLES.find(([re]) => re.test(spoken))?.[1] ?? (creditsOther && !speaker ? "outlet" : "other");
  const side = SIDES.find(([re]) => re.test(spoken))?.[1] ?? (creditsOther ? "outlet" : "");
  // (the name before an apposition: "Samir Othman, the civil defence chief")
  const person = /\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+$/u.exec(spoken.split(",")[0]!)?.[0] ?? null;
  return {
    speaker: spoken,
    role,
    side,
    count,
    // keyed as the entities key a person: by surname with its particles ("Ben Tamri")
    person: person && !looksLikeOutlet(person) ? entityKey(person, "actor").slice("actor:".length) : null,
    outlet: creditsOther,
    outletKey: creditsOther ? outletKey(creditsOther) : null,
  };
}
