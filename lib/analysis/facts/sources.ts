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
  const keys = new Set<string>();
  for (const claim of claims) {
    const credited = claim.features.attribution?.outletKey ? claim.features.attribution : null;
    keys.add(credited?.outletKey && credited.outlet ? credited.outletKey : outletKey(claim.source));
  }
  // an outlet's own name (as it publishes) is the better spelling than another report's mention
  for (const claim of claims) if (keys.has(outletKey(claim.source))) offer(outletKey(claim.source), claim.source.trim());
  for (const claim of claims) {
    const credited = claim.features.attribution;
    if (credited?.outletKey && credited.outlet && !names.has(credited.outletKey)) offer(credited.outletKey, credited.outlet);
  }
  for (const key of keys) if (!names.has(key)) names.set(key, key);
  return [...names.values()].sort((a, b) => a.localeCompare(b, "en"));
}
