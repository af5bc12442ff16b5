/**
 * The one normaliser for names written in several transliterations ("al-Qasr", "El Kasr",
 * "Elkasr"). Tags, story search, the explainer cite search and the grouping's entity matching all
 * key names through this file, so a variant that meets another in one place meets it everywhere.
 * Pure: no database, no Next imports.
 *
 * Two keys, from strict to loose:
 * - `nameVariantKey` keeps the vowels' quality (a / i / u); run together (`joinedNameKey`) it is
 *   what tags collapse on and what search looks up: "Maroun" = "Marun", "Deir" = "Dayr",
 *   "Talharun" = "Tal Harun", but "Basra" ≠ "Bosra".
 * - `nameKey` is a consonant skeleton; the grouping uses it where the rest of a sentence already
 *   tells events apart, so it may be looser.
 */

const folded = new Map<string, string>();

/** Lower case, no diacritics, typographic quotes and dashes made plain. */
export function foldText(text: string): string {
  // words and names repeat across a story: remember short ones (bounded, so memory stays flat)
  if (text.length <= 40) {
    const hit = folded.get(text);
    if (hit !== undefined) return hit;
    if (folded.size > 50_000) folded.clear();
    const result = foldUncached(text);
    folded.set(text, result);
    return result;
  }
  return foldUncached(text);
}

function foldUncached(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/ı/gu, "i")
    .replace(/\p{M}+/gu, "")
    .replace(/[‘’ʼʻ`´]/gu, "'")
    .replace(/[“”«»„]/gu, '"')
    .replace(/[‐‑‒–—―]/gu, "-")
    .toLowerCase();
}

/** Arabic-style articles and particles written before a name: "al-", "el-", "ez-", "as-", "ad-", "ash-". */
export const NAME_ARTICLES = new Set(["al", "el", "il", "ul", "ez", "es", "as", "ash", "esh", "ad", "ed", "ar", "er", "an", "en", "at", "et", "az", "adh", "ath", "the"]);

/**
 * The words of a name with articles removed, whether hyphenated ("al-Qasr"), spaced ("el Kasr")
 * or written into the word and assimilated to a sun letter ("Ezzor" = "ez-Zor").
 */
export function nameWords(name: string, articles: { loneArticle: "keep" | "drop"; finalArticle: "keep" | "drop" } = { loneArticle: "keep", finalArticle: "drop" }): string[] {
  const words = foldText(name)
    .replace(/'s\b/g, "")
    // an apostrophe inside a word is a letter of the transliteration (ayn, hamza): "Mazra'a" = "Mazraa"
    .replace(/(?<=\p{L})'(?=\p{L})/gu, "")
    .split(/[\s\-_/.']+/u)
    .filter(Boolean);
  // by default an article alone is still a name ("Al" as a given name); otherwise it never counts
  const kept = words.filter((word, i) => {
    if (!NAME_ARTICLES.has(word)) return true;
    if (words.length === 1) return articles.loneArticle === "keep";
    return i === words.length - 1 && articles.finalArticle === "keep";
  });
  // a first word too when long enough that what is left is still a name: "Almirwa" = "al-Mirwa"
  return kept.map((word, i) => {
    if (/^[ae]([dlnrstz])\1[aeiou]/u.test(word) && (i > 0 || word.length >= 6)) return word.slice(2);
    if (i === 0 && kept.length === 1 && word.length >= 7 && /^(?:al|el)[b-df-hj-np-tv-z][aeiou]/u.test(word)) return word.slice(2);
    return word;
  });
}

/** A French-style "ou" before a vowel at the start of a name is a w: "Ouardi" = "Wardi", "Oualid" = "Walid". */
function frenchW(word: string): string {
  return word.replace(/^ou(?=[aei])/u, "w");
}

/**
 * Consonant skeleton of one word of a name, so transliterations meet: doubled letters collapse,
 * vowels and the glides w/y drop after the first letter, q/k and ph/f meet.
 * "Deir"/"Dayr" → "dr", "Zor"/"Zawr" → "zr", "Marun"/"Maroun"/"Marrun" → "mrn".
 */
export function skeleton(word: string): string {
  let w = foldText(word).replace(/[^a-z0-9]/g, "");
  if (!w) return "";
  if (/^\d+$/.test(w)) return w;
  w = w.replace(/ph/g, "f").replace(/q/g, "k").replace(/ck/g, "k").replace(/kh/g, "k").replace(/gh/g, "g").replace(/dh/g, "d").replace(/th/g, "t").replace(/sh/g, "s").replace(/ch/g, "c");
  w = frenchW(w);
  w = w.replace(/(.)\1+/g, "$1");
  const first = w[0]!;
  const rest = w.slice(1).replace(/[aeiouyw]/g, "").replace(/h$/, "");
  const out = (/[aeiou]/.test(first) ? "a" : first) + rest;
  return out.replace(/(.)\1+/g, "$1");
}

/**
 * Loose key of a name across transliterations: articles dropped, each word skeletonised. Unlike
 * the variant key it also drops a lone article and keeps one that ends a name ("Bab al"), as the
 * grouping's tuned features expect.
 */
export function nameKey(name: string): string {
  // the words' skeletons run together, so a name written as one word meets it written as two
  // ("Talharun" = "Tal Harun" = "Tal-Harun")
  return nameWords(name, { loneArticle: "drop", finalArticle: "keep" }).map(skeleton).filter(Boolean).join("");
}

/**
 * One word spelt the way its variants meet: q/k, ph/f and doubled letters made one; vowels kept
 * by quality — "ou"/"oo"/"o"/"u" and "aw" before a consonant as u, "ee"/"i" as i, "e"/"a" as a,
 * the diphthongs "ei"/"ey"/"ay"/"ai" as ai; a final silent h dropped ("Hamah" = "Hama").
 */
export function variantSpelling(word: string): string {
  let w = foldText(word).replace(/[^a-z0-9]/g, "");
  if (!w || /^\d+$/.test(w)) return w;
  w = frenchW(w.replace(/ph/g, "f").replace(/ck/g, "k").replace(/q/g, "k"));
  // long vowels before doubled letters collapse, so "ee" stays an i and "oo" a u
  w = w.replace(/ee/g, "i").replace(/oo|ou/g, "u");
  w = w.replace(/(.)\1+/g, "$1");
  w = w
    .replace(/(?:ei|ey|ay|ai)(?=[^aeiou]|$)/g, "\u0001")
    .replace(/aw(?=[^aeiou]|$)/g, "\u0002")
    .replace(/ou|oo|o|u/g, "\u0002")
    .replace(/ee|ie(?=[^aeiou]|$)|i|y(?=[^aeiou]|$)/g, "\u0003")
    .replace(/e/g, "a");
  w = w.replace(/\u0001/g, "ai").replace(/\u0002/g, "u").replace(/\u0003/g, "i");
  if (w.length > 3) w = w.replace(/([aiu])h$/u, "$1");
  return w.replace(/(.)\1+/g, "$1");
}

/**
 * Key that tags collapse on and that search looks names up by: "al-Qasr", "El Kasr", "Elkasr"
 * and "Al Qassr" share one; "Basra" and "Bosra" do not. Empty for text with no letters or digits.
 */
export function nameVariantKey(name: string): string {
  return nameWords(name).map(variantSpelling).filter(Boolean).join(" ");
}

/**
 * The variant key with its words run together: what a tag's spellings collapse on and are
 * looked up by, so a name written as one word meets it written as two ("Talharun",
 * "Tal Harun", "Tal-Harun").
 */
export function joinedNameKey(name: string): string {
  return nameVariantKey(name).replace(/ /gu, "");
}

/** Whether two names are spellings of one name (same joined variant key, and not empty). */
export function sameNameVariant(a: string, b: string): boolean {
  const key = joinedNameKey(a);
  return key !== "" && key === joinedNameKey(b);
}

/** Longest run of words a name search joins into one key: names of up to this many words meet written joined. */
const JOINED_RUN = 5;

/**
 * A text's words as a name search reads them, padded with spaces: each word in its variant
 * spelling, then the joined key of every run of two to five words of a name. A name's joined key
 * (`joinedNameKey`) is then found with one word-bounded position() test whether the text writes
 * it as one word or as several. In a claim a name is a run of capitalised words (with the
 * particles between them: "Deir ez-Zor"), so "Marun and Ras" never yields "andras"; a query
 * (`everyRun`) is short and typed in any case, so every run of its words counts.
 */
export function nameSearchKeys(text: string, { everyRun = false }: { everyRun?: boolean } = {}): string {
  const words = nameVariantKey(text).split(" ").filter(Boolean);
  const runs: string[] = [];
  // the runs of name words, each as the raw words it spans
  const spans: string[][] = [];
  let current: string[] = [];
  for (const raw of text.split(/\s+/u)) {
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    const isName = everyRun ? word.length > 0 : /^\p{Lu}/u.test(word) || (current.length > 0 && NAME_ARTICLES.has(foldText(word).split(/[-']/u)[0]!));
    if (isName) current.push(word);
    if (!isName || /[,.;:!?)"”]$/u.test(raw)) {
      if (current.length > 1) spans.push(current);
      current = [];
    }
  }
  if (current.length > 1) spans.push(current);
  for (const span of spans) {
    const keys = span.map((w) => joinedNameKey(w)).filter(Boolean);
    for (let n = 2; n <= JOINED_RUN; n++) for (let i = 0; i + n <= keys.length; i++) runs.push(keys.slice(i, i + n).join(""));
  }
  return ` ${[...words, ...runs].join(" ")} `;
}
