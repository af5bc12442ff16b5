/**
 * Numbers as wires write them: digits ("1,200", "1.2 million"), words ("twelve", "a dozen",
 * "two dozen", "dozens", "thousands"), approximations ("about", "nearly", "some"), bounds
 * ("at least", "more than", "up to") and ranges ("between 10 and 15", "10 to 15", "10-15").
 */

export type NumberMention = {
  start: number;
  end: number;
  value: number;
  low: number;
  /** null when unbounded ("at least 12") */
  high: number | null;
  bound: "exact" | "approx" | "atLeast" | "atMost" | "range";
  text: string;
};

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, hundreds: 100, thousand: 1000, thousands: 1000, million: 1e6, millions: 1e6, billion: 1e9, dozen: 12 };
// vague plurals: a lower bound and a rough size, never an exact figure
const VAGUE: Record<string, [number, number]> = {
  dozens: [24, 99],
  scores: [40, 199],
  hundreds: [200, 999],
  thousands: [2000, 9999],
  "several hundred": [200, 999],
  "several thousand": [2000, 9999],
  "a few hundred": [200, 999],
  "a few thousand": [2000, 9999],
  "tens of thousands": [20000, 99999],
  "hundreds of thousands": [200000, 999999],
};

const WORD = "(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds|hundred|thousands|thousand|millions|million|billion|dozen|a|an|and)\\b";
// thousands grouped by commas, or by spaces as many languages and their translations write them
// ("1 237"); a comma before one or two digits is a decimal comma, as those languages write it
// ("magnitude 6,5")
const DIGITS = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,3},\\d{1,2}(?!\\d|,\\d)|(?<!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s)\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?!\\d)|\\d+(?:\\.\\d+)?";
const SCALE_AFTER = "(?:\\s+(?:hundred|thousand|million|billion|dozen))?";
const NUMBER_CORE = `(?:(?:${DIGITS})${SCALE_AFTER}|(?:${WORD}(?:[\\s-]+${WORD})*))`;

const QUALIFIER =
  "(?:at least|not less than|no fewer than|a minimum of|more than|over|upwards of|in excess of|nearly|almost|close to|just under|up to|as many as|no more than|fewer than|less than|about|around|approximately|roughly|some|an estimated|estimated|or so|circa|c\\.|~)";

const MENTION = new RegExp(
  `(?<qual>${QUALIFIER}\\s+)?(?:between\\s+(?<b1>${NUMBER_CORE})\\s+and\\s+(?<b2>${NUMBER_CORE})|(?<r1>${DIGITS})\\s*(?:-|–|to)\\s*(?<r2>${DIGITS})${SCALE_AFTER}|(?<vague>tens of thousands|hundreds of thousands|(?:several|a\\s+few)\\s+(?:hundred|thousand)\\b|dozens|scores|hundreds|thousands)|(?<n>${NUMBER_CORE}))`,
  "giu",
);

// a whole number in digits, with its scale word: the grammar the mentions are found by
const DIGIT_NUMBER = new RegExp(`^(${DIGITS})(?:\\s+(hundred|thousand|million|billion|dozen))?$`, "u");

/** Value of a number in digits: thousands separators dropped, a decimal comma read as a point. */
function digitsValue(written: string): number {
  return /^\d+,\d{1,2}$/u.test(written) ? Number(written.replace(",", ".")) : Number(written.replace(/[,\s\u00a0\u202f]/gu, ""));
}

/** Value of a number written in digits or words; null when it is not a number ("a", "and"). */
export function parseNumber(raw: string): number | null {
  const text = raw.toLowerCase().replace(/[–-]/g, " ").trim();
  const digit = DIGIT_NUMBER.exec(text);
  if (digit) {
    const base = digitsValue(digit[1]!);
    return digit[2] ? base * SCALES[digit[2]]! : base;
  }
  const words = text.split(/\s+/).filter((word) => word !== "and");
  if (words.length === 0) return null;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const [i, word] of words.entries()) {
    if (word === "a" || word === "an") {
      // "a dozen", "a hundred": the article is one
      if (i === words.length - 1) return null;
      current = current || 1;
      continue;
    }
    if (word in UNITS) {
      current += UNITS[word]!;
      seen = true;
    } else if (word in TENS) {
      current += TENS[word]!;
      seen = true;
    } else if (word in SCALES) {
      const scale = SCALES[word]!;
      if (scale >= 1000) {
        total += (current || 1) * scale;
        current = 0;
      } else current = (current || 1) * scale;
      seen = true;
    } else return null;
  }
  return seen ? total + current : null;
}

function boundOf(qualifier: string | undefined): NumberMention["bound"] {
  const q = (qualifier ?? "").trim().toLowerCase();
  if (!q) return "exact";
  if (/^(?:at least|not less than|no fewer than|a minimum of|more than|over|upwards of|in excess of)$/.test(q)) return "atLeast";
  if (/^(?:up to|as many as|no more than|fewer than|less than|nearly|almost|just under)$/.test(q)) return q === "nearly" || q === "almost" || q === "just under" ? "approx" : "atMost";
  return "approx";
}

/** Every number in the text with its qualifier, bounds and offsets. */
export function findNumbers(text: string): NumberMention[] {
  const mentions: NumberMention[] = [];
  for (const match of text.matchAll(MENTION)) {
    const g = match.groups!;
    const bound = boundOf(g.qual);
    let value: number | null = null;
    let low = 0;
    let high: number | null = 0;
    let kind = bound;
    if (g.b1 && g.b2) {
      const a = parseNumber(g.b1);
      const b = parseNumber(g.b2);
      if (a === null || b === null) continue;
      [low, high, value, kind] = [Math.min(a, b), Math.max(a, b), (a + b) / 2, "range"];
    } else if (g.r1 && g.r2) {
      const scale = /(hundred|thousand|million|billion)$/i.exec(match[0])?.[1];
      const mult = scale ? SCALES[scale.toLowerCase()]! : 1;
      const a = digitsValue(g.r1) * mult;
      const b = digitsValue(g.r2) * mult;
      // "2024-2025" and clock times are not ranges of counts
      if (!(a < b) || b > 1e9) continue;
      [low, high, value, kind] = [a, b, (a + b) / 2, "range"];
    } else if (g.vague) {
      const [lo, hi] = VAGUE[g.vague.toLowerCase().replace(/\s+/gu, " ")]!;
      [low, high, value, kind] = [lo, hi, lo, "atLeast"];
    } else if (g.n) {
      const core = g.n.replace(/^(?:a|an|and)\s+(?!dozen|hundred|thousand|million)/i, "").replace(/\s+(?:a|an|and)$/i, "");
      if (/^(?:a|an|and|one)$/i.test(core.trim())) continue;
      value = parseNumber(core);
      if (value === null) continue;
      low = high = value;
      if (bound === "atLeast") high = null;
      if (bound === "atMost") low = 0;
      // "a dozen", "two dozen": counting in dozens is counting roughly, qualifier or not
      if (bound === "exact" && /\bdozen$/iu.test(core.trim())) kind = "approx";
      if (kind === "approx") {
        low = value * 0.8;
        high = value * 1.2;
      }
    }
    if (value === null && kind !== "range" && kind !== "atLeast") continue;
    const start = match.index!;
    const raw = match[0].replace(/\s+(?:a|an|and)$/i, "");
    mentions.push({ start, end: start + raw.length, value: value ?? low, low, high, bound: kind, text: raw });
  }
  return mentions;
}
