import { describe, expect, it } from "vitest";
import { furtherFacts, groupClaimsOverlapping } from "./assign";
import { extractClaimFeatures } from "./features";
import type { ExistingFact, FeaturedClaim } from "./types";

/** One sentence as the whole of report `reportId`, from `source`. */
function claim(id: string, reportId: string, source: string, text: string): FeaturedClaim {
  const input = { id, reportId, start: 0, end: text.length, text };
  return { ...input, source, features: extractClaimFeatures(input, { id: reportId, source, text, publishedAt: "2026-11-20T12:00:00Z" }) };
}

const fact = (id: string, claims: FeaturedClaim[]): ExistingFact => ({ id, claims, locked: false });

// a lead that states the quake and its magnitude in one clause; other reports state each fact alone
const lead = claim("lead", "r1", "Harbourline Wire", "A magnitude 5.8 earthquake shook the Tarvel valley early on Friday.");
const hitA = claim("hit-a", "r4", "Coastal Radio", "An earthquake shook the Tarvel valley before dawn on Friday.");
const hitB = claim("hit-b", "r5", "Northgate", "A strong earthquake shook villages across the Tarvel valley early on Friday.");
const magA = claim("mag-a", "r2", "Valley Courier", "The geological survey measured the earthquake at magnitude 5.8.");
const magB = claim("mag-b", "r3", "Eastbank Herald", "The quake measured magnitude 5.8, the geological survey said.");
const magC = claim("mag-c", "r6", "Coastal Radio", "The survey gave the quake a magnitude of 5.8.");

describe("further facts of stored claims", () => {
  it("puts a lead placed with the quake in the fact of its magnitude as well", () => {
    const facts = [fact("quake", [hitA, hitB, lead]), fact("magnitude", [magA, magB, magC])];
    expect(furtherFacts({ facts, claimIds: ["lead"] })).toEqual([{ claimId: "lead", factIds: ["magnitude"] }]);
  });

  it("puts an earlier lead in a fact that a new report's sentence completes", () => {
    // mag-c has just joined the magnitude fact; the lead was placed before and is found through it
    const facts = [fact("quake", [hitA, hitB, lead]), fact("magnitude", [magA, magB, magC])];
    expect(furtherFacts({ facts, claimIds: ["mag-c"] })).toEqual([{ claimId: "lead", factIds: ["magnitude"] }]);
  });

  it("agrees with the grouping of the command-line analysis", () => {
    const groups = groupClaimsOverlapping([lead, hitA, hitB, magA, magB, magC]);
    expect(groups.filter((g) => g.claimIds.includes("lead")).length).toBe(2);
  });

  it("never adds a claim to a fact its own report already states", () => {
    const ownMag = claim("mag-own", "r1", "Harbourline Wire", "The survey gave the quake a magnitude of 5.8.");
    const facts = [fact("quake", [hitA, hitB, lead]), fact("magnitude", [magA, magB, ownMag])];
    expect(furtherFacts({ facts, claimIds: ["lead", "mag-own"] })).toEqual([]);
  });

  it("keeps a lead about an earlier year's quake out of the fact (the year vetoes it)", () => {
    const otherLead = claim("lead", "r1", "Harbourline Wire", "In 2019 a magnitude 5.8 earthquake shook the Tarvel valley early on a Friday.");
    const facts = [fact("quake", [hitA, hitB, otherLead]), fact("magnitude", [magA, magB, magC])];
    expect(furtherFacts({ facts, claimIds: ["lead"] })).toEqual([]);
  });

  it("leaves a claim unrelated to every fact alone", () => {
    const bridge = claim("bridge", "r7", "Valley Courier", "The regional governor will open a new bridge on the coast road on Monday.");
    const facts = [fact("quake", [hitA, hitB, lead]), fact("magnitude", [magA, magB, magC]), fact("bridge", [bridge])];
    expect(furtherFacts({ facts, claimIds: ["bridge"] })).toEqual([]);
  });

  it("does not treat a fact of one claim as a fact to join", () => {
    const facts = [fact("quake", [hitA, hitB, lead]), fact("magnitude", [magA])];
    expect(furtherFacts({ facts, claimIds: ["lead", "mag-a"] })).toEqual([]);
  });

  it("ignores claims that are in none of the facts", () => {
    expect(furtherFacts({ facts: [fact("magnitude", [magA, magB, magC])], claimIds: ["lead"] })).toEqual([]);
  });
});
