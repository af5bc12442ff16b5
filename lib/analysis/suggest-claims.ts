/**
 * Claim suggestion: which sentences of a report state something a desk would check. Heuristic
 * and deterministic; pure (no database, no server or Next imports), so the app and a CLI on
 * plain files give the same answer.
 *
 * A sentence earns points for attribution ("two army sources said"), quantities (digits and
 * number words, "dozens", "hundreds"), named places or actors, and event verbs ("seized",
 * "advancing toward", "fled"). Boilerplate (no comment, could not verify, credits, corrections
 * notes, share buttons) earns nothing. The suggested span leaves out a leading dateline
 * ("VARESH, Dec 3 (Northgate) —"), live-blog timestamp or section label ("CASUALTIES:").
 */
import { createHash } from "node:crypto";
import { analyseSentences, type AnalysedEntity } from "./sentences";

export type ClaimSuggestion = { start: number; end: number; text: string; score: number; reasons: string[] };

/** Score at or above which a sentence is suggested. */
export const SUGGESTION_THRESHOLD = 0.45;

const WEIGHTS = { attribution: 0.3, quantity: 0.3, event: 0.35, name: 0.15, names: 0.25, statement: 0.45 } as const;

// A declarative statement: it ends as a sentence does and has a finite verb (an auxiliary, a
// past form, or a reporting verb). Plain statements with no number, name or listed event verb
// ("Electricity was cut across the town", "More rain is forecast for Tuesday") are still facts
// an editor checks; questions, fragments and headlines are not.
const FINITE_VERB = /\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|did|does|do|says?|tells?|came|went|got|gave|took|made|rose|fell|ran|left|kept|put|set|hit|cut|began|sent|brought|found|stood|told|said|became|remains?|stays?|lies|sits|holds|flows|straddles|connects|contains|employs|expects|warns|pushes|\p{L}{3,}ed)\b/iu;
const FIRST_PERSON = /\b(?:I|we|We|me|us|our|Our|my|My)\b/u;
const STATEMENT_END = /[.!]["'”’)\]]*\s*$/u;
const QUESTION_END = /\?["'”’)\]]*\s*$/u;

const ATTRIBUTION =
  /\b(?:said|says|say|saying|told|tells|according to|reported(?:ly)?|reports?|report(?:ing)?|claim(?:s|ed|ing)?|confirm(?:s|ed)|den(?:y|ies|ied)|stated|announced|estimated|estimates|citing|cited|insist(?:s|ed)|assess(?:es|ed)|alleged(?:ly)?|put(?:s)? (?:it|the \w+|its \w+|their \w+) at|understands|are believed|is believed|(?:audio|voice|video|recorded) (?:message|speech)|in a statement|by (?:several|many|some|two|three|most) accounts|geolocated|footage|video (?:showing|shows)|images? (?:show|showing))\b/iu;

const EVENT =
  /\b(?:seiz(?:e|es|ed|ing)|captur(?:e|es|ed|ing)|(?:took|take|takes|taking|taken|under(?: its| their)?) control|fell|fallen|falls?\s+to|fall of|advanc(?:e|es|ed|ing)|clos(?:e|es|ed|ing) in|withdr(?:ew|awn|aw|awing|awal)|withdraw|pull(?:ed|ing|s)? (?:out|back)|retreat(?:s|ed|ing)?|repositioned|killed|kill(?:s|ing)?|dead|deaths?|died|death toll|wounded|injured|casualties|displaced|fled|flee(?:s|ing)?|leaving|left (?:the|their|deir|dair)|evacuat(?:e|ed|ing)|shell(?:s|ed|ing)|struck|strikes?|bomb(?:ed|ing|s)?|air ?strikes?|attack(?:s|ed|ing)?|counter-attack|offensive|assault|storm(?:ed|ing)|clash(?:es|ed)|fighting|crossed|cross(?:es|ing) the|entered|entering|inside|retake|retook|recaptur(?:e|ed|ing)|destroy(?:ed|s)|damaged|launched|surrender(?:ed|s)?|arrest(?:ed|s)?|abandoned|lost|loss of|secured|securing|restored|engaging|changed hands|sheltering|registered|arrived|ambush(?:ed)?|besieg(?:e|ed|ing)|encircl(?:e|ed|ing)|(?:was|were|is|are|been|be|being|has|have) (?:cut|closed|down|shut|blocked|hit|trapped|holding|holed up|missing|rescued|sent|deployed|redeployed)|cut off|without (?:power|electricity|water)|power cuts?|blackouts?|outages?|curfew|corridor|ceasefire|truce|reinforcements?|redeploy(?:ed|ment)?|deployed|negotiat(?:e|ed|ing|ions)|talks|mediat(?:ors?|ion)|(?:started|began|erupted|broke out)|shot down|landed|crashed|capsized|sank|sunk|overturned|rescued|missing|explo(?:ded|sion)|blew up|collaps(?:e|ed|es|ing)|(?:fell|fallen) down|caved in|landslides?|mudslides?|blocked|unable to (?:reach|get|enter|access)|cut off|hurt|injuring|detained|tear ?gas|fired|opened fire|dispers(?:e|ed|ing)|protest(?:s|ed|ing)?|demonstrat(?:ed|ions?|ing)|strike|walked (?:off|out)|walkout|stoppage|hijack(?:ed|ing)?|boarded|dispatched|deployed|sent|heading (?:to|toward|towards|for)|claimed responsibility|measured|magnitude|earthquake|quake|tremor|holding out|holed up|declared|imposed|called for|on the edges?|outskirts|generates|supplies)\b/iu;

// Event classes beyond conflict: accidents and disasters (derailed, came off the rails, caught
// fire), causes and investigations (caused by, to blame, ruled out), measures taken (suspended,
// diverted, told to stay indoors), justice (questioned, charged), arrivals and capacity (on
// board, carrying), and officials' promises and appeals. Verbs and fixed phrases, not names.
const EVENT_GENERAL =
  /\b(?:derail(?:s|ed|ing|ment)?|(?:came|come|went|go|gone|jumped?|left|leave) (?:off |from )?(?:the )?(?:rails|tracks?|road|runway)|collid(?:e|ed|es|ing)|collision|crash(?:es)?|caught fire|(?:on )?fire|blaze|flames|burning|smoke|plume|perish(?:ed)?|hospitali[sz](?:ed|ation)|lost (?:their|his|her) lives?|caused by|(?:the )?(?:likely |probable |main )?(?:cause|reason)|to blame|blamed?|ruled? out|not excluded|investigat(?:e|ed|es|ing|ion|ors?)|inquiry|prob(?:e|ed)|suspect(?:s|ed)?|negligence|charged|question(?:ed|ing)|suspend(?:s|ed)?|halt(?:s|ed)?|stopp?(?:ed|s)?|diverted|reopen(?:s|ed)?|replac(?:e|es|ed|ing)|urg(?:e|es|ed)|warn(?:s|ed)?|advis(?:e|es|ed)|order(?:s|ed)|promis(?:e|es|ed)|pledg(?:e|es|ed)|vow(?:s|ed)?|mourning|visit(?:s|ed)?|on board|carrying|stor(?:ed|ing)|contain(?:s|ed)|held|(?:was|were|is|are) (?:visible|seen|felt)|stay (?:indoors|inside|at home))\b/iu;

// clauses that say nothing checkable: no comment, unverified, the desk's own housekeeping
const BOILERPLATE_CLAUSE =
  /\b(?:did not (?:immediately )?(?:respond|reply|comment)|declined to comment|could not (?:immediately )?be reached|not (?:immediately )?available for comment|request for comment|no (?:immediate )?comment|could not (?:independently )?(?:verify|confirm)|could not be (?:independently )?(?:verified|confirmed)|(?:has|have) not been able to (?:independently )?(?:verify|confirm)|(?:has|have) not been (?:independently )?(?:verified|confirmed)|no independent confirmation|spoke on condition of anonymity|not authori[sz]ed to (?:speak|brief)|asked not to be (?:named|identified)|asked that (?:his|her|their) (?:family )?name)\b/iu;

// whole lines that are never claims: credits, corrections notes, share buttons, mastheads
const BOILERPLATE_SENTENCE = [
  /^\W*(?:additional )?(?:reporting|writing|editing|compiled|produced) by\b/iu,
  // a byline: "By Irena Volt, Continental Press", "By A. Pell and T. Reval"
  /^By\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}.'’ -]*)*$/u,
  /^\(\s*(?:corrects|correction|updates|updated|adds|recasts|refiles|changes|fixes|removes|clarifies)\b/iu,
  /\b(?:share this|follow (?:the|us)\b|click here|sign up|subscribe to|all rights reserved|read more|newsletter)|©/iu,
  /^[^|]{0,80}\|[^|]*\|/u,
  /\b(?:next update|will give the updates|is following the news|good morning|good evening)\b/iu,
];

// Datelines open a paragraph: an upper-case place ("VARESH, Dec 3 (Northgate) —", "HALVEK, Dravenia,
// Dec 3 (Meridian) -", "HALVEK —"), any place with the agency in brackets ("Varesh (Meridian) -"),
// or a place, a dash and the outlet ("Dair Marun – Sada Talvar:"). An ordinary sentence with a
// dash ("Rebels — who crossed at dawn — seized ...") matches none of them.
const PLACE_CAPS = "\\p{Lu}[\\p{Lu}'’. -]*\\p{Lu}";
const PLACE_ANY = "\\p{Lu}[\\p{L}'’. -]{0,40}?";
// (the day: "Dec 3", "October 13", "13 October 2026")
const AFTER_PLACE = "(?:,\\s*\\p{Lu}[\\p{L}.'’ ]{0,30}?)*(?:,\\s*(?:\\p{Lu}[a-z]{2,8}\\.? \\d{1,2}|\\d{1,2} \\p{Lu}[a-z]{2,8})(?:,? \\d{4})?)?";
const AGENCY = "\\s*\\([^)]{1,40}\\)";
const DASH = "\\s*[-—–]{1,2}\\s+";
// (or the agency between slashes: "ASTANA, 17 March 2026 / Qazaq Daily / -", "MOSCOW, March 17 /TASS/.")
const SLASHED_AGENCY = "(?:,\\s*[\\p{L}\\d ,.]{1,30}?)?\\s*/\\s*[^/\\n]{2,40}?\\s*/\\s*[-—–.]?\\s+";
const DATELINE = new RegExp(
  `^(?:${PLACE_CAPS}${AFTER_PLACE}(?:${AGENCY})?${DASH}|${PLACE_ANY}${AFTER_PLACE}${AGENCY}${DASH}|${PLACE_ANY}${DASH}\\p{Lu}[\\p{L} ]{1,40}:\\s+|${PLACE_CAPS}${SLASHED_AGENCY})`,
  "u",
);
// "15:38 GMT —" (live blogs)
const TIMESTAMP = /^\d{1,2}[:.]\d{2}(?:\s*(?:GMT|UTC|local(?: time)?|[ap]\.?m\.?))?\s*[-—–:]\s+/iu;
// "CASUALTIES:", "AREAS OF CONTROL:" (bulletins)
const SECTION_LABEL = /^\p{Lu}[\p{Lu}\d &/-]{2,40}:\s+/u;

const NAME_PARTICLE = "(?:al|el|ez|es|as|ash|ad|ar|an|at|az|ed|er|ul|bin|ibn|abu|bani|de|di|da|van|von)";
const NAME = new RegExp(
  `(?:${NAME_PARTICLE}-)?\\p{Lu}[\\p{L}'’]*(?:-\\p{Lu}[\\p{L}'’]*)*(?:[ -](?:${NAME_PARTICLE}[- ])?\\p{Lu}[\\p{L}'’]*(?:-\\p{Lu}[\\p{L}'’]*)*)*`,
  "gu",
);
const NOT_NAMES = new Set(
  "today tomorrow yesterday the a an in on at by for of to from and but or as this that these those there it its he she they we our their his her i if when while after before since some many most one two three four five six seven eight nine ten several both either neither no not yes up down good local officials official government army police residents witnesses sources source rebel rebels fighters troops forces gmt utc monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec am pm".split(
    " ",
  ),
);

// institutions that act in news without a proper name ("the army", "police", "the ministry")
const ACTOR = /\b(?:government|army|military|navy|police|ministry|minister|president|mayor|governor|operator|authority|fire service|firefighters|coast ?guard|civil defen[cs]e|rescuers|rescue (?:teams|workers)|officials|authorities|troops|soldiers|union|organi[sz]ers)\b/iu;

const QUANTITY_TYPES = new Set(["CARDINAL", "MONEY", "PERCENT"]);
const NUMBER_WORDS =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozens?|scores|hundreds|thousands|tens of thousands|millions)\b/iu;

/** Sha-256 (hex) of the sentence normalized for identity across versions: NFKC, lower case, collapsed spaces. */
export function quoteHash(text: string): string {
  const normalized = text.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();
  return createHash("sha256").update(normalized).digest("hex");
}

/** Length of a leading dateline, live-blog timestamp or section label: not part of the claim. */
function leaderLength(text: string, sentence: { start: number; text: string }): number {
  // leaders only ever open a paragraph
  if (sentence.start > 0 && text[sentence.start - 1] !== "\n") return 0;
  for (const pattern of [TIMESTAMP, DATELINE, SECTION_LABEL]) {
    const match = pattern.exec(sentence.text);
    // a "leader" that eats most of the sentence is not one
    if (match && match[0].length < sentence.text.length * 0.6) return match[0].length;
  }
  return 0;
}

/** Whether a sentence is a whole line without closing punctuation: a headline, byline or masthead. */
function isHeaderLine(text: string, sentence: { start: number; end: number; text: string }): boolean {
  const lineStart = sentence.start === 0 || text[sentence.start - 1] === "\n";
  const lineEnd = sentence.end === text.length || /^[^\S\n]*(?:\n|$)/u.test(text.slice(sentence.end, sentence.end + 4));
  return lineStart && lineEnd && !/[.!?…]["'”’)\]]*$/u.test(sentence.text) && /\S[^\S\n]*\n/u.test(text.slice(sentence.start));
}

/** Clauses that carry content: the sentence minus its no-comment and could-not-verify clauses. */
function contentClauses(sentence: string): string {
  return sentence
    .split(/(?<=[,;:])\s+|\s+(?=—|–)/u)
    .filter((clause) => !BOILERPLATE_CLAUSE.test(clause))
    .join(" ");
}

function countNames(body: string): number {
  const names = new Set<string>();
  for (const match of body.matchAll(NAME)) {
    const words = match[0].split(/\s+/u);
    // drop capitalised function words at either edge ("The Sarhan", "In Halvek")
    let dropped = 0;
    while (words.length > 0 && NOT_NAMES.has(words[0]!.toLowerCase())) {
      words.shift();
      dropped += 1;
    }
    while (words.length > 0 && NOT_NAMES.has(words[words.length - 1]!.toLowerCase())) words.pop();
    if (words.length === 0) continue;
    const name = words.join(" ");
    // a lone capitalised word opening the sentence is capitalised anyway; acronyms still count
    const atStart = match.index === 0 && dropped === 0 && words.length === 1;
    if (atStart && !/^\p{Lu}{2,}$/u.test(name)) continue;
    if (name.length < 2) continue;
    names.add(name.toLowerCase());
  }
  return names.size;
}

/** Whether a wink number entity is a quantity worth checking, not a clock time, an age or "one". */
function isQuantity(entity: AnalysedEntity, text: string): boolean {
  if (!QUANTITY_TYPES.has(entity.type)) return false;
  if (/^(?:one|\+\d+)$/iu.test(entity.value)) return false;
  const after = text.slice(entity.end, entity.end + 12);
  if (/^\s*(?:GMT|UTC|local|[ap]\.m\.|-year-old|year-old)/iu.test(after)) return false;
  // an age after a name: "Yusra, 38, counted"
  return !(/^\d{1,2}$/u.test(entity.value) && text.slice(entity.start - 2, entity.start) === ", " && after.startsWith(","));
}

const TIME_TYPES = new Set(["DATE", "TIME", "DURATION"]);

/** text[start, end) with wink's date, time and duration entities blanked out. */
function maskTimes(text: string, start: number, end: number, entities: readonly AnalysedEntity[]): string {
  let slice = text.slice(start, end);
  for (const entity of entities) {
    if (!TIME_TYPES.has(entity.type) || entity.start < start) continue;
    const from = entity.start - start;
    slice = slice.slice(0, from) + " ".repeat(entity.end - entity.start) + slice.slice(entity.end - start);
  }
  return slice;
}

/** Scores one sentence; returns the claim span (leader trimmed), its score and why. */
function scoreSentence(text: string, sentence: { start: number; end: number; text: string; entities: AnalysedEntity[] }): ClaimSuggestion | null {
  if (BOILERPLATE_SENTENCE.some((pattern) => pattern.test(sentence.text))) return null;
  const lead = leaderLength(text, sentence);
  const start = sentence.start + lead;
  const body = contentClauses(text.slice(start, sentence.end));
  if (!/\p{L}/u.test(body)) return null;
  // a question asks, it states nothing to check: a Q&A subhead ("WHAT ARE THE REBELS SAYING?")
  // or a quoted cry ("Where will we go?")
  if (QUESTION_END.test(body)) return null;
  // dates, times and durations are not quantities to check ("for more than six years")
  const timeless = contentClauses(maskTimes(text, start, sentence.end, sentence.entities));

  const reasons: string[] = [];
  let score = 0;
  if (ATTRIBUTION.test(body)) {
    score += WEIGHTS.attribution;
    reasons.push("attribution");
  }
  const quantities = sentence.entities.filter((entity) => entity.start >= start && isQuantity(entity, text));
  if (quantities.some((entity) => body.includes(entity.value)) || NUMBER_WORDS.test(timeless)) {
    score += WEIGHTS.quantity;
    reasons.push("number");
  }
  const names = countNames(body);
  if (names > 0) {
    score += names > 1 ? WEIGHTS.names : WEIGHTS.name;
    reasons.push(names > 1 ? "named entities" : "named entity");
  }
  if (names === 0 && ACTOR.test(body)) {
    score += WEIGHTS.name;
    reasons.push("actor");
  }
  if (EVENT.test(body) || EVENT_GENERAL.test(body)) {
    score += WEIGHTS.event;
    reasons.push("event");
  }
  // a full statement is worth checking even without the signals above; they rank it higher
  // (a first-person line outside quotation marks is the outlet's own note: "we have not been
  // able to confirm when it was filmed"; inside them it is a witness's account, which other
  // outlets quote too)
  // a count with its own verb is a whole statement even when short ("22 people are missing.")
  const wordCount = body.split(/\s+/u).length;
  const statement = STATEMENT_END.test(body) && FINITE_VERB.test(body) && (wordCount >= 6 || (wordCount >= 4 && reasons.includes("number"))) && (!FIRST_PERSON.test(body) || /["“”]/u.test(body));
  if (score < WEIGHTS.statement && statement) {
    score = WEIGHTS.statement;
    reasons.push("statement");
  }
  // a handful of words rarely carries a whole checkable claim ("Five," she said.)
  if (wordCount < 5 && !statement) score *= 0.6;
  score = Math.min(1, Math.round(score * 1000) / 1000);
  return { start, end: sentence.end, text: text.slice(start, sentence.end), score, reasons };
}

/**
 * Check-worthy sentences of a report's canonical text, in text order, each with a score in
 * [0, 1] and the reasons it earned. Offsets index `text` exactly.
 */
export function suggestClaims(text: string): ClaimSuggestion[] {
  const suggestions: ClaimSuggestion[] = [];
  let inHeader = true;
  for (const sentence of analyseSentences(text)) {
    // the headline, byline, masthead and "LIVE:" title above the story: unpunctuated lines of
    // their own before the first full sentence; the story states what they announce
    if (inHeader && isHeaderLine(text, sentence)) continue;
    inHeader = false;
    const scored = scoreSentence(text, sentence);
    if (scored && scored.score >= SUGGESTION_THRESHOLD) suggestions.push(scored);
  }
  return suggestions;
}

// Words ending in -ing that do not open a participle clause.
const NOT_PARTICIPLES = new Set(["including", "according", "during", "morning", "evening", "something", "nothing", "anything", "everything", "building", "buildings", "ceiling", "ring", "king", "thing", "things", "spring", "string", "wing", "bring", "sing", "meeting", "ending", "beginning", "following", "notwithstanding", "regarding", "concerning", "pending", "briefing"]);
const NUMBER_START = new RegExp(`^(?:\\d|(?:${NUMBER_WORDS.source.slice(5, -3)})\\b|(?:more than|at least|about|nearly|some|around|another|over) )`, "iu");

// a count followed, within a few words, by the state of what it counts ("312 injured", "11 still missing")
const STATE_AFTER_COUNT = /^\S+(?:\s+\S+){0,3}?\s+(?:dead|missing|hurt|alive|homeless|unaccounted|\p{L}{3,}(?:ed|en))\b/u;

// a clause of its own: a subject (a determiner or a name, and up to eight more words: "a Russian
// aircraft with rescuers and a field hospital was expected") and a finite verb
const OWN_CLAUSE = new RegExp(`^(?:(?:the|a|an|its|their|his|her|some|many|most|several|officials|police|authorities|residents|rescuers|\\p{Lu}[\\p{L}'’-]*)\\s+)(?:[\\p{L}'’-]+\\s+){0,8}?${FINITE_VERB.source}`, "u");

/** A passive predicate: an auxiliary and a past participle ("was centred", "were taken", "is held"). */
const PASSIVE_PREDICATE = /^(?:was|were|is|are|has been|have been|had been)\s+(?:\p{Ll}{2,}(?:ed|en|wn)|held|put|set|hit|cut|shot|found|made|built|left|kept|caught|brought|sent|struck|lost|hurt|told|sold|paid|laid|led|fed|met|read|spread|shut|split|stuck|thrown|torn|worn|won)\b/u;

/**
 * Facets of a claim: one lead sentence often states several facts ("An earthquake struck ...,
 * killing nine and injuring 40, the ministry said"). It splits before a participle clause after
 * a comma (", killing ..."), before an absolute count ("..., with 312 injured"), before a
 * coordinated clause that opens with a count ("Six were killed and 43 injured") and at
 * semicolons, so each fact can join the other reports that state it. Facets keep to the
 * sentence; a facet too short to say anything stays with its neighbour.
 */
export function claimFacets(claim: { start: number; end: number; text: string }): { start: number; end: number; text: string }[] {
  const cuts: number[] = [];
  const text = claim.text;
  let afterParticiple = false;
  for (const m of text.matchAll(/(?:,\s+and\s+|,\s+|;\s+|\s+and\s+)(?=(\S+))/gu)) {
    const next = m[1]!.toLowerCase().replace(/[^\p{L}\d]/gu, "");
    const after = text.slice(m.index + m[0].length);
    // ", killing nine ..." and, after one, "and injuring 40": coordinated participle clauses
    const participle: boolean = (m[0].startsWith(",") || (afterParticiple && m[0].trim() === "and")) && /^\p{Ll}+ing$/u.test(m[1]!) && !NOT_PARTICIPLES.has(next);
    // after a comma a count may be the subject of the sentence's only clause ("In the town, two
    // houses fell"): only "and" coordinates a second counted clause
    const count = m[0].trim() === "and" && NUMBER_START.test(after) && !/^\d[\d,.]*\s*(?:a\.?m|p\.?m|gmt|km|miles?|kilomet|%)/iu.test(after);
    // ", with 312 injured": a count and its state; ", with six dogs and 12 tonnes of kit" is a list of what came
    const absolute = m[0].startsWith(",") && /^with\s/iu.test(after) && NUMBER_START.test(after.slice(5)) && STATE_AFTER_COUNT.test(after.slice(5));
    const semicolon = m[0].startsWith(";");
    // a coordinated clause with a subject and a finite verb of its own (", and the army sent
    // ...", ", and officials said ..."): a second statement
    const clause = m[0].includes(",") && m[0].trim().endsWith("and") && OWN_CLAUSE.test(after);
    // "the quake had a magnitude of 6.2 and was centred 22 km southeast of Uzgen": a second,
    // passive predicate of the same subject that gives a measure states a second fact ("opened
    // in 2012 and is owned by a chain" only describes its subject)
    const predicate = m[0].trim() === "and" && PASSIVE_PREDICATE.test(after) && /\d/u.test(after);
    if (participle || count || absolute || semicolon || clause || predicate) cuts.push(m.index);
    if (participle || semicolon || clause) afterParticiple = participle;
  }
  if (cuts.length === 0) return [claim];
  const facets: { start: number; end: number; text: string }[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    const piece = text.slice(from, cut);
    const lead = piece.length - piece.replace(/^[\s,;]+(?:and\s+)?/u, "").length;
    const body = piece.slice(lead).replace(/[\s,;]+$/u, "");
    // a facet needs a few words, or a count and a word ("injuring 43")
    const words = body.split(/\s+/u).filter(Boolean).length;
    if (words >= 4 || (words >= 2 && /\d|\p{L}{4,}/u.test(body) && NUMBER_START.test(body.replace(/^\p{Ll}+ing\s+/u, "")))) {
      facets.push({ start: claim.start + from + lead, end: claim.start + from + lead + body.length, text: body });
    } else if (facets.length > 0) {
      const last = facets[facets.length - 1]!;
      const end = claim.start + from + lead + body.length;
      facets[facets.length - 1] = { start: last.start, end, text: text.slice(last.start - claim.start, end - claim.start) };
    } else {
      // too short to stand alone at the start: the next facet takes it in
      continue;
    }
    from = cut;
  }
  return facets.length > 0 ? facets : [claim];
}

/** Suggested claims split into their facets, each keeping the sentence's score and reasons. */
export function suggestClaimFacets(text: string): ClaimSuggestion[] {
  return suggestClaims(text).flatMap((suggestion) => claimFacets(suggestion).map((facet) => ({ ...suggestion, ...facet })));
}
