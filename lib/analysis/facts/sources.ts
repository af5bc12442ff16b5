/**
 * Corroboration: independent outlets, not reports. Two reports of one outlet count once; a claim
 * that credits another outlet ("Reuters reported ...") counts for that outlet, not the publisher.
 */
import { outletKey } from "./normalize";
import type { FeaturedClaim } from "./types";

/** Display names of the independent outlets carrying the claims, sorted. */
export function independentSources(claims: readonly FeaturedClaim[]): string[] {
  const names = new Map<string, string>();
  const offer = (key: string, name: string) => {
    const current = names.get(key);
    // the fullest spelling seen names the outlet ("Northgate News Agency" over "Northgate")
    if (current === undefined || name.length > current.length || (name.length === current.length && name < current)) names.set(key, name);
  };
  for (const claim of claims) {
    const credited = claim.features.attribution?.outletKey ? claim.features.attribution : null;
    if (credited?.outletKey && credited.outlet) offer(credited.outletKey, credited.outlet);
    else offer(outletKey(claim.source), claim.source.trim());
  }
  // a publisher's own name is the better spelling of an outlet another report credits
  for (const claim of claims) {
    const key = outletKey(claim.source);
    if (names.has(key)) offer(key, claim.source.trim());
  }
  return [...names.values()].sort((a, b) => a.localeCompare(b, "en"));
}
