/**
 * Entities without a gazetteer: capitalised phrases (with name particles such as al-/ez-),
 * acronyms, titles before person names, and the words around a phrase decide its kind.
 * Organisations are keyed by their initials so "Eastern Liberation Command" and "ELC" meet;
 * places and people by their transliteration skeleton (see normalize.ts).
 */
import { foldText, nameKey } from "./normalize";
import type { EntityFeature, EntityKind } from "./types";

export type EntityMention = EntityFeature & { start: number; end: number };

const PARTICLE = "(?:al|el|il|ul|ez|es|as|ash|ad|ar|an|at|az|ed|er|bin|ben|ibn|abu|abou|bou|ould|bani|de|di|da|du|van|von|der|la|le)";
const WORD = "\\p{Lu}[\\p{L}'’]*(?:-\\p{Lu}[\\p{L}'’]*)*";
const JOIN = `(?:[ -](?:${PARTICLE}[- ])?)`;
const PHRASE = new RegExp(`(?:${PARTICLE}-)?${WORD}(?:-${PARTICLE}-${WORD})*(?:${JOIN}${WORD}(?:-${PARTICLE}-${WORD})*)*`, "gu");

// capitalised words that open sentences or name things no desk would match on
const NOT_NAMES = new Set(
  "much many more most all part parts half some none each every whole the a an in on at by for of to from and but or as this that these those there it its he she they we our their his her i if when while after before since some many most one two three four five six seven eight nine ten several both either neither no not yes up down good local officials official government army police residents resident witnesses witness sources source rebel rebels fighters fighter troops forces soldiers militants insurgents gunmen people civilians families aid medical doctors hospital staff monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec am pm gmt utc breaking update updated corrected correction analysis live earlier later meanwhile however also reporting editing writing video photos footage state television tv spokesman spokeswoman spokesperson commander colonel general gen col maj lt capt mr mrs ms dr president minister deputy mayor governor about around nearly almost more less at least most among another any each every other such what who whom whose which where why how".split(
    " ",
  ),
);

export const ORG_WORDS =
  /\b(?:command|front|army|forces|force|division|brigade|battalion|regiment|corps|ministry|agency|monitor|council|party|movement|committee|organi[sz]ation|union|institute|service|services|office|authority|crescent|cross|nations|guard|militia|coalition|alliance|group|groups|brigades|battalions|regiments|company|bank|court|parliament|assembly|police|police force|department|government|federation|association|observatory|network|mission|programme|program|fund|unit|units|centre|center|bureau|directorate|survey|administration|commission|board|foundation|society|university|academy|secretariat|cabinet|presidency)$/iu;
const PLACE_WORDS = /\b(?:river|bridge|crossing|province|governorate|district|valley|road|highway|quarter|square|street|mount|mountain|lake|village|town|city|camp|airport|base|dam|port|hill|hills|plain|region|county|border)\b/iu;
// words that only say what kind of place it is; "Tel Hamra crossing" and "Tel-Hamra bridge" name one place
// (and buildings: "the Al-Sawsan Palace Hotel", "the El-Sawsan Palace" and "the El Sawsan hotel" are one)
const PLACE_GENERIC = new Set(["river", "bridge", "crossing", "province", "governorate", "district", "road", "town", "city", "village", "mount", "lake", "camp", "the", "hotel", "palace", "hospital", "school", "mosque", "church", "market", "stadium", "station", "prison", "barracks", "compound", "square"]);
const TITLE_BEFORE =
  /(?:spokes(?:man|woman|person)|commander|colonel|col\.|general|gen\.|maj\.|major|lt\.|lieutenant|captain|capt\.|brig\.|brigadier|mr\.?|mrs\.?|ms\.?|dr\.?|president|minister|mayor|governor|chief|director|leader|official|officer|researcher|analyst|envoy|secretary|senator|sheikh|imam|named|called|grocer|resident|nurse|doctor|engineer|farmer|teacher)\s*,?\s*$/iu;
const PLACE_BEFORE = /(?:\b(?:in|at|near|to|toward|towards|from|into|outside|inside|across|around|over|through|of the (?:town|city|village|province|district|region) of|(?:town|city|village|district|province|region) of|east of|west of|north of|south of|outskirts of|edge of|entrance of|center of|centre of|fell|reached|entered|captured|seized|took|taking|retake|retook|recaptured|besieged|shelled|struck|enter|entering|capture|seize|take)\s+(?:the\s+)?)$/iu;

const GROUP_NOUN = "(?:group|militia|faction|movement|organi[sz]ation|brigades?)";
// (the noun ends the phrase: "the Harsa network of villages" is no group)
const GROUP_AFTER = new RegExp(`^(?:\\s+${GROUP_NOUN}\\b(?!\\s+of\\b)|\\s*,\\s*(?:an?|the)\\s+(?:[\\p{L}-]+\\s+){0,2}?${GROUP_NOUN}\\b(?!\\s+of\\b))`, "iu");
// "a group calling itself Kataib Rimal", "the group Katayib Rimal" (not "the movement Qalmara backed")
const GROUP_BEFORE = new RegExp(`\\b(?:${GROUP_NOUN}\\s+(?:called|calling itself|named|known as)|the\\s+group)\\s+(?:the\\s+)?$`, "iu");
const PARTICLES = new RegExp(`^${PARTICLE}$`, "iu");
const SURNAME_PARTICLE = /^(?:ben|bin|ibn|abu|abou|bou|ould|al|el|de|di|da|du|van|von|der|le|la|mac|mc|o)$/iu;

function isTitleCase(line: string): boolean {
  const words = line.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  return words.length >= 4 && words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.7;
}

/** Words seen capitalised in the middle of a sentence anywhere in the report: proper nouns. */
const properCache = new Map<string, Set<string>>();
function properNouns(reportText: string): Set<string> {
  const cached = properCache.get(reportText);
  if (cached) return cached;
  const set = new Set<string>();
  for (const line of reportText.split("\n")) {
    // a Title Case headline says nothing about which words are names
    if (isTitleCase(line)) continue;
    for (const match of line.matchAll(/(?<=[\p{Ll},;]\s+)((?:\p{Ll}{1,3}-)?\p{Lu}[\p{L}'’-]+)/gu)) {
      set.add(foldText(match[1]!));
      for (const part of match[1]!.split("-")) set.add(foldText(part));
    }
  }
  if (properCache.size > 64) properCache.clear();
  properCache.set(reportText, set);
  return set;
}

function initials(words: string[]): string {
  return words
    .filter((word) => !/^(?:of|the|for|and|de|du)$/i.test(word))
    .map((word) => foldText(word)[0] ?? "")
    .join("");
}

/** Key for an entity of a kind: organisations by initials, people by surname, places by skeleton. */
export function entityKey(text: string, kind: EntityKind): string {
  if (kind === "org") {
    if (/^[\p{Lu}\d&]{2,7}$/u.test(text)) return `org:${foldText(text)}`;
    // a name with no word saying what kind of body it is ("Kataib al-Rimal") is keyed as a name,
    // so its transliterations meet; one that says it ("Eastern Liberation Command") by its
    // initials, so it meets its acronym
    if (!ORG_WORDS.test(text)) return `org:${nameKey(text)}`;
    const words = text.split(/[\s-]+/u).filter((word) => word && !PARTICLES.test(word));
    return words.length >= 2 ? `org:${initials(words)}` : `org:${nameKey(text)}`;
  }
  if (kind === "actor") {
    // a person by surname, with the particles that belong to it: "Youssef Ben Tamri", "Ben-Tamri"
    // and "Bentamri" are one surname
    const words = text.split(/\s+/u);
    let first = words.length - 1;
    while (first > 0 && SURNAME_PARTICLE.test(words[first - 1]!)) first -= 1;
    return `actor:${nameKey(words.slice(first).join(" "))}`;
  }
  const words = foldText(text)
    .split(/[\s]+/u)
    .filter((word) => !PLACE_GENERIC.has(word));
  return `place:${nameKey(words.join(" ") || text)}`;
}

function classify(phrase: string, before: string, after: string): EntityKind {
  if (/^[\p{Lu}\d&]{2,7}$/u.test(phrase)) return "org";
  if (ORG_WORDS.test(phrase)) return "org";
  // an armed or political group named by its own name: "Kataib al-Rimal, a militant group",
  // "the Rimal group", "a group calling itself Kataib Rimal"
  if (GROUP_AFTER.test(after) || GROUP_BEFORE.test(before)) return "org";
  if (/^\s*\(\s*[\p{Lu}]{2,7}\s*\)/u.test(after)) return "org";
  if (PLACE_WORDS.test(phrase) || /^\s+(?:river|bridge|crossing|province|district|valley|road|town|city|village|quarter|camp|border)\b/iu.test(after)) return "place";
  if (TITLE_BEFORE.test(before)) return "actor";
  // a name that opens with a title: "Brigadier General Samir Othman", "Minister Nadia Haddad"
  const words = phrase.split(/\s+/u);
  if (words.length >= 2 && TITLE_BEFORE.test(words[0]!) && !TITLE_BEFORE.test(words[words.length - 1]!)) return "actor";
  if (PLACE_BEFORE.test(before)) return "place";
  // "Harun Osrek said": two capitalised words before a speech verb are a person
  if (/^\s*,?\s*(?:said|says|told|added|insisted|denied|claimed|stated)\b/iu.test(after) && phrase.split(/\s+/u).length >= 2) return "actor";
  // a name with an age after it ("Yousef ben Tamri, 54, leads ..."): a person
  if (/^\s*,\s*\d{1,3}\s*,/u.test(after) && phrase.split(/\s+/u).length >= 2) return "actor";
  // "Youssef Bentamri, the country's best-known opposition figure": a name set beside a noun for a person
  if (/^\s*,\s*(?:a|an|the)\s+(?:(?!(?:of|whose|with|where|which|that|in|on|at|from)\b)[\p{L}'’-]+\s+){0,4}(?:spokes\w+|commander|official|officer|resident|researcher|analyst|leader|grocer|nurse|doctor|mayor|chief|head|minister|director|figure|activist|lawyer|politician|journalist|candidate|lawmaker|deputy|opponent|critic|dissident|cleric|preacher|founder|chairman|chairwoman|envoy|ambassador|diplomat|negotiator|judge|prosecutor|businessman|businesswoman|teacher|student|driver|owner|farmer|engineer|father|mother|son|daughter|widow|wife|husband|brother|sister)s?\b/iu.test(after)) return "actor";
  return "place";
}

/**
 * Runs of capitalised words, each parted after a possessive: "Kyrgyzstan's Osh region" names
 * Kyrgyzstan and Osh. A possessive the report also writes in lower case is a common noun inside
 * one name ("the People's Liberation Front" where "people" is a word of the report) and parts nothing.
 */
function* namePhrases(text: string, reportText: string): Generator<{ text: string; index: number }> {
  for (const match of text.matchAll(PHRASE)) {
    let rest = match[0];
    let index = match.index!;
    for (const possessive of match[0].matchAll(/(\p{L}+)['’]s?(?=\s)/gu)) {
      const stem = possessive[1]!;
      if (new RegExp(`(?<![\\p{L}])${stem.toLowerCase()}(?![\\p{L}])`, "u").test(reportText)) continue;
      const cut = match.index! + possessive.index! + possessive[0].length - index;
      yield { text: rest.slice(0, cut), index };
      const next = rest.slice(cut).search(/\S/u);
      index += cut + next;
      rest = rest.slice(cut + next);
    }
    if (rest) yield { text: rest, index };
  }
}

/** Entities in a claim's text; `reportText` tells proper nouns from capitalised sentence openers. */
export function findEntities(text: string, reportText: string): EntityMention[] {
  const proper = properNouns(reportText);
  const out: EntityMention[] = [];
  // a Title Case headline capitalises every word: there only words the report capitalises
  // elsewhere (or acronyms) are names
  const titleCase = isTitleCase(text);
  for (const match of namePhrases(text, reportText)) {
    let words = match.text.split(/\s+/u);
    let start = match.index;
    // drop capitalised function words at the edges ("The Sarhan", "In Halvek")
    while (words.length > 0 && NOT_NAMES.has(foldText(words[0]!).replace(/['’]s$/u, ""))) {
      start += words[0]!.length + 1;
      words = words.slice(1);
    }
    while (words.length > 0 && ((NOT_NAMES.has(foldText(words[words.length - 1]!)) && !(words.length > 1 && ORG_WORDS.test(words[words.length - 1]!))) || /^(?:of|the|for|de|du)$/i.test(words[words.length - 1]!))) words = words.slice(0, -1);
    if (words.length === 0) continue;
    let phrase = words.join(" ").replace(/['’]s$/u, "");
    const atSentenceStart = /^[\s"“'‘(\-–—]*$/u.test(text.slice(0, start)) || /[.!?:]["”']?\s+$/u.test(text.slice(Math.max(0, start - 3), start));
    if (atSentenceStart && words.length === 1 && !/^\p{Lu}{2,}$/u.test(phrase) && !proper.has(foldText(phrase))) continue;
    if (phrase.length < 2) continue;
    if (titleCase && !/^\p{Lu}{2,}$/u.test(phrase)) {
      // keep only the runs of words the report capitalises elsewhere ("Qasr Al-Habib")
      let run: string[] = [];
      let runStart = start;
      let cursor = start;
      const flush = () => {
        const name = run.join(" ");
        if (name.length >= 2) {
          const kind = classify(name, text.slice(Math.max(0, runStart - 40), runStart), text.slice(runStart + name.length, runStart + name.length + 70));
          out.push({ key: entityKey(name, kind), kind, text: name, start: runStart, end: runStart + name.length });
        }
        run = [];
      };
      for (const word of phrase.split(" ")) {
        const at = text.indexOf(word, cursor);
        cursor = at + word.length;
        const parts = word.split("-").filter((part) => !/^(?:al|el|ez|as|ad|ash)$/iu.test(part));
        if (parts.length > 0 && parts.every((part) => proper.has(foldText(part)))) {
          if (run.length === 0) runStart = at;
          run.push(word);
        } else flush();
      }
      flush();
      continue;
    }
    // demonyms and possessive adjectives of places ("Dravenian", "Dravenia's") stay places
    phrase = phrase.replace(/['’]$/u, "");
    const before = text.slice(Math.max(0, start - 40), start);
    const after = text.slice(start + phrase.length, start + phrase.length + 70);
    const kind = classify(phrase, before, after);
    out.push({ key: entityKey(phrase, kind), kind, text: phrase, start, end: start + phrase.length });
  }
  // what an organisation's name says it is for ("Observatory for Human Rights", "Movement for
  // Renewal") is part of that name, never a place or a person of its own ("of" often names a real
  // place: "the Emergencies Ministry of Kyrgyzstan")
  return out.filter((entity, index) => {
    const previous = out[index - 1];
    return !(previous && previous.kind === "org" && /^\s+for\s+(?:the\s+)?$/u.test(text.slice(previous.end, entity.start)));
  });
}

const REBEL = /\b(?:rebels?|fighters|insurgents?|militants?|militias?|militiamen|opposition (?:fighters|forces)|guerrillas?|rebel (?:fighters|forces|units)|attackers|armed men|gunmen)\b/iu;
const GOV = /\b(?:army|troops|soldiers|military|government (?:forces|troops)|armed forces|regime forces|security forces|special forces|commandos|servicemen|units of the \d+\w* \w+ division)\b/iu;

/** The side a plain noun phrase names: "side:rebel", "side:gov" or null. */
export function sideOf(text: string): string | null {
  if (REBEL.test(text)) return "side:rebel";
  if (GOV.test(text)) return "side:gov";
  return null;
}
