import { describe, expect, it } from "vitest";
import { groupClaims, groupClaimsOverlapping } from "./assign";
import { extractClaimFeatures } from "./features";
import type { FeaturedClaim } from "./types";

/** One sentence as the whole of report `reportId`, from `source`. */
function claim(id: string, reportId: string, source: string, text: string): FeaturedClaim {
  const input = { id, reportId, start: 0, end: text.length, text };
  return { ...input, source, features: extractClaimFeatures(input, { id: reportId, source, text, publishedAt: "2026-11-20T12:00:00Z" }) };
}

const sorted = (groups: { claimIds: string[] }[]) => groups.map((g) => [...g.claimIds].sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));

// a lead that states the quake and its magnitude in one clause, two reports of each fact alone
const lead = claim("lead", "r1", "Harbourline Wire", "A magnitude 5.8 earthquake shook the Tarvel valley early on Friday.");
const others = [
  claim("mag-a", "r2", "Valley Courier", "The geological survey measured the earthquake at magnitude 5.8."),
  claim("mag-b", "r3", "Eastbank Herald", "The quake measured magnitude 5.8, the geological survey said."),
  claim("hit-a", "r4", "Coastal Radio", "An earthquake shook the Tarvel valley before dawn on Friday."),
  claim("hit-b", "r5", "Northgate", "A strong earthquake shook villages across the Tarvel valley early on Friday."),
];

describe("grouping where one claim states several facts", () => {
  it("puts a clause that states an event and its magnitude in the fact of each", () => {
    const magC = claim("mag-c", "r6", "Coastal Radio", "The survey gave the quake a magnitude of 5.8.");
    // one fact each at first: the lead sits with the quake
    expect(sorted(groupClaims([lead, ...others, magC]))).toEqual([["hit-a", "hit-b", "lead"], ["mag-a", "mag-b", "mag-c"]]);
    expect(sorted(groupClaimsOverlapping([lead, ...others, magC]))).toEqual([["hit-a", "hit-b", "lead"], ["lead", "mag-a", "mag-b", "mag-c"]]);
  });

  it("never adds a claim to a fact its own report already states", () => {
    // the same magnitude sentence, now from the lead's own report
    const magC = claim("mag-c", "r1", "Harbourline Wire", "The survey gave the quake a magnitude of 5.8.");
    expect(sorted(groupClaimsOverlapping([lead, ...others, magC]))).toEqual([["hit-a", "hit-b", "lead"], ["mag-a", "mag-b", "mag-c"]]);
  });

  it("leaves a claim unrelated to every group alone", () => {
    const bridge = claim("bridge", "r7", "Valley Courier", "The regional governor will open a new bridge on the coast road on Monday.");
    const groups = groupClaimsOverlapping([lead, ...others, bridge]);
    expect(groups.filter((g) => g.claimIds.includes("bridge"))).toEqual([{ claimIds: ["bridge"] }]);
  });

  it("treats the parts of one sentence as one statement, never a fact of their own", () => {
    const parts = [claim("s.1", "r1", "Harbourline Wire", "An earthquake shook the Tarvel valley on Friday"), claim("s.2", "r1", "Harbourline Wire", "killing 14 people")];
    const groups = groupClaimsOverlapping([...parts, ...others], { sameStatement: (a, b) => a.split(".")[0] === b.split(".")[0] });
    // "s.2" (a toll) is near no group, and no group is made of the two parts alone
    expect(groups.some((g) => g.claimIds.length === 2 && g.claimIds.every((id) => id.startsWith("s.")))).toBe(false);
    expect(groups.find((g) => g.claimIds.includes("s.1"))!.claimIds).toEqual(expect.arrayContaining(["hit-a", "hit-b"]));
  });
});
