/**
 * Invented wire copy for the anchoring tests: a rebel offensive in the invented Republic of
 * Varenna. No real events, places or people.
 */

export const LEAD = "Fighters of the Northern Liberation Front seized the Sefra river crossing at Tel Harra on Tuesday, two army sources said.";
export const CASUALTIES = "At least 21 civilians were killed in shelling near el-Maroun, the provincial health office said.";
export const ADVANCE = "Rebel columns were advancing toward Qasr Dunaya, the last government stronghold in the north, witnesses told Varenna Press.";
export const RESPONSE = "Defence Minister Ilo Santaren said the army had regrouped and would retake the crossing within days.";
export const DISPLACED = "Aid agencies estimated that 40,000 people had fled toward the coast since the offensive began on Saturday.";

/** Version 1 of the report: five paragraphs separated by blank lines, as canonical text is. */
export const REPORT_V1 = [LEAD, CASUALTIES, ADVANCE, RESPONSE, DISPLACED].join("\n\n");

/** Offsets of `quote` in `text`; throws so a typo in a fixture fails loudly, not as a miss. */
export function spanOf(text: string, quote: string, occurrence = 0): { start: number; end: number } {
  let at = text.indexOf(quote);
  for (let i = 0; i < occurrence && at >= 0; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`fixture quote not found: ${quote}`);
  return { start: at, end: at + quote.length };
}

const PLACES = ["Tel Harra", "el-Maroun", "Qasr Dunaya", "Belvik", "Ostra Sefra", "Kaal Minar", "Dorreth", "Vasiq", "Ain Soreth", "Marrow Gap", "Halvessa"];
const ACTORS = ["the Northern Liberation Front", "government troops", "the 4th Armoured Brigade", "local militias", "the Coastal Guard", "Sefra Valley volunteers", "the presidential guard"];
const SOURCES = ["two army sources said", "a rebel spokesman said", "witnesses told Varenna Press", "according to the health office", "a local official said"];
const VERBS = ["seized", "shelled", "besieged", "abandoned", "reinforced", "encircled", "withdrew from", "raided", "mined", "bombarded", "patrolled", "overran", "defended"];
const OBJECTS = ["a fuel depot", "the grain silos", "a hospital annex", "the old customs post", "two schools", "a water station", "the radio mast"];

/**
 * A long, deterministic report (about `words` words) of varied invented sentences: four sentence
 * shapes and word lists of coprime lengths, with pseudo-random figures, so no sentence is a near
 * copy of another the way a naive template would make them.
 */
export function longReport(words: number): string {
  let seed = 2024;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((seed / 2 ** 31) * n); // high bits: the low bits of this generator cycle fast
  };
  const pick = <T>(list: readonly T[]): T => list[next(list.length)]!;
  const shapes = [
    () => `${capitalize(pick(ACTORS))} ${pick(VERBS)} positions near ${pick(PLACES)} overnight, ${pick(SOURCES)}.`,
    () => `At least ${next(400) + 2} people were killed and ${next(900) + 10} wounded when ${pick(ACTORS)} ${pick(VERBS)} ${pick(OBJECTS)} in ${pick(PLACES)}.`,
    () => `${capitalize(pick(SOURCES).replace(/ said$/, ""))} said ${pick(ACTORS)} had ${pick(VERBS)} ${pick(OBJECTS)} outside ${pick(PLACES)} by ${next(12) + 1} p.m. on day ${next(30) + 1}.`,
    () => `In ${pick(PLACES)}, ${next(90) + 5} families sheltered in ${pick(OBJECTS)} as ${pick(ACTORS)} moved ${next(40) + 2} km toward ${pick(PLACES)}.`,
  ];
  const sentences: string[] = [];
  let count = 0;
  while (count < words) {
    const sentence = pick(shapes)();
    sentences.push(sentence);
    count += sentence.split(/\s+/).length;
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 3) paragraphs.push(sentences.slice(i, i + 3).join(" "));
  return paragraphs.join("\n\n");
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
