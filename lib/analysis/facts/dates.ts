/**
 * Dates a claim mentions, resolved to ISO days against the report's date: "on Tuesday" is the
 * last Tuesday on or before it, "yesterday" the day before, "Dec 3" / "3 December" in its year.
 */
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"];
const ORDINAL_DAY = new RegExp(`\\b(?:the\\s+)?(${ORDINALS.join("|")})(?=\\s+of\\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))`, "giu");

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The month (0-11) a month's name or abbreviation names ("March", "Mar", "mar."), or -1. */
export function monthIndex(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase());
}

/** ISO days mentioned in `text`, given the report's reference time (ISO) or null. */
export function resolveDates(text: string, reference: string | null | undefined): string[] {
  const ref = reference ? new Date(reference) : null;
  const valid = ref && !Number.isNaN(ref.getTime()) ? ref : null;
  const days = new Set<string>();
  // "the third of March" (translations and some desks write the day as an ordinal)
  const ordinals = text.replace(ORDINAL_DAY, (_, word: string) => String(ORDINALS.indexOf(word.toLowerCase()) + 1));
  const explicit = [
    ...ordinals.matchAll(/\b(?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<year>\d{4}))?\b/gu),
    ...ordinals.matchAll(/\b(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:,?\s+(?<year>\d{4}))?\b/gu),
  ];
  for (const match of explicit) {
    const month = monthIndex(match.groups!.month!);
    const day = Number(match.groups!.day);
    if (month < 0 || day < 1 || day > 31) continue;
    const year = match.groups!.year ? Number(match.groups!.year) : valid ? valid.getUTCFullYear() : null;
    if (year === null) continue;
    days.add(iso(new Date(Date.UTC(year, month, day))));
  }
  for (const match of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/gu)) days.add(`${match[1]}-${match[2]}-${match[3]}`);
  if (valid) {
    const base = Date.UTC(valid.getUTCFullYear(), valid.getUTCMonth(), valid.getUTCDate());
    const shift = (n: number) => iso(new Date(base + n * 86_400_000));
    if (/\b(?:today|this (?:morning|afternoon|evening)|tonight|overnight|before dawn|early hours)\b/iu.test(text)) days.add(shift(0));
    if (/\byesterday\b|\blast night\b/iu.test(text)) days.add(shift(-1));
    if (/\btomorrow\b/iu.test(text)) days.add(shift(1));
    for (const match of text.matchAll(/\b(?:on|last|this|early|late|since)\s+(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/giu)) {
      const wanted = WEEKDAYS.indexOf(match[1]!.toLowerCase());
      const back = (valid.getUTCDay() - wanted + 7) % 7;
      days.add(shift(-back));
    }
  }
  return [...days].sort();
}
