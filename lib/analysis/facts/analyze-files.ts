/**
 * The command line's core (`npm run analyze -- FILE...`): plain-text reports in, suggested claims
 * and the facts they form out, as deterministic JSON. Pure: the script reads the files and
 * prints; everything here is the same code the app runs.
 */
import { findGarbledPassages, garbledReasons } from "../garbled";
import { suggestClaims } from "../suggest-claims";
import { groupClaimsOverlapping, type GroupingOptions } from "./assign";
import { mainCountry } from "./countries";
import { monthIndex } from "./dates";
import { claimEntries, entryId, parseEntryId } from "./entries";
import { planPlacement } from "./place";
import { independentSources } from "./sources";
import { summarizeFact } from "./summarize";
import type { ConflictKind, ExistingFact, FeaturedClaim } from "./types";


export type ReportFile = { file: string; text: string };
/** `garbled` (only when flagged): why the claim's passage looks machine-translated or corrupted */
export type AnalyzedClaim = { id: string; file: string; start: number; end: number; text: string; score: number; garbled?: string[] };
/** `sources`: independent outlets among the fact's claims that are not garbled (those await an editor) */
export type AnalyzedFact = { id: string; claimIds: string[]; sources: string[]; conflicts: { kind: ConflictKind; claimIds: string[]; detail: string }[] };
export type AnalysisOutput = { claims: AnalyzedClaim[]; facts: AnalyzedFact[] };

/** A file's text as UTF-8, or an error saying why it is not a plain-text report. */
export function decodeReportFile(file: string, bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new Error(`${file}: binary file (contains NUL bytes); expected a plain-text report`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${file}: not valid UTF-8 text; expected a plain-text report`);
  }
  // control characters other than tab, line breaks and form feed mark a binary format
  const control = text.match(/[\u0001-\u0008\u000e-\u001f\u007f]/gu)?.length ?? 0;
  if (control > Math.max(4, text.length / 200)) throw new Error(`${file}: looks binary (control characters); expected a plain-text report`);
  if (text.trim().length === 0) throw new Error(`${file}: empty file`);
  return text.replace(/^\uFEFF/u, "");
}

function basename(file: string): string {
  const name = file.split(/[\\/]/u).pop() ?? file;
  return name.replace(/\.[^.]+$/u, "") || name;
}

/**
 * The outlet of a plain-text report: a dateline credit ("VARESH, Dec 9 (Northgate) —"), a
 * dateline naming the outlet ("Qasr Al Habeeb – Sada Talvar:"), a byline with the outlet
 * ("By Miriam Holt, Atlas World Service"), or a masthead first line ("EASTBANK HERALD | ...",
 * "TALVAR TODAY — news"); else the file's base name.
 */
export function outletOf(file: string, text: string): string {
  const head = text.slice(0, 600);
  const credit = /^\s*\p{Lu}[\p{L}\d ,.'’-]{1,60}?\(([^()\n]{2,40})\)\s*[-—–]/mu.exec(head);
  if (credit) return credit[1]!.trim();
  const namedDateline = /^\s*\p{Lu}[\p{L} .'’-]{1,40}?\s[-—–]\s(\p{Lu}[\p{L} .'’]{1,40}?):\s/mu.exec(head);
  if (namedDateline) return namedDateline[1]!.trim();
  const byline = /^\s*By\s+[^,\n]{2,60},\s*([^\n]{2,60}?)\s*$/mu.exec(head);
  if (byline) return byline[1]!.trim();
  const firstLine = head.split("\n").find((line) => line.trim())?.trim() ?? "";
  const masthead = /^([\p{Lu}][\p{Lu}\d .&'’-]{2,40}?)\s*(?:\||[-—–]\s)/u.exec(firstLine);
  if (masthead && /\p{Lu}{3}/u.test(masthead[1]!)) return masthead[1]!.trim();
  return basename(file);
}


/**
 * Publication day from the dateline ("VARESH, Dec 9 (Northgate)", "9 December 2026"), as an ISO
 * date, or null. A dateline without a year takes the year written elsewhere in the opening
 * lines; with none, the date is unknown and relative dates stay unresolved.
 */
export function publishedAtOf(text: string): string | null {
  const head = text.slice(0, 800);
  const month = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?";
  const patterns = [new RegExp(`\\b${month}\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?\\b`, "u"), new RegExp(`\\b(\\d{1,2})\\s+${month}(?:,?\\s+(\\d{4}))?\\b`, "u")];
  let found: { month: number; day: number; year: number | null; at: number } | null = null;
  for (const [i, pattern] of patterns.entries()) {
    const m = pattern.exec(head);
    if (!m) continue;
    const [monthName, day] = i === 0 ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    const candidate = { month: monthIndex(monthName), day: Number(day), year: m[3] ? Number(m[3]) : null, at: m.index };
    if (!found || candidate.at < found.at) found = candidate;
  }
  if (!found || found.month < 0 || found.day < 1 || found.day > 31) return null;
  const year = found.year ?? Number(/\b(19\d{2}|20\d{2})\b/u.exec(headerLines(head))?.[1] ?? NaN);
  if (!Number.isFinite(year)) return null;
  return new Date(Date.UTC(year, found.month, found.day)).toISOString().slice(0, 10);
}

/**
 * The lines above a report's first paragraph of prose (headline, byline, dateline, "Published
 * in ..."): where its year is written when the dateline leaves it out. A year in the story's
 * prose ("fighting since 2009") is not the report's.
 */
function headerLines(head: string): string {
  const lines: string[] = [];
  for (const line of head.split("\n")) {
    if (line.trim().split(/\s+/u).length >= 12 && /[.!?]["'”’)]*\s*$/u.test(line)) break;
    lines.push(line);
  }
  return lines.join("\n");
}

/**
 * The outlet and day of a report file. `npm run analyze` passes the app's report parser here
 * (scripts/analyze.ts), so the command line counts corroboration as the app does; without one,
 * the dateline, byline and masthead rules above read them.
 */
export type ReadReport = (file: string, text: string) => { source: string | null; publishedAt: string | null };

function reportContext(file: string, text: string, read?: ReadReport): { source: string; publishedAt: string | null } {
  const found = read?.(file, text);
  return { source: found?.source ?? outletOf(file, text), publishedAt: found?.publishedAt ?? publishedAtOf(text) };
}

/**
 * Suggested claims of a set of plain-text reports, in file order, with their features. A claim
 * is a whole suggested sentence; what is grouped are its facets (see `claimFacets`), one
 * featured entry each, so a lead that states an event and its toll can join the fact of the
 * event and the fact of the toll. `claimOf` maps a facet's id to its claim's id.
 */
export function featureFiles(files: readonly ReportFile[], read?: ReadReport): { claims: AnalyzedClaim[]; featured: FeaturedClaim[]; claimOf: Map<string, string> } {
  const claims: AnalyzedClaim[] = [];
  const featured: FeaturedClaim[] = [];
  const claimOf = new Map<string, string>();
  // the story's main country is the one its reports name most: a toll placed in another one is
  // another count
  const country = mainCountry(files.map((f) => f.text));
  for (const [index, { file, text }] of files.entries()) {
    const report = { id: `r${index + 1}`, ...reportContext(file, text, read), text, country };
    const garbled = findGarbledPassages(text);
    for (const sentence of suggestClaims(text)) {
      const id = `c${claims.length + 1}`;
      const reasons = garbledReasons(garbled, sentence);
      claims.push({ id, file, start: sentence.start, end: sentence.end, text: sentence.text, score: sentence.score, ...(reasons.length > 0 ? { garbled: reasons } : {}) });
      const { sentence: whole, entries } = claimEntries({ id, reportId: report.id, start: sentence.start, end: sentence.end, text: sentence.text }, report);
      const facets = new Set(entries.map((entry) => entry.facet)).size;
      for (const entry of entries) {
        const facetId = facets > 1 ? `${id}.${entry.facet + 1}` : id;
        const readingId = entry.reading === 0 ? facetId : `${facetId}~${entry.reading}`;
        claimOf.set(readingId, id);
        featured.push({ id: readingId, reportId: report.id, start: entry.start, end: entry.end, text: entry.text, source: report.source, features: entry.features, ...(whole ? { sentence: sentence.text } : {}) });
      }
    }
  }
  return { claims, featured, claimOf };
}

/** Claims and facts of a set of plain-text reports, in file order. */
export function analyzeFiles(files: readonly ReportFile[], options: GroupingOptions & { read?: ReadReport } = {}): AnalysisOutput {
  return factsOfClaims(featureFiles(files, options.read), options);
}

type Featured = { claims: AnalyzedClaim[]; featured: FeaturedClaim[]; claimOf?: Map<string, string> };

/**
 * The facts formed by featured facets (from `featureFiles`), each listing the claims its facets
 * come from; a claim whose facets state different facts is in each of them.
 */
export function factsOfClaims({ claims, featured, claimOf }: Featured, options: GroupingOptions = {}): AnalysisOutput {
  const owner = (facetId: string) => claimOf?.get(facetId) ?? facetId;
  const groups = groupClaimsOverlapping(featured, { ...options, sameStatement: (a, b) => owner(a) === owner(b) });
  const byId = new Map(featured.map((claim) => [claim.id, claim]));
  return { claims, facts: analyzedFacts(claims, groups.map((group) => group.claimIds.map((id) => byId.get(id)!)), owner) };
}

/**
 * The facts as the app groups them (lib/facts/further-facts.ts): report by report, in file
 * order, each report's entries placed among the facts the earlier ones formed (`planPlacement`),
 * never regrouping those. Scoring this beside `factsOfClaims` shows what an editor sees.
 */
export function factsAsTheAppGroups({ claims, featured, claimOf }: Featured): AnalysisOutput {
  const owner = (id: string) => claimOf?.get(id) ?? id;
  // entries named as the app names them: the claim's id, then `id#k`
  const count = new Map<string, number>();
  const entries = featured.map((f) => {
    const k = count.get(owner(f.id)) ?? 0;
    count.set(owner(f.id), k + 1);
    return { ...f, id: entryId(owner(f.id), k) };
  });
  let facts: ExistingFact[] = [];
  let next = 0;
  for (const reportId of [...new Set(entries.map((entry) => entry.reportId))]) {
    facts = planPlacement(facts, entries.filter((entry) => entry.reportId === reportId), () => `F${++next}`).facts;
  }
  return { claims, facts: analyzedFacts(claims, facts.map((fact) => fact.claims), (id) => parseEntryId(id).memberId) };
}

/** Groups of entries as the command line's facts: those stated by two or more claims, with sources and conflicts. */
function analyzedFacts(claims: readonly AnalyzedClaim[], groups: readonly FeaturedClaim[][], owner: (entryId: string) => string): AnalyzedFact[] {
  const isGarbled = new Set(claims.filter((c) => c.garbled).map((c) => c.id));
  return groups
    .map((entries) => [...entries].sort((a, b) => claimIndex(owner(a.id)) - claimIndex(owner(b.id)) || a.start - b.start))
    .map((entries) => ({ entries, claimIds: [...new Set(entries.map((entry) => owner(entry.id)))] }))
    // a fact is stated by two or more claims; two facets of one sentence are one statement
    .filter((group) => group.claimIds.length >= 2)
    .sort((a, b) => claimIndex(a.claimIds[0]!) - claimIndex(b.claimIds[0]!))
    .map((group, i) => {
      // one facet per claim: conflicts and sources compare what different sentences say
      const facets = [...new Map(group.entries.map((entry) => [owner(entry.id), entry])).values()];
      const summary = summarizeFact(facets);
      return {
        id: `f${i + 1}`,
        claimIds: group.claimIds,
        // a garbled passage never corroborates until an editor confirms it
        sources: independentSources(facets.filter((f) => !isGarbled.has(owner(f.id)))),
        conflicts: summary.conflicts.map(({ kind, claimIds, detail }) => ({ kind, claimIds: [...new Set(claimIds.map(owner))], detail })),
      };
    });
}

/** The position of claim `c12` in file order (claims are numbered as they are found). */
function claimIndex(id: string): number {
  return Number(/^c(\d+)/u.exec(id)?.[1] ?? Number.MAX_SAFE_INTEGER);
}
