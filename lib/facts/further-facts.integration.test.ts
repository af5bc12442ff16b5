import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { tagClaim } from "@/lib/claims/tag-claim";
import { getClaim } from "@/lib/claims/get-claim";
import { storeReport } from "@/lib/reports/store-report";
import { retireClaim } from "@/lib/claims/resolve-anchor";
import { buildExplainer, buildReportInput, buildStory, buildUser, domainErrorFrom, uniqueToken } from "@/lib/testing/factories";
import { analyzeReport } from "./analyze-report";
import { getFact } from "./get-fact";
import { listFacts } from "./list-facts";
import { mergeFacts } from "./merge-facts";
import { moveFactMember } from "./move-fact-member";
import { reanalyzeStory } from "./reanalyze-story";
import { refreshFact } from "./refresh-fact";
import { splitFact } from "./split-fact";

/*
 * A lead that states two facts (a quake and its magnitude) stands in both: filed under one, a
 * further member (ClaimFactLink) of the other, whose outlets it counts among. Report texts are
 * invented; each report is one sentence an editor tagged as a claim.
 */

const LEAD = "A magnitude 5.8 earthquake shook the Tarvel valley early on Friday.";
const QUAKE = [
  ["Coastal Radio", "An earthquake shook the Tarvel valley before dawn on Friday."],
  ["Northgate", "A strong earthquake shook villages across the Tarvel valley early on Friday."],
] as const;
const MAGNITUDE = [
  ["Valley Courier", "The geological survey measured the earthquake at magnitude 5.8."],
  ["Eastbank Herald", "The quake measured magnitude 5.8, the geological survey said."],
  ["Lakeside Times", "The survey gave the quake a magnitude of 5.8."],
] as const;

type Editor = Awaited<ReturnType<typeof buildUser>>;

/** Imports a one-sentence report, tags the sentence as a claim and runs the report's analysis. */
async function fileClaim(editor: Editor, storyId: string, source: string, sentence: string) {
  const input = buildReportInput(storyId, { externalId: `wire-${uniqueToken()}`, source, dateline: "TARVEL, Nov 20", publishedAt: "2026-11-20T08:00:00Z", paragraphs: [sentence] });
  const { reportId } = await storeReport(editor.actor, input, "PASTE");
  const version = await db.reportVersion.findFirstOrThrow({ where: { reportId }, select: { bodyText: true } });
  const start = version.bodyText.indexOf(sentence);
  const claim = await tagClaim(editor.actor, { storyId, reportId, reportVersion: 1, start, end: start + sentence.length, statement: sentence });
  await analyzeReport(reportId);
  return { reportId, claimId: claim.id, input };
}

async function storyWithLead() {
  const editor = await buildUser({ role: "EDITOR" });
  const story = await buildStory(editor.actor);
  const lead = await fileClaim(editor, story.id, "Harbourline Wire", LEAD);
  for (const [source, sentence] of QUAKE) await fileClaim(editor, story.id, source, sentence);
  const magnitude = [];
  for (const [source, sentence] of MAGNITUDE) magnitude.push(await fileClaim(editor, story.id, source, sentence));
  const magnitudeFact = (await db.claim.findUniqueOrThrow({ where: { id: magnitude[0]!.claimId }, select: { factId: true } })).factId!;
  return { editor, story, lead, magnitude, magnitudeFact };
}

async function linksOf(claimId: string) {
  return (await db.claimFactLink.findMany({ where: { claimId }, select: { factId: true } })).map((link) => link.factId);
}

async function sourcesOf(factId: string) {
  return db.fact.findUniqueOrThrow({ where: { id: factId }, select: { sourceCount: true, sources: true, claimCount: true } });
}

describe("a claim that states several facts", () => {
  it("a lead filed under the quake is also a member of the magnitude fact, whose outlets count it", async () => {
    const { editor, story, lead, magnitude, magnitudeFact } = await storyWithLead();
    const leadFact = (await db.claim.findUniqueOrThrow({ where: { id: lead.claimId }, select: { factId: true } })).factId!;
    expect(leadFact).not.toBe(magnitudeFact);
    expect(new Set(await Promise.all(magnitude.map(async (m) => (await db.claim.findUniqueOrThrow({ where: { id: m.claimId } })).factId)))).toEqual(new Set([magnitudeFact]));

    expect(await linksOf(lead.claimId)).toEqual([magnitudeFact]);
    expect(await sourcesOf(magnitudeFact)).toEqual({
      sourceCount: 4,
      sources: ["Eastbank Herald", "Harbourline Wire", "Lakeside Times", "Valley Courier"],
      // the claims filed under the fact; the lead is a further member
      claimCount: 3,
    });

    const fact = await getFact(editor.actor, story.id, magnitudeFact);
    expect(fact.furtherMembers).toMatchObject([{ id: lead.claimId, source: "Harbourline Wire", quote: LEAD, primaryFact: { id: leadFact } }]);
    const quake = await getFact(editor.actor, story.id, leadFact);
    expect(quake.members.find((member) => member.id === lead.claimId)!.alsoIn).toEqual([{ id: magnitudeFact, statement: fact.statement }]);
    const claim = await getClaim(editor.actor, story.id, lead.claimId);
    expect(claim.facts).toEqual([
      { id: leadFact, statement: quake.statement, primary: true },
      { id: magnitudeFact, statement: fact.statement, primary: false },
    ]);
  });

  it("re-analysis of the story finds the same links again", async () => {
    const { story, lead } = await storyWithLead();
    await reanalyzeStory(story.id);
    const magnitudeFactNow = (await db.claim.findFirstOrThrow({ where: { storyId: story.id, exact: MAGNITUDE[0][1] }, select: { factId: true } })).factId!;
    expect(await linksOf(lead.claimId)).toEqual([magnitudeFactNow]);
    expect((await sourcesOf(magnitudeFactNow)).sources).toContain("Harbourline Wire");
  });

  it("an editor who moves the lead takes it out of its further facts, and the outlet count follows", async () => {
    const { editor, story, lead, magnitudeFact } = await storyWithLead();
    const leadFact = await db.fact.findFirstOrThrow({ where: { claims: { some: { id: lead.claimId } } }, select: { id: true, version: true } });
    await moveFactMember(editor.actor, { storyId: story.id, memberId: lead.claimId, fromFactId: leadFact.id, fromVersion: leadFact.version, toFactId: null });
    expect(await linksOf(lead.claimId)).toEqual([]);
    expect((await sourcesOf(magnitudeFact)).sources).toEqual(["Eastbank Herald", "Lakeside Times", "Valley Courier"]);
  });

  it("deleting the lead's claim, or its report, deletes its links", async () => {
    const { lead, magnitudeFact } = await storyWithLead();
    expect(await db.claimFactLink.count({ where: { factId: magnitudeFact } })).toBe(1);
    await db.claim.delete({ where: { id: lead.claimId } });
    expect(await db.claimFactLink.count({ where: { factId: magnitudeFact } })).toBe(0);

    const again = await storyWithLead();
    expect(await db.claimFactLink.count({ where: { claimId: again.lead.claimId } })).toBe(1);
    await db.report.delete({ where: { id: again.lead.reportId } });
    expect(await db.claimFactLink.count({ where: { claimId: again.lead.claimId } })).toBe(0);
  });
});

async function factOf(claimId: string) {
  const { factId } = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { factId: true } });
  return db.fact.findUniqueOrThrow({ where: { id: factId! }, select: { id: true, version: true } });
}

async function versionOf(factId: string) {
  return (await db.fact.findUniqueOrThrow({ where: { id: factId }, select: { version: true } })).version;
}

/** Splits the last magnitude claim off into a fact of its own (both facts the editor's from then on). */
async function splitMagnitude(setup: Awaited<ReturnType<typeof storyWithLead>>) {
  const { editor, story, magnitude, magnitudeFact } = setup;
  const { newFactId } = await splitFact(editor.actor, { storyId: story.id, factId: magnitudeFact, version: await versionOf(magnitudeFact), memberIds: [magnitude[2]!.claimId] });
  return newFactId;
}

describe("further links follow the claims and facts they join", () => {
  it("merging the lead's further fact into another fact points the link at the fact kept, whose outlets count the lead", async () => {
    const setup = await storyWithLead();
    const { editor, story, lead, magnitudeFact } = setup;
    const splitOff = await splitMagnitude(setup);
    expect(await linksOf(lead.claimId)).toEqual([magnitudeFact]);
    expect((await sourcesOf(splitOff)).sources).toEqual(["Lakeside Times"]);

    await mergeFacts(editor.actor, { storyId: story.id, factId: splitOff, version: await versionOf(splitOff), otherFactId: magnitudeFact, otherVersion: await versionOf(magnitudeFact) });
    expect(await db.fact.count({ where: { id: magnitudeFact } })).toBe(0);
    expect(await linksOf(lead.claimId)).toEqual([splitOff]);
    expect(await sourcesOf(splitOff)).toEqual({ sourceCount: 4, sources: ["Eastbank Herald", "Harbourline Wire", "Lakeside Times", "Valley Courier"], claimCount: 3 });
    expect((await getFact(editor.actor, story.id, splitOff)).furtherMembers.map((member) => member.id)).toEqual([lead.claimId]);
  });

  it("a claim linked to both merged facts keeps one link", async () => {
    const setup = await storyWithLead();
    const { editor, story, lead, magnitudeFact } = setup;
    const splitOff = await splitMagnitude(setup);
    await db.claimFactLink.create({ data: { claimId: lead.claimId, factId: splitOff } });

    await mergeFacts(editor.actor, { storyId: story.id, factId: splitOff, version: await versionOf(splitOff), otherFactId: magnitudeFact, otherVersion: await versionOf(magnitudeFact) });
    expect(await linksOf(lead.claimId)).toEqual([splitOff]);
    expect((await sourcesOf(splitOff)).sourceCount).toBe(4);
  });

  it("merging the lead's further fact into the lead's own fact leaves the lead a primary member only", async () => {
    const { editor, story, lead, magnitudeFact } = await storyWithLead();
    const leadFact = await factOf(lead.claimId);
    await mergeFacts(editor.actor, { storyId: story.id, factId: leadFact.id, version: leadFact.version, otherFactId: magnitudeFact, otherVersion: await versionOf(magnitudeFact) });
    expect(await linksOf(lead.claimId)).toEqual([]);
    expect(await db.claimFactLink.count({ where: { factId: leadFact.id } })).toBe(0);
    expect((await getFact(editor.actor, story.id, leadFact.id)).furtherMembers).toEqual([]);
  });

  it("a merge refused to a viewer leaves the links as they were", async () => {
    const { story, lead, magnitudeFact } = await storyWithLead();
    const viewer = await buildUser({ role: "VIEWER" });
    const leadFact = await factOf(lead.claimId);
    const error = await domainErrorFrom(
      mergeFacts(viewer.actor, { storyId: story.id, factId: leadFact.id, version: leadFact.version, otherFactId: magnitudeFact, otherVersion: await versionOf(magnitudeFact) }),
    );
    expect(error.kind).toBe("forbidden");
    expect(await linksOf(lead.claimId)).toEqual([magnitudeFact]);
  });

  it("a stale version refuses the merge and leaves the links as they were", async () => {
    const { editor, story, lead, magnitudeFact } = await storyWithLead();
    const leadFact = await factOf(lead.claimId);
    const error = await domainErrorFrom(
      mergeFacts(editor.actor, { storyId: story.id, factId: leadFact.id, version: leadFact.version, otherFactId: magnitudeFact, otherVersion: (await versionOf(magnitudeFact)) - 1 }),
    );
    expect(error.kind).toBe("conflict");
    expect(await linksOf(lead.claimId)).toEqual([magnitudeFact]);
    expect((await sourcesOf(magnitudeFact)).sourceCount).toBe(4);
  });

  it("splitting the lead off its fact takes it out of its further facts", async () => {
    const { editor, story, lead, magnitudeFact } = await storyWithLead();
    const leadFact = await factOf(lead.claimId);
    await splitFact(editor.actor, { storyId: story.id, factId: leadFact.id, version: leadFact.version, memberIds: [lead.claimId] });
    expect(await linksOf(lead.claimId)).toEqual([]);
    expect((await sourcesOf(magnitudeFact)).sources).toEqual(["Eastbank Herald", "Lakeside Times", "Valley Courier"]);
  });

  it("a fact emptied by editors takes its further links with it", async () => {
    const { editor, story, lead, magnitude, magnitudeFact } = await storyWithLead();
    for (const member of magnitude) {
      await moveFactMember(editor.actor, { storyId: story.id, memberId: member.claimId, fromFactId: magnitudeFact, fromVersion: await versionOf(magnitudeFact), toFactId: null });
      if ((await db.fact.count({ where: { id: magnitudeFact } })) === 0) break;
    }
    expect(await db.fact.count({ where: { id: magnitudeFact } })).toBe(0);
    expect(await linksOf(lead.claimId)).toEqual([]);
  });

  it("a fact emptied by editors but kept for an explainer citing it keeps no further members", async () => {
    const { editor, story, lead, magnitude, magnitudeFact } = await storyWithLead();
    const explainer = await buildExplainer({ storyId: story.id, createdById: editor.id });
    const revision = await db.explainerRevision.create({
      data: { explainerId: explainer.id, number: 1, title: "The Tarvel quake", content: { type: "doc", content: [] }, createdById: editor.id },
      select: { id: true },
    });
    await db.citation.create({ data: { revisionId: revision.id, factId: magnitudeFact } });
    for (const member of magnitude) {
      await moveFactMember(editor.actor, { storyId: story.id, memberId: member.claimId, fromFactId: magnitudeFact, fromVersion: await versionOf(magnitudeFact), toFactId: null });
    }
    expect(await sourcesOf(magnitudeFact)).toEqual({ sourceCount: 0, sources: [], claimCount: 0 });
    expect(await linksOf(lead.claimId)).toEqual([]);
    expect((await getFact(editor.actor, story.id, magnitudeFact)).furtherMembers).toEqual([]);
  });

  it("a link that no longer holds is dropped at the next refresh of its fact; a pinned claim's holds", async () => {
    const { story, lead, magnitude, magnitudeFact } = await storyWithLead();
    const leadFact = await factOf(lead.claimId);
    // to the claim's own primary fact; a claim an editor left in its fact (confirming it) keeps
    // its further facts, as an editor's move is what takes a claim out of them
    await db.claimFactLink.create({ data: { claimId: lead.claimId, factId: leadFact.id } });
    await db.claim.update({ where: { id: magnitude[0]!.claimId }, data: { factPinned: true } });
    await db.claimFactLink.create({ data: { claimId: magnitude[0]!.claimId, factId: leadFact.id } });
    await refreshFact(story.id, leadFact.id);
    expect((await db.claimFactLink.findMany({ where: { factId: leadFact.id }, select: { claimId: true } })).map((link) => link.claimId)).toEqual([magnitude[0]!.claimId]);
    // the lead's own link to the magnitude fact still holds
    await refreshFact(story.id, magnitudeFact);
    expect(await linksOf(lead.claimId)).toEqual([magnitudeFact]);
  });
});

describe("only placed claims are further members", () => {
  /** A new version of the lead's report no longer carries the lead: the claim is orphaned. */
  async function orphanLead(setup: Awaited<ReturnType<typeof storyWithLead>>) {
    const { editor, lead } = setup;
    await storeReport(editor.actor, { ...lead.input, paragraphs: ["Rescue teams reached the last cut-off hamlets of the Tarvel valley on Saturday."] }, "PASTE");
    expect((await db.claim.findUniqueOrThrow({ where: { id: lead.claimId }, select: { anchorState: true } })).anchorState).toBe("ORPHANED");
  }

  it("an orphaned lead leaves the fact page and the Facts tab at once, and its link goes with the report's analysis", async () => {
    const setup = await storyWithLead();
    const { editor, story, lead, magnitudeFact } = setup;
    await orphanLead(setup);
    expect((await getFact(editor.actor, story.id, magnitudeFact)).furtherMembers).toEqual([]);
    const listed = await listFacts(editor.actor, story.id, { filter: "all" });
    expect(listed.facts.find((fact) => fact.id === magnitudeFact)!.furtherClaimCount).toBe(0);

    await analyzeReport(lead.reportId);
    expect(await linksOf(lead.claimId)).toEqual([]);
    expect((await sourcesOf(magnitudeFact)).sources).toEqual(["Eastbank Herald", "Lakeside Times", "Valley Courier"]);
  });

  it("retiring the orphaned lead drops its links, and the refresh recounts the outlets", async () => {
    const setup = await storyWithLead();
    const { editor, story, lead, magnitudeFact } = setup;
    await orphanLead(setup);
    const orphan = await db.claim.findUniqueOrThrow({ where: { id: lead.claimId }, select: { version: true } });
    await retireClaim(editor.actor, { claimId: lead.claimId, version: orphan.version, reason: "The agency rewrote its lead." });
    expect(await linksOf(lead.claimId)).toEqual([]);
    await refreshFact(story.id, magnitudeFact);
    expect((await sourcesOf(magnitudeFact)).sourceCount).toBe(3);
  });
});

describe("the Facts tab counts further claims", () => {
  it("lists as many further claims for a fact as its page shows, and none for facts without", async () => {
    const { editor, story, lead, magnitudeFact } = await storyWithLead();
    const viewer = await buildUser({ role: "VIEWER" });
    const listed = await listFacts(viewer.actor, story.id, { filter: "all" });
    const counts = new Map(listed.facts.map((fact) => [fact.id, fact.furtherClaimCount]));
    const page = await getFact(editor.actor, story.id, magnitudeFact);
    expect(counts.get(magnitudeFact)).toBe(page.furtherMembers.length);
    expect(counts.get(magnitudeFact)).toBe(1);
    expect(counts.get((await factOf(lead.claimId)).id)).toBe(0);
    // the outlets already count the lead's; the tab does not add it again
    expect(listed.facts.find((fact) => fact.id === magnitudeFact)!.sourceCount).toBe(page.sourceCount);
  });

  it("a story that does not exist is not found", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    expect((await domainErrorFrom(listFacts(editor.actor, "00000000-0000-7000-8000-000000000000", {}))).kind).toBe("not_found");
  });
});
