import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { tagClaim } from "@/lib/claims/tag-claim";
import { getClaim } from "@/lib/claims/get-claim";
import { storeReport } from "@/lib/reports/store-report";
import { buildReportInput, buildStory, buildUser, uniqueToken } from "@/lib/testing/factories";
import { analyzeReport } from "./analyze-report";
import { getFact } from "./get-fact";
import { moveFactMember } from "./move-fact-member";
import { reanalyzeStory } from "./reanalyze-story";

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
  return { reportId, claimId: claim.id };
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
