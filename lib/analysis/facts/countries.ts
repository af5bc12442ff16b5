/**
 * Countries named in a text, from the `world-countries` gazetteer: common and official names,
 * Latin-script alternative spellings, English demonyms, and the people's name of a "-stan"
 * country ("Uzbekistan" → "Uzbek"). A story happens in one main country; a claim that places its
 * statement in another one ("in Uzbekistan's Andijan region", "in Andijan province of
 * Uzbekistan") reports something that happened elsewhere.
 */
import countries from "world-countries";

export type CountryMention = { code: string; start: number; end: number; demonym: boolean };

type Name = { text: string; code: string; demonym: boolean };

function namesOf(): Name[] {
  const names = new Map<string, Name>();
  const add = (text: string, code: string, demonym: boolean) => {
    const t = text.trim();
    // two-letter codes ("US", "AF") read as words; non-Latin spellings never occur in English copy
    if (t.length < 3 || !/^\p{Lu}[\p{Script=Latin}\p{M} .'’-]+$/u.test(t) || names.has(t)) return;
    names.set(t, { text: t, code, demonym });
  };
  for (const c of countries) {
    add(c.name.common, c.cca3, false);
    add(c.name.official, c.cca3, false);
    for (const alt of c.altSpellings) add(alt, c.cca3, false);
    const eng = c.demonyms?.eng;
    if (eng) {
      add(eng.m, c.cca3, true);
      add(eng.f, c.cca3, true);
    }
    // the people of a "-stan" country are its name without the suffix: Uzbek, Kyrgyz, Tajik, Kazakh
    const people = /^(\p{Lu}\p{Ll}{3,}?)i?stan$/u.exec(c.name.common)?.[1];
    if (people) add(people, c.cca3, true);
  }
  // longest first, so "Republic of the Congo" wins over "Congo"
  return [...names.values()].sort((a, b) => b.text.length - a.text.length);
}

let pattern: { re: RegExp; byText: Map<string, Name> } | null = null;

function gazetteer(): { re: RegExp; byText: Map<string, Name> } {
  if (!pattern) {
    const names = namesOf();
    const escaped = names.map((n) => n.text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&").replace(/['’]/gu, "['’]"));
    pattern = { re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})(?![\\p{L}\\p{N}-])`, "gu"), byText: new Map(names.map((n) => [n.text.replace(/’/gu, "'"), n])) };
  }
  return pattern;
}

/** Every country named in the text (case-sensitive: a country's name is written capitalised). */
export function countryMentions(text: string): CountryMention[] {
  const { re, byText } = gazetteer();
  const out: CountryMention[] = [];
  for (const m of text.matchAll(re)) {
    const name = byText.get(m[0].replace(/’/gu, "'"));
    if (name) out.push({ code: name.code, start: m.index!, end: m.index! + m[0].length, demonym: name.demonym });
  }
  return out;
}

/** How often a text names each country, as [code, count] pairs in the order they are first named. */
export type CountryCounts = [code: string, count: number][];

/** The countries the text names and how often, in the order they are first named. */
export function countryCounts(text: string): CountryCounts {
  const counts = new Map<string, number>();
  for (const m of countryMentions(text)) counts.set(m.code, (counts.get(m.code) ?? 0) + 1);
  return [...counts];
}

/**
 * The country a set of texts names most, from each text's `countryCounts` in text order (first
 * named wins a tie), or null when none is named. Counting each text once and adding the counts
 * up gives what `mainCountry` gives for the texts themselves, so a caller may store the counts.
 */
export function mainCountryOfCounts(perText: readonly CountryCounts[]): string | null {
  const counts = new Map<string, number>();
  for (const text of perText) for (const [code, n] of text) counts.set(code, (counts.get(code) ?? 0) + n);
  let best: string | null = null;
  for (const [code, n] of counts) if (best === null || n > counts.get(best)!) best = code;
  return best;
}

/** The country a set of texts names most (first named wins a tie), or null when none is named. */
export function mainCountry(texts: readonly string[]): string | null {
  return mainCountryOfCounts(texts.map(countryCounts));
}

// nouns of a place inside a country: "Andijan province", "the Rasht Valley", "its capital"
const PLACE_NOUN = String.raw`(?:region|province|district|oblast|state|county|city|town|village|capital|valley|border|side|part|south|north|east|west|south-?east|south-?west|north-?east|north-?west|areas?|territory|republic)`;
// the statement is placed in the country: "in Uzbekistan", "across Uzbekistan", "in the Uzbek city of"
const IN_COUNTRY_BEFORE = /\b(?:in|inside|within|across|throughout)\s+(?:the\s+)?(?:(?:neighbou?ring|nearby|eastern|western|northern|southern|central)\s+)?$/iu;
// "Andijan province of Uzbekistan", "the eastern part of Uzbekistan"
const PLACE_OF_BEFORE = new RegExp(String.raw`\b${PLACE_NOUN}\s+of\s+(?:the\s+)?$`, "iu");
// "Uzbekistan's Andijan region", "Tajikistan's Rasht Valley"
const PLACE_AFTER = new RegExp(String.raw`^['’]s\s+(?:[\p{L}-]+\s+){0,2}?${PLACE_NOUN}\b`, "iu");

/**
 * The countries a claim places its statement in ("in Uzbekistan", "Uzbekistan's Andijan region",
 * "Andijan province of Uzbekistan", "in the Uzbek city of ..."), leaving out the span `skip`
 * (the attribution: "Uzbekistan's emergencies ministry said" says who speaks, not where).
 */
export function placedCountries(text: string, skip: [number, number] | null = null): Set<string> {
  const placed = new Set<string>();
  for (const m of countryMentions(text)) {
    if (skip && m.start >= skip[0] && m.start < skip[1]) continue;
    const before = text.slice(Math.max(0, m.start - 40), m.start);
    const after = text.slice(m.end, m.end + 40);
    if (m.demonym) {
      // a people's name places only as a place's adjective: "in the Uzbek city of Andijan"
      if (IN_COUNTRY_BEFORE.test(before) && new RegExp(String.raw`^\s+${PLACE_NOUN}\b`, "iu").test(after)) placed.add(m.code);
      continue;
    }
    if (IN_COUNTRY_BEFORE.test(before) || PLACE_OF_BEFORE.test(before) || PLACE_AFTER.test(after)) placed.add(m.code);
  }
  return placed;
}

/**
 * The claim places its statement in a country other than the story's main one, and not in the
 * main one as well ("nine died in Kyrgyzstan and two in Uzbekistan" is the story's own).
 */
export function placedElsewhere(text: string, main: string | null, skip: [number, number] | null = null): boolean {
  if (!main) return false;
  const placed = placedCountries(text, skip);
  return placed.size > 0 && !placed.has(main);
}
