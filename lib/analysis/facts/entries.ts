/**
 * What the analysis groups: a claim's entries. A claim is a sentence; its entries are its facets
 * (see `claimFacets`: "A quake struck ..., killing nine") times the statement readings of each
 * (see `statementReadings`: "measured 6.5 at 4.17am" is a magnitude and a time). Each entry joins
 * the fact it states, so one lead can stand in the fact of the event and in the fact of its toll.
 * The command line (`analyzeFiles`) and the app (lib/facts) both group entries from here.
 */
import { claimFacets } from "../suggest-claims";
import { extractClaimFeatures, statementReadings } from "./features";
import type { AnalysisClaimInput, AnalysisReport, ClaimFeatures, FeaturedClaim } from "./types";

/** `facet`, `reading`: which facet of the sentence and which reading of it, from 0; `text`: the facet's words. */
export type ClaimEntry = { facet: number; reading: number; start: number; end: number; text: string; features: ClaimFeatures };

/**
 * A facet's features with what its sentence says around it: the dates and the attribution of
 * "..., killing nine ..., the ministry said on Tuesday" belong to every facet of that sentence,
 * so a count keeps its time frame and its speaker. Places are left to the facet: a sentence's
 * places are often of another granularity (village, region, country) than a facet's, and
 * disjoint places keep counts apart.
 */
export function withSentenceContext(facet: ClaimFeatures, sentence: ClaimFeatures): ClaimFeatures {
  return {
    ...facet,
    dates: [...new Set([...facet.dates, ...sentence.dates])],
    attribution: facet.attribution ?? sentence.attribution,
    years: [...new Set([...(facet.years ?? []), ...(sentence.years ?? [])])],
    elsewhere: Boolean(facet.elsewhere || sentence.elsewhere),
    aside: Boolean(facet.aside || sentence.aside),
    wider: Boolean(facet.wider || sentence.wider),
    widerStart: facet.widerStart ?? sentence.widerStart,
  };
}

/**
 * The whole claim's features and its entries, in order (the first is the first facet's own
 * reading). `sentence` is the whole claim's features, computed only when it has several facets.
 */
export function claimEntries(claim: AnalysisClaimInput, report: AnalysisReport): { sentence: ClaimFeatures | null; entries: ClaimEntry[] } {
  const facets = claimFacets(claim);
  const sentence = facets.length > 1 ? extractClaimFeatures(claim, report) : null;
  const entries: ClaimEntry[] = [];
  for (const [facet, part] of facets.entries()) {
    const own = extractClaimFeatures({ id: claim.id, reportId: claim.reportId, start: part.start, end: part.end, text: part.text }, report);
    for (const [reading, features] of statementReadings(sentence ? withSentenceContext(own, sentence) : own).entries()) {
      entries.push({ facet, reading, start: part.start, end: part.end, text: part.text, features });
    }
  }
  return { sentence, entries };
}

/**
 * Stored analysis of a member (a claim or a suggestion): its whole features, and its entries
 * when it has more than one (a single entry is the whole claim).
 */
export type StoredFeatures = ClaimFeatures & { entries?: { start: number; end: number; text: string; features: ClaimFeatures }[] };

/** What the app stores for a claim: see `StoredFeatures`. */
export function storedFeatures(claim: AnalysisClaimInput, report: AnalysisReport): StoredFeatures {
  const { sentence, entries } = claimEntries(claim, report);
  if (entries.length === 1) return entries[0]!.features;
  return { ...(sentence ?? extractClaimFeatures(claim, report)), entries: entries.map(({ start, end, text, features }) => ({ start, end, text, features })) };
}

/** How many entries a stored member has. */
export function entryCount(features: StoredFeatures): number {
  return features.entries?.length ?? 1;
}

/** The id of a member's entry k: the member's own id for the first, `id#k` for the others. */
export function entryId(memberId: string, k: number): string {
  return k === 0 ? memberId : `${memberId}#${k}`;
}

/** The member and the entry index of an entry id (see `entryId`). */
export function parseEntryId(id: string): { memberId: string; entry: number } {
  const at = id.lastIndexOf("#");
  return at < 0 ? { memberId: id, entry: 0 } : { memberId: id.slice(0, at), entry: Number(id.slice(at + 1)) };
}

/**
 * A stored member as the analysis groups it: its entries `which` (all when empty or absent), each
 * a featured claim with its own span and features. A member with several facets carries its
 * sentence, as conflicts read a facet's subject from it.
 */
export function memberEntries(member: { id: string; reportId: string; start: number; end: number; text: string; source: string; features: StoredFeatures }, which: readonly number[] = []): FeaturedClaim[] {
  const { entries, ...whole } = member.features;
  if (!entries || entries.length <= 1) return [{ id: member.id, reportId: member.reportId, start: member.start, end: member.end, text: member.text, source: member.source, features: entries?.[0]?.features ?? whole }];
  const chosen = [...new Set(which)].filter((k) => k >= 0 && k < entries.length).sort((a, b) => a - b);
  return (chosen.length > 0 ? chosen : entries.map((_, k) => k)).map((k) => {
    const entry = entries[k]!;
    return { id: entryId(member.id, k), reportId: member.reportId, start: entry.start, end: entry.end, text: entry.text, source: member.source, features: entry.features, sentence: member.text };
  });
}
