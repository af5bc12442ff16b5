import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { acceptSuggestion, dismissSuggestion } from "@/lib/claims/suggestions";
import { tagClaim } from "@/lib/claims/tag-claim";
import { confirmFact } from "./confirm-fact";
import { storeReport } from "@/lib/reports/store-report";
import { getStory } from "@/lib/stories/get-story";
import { buildReportInput, buildStory, buildUser, domainErrorFrom, uniqueToken } from "@/lib/testing/factories";
import { analyzeReport } from "./analyze-report";
import { getFact } from "./get-fact";
import { listFacts } from "./list-facts";
import { moveFactMember } from "./move-fact-member";
import { refreshFact } from "./refresh-fact";

/*
 * Facts group a sentence's entries (its facets and statement readings), so a lead that states a
 * quake and its toll stands in the fact of each, as a pending suggestion as much as a claim. The
 * reports are invented; each is one sentence the desk suggests as a claim, left to the analysis.
 */

const LEAD = "A strong earthquake shook the Tarvel valley early on Friday, killing nine people in the village of Ostrin.";
const QUAKE = [
  ["Coastal Radio", "An earthquake shook the Tarvel valley before dawn on Friday, residents said."],
  ["Northgate", "A strong earthquake shook villages across the Tarvel valley early on Friday."],
] as const;
const TOLL = [
  ["Valley Courier", "Nine people were killed in Ostrin, the regional health ministry said."],
  ["Eastbank Herald", "The quake killed nine people in Ostrin, officials said."],
] as const;

type Editor = Awaited<ReturnType<typeof buildUser>>;

async function fileReport(editor: Editor, storyId: string, source: string, sentence: string) {
  const input = buildReportInput(storyId, { externalId: `wire-${uniqueToken()}`, source, dateline: "TARVEL, Nov 20", publishedAt: "2026-11-20T08:00:00Z", paragraphs: [sentence] });
  const { reportId } = await storeReport(editor.actor, input, "PASTE");
  await analyzeReport(reportId);
  return reportId;
}

/** The pending suggestion of the sentence starting with `prefix`. */
async function suggestionOf(storyId: string, prefix: string) {
  return db.claimSuggestion.findFirstOrThrow({
    where: { report: { storyId }, text: { startsWith: prefix } },
    select: { id: true, factId: true, factEntries: true, furtherFacts: { select: { factId: true, entries: true } } },
  });
}

async function storyWithLead() {
  const editor = await buildUser({ role: "EDITOR" });
  const story = await buildStory(editor.actor);
  await fileReport(editor, story.id, "Harbourline Wire", LEAD);
  for (const [source, sentence] of [...QUAKE, ...TOLL]) await fileReport(editor, story.id, source, sentence);
  const lead = await suggestionOf(story.id, "A strong earthquake shook the Tarvel valley early");
  const quakeFact = (await suggestionOf(story.id, "An earthquake shook the Tarvel valley")).factId!;
  const tollFact = (await suggestionOf(story.id, "Nine people were killed")).factId!;
  return { editor, story, lead, quakeFact, tollFact };
}

describe("facts hold a sentence's entries", () => {
  it("a suggested lead stands in the quake's fact and, with its toll, in the toll's fact, whose outlets count it", async () => {
    const { editor, story, lead, quakeFact, tollFact } = await storyWithLead();
    expect(quakeFact).not.toBe(tollFact);
    expect((await suggestionOf(story.id, "The quake killed nine")).factId).toBe(tollFact);
    expect((await suggestionOf(story.id, "A strong earthquake shook villages")).factId).toBe(quakeFact);

    // filed under the quake with its first entry; the toll (its second facet) is a further fact
    expect(lead.factId).toBe(quakeFact);
    expect(lead.factEntries).toEqual([0]);
    expect(lead.furtherFacts).toEqual([{ factId: tollFact, entries: [1] }]);

    const toll = await getFact(editor.actor, story.id, tollFact);
    expect(toll.sources).toEqual(["Eastbank Herald", "Harbourline Wire", "Valley Courier"]);
    expect(toll.furtherMembers).toMatchObject([{ id: lead.id, kind: "suggestion", status: null, source: "Harbourline Wire", quote: LEAD, primaryFact: { id: quakeFact } }]);
    // the part of the lead that states the toll, for the fact page to show apart from the rest
    expect(toll.furtherMembers[0]!.stated).toEqual({ start: LEAD.indexOf("killing"), end: LEAD.length });
    expect(toll.members.every((member) => member.stated === null)).toBe(true);
    const quake = await getFact(editor.actor, story.id, quakeFact);
    expect(quake.members.find((member) => member.id === lead.id)).toMatchObject({
      alsoIn: [{ id: tollFact, statement: toll.statement }],
      stated: { start: 0, end: LEAD.indexOf(", killing") },
    });

    const { facts } = await listFacts(editor.actor, story.id, { sort: "most_sources" });
    expect(facts.find((fact) => fact.id === tollFact)).toMatchObject({ sourceCount: 3, claimCount: 2, furtherClaimCount: 1 });
    expect(facts.find((fact) => fact.id === quakeFact)).toMatchObject({ sourceCount: 3, claimCount: 3, furtherClaimCount: 0 });
    // the lead may headline both facts; each says what it is about
    expect(toll.about).toMatch(/^Death toll/u);
    expect(quake.about).toBe("The earthquake");
    expect(facts.find((fact) => fact.id === tollFact)?.about).toBe(toll.about);
  });

  it("accepting the lead hands its further facts to the new claim", async () => {
    const { editor, story, lead, tollFact } = await storyWithLead();
    const { claimId } = await acceptSuggestion(editor.actor, { suggestionId: lead.id });
    expect(await db.suggestionFactLink.count({ where: { suggestionId: lead.id } })).toBe(0);
    expect(await db.claimFactLink.findMany({ where: { claimId }, select: { factId: true, entries: true } })).toEqual([{ factId: tollFact, entries: [1] }]);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { factEntries: true } })).factEntries).toEqual([0]);
    await refreshFact(story.id, tollFact);
    const toll = await getFact(editor.actor, story.id, tollFact);
    expect(toll.furtherMembers).toMatchObject([{ id: claimId, kind: "claim", status: "UNVERIFIED" }]);
    expect(toll.sources).toContain("Harbourline Wire");
  });

  it("dismissing the lead takes it out of its further facts too, and their outlets follow", async () => {
    const { editor, story, lead, tollFact } = await storyWithLead();
    await dismissSuggestion(editor.actor, { suggestionId: lead.id });
    expect(await db.suggestionFactLink.count({ where: { suggestionId: lead.id } })).toBe(0);
    await refreshFact(story.id, tollFact);
    const toll = await getFact(editor.actor, story.id, tollFact);
    expect(toll.furtherMembers).toEqual([]);
    expect(toll.sources).toEqual(["Eastbank Herald", "Valley Courier"]);
  });

  it("tagging the lead's words as a claim answers the suggestion and drops its further facts", async () => {
    const { editor, story, lead, tollFact } = await storyWithLead();
    const { reportId, reportVersionId, start, end } = await db.claimSuggestion.findUniqueOrThrow({ where: { id: lead.id }, select: { reportId: true, reportVersionId: true, start: true, end: true } });
    const { version } = await db.reportVersion.findUniqueOrThrow({ where: { id: reportVersionId }, select: { version: true } });
    await tagClaim(editor.actor, { storyId: story.id, reportId, reportVersion: version, start, end, statement: LEAD });
    expect(await db.suggestionFactLink.count({ where: { suggestionId: lead.id } })).toBe(0);
    expect(await db.claimSuggestion.findUniqueOrThrow({ where: { id: lead.id }, select: { state: true, factId: true, factEntries: true } })).toEqual({ state: "ACCEPTED", factId: null, factEntries: [] });
    await refreshFact(story.id, tollFact);
    expect((await getFact(editor.actor, story.id, tollFact)).furtherMembers.map((member) => member.id)).not.toContain(lead.id);
  });

  it("confirming the quake's fact keeps the lead in the toll's fact, with the entries it stands in each", async () => {
    const { editor, story, lead, quakeFact, tollFact } = await storyWithLead();
    const version = (await db.fact.findUniqueOrThrow({ where: { id: quakeFact }, select: { version: true } })).version;
    await confirmFact(editor.actor, { storyId: story.id, factId: quakeFact, version });
    expect(await suggestionOf(story.id, "A strong earthquake shook the Tarvel valley early")).toMatchObject({ id: lead.id, factId: quakeFact, factEntries: [0], furtherFacts: [{ factId: tollFact, entries: [1] }] });
    await refreshFact(story.id, tollFact);
    expect((await getFact(editor.actor, story.id, tollFact)).sources).toContain("Harbourline Wire");
  });

  it("a lead whose fact an editor confirmed hands its further facts to the claim it becomes", async () => {
    const { editor, story, lead, quakeFact, tollFact } = await storyWithLead();
    const version = (await db.fact.findUniqueOrThrow({ where: { id: quakeFact }, select: { version: true } })).version;
    await confirmFact(editor.actor, { storyId: story.id, factId: quakeFact, version });
    const { claimId } = await acceptSuggestion(editor.actor, { suggestionId: lead.id });
    expect(await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { factId: true, factPinned: true, factEntries: true } })).toEqual({ factId: quakeFact, factPinned: true, factEntries: [0] });
    expect(await db.claimFactLink.findMany({ where: { claimId }, select: { factId: true, entries: true } })).toEqual([{ factId: tollFact, entries: [1] }]);
  });

  it("an editor who moves the lead places it with all of its entries and takes it out of its further facts", async () => {
    const { editor, story, lead, quakeFact, tollFact } = await storyWithLead();
    const version = (await db.fact.findUniqueOrThrow({ where: { id: quakeFact }, select: { version: true } })).version;
    await moveFactMember(editor.actor, { storyId: story.id, memberId: lead.id, fromFactId: quakeFact, fromVersion: version, toFactId: tollFact });
    const moved = await suggestionOf(story.id, "A strong earthquake shook the Tarvel valley early");
    expect(moved).toMatchObject({ factId: tollFact, factEntries: [], furtherFacts: [] });
    // analysing the lead's report again leaves the editor's placement alone
    const { reportId } = await db.claimSuggestion.findUniqueOrThrow({ where: { id: lead.id }, select: { reportId: true } });
    await analyzeReport(reportId);
    expect(await suggestionOf(story.id, "A strong earthquake shook the Tarvel valley early")).toMatchObject({ factId: tollFact, factEntries: [], furtherFacts: [] });
  });

  it("a viewer cannot move the lead, and its entries stay where analysis put them", async () => {
    const { story, lead, quakeFact, tollFact } = await storyWithLead();
    const viewer = await buildUser({ role: "VIEWER" });
    const version = (await db.fact.findUniqueOrThrow({ where: { id: quakeFact }, select: { version: true } })).version;
    const error = await domainErrorFrom(moveFactMember(viewer.actor, { storyId: story.id, memberId: lead.id, fromFactId: quakeFact, fromVersion: version, toFactId: tollFact }));
    expect(error.kind).toBe("forbidden");
    expect(await suggestionOf(story.id, "A strong earthquake shook the Tarvel valley early")).toMatchObject({ factId: quakeFact, factEntries: [0], furtherFacts: [{ factId: tollFact, entries: [1] }] });
  });

  it("a fact only further members state is listed on the Facts tab and survives a refresh", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const story = await buildStory(editor.actor);
    // two leads that each state the quake and its toll: the toll fact may hold them both further
    await fileReport(editor, story.id, "Harbourline Wire", LEAD);
    await fileReport(editor, story.id, "Coastal Radio", "A strong earthquake shook the Tarvel valley before dawn on Friday, killing nine people in Ostrin.");
    // both filed under the quake; the toll is stated by their second entries alone
    const leads = await db.claimSuggestion.findMany({ where: { report: { storyId: story.id } }, select: { factId: true, furtherFacts: { select: { factId: true, entries: true } } } });
    expect(leads).toHaveLength(2);
    expect(leads[0]!.factId).toBe(leads[1]!.factId);
    const tollFact = leads[0]!.furtherFacts[0]!.factId;
    expect(leads.map((lead) => lead.furtherFacts)).toEqual([
      [{ factId: tollFact, entries: [1] }],
      [{ factId: tollFact, entries: [1] }],
    ]);
    await refreshFact(story.id, tollFact);
    expect(await db.fact.findUniqueOrThrow({ where: { id: tollFact }, select: { claimCount: true, sourceCount: true } })).toEqual({ claimCount: 0, sourceCount: 2 });
    const { facts, total } = await listFacts(editor.actor, story.id, { sort: "most_sources", filter: "corroborated" });
    expect(facts.find((fact) => fact.id === tollFact)).toMatchObject({ claimCount: 0, furtherClaimCount: 2, sources: ["Coastal Radio", "Harbourline Wire"] });
    expect(total).toBe(facts.length);
    // the tab's count is of these facts, not of the parts no other outlet states
    expect((await getStory(editor.actor, story.id))._count.facts).toBe(total);
    const toll = await getFact(editor.actor, story.id, tollFact);
    expect(toll.members).toEqual([]);
    expect(toll.furtherMembers).toHaveLength(2);

    // a third report whose sentence states something no other outlet does: a fact of its own,
    // stored for later reports to join, not counted on the tab
    await fileReport(editor, story.id, "Northgate", "The regional governor visited a field hospital set up in the Ostrin school gym on Saturday afternoon.");
    expect(await db.fact.count({ where: { storyId: story.id } })).toBeGreaterThan(total);
    expect((await getStory(editor.actor, story.id))._count.facts).toBe(total);
  });
});
