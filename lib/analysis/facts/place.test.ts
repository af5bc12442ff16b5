import { describe, expect, it } from "vitest";
import { entryCount, entryId, memberEntries, parseEntryId, storedFeatures } from "./entries";
import { planPlacement } from "./place";
import { summarizeFact } from "./summarize";
import type { ExistingFact, FeaturedClaim } from "./types";

/** One sentence as the whole of report `reportId`, with every entry the app stores for it. */
function member(id: string, reportId: string, source: string, text: string) {
  const input = { id, reportId, start: 0, end: text.length, text };
  const features = storedFeatures(input, { id: reportId, source, text, publishedAt: "2026-11-20T12:00:00Z" });
  return { ...input, source, features };
}

const entriesOf = (m: ReturnType<typeof member>, which: number[] = []) => memberEntries(m, which);

const LEAD = member("lead", "r1", "Harbourline Wire", "A strong earthquake shook the Tarvel valley early on Friday, killing nine people in the village of Ostrin.");
const QUAKE_A = member("quake-a", "r2", "Coastal Radio", "An earthquake shook the Tarvel valley before dawn on Friday, residents said.");
const QUAKE_B = member("quake-b", "r3", "Northgate", "A strong earthquake shook villages across the Tarvel valley early on Friday.");
const TOLL_A = member("toll-a", "r4", "Valley Courier", "Nine people were killed in Ostrin, the regional health ministry said.");
const TOLL_B = member("toll-b", "r5", "Eastbank Herald", "The quake killed nine people in Ostrin, officials said.");

let next = 0;
const newId = () => `new-${++next}`;

describe("a claim's entries", () => {
  it("a lead stating an event and its toll has an entry for each, named after the claim", () => {
    expect(entryCount(LEAD.features)).toBe(2);
    const entries = entriesOf(LEAD);
    expect(entries.map((entry) => entry.id)).toEqual(["lead", "lead#1"]);
    expect(entries[1]!.text).toBe("killing nine people in the village of Ostrin.");
    // a facet carries its sentence: conflicts read its subject there, and a fact's statement shows it whole
    expect(entries[1]!.sentence).toBe(LEAD.text);
    expect(entriesOf(LEAD, [1]).map((entry) => entry.id)).toEqual(["lead#1"]);
    // entries that do not exist (features of an older analysis) fall back to all of them
    expect(entriesOf(LEAD, [7]).map((entry) => entry.id)).toEqual(["lead", "lead#1"]);
  });

  it("a sentence stating one thing is one entry, the claim itself", () => {
    expect(entryCount(TOLL_A.features)).toBe(1);
    expect(TOLL_A.features.entries).toBeUndefined();
    expect(entriesOf(TOLL_A).map((entry) => entry.id)).toEqual(["toll-a"]);
  });

  it("entry ids read back to their member and index", () => {
    expect(parseEntryId(entryId("0195-ab", 0))).toEqual({ memberId: "0195-ab", entry: 0 });
    expect(parseEntryId(entryId("0195-ab", 3))).toEqual({ memberId: "0195-ab", entry: 3 });
  });
});

describe("placing new claims' entries among a story's facts", () => {
  const facts = (): ExistingFact[] => [
    { id: "quake", claims: [...entriesOf(QUAKE_A), ...entriesOf(QUAKE_B)], locked: false },
    { id: "toll", claims: [...entriesOf(TOLL_A), ...entriesOf(TOLL_B)], locked: false },
  ];

  it("files a lead under the fact of its first entry and in the fact of its toll as well", () => {
    const plan = planPlacement(facts(), entriesOf(LEAD), newId);
    expect(plan.newFactIds).toEqual([]);
    expect(plan.primary).toEqual([{ memberId: "lead", factId: "quake", entries: [0] }]);
    expect(plan.further).toEqual([{ memberId: "lead", factId: "toll", entries: [1] }]);
    expect(plan.facts.find((fact) => fact.id === "toll")!.claims.map((claim) => claim.id)).toContain("lead#1");
  });

  it("a lead that comes first makes a fact of each entry; later reports join them, and the lead is found to state both", () => {
    let story: ExistingFact[] = [];
    const first = planPlacement(story, entriesOf(LEAD), newId);
    expect(first.newFactIds).toHaveLength(2);
    expect(first.primary).toEqual([{ memberId: "lead", factId: first.newFactIds[0], entries: [0] }]);
    expect(first.further).toEqual([{ memberId: "lead", factId: first.newFactIds[1], entries: [1] }]);
    story = first.facts;
    for (const m of [QUAKE_A, QUAKE_B, TOLL_A]) story = planPlacement(story, entriesOf(m), newId).facts;
    const byMember = (id: string) => story.filter((fact) => fact.claims.some((claim) => parseEntryId(claim.id).memberId === id)).map((fact) => fact.id);
    expect(byMember("quake-a")).toEqual([first.newFactIds[0]]);
    expect(byMember("toll-a")).toEqual([first.newFactIds[1]]);
  });

  it("a toll that joins a fact of one lead entry is placed there, not in a fact of its own", () => {
    const story = planPlacement([], entriesOf(LEAD), newId).facts;
    const plan = planPlacement(story, [...entriesOf(TOLL_A)], newId);
    expect(plan.newFactIds).toEqual([]);
    expect(plan.primary).toHaveLength(1);
    expect(plan.primary[0]!.factId).toBe(story[1]!.id);
  });

  it("a sentence about something else starts a fact of its own and joins nothing", () => {
    const other: FeaturedClaim[] = entriesOf(member("other", "r9", "Lakeside Times", "The national football league postponed Saturday's fixtures in the capital."));
    const plan = planPlacement(facts(), other, newId);
    expect(plan.newFactIds).toHaveLength(1);
    expect(plan.primary).toEqual([{ memberId: "other", factId: plan.newFactIds[0], entries: [0] }]);
    expect(plan.further).toEqual([]);
  });
});

describe("a fact's statement", () => {
  it("is a sentence that states the fact alone, not a lead that states it among others", () => {
    const toll = [entriesOf(LEAD)[1]!, ...entriesOf(TOLL_A), ...entriesOf(TOLL_B)];
    expect([TOLL_A.text, TOLL_B.text]).toContain(summarizeFact(toll).statement);
  });

  it("is the whole lead when only leads state it, never a clause cut out of it", () => {
    expect(summarizeFact([entriesOf(LEAD)[1]!]).statement).toBe(LEAD.text);
  });
});
