import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { runOnce } from "graphile-worker";
import { ANALYSIS_VERSION } from "@/lib/analysis/facts";
import { db } from "@/lib/db/client";
import { storeReport } from "@/lib/reports/store-report";
import { acceptSuggestion, dismissSuggestion } from "@/lib/claims/suggestions";
import { quietQueueLogger } from "@/lib/jobs/queue-logger";
import { startWorker } from "@/lib/jobs/run-worker";
import { taskList } from "@/lib/jobs/task-list";
import { buildReportInput, buildStory, buildUser, domainErrorFrom, uniqueToken } from "@/lib/testing/factories";
import { analyzeReport, recordAnalysisFailure } from "./analyze-report";
import { confirmFact } from "./confirm-fact";
import { getFact } from "./get-fact";
import { getAnalysisProgress, listFacts } from "./list-facts";
import { mergeFacts } from "./merge-facts";
import { queueReportAnalysis } from "./queue-analysis";
import { moveFactMember } from "./move-fact-member";
import { reanalyzeStory } from "./reanalyze-story";
import { splitFact } from "./split-fact";

/*
 * The fact pipeline on a real database: imports queue analyze-report jobs in their own
 * transaction, a worker pass (graphile-worker's runOnce with the app's task list) groups the
 * members, and editors' decisions hold against re-analysis. Report texts are invented.
 */

const SEIZED = "Rebel fighters seized the Tel Hamra crossing on Thursday after a day of heavy clashes.";
const KILLED_12 = "Twelve soldiers were killed in the fighting, two army sources said.";
const FLED = "About 3,000 residents fled west toward Halvek, a local official said.";

const CAPTURED = "Insurgents captured the Tel Hamra border crossing on Thursday following heavy fighting.";
const KILLED_15 = "Fifteen soldiers were killed in the clashes, according to a military source.";

const RELAYED = "Northgate News Agency reported that rebel fighters seized the Tel Hamra crossing on Thursday.";

async function deskStory() {
  const editor = await buildUser({ role: "EDITOR" });
  const story = await buildStory(editor.actor);
  return { editor, story };
}

async function importReport(actor: Awaited<ReturnType<typeof buildUser>>["actor"], storyId: string, source: string, paragraphs: string[]) {
  const input = buildReportInput(storyId, { externalId: `wire-${uniqueToken()}`, source, paragraphs });
  return { input, ...(await storeReport(actor, input, "PASTE")) };
}

/** One worker pass over everything queued (the same task list `npm run worker` runs). */
async function drainQueue(): Promise<void> {
  await runOnce({ connectionString: process.env.DATABASE_URL!, taskList, logger: quietQueueLogger });
}

async function factsOf(storyId: string) {
  return db.fact.findMany({
    where: { storyId },
    select: { id: true, state: true, locked: true, sourceCount: true, sources: true, claimCount: true, conflictCount: true, conflictKinds: true, version: true },
    orderBy: [{ sourceCount: "desc" }, { claimCount: "desc" }],
  });
}

/** The fact whose members include a sentence containing `fragment`. */
async function factHolding(storyId: string, fragment: string) {
  const suggestion = await db.claimSuggestion.findFirst({ where: { report: { storyId }, text: { contains: fragment } }, select: { factId: true } });
  const claim = await db.claim.findFirst({ where: { storyId, exact: { contains: fragment } }, select: { factId: true } });
  const factId = claim?.factId ?? suggestion?.factId;
  if (!factId) throw new Error(`no fact holds "${fragment}"`);
  return db.fact.findUniqueOrThrow({ where: { id: factId }, include: { conflicts: true } });
}

async function memberIds(factId: string): Promise<string[]> {
  const [claims, suggestions] = await Promise.all([
    db.claim.findMany({ where: { factId }, select: { id: true } }),
    db.claimSuggestion.findMany({ where: { factId }, select: { id: true } }),
  ]);
  return [...claims, ...suggestions].map((row) => row.id).sort();
}

/** Every member of the story sits in at most one fact, and each fact's claimCount matches its members. */
async function expectConsistentFacts(storyId: string) {
  for (const fact of await factsOf(storyId)) expect(fact.claimCount).toBe((await memberIds(fact.id)).length);
}

describe("fact analysis in the job queue", () => {
  it("an import answers at once and queues its analysis in the same transaction; a worker pass groups it", async () => {
    const { editor, story } = await deskStory();
    const { reportId } = await importReport(editor.actor, story.id, "Northgate News Agency", [SEIZED, KILLED_12]);

    const jobs = await db.$queryRaw<{ task_identifier: string }[]>`
      SELECT task_identifier FROM graphile_worker.jobs WHERE key = ${`analyze-report:${reportId}`}`;
    expect(jobs).toEqual([{ task_identifier: "analyze-report" }]);
    expect(await factsOf(story.id)).toEqual([]);
    expect(await getAnalysisProgress(editor.actor, story.id)).toMatchObject({ reports: 1, pending: 1, failed: [] });

    await drainQueue();

    expect(await getAnalysisProgress(editor.actor, story.id)).toMatchObject({ reports: 1, pending: 0 });
    const facts = await factsOf(story.id);
    expect(facts.length).toBeGreaterThan(0);
    expect(facts.every((fact) => fact.sourceCount === 1 && fact.sources[0] === "Northgate News Agency")).toBe(true);
    const members = await db.claimSuggestion.findMany({ where: { reportId }, select: { factId: true, featuresVersion: true } });
    expect(members.every((member) => member.factId !== null && member.featuresVersion !== null)).toBe(true);
  });

  it("a job queued in a transaction that rolls back never runs", async () => {
    const { editor, story } = await deskStory();
    const { reportId } = await importReport(editor.actor, story.id, "Northgate News Agency", [SEIZED]);
    await drainQueue();
    await expect(
      db.$transaction(async (tx) => {
        await queueReportAnalysis(tx, reportId);
        throw new Error("the import failed after queueing");
      }),
    ).rejects.toThrow("the import failed");
    const [queued] = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM graphile_worker.jobs WHERE key = ${`analyze-report:${reportId}`}`;
    expect(Number(queued!.count)).toBe(0);
    expect(await getAnalysisProgress(editor.actor, story.id)).toMatchObject({ pending: 0 });
  });

  it("a report whose analysis the queue gave up on is listed as failed until its analysis is queued again", async () => {
    const { editor, story } = await deskStory();
    const { reportId, input } = await importReport(editor.actor, story.id, "Northgate News Agency", [SEIZED]);
    await recordAnalysisFailure(reportId, "features could not be computed");

    const progress = await getAnalysisProgress(editor.actor, story.id);
    expect(progress).toMatchObject({ pending: 0, failed: [{ reportId, headline: input.headline, error: "features could not be computed" }] });

    await db.$transaction((tx) => queueReportAnalysis(tx, reportId));
    expect(await getAnalysisProgress(editor.actor, story.id)).toMatchObject({ pending: 1, failed: [] });
    await drainQueue();
    expect(await getAnalysisProgress(editor.actor, story.id)).toMatchObject({ pending: 0, failed: [] });
  });

  it("two worker processes' worth of runners share the queue and analyse every report once", async () => {
    const { editor, story } = await deskStory();
    const reports = await Promise.all(
      [["Northgate News Agency", [SEIZED, KILLED_12]], ["Meridian Press", [CAPTURED, KILLED_15]], ["Kestrel Daily", [RELAYED, FLED]]].map(([source, paragraphs]) =>
        importReport(editor.actor, story.id, source as string, paragraphs as string[]),
      ),
    );
    const runners = await Promise.all([1, 2].map(() => startWorker({ connectionString: process.env.DATABASE_URL!, concurrency: 1, pollInterval: 200 })));
    try {
      await expect.poll(async () => (await getAnalysisProgress(editor.actor, story.id)).pending, { timeout: 20_000, interval: 200 }).toBe(0);
    } finally {
      await Promise.all(runners.map((runner) => runner.stop()));
    }
    const done = await db.report.findMany({ where: { id: { in: reports.map((report) => report.reportId) } }, select: { analysisDone: true } });
    expect(done.map((report) => report.analysisDone)).toEqual([1, 1, 1]);
    const seized = await factHolding(story.id, "seized the Tel Hamra crossing on Thursday after");
    expect(seized.sourceCount).toBe(2);
    await expectConsistentFacts(story.id);
  });

  it("two outlets carrying the same facts give them two independent sources, and differing numbers are flagged", async () => {
    const { editor, story } = await deskStory();
    await importReport(editor.actor, story.id, "Northgate News Agency", [SEIZED, KILLED_12, FLED]);
    await importReport(editor.actor, story.id, "Meridian Press", [CAPTURED, KILLED_15]);
    await drainQueue();

    const seized = await factHolding(story.id, "seized the Tel Hamra");
    expect(seized.sources).toEqual(["Meridian Press", "Northgate News Agency"]);
    expect(seized.sourceCount).toBe(2);
    expect((await factHolding(story.id, "Insurgents captured")).id).toBe(seized.id);

    const toll = await factHolding(story.id, "Twelve soldiers");
    expect((await factHolding(story.id, "Fifteen soldiers")).id).toBe(toll.id);
    expect(toll.conflicts.map((item) => item.kind)).toContain("NUMBER");
    expect(toll.conflictKinds).toContain("NUMBER");

    const fled = await factHolding(story.id, "3,000 residents");
    expect(fled.sourceCount).toBe(1);
    const listed = await listFacts(editor.actor, story.id, { sort: "most_sources", filter: "single_source" });
    expect(listed.facts.map((fact) => fact.id)).toContain(fled.id);
    expect(listed.facts.map((fact) => fact.id)).not.toContain(seized.id);
    const conflicted = await listFacts(editor.actor, story.id, { sort: "conflicts", filter: "conflicts" });
    expect(conflicted.facts[0]?.id).toBe(toll.id);
    await expectConsistentFacts(story.id);
  });

  it("a report that says the opposite of another is stored and listed as a meaning conflict", async () => {
    const { editor, story } = await deskStory();
    await importReport(editor.actor, story.id, "Northgate News Agency", ["The port authority said a faulty valve caused the blast at the Tel Hamra fuel depot and that it had ruled out sabotage."]);
    await importReport(editor.actor, story.id, "Kestrel Daily", ["The port authority said a faulty valve caused the blast at the Tel Hamra fuel depot, the version of sabotage investigators not excluded."]);
    await drainQueue();

    const blast = await factHolding(story.id, "ruled out sabotage");
    expect((await factHolding(story.id, "investigators not excluded")).id).toBe(blast.id);
    expect(blast.conflicts.find((item) => item.kind === "MEANING")?.detail).toContain("not excluded");
    expect(blast.conflictKinds).toContain("MEANING");
    await expectConsistentFacts(story.id);
  });

  it("a report that relays another outlet ('Northgate reported ...') does not count as a second source", async () => {
    const { editor, story } = await deskStory();
    await importReport(editor.actor, story.id, "Northgate News Agency", [SEIZED]);
    await importReport(editor.actor, story.id, "Kestrel Daily", [RELAYED]);
    await drainQueue();

    const seized = await factHolding(story.id, "seized the Tel Hamra crossing on Thursday after");
    expect((await factHolding(story.id, "Northgate News Agency reported")).id).toBe(seized.id);
    expect(seized.sourceCount).toBe(1);
    expect(seized.sources).toEqual(["Northgate News Agency"]);
  });

  it("an aggregator's report credited to an agency counts as that agency, whatever its sentences say", async () => {
    const { editor, story } = await deskStory();
    await importReport(editor.actor, story.id, "Northgate News Agency", [SEIZED]);
    // the credit line sits elsewhere in the aggregator's report; the grouped sentence names no one
    const input = buildReportInput(story.id, { externalId: `wire-${uniqueToken()}`, source: "World Digest", paragraphs: [CAPTURED] });
    await storeReport(editor.actor, { ...input, credit: "Northgate News Agency" }, "PASTE");
    await importReport(editor.actor, story.id, "Kestrel Daily", ["Rebel forces took control of the Tel Hamra crossing on Thursday, residents said."]);
    await drainQueue();

    const seized = await factHolding(story.id, "seized the Tel Hamra crossing on Thursday after");
    expect((await factHolding(story.id, "Insurgents captured")).id).toBe(seized.id);
    expect(seized.sources).toEqual(["Kestrel Daily", "Northgate News Agency"]);
    expect(seized.sourceCount).toBe(2);
  });

  it("a later report joins the facts already there instead of regrouping the story", async () => {
    const { editor, story } = await deskStory();
    await importReport(editor.actor, story.id, "Northgate News Agency", [SEIZED, KILLED_12]);
    await drainQueue();
    const before = await factsOf(story.id);
    const seizedBefore = await factHolding(story.id, "seized the Tel Hamra");

    const { reportId } = await importReport(editor.actor, story.id, "Meridian Press", [CAPTURED]);
    const result = await analyzeReport(reportId);

    expect(result.joined).toBeGreaterThan(0);
    const after = await factsOf(story.id);
    // every fact is still there (a statement only the new report makes may start one of its own)
    expect(after.map((fact) => fact.id)).toEqual(expect.arrayContaining(before.map((fact) => fact.id)));
    expect((await factHolding(story.id, "Insurgents captured")).id).toBe(seizedBefore.id);
    await drainQueue();
  });

  it("importing the same report again neither queues work nor adds members; analysing a report twice changes nothing", async () => {
    const { editor, story } = await deskStory();
    const first = await importReport(editor.actor, story.id, "Northgate News Agency", [SEIZED, KILLED_12]);
    await drainQueue();
    const snapshot = await Promise.all((await factsOf(story.id)).map(async (fact) => [fact.id, await memberIds(fact.id)] as const));

    const again = await storeReport(editor.actor, first.input, "PASTE");
    expect(again.outcome).toBe("duplicate");
    const [queued] = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM graphile_worker.jobs WHERE key = ${`analyze-report:${first.reportId}`}`;
    expect(Number(queued!.count)).toBe(0);
    await analyzeReport(first.reportId);

    const after = await Promise.all((await factsOf(story.id)).map(async (fact) => [fact.id, await memberIds(fact.id)] as const));
    // the same facts with the same members (the list's order among equally corroborated facts is not part of it)
    const byId = (rows: typeof snapshot) => [...rows].sort(([a], [b]) => a.localeCompare(b));
    expect(byId(after)).toEqual(byId(snapshot));
  });

  it("two workers analysing two reports of one story at once end with one consistent set of facts", async () => {
    const { editor, story } = await deskStory();
    const a = await importReport(editor.actor, story.id, "Northgate News Agency", [SEIZED, KILLED_12]);
    const b = await importReport(editor.actor, story.id, "Meridian Press", [CAPTURED, KILLED_15]);

    await Promise.all([analyzeReport(a.reportId), analyzeReport(b.reportId)]);

    const seized = await factHolding(story.id, "seized the Tel Hamra");
    expect((await factHolding(story.id, "Insurgents captured")).id).toBe(seized.id);
    expect(seized.sourceCount).toBe(2);
    await expectConsistentFacts(story.id);
    const suggestions = await db.claimSuggestion.count({ where: { reportId: { in: [a.reportId, b.reportId] }, factId: null } });
    expect(suggestions).toBe(0);
    await drainQueue();
  });

  it("accepting a grouped suggestion hands its fact to the new claim; dismissing one takes it out", async () => {
    const { editor, story } = await deskStory();
    await importReport(editor.actor, story.id, "Northgate News Agency", [SEIZED, KILLED_12]);
    await importReport(editor.actor, story.id, "Meridian Press", [CAPTURED]);
    await drainQueue();
    const seized = await factHolding(story.id, "seized the Tel Hamra");
    const [northgate, meridian] = await Promise.all([
      db.claimSuggestion.findFirstOrThrow({ where: { factId: seized.id, text: { contains: "Rebel fighters" } } }),
      db.claimSuggestion.findFirstOrThrow({ where: { factId: seized.id, text: { contains: "Insurgents" } } }),
    ]);

    const { claimId } = await acceptSuggestion(editor.actor, { suggestionId: northgate.id });
    await dismissSuggestion(editor.actor, { suggestionId: meridian.id });
    expect(await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { factId: true, featuresVersion: true } })).toMatchObject({ factId: seized.id });
    expect((await db.claimSuggestion.findUniqueOrThrow({ where: { id: meridian.id } })).factId).toBeNull();
    await drainQueue();

    const refreshed = await db.fact.findUniqueOrThrow({ where: { id: seized.id } });
    expect(refreshed).toMatchObject({ claimCount: 1, sourceCount: 1, sources: ["Northgate News Agency"] });
    const detail = await getFact(editor.actor, story.id, seized.id);
    expect(detail.members.map((member) => [member.kind, member.id])).toEqual([["claim", claimId]]);
  });

  it("a claim tagged over a grouped suggestion's words takes its place in the fact, without a duplicate", async () => {
    const { editor, story } = await deskStory();
    const { reportId } = await importReport(editor.actor, story.id, "Northgate News Agency", [SEIZED, KILLED_12]);
    await importReport(editor.actor, story.id, "Meridian Press", [CAPTURED]);
    await drainQueue();
    const suggestion = await db.claimSuggestion.findFirstOrThrow({ where: { reportId, text: SEIZED } });
    const version = await db.reportVersion.findFirstOrThrow({ where: { reportId }, select: { version: true } });

    const { tagClaim } = await import("@/lib/claims/tag-claim");
    const claim = await tagClaim(editor.actor, {
      storyId: story.id, reportId, reportVersion: version.version, start: suggestion.start, end: suggestion.end,
      statement: "Rebels seized the Tel Hamra crossing", attribution: "", tags: [],
    });
    await drainQueue();

    const seized = await factHolding(story.id, "Insurgents captured");
    const members = await memberIds(seized.id);
    expect(members).toContain(claim.id);
    expect(members).not.toContain(suggestion.id);
    expect(seized).toMatchObject({ sourceCount: 2, claimCount: 2 });
  });
});

describe("editors' decisions on facts", () => {
  async function groupedStory() {
    const { editor, story } = await deskStory();
    await importReport(editor.actor, story.id, "Northgate News Agency", [SEIZED, KILLED_12, FLED]);
    await importReport(editor.actor, story.id, "Meridian Press", [CAPTURED, KILLED_15]);
    await drainQueue();
    return { editor, story, seized: await factHolding(story.id, "seized the Tel Hamra"), toll: await factHolding(story.id, "Twelve soldiers") };
  }

  it("confirming a fact pins its claims, records who confirmed it, and re-analysis leaves it alone", async () => {
    const { editor, story, seized } = await groupedStory();
    await confirmFact(editor.actor, { storyId: story.id, factId: seized.id, version: seized.version });

    const members = await memberIds(seized.id);
    const confirmed = await db.fact.findUniqueOrThrow({ where: { id: seized.id } });
    expect(confirmed).toMatchObject({ state: "CONFIRMED", locked: true, confirmedById: editor.id });
    expect(await db.claimSuggestion.count({ where: { factId: seized.id, factPinned: false } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: seized.id, action: "fact.confirm" } });
    expect(audit.actorId).toBe(editor.id);

    await reanalyzeStory(story.id);
    expect(await memberIds(seized.id)).toEqual(members);
  });

  it("says when a story's facts were grouped by an earlier analysis, until re-analysis groups them again", async () => {
    const { editor, story } = await groupedStory();
    // the first analysed report starts the story's grouping with the current analysis
    expect(await db.story.findUniqueOrThrow({ where: { id: story.id }, select: { groupedWith: true } })).toEqual({ groupedWith: ANALYSIS_VERSION });
    expect((await getAnalysisProgress(editor.actor, story.id)).outdated).toBe(false);
    // as a story grouped before a newer analysis shipped
    await db.story.update({ where: { id: story.id }, data: { groupedWith: ANALYSIS_VERSION - 1 } });
    expect((await getAnalysisProgress(editor.actor, story.id)).outdated).toBe(true);
    await reanalyzeStory(story.id);
    expect((await getAnalysisProgress(editor.actor, story.id)).outdated).toBe(false);
    // a story with no facts has nothing to group again
    const empty = await buildStory(editor.actor);
    expect((await getAnalysisProgress(editor.actor, empty.id)).outdated).toBe(false);
  });

  it("a split moves the chosen claims to a new fact, and re-analysis does not glue them back", async () => {
    const { editor, story, seized } = await groupedStory();
    const meridian = await db.claimSuggestion.findFirstOrThrow({ where: { factId: seized.id, text: { contains: "Insurgents" } } });

    const { newFactId } = await splitFact(editor.actor, { storyId: story.id, factId: seized.id, version: seized.version, memberIds: [meridian.id] });

    expect(await memberIds(newFactId)).toEqual([meridian.id]);
    expect(await memberIds(seized.id)).not.toContain(meridian.id);
    expect(await db.fact.findUniqueOrThrow({ where: { id: seized.id } })).toMatchObject({ locked: true, sourceCount: 1 });
    await reanalyzeStory(story.id);
    expect(await memberIds(newFactId)).toEqual([meridian.id]);
    expect(await memberIds(seized.id)).not.toContain(meridian.id);
    await expectConsistentFacts(story.id);
  });

  it("a claim an editor moved out of its fact stays out through re-analysis", async () => {
    const { editor, story, toll } = await groupedStory();
    const fifteen = await db.claimSuggestion.findFirstOrThrow({ where: { factId: toll.id, text: { contains: "Fifteen" } } });

    await moveFactMember(editor.actor, { storyId: story.id, memberId: fifteen.id, fromFactId: toll.id, fromVersion: toll.version, toFactId: null });
    expect(await db.claimSuggestion.findUniqueOrThrow({ where: { id: fifteen.id } })).toMatchObject({ factId: null, factPinned: true });
    expect(await db.fact.findUniqueOrThrow({ where: { id: toll.id } })).toMatchObject({ conflictCount: 0, sourceCount: 1 });

    await reanalyzeStory(story.id);
    await analyzeReport(fifteen.reportId);
    expect(await db.claimSuggestion.findUniqueOrThrow({ where: { id: fifteen.id } })).toMatchObject({ factId: null, factPinned: true });
  });

  it("moving the last claim out of a fact says the fact is gone, so the page can leave it", async () => {
    const { editor, story, toll } = await groupedStory();
    const members = await memberIds(toll.id);
    let version = toll.version;
    const outcomes: boolean[] = [];
    for (const memberId of members) {
      const moved = await moveFactMember(editor.actor, { storyId: story.id, memberId, fromFactId: toll.id, fromVersion: version, toFactId: null });
      outcomes.push(moved.fromFactRemains);
      version = (await db.fact.findUnique({ where: { id: toll.id }, select: { version: true } }))?.version ?? version;
    }
    expect(outcomes.at(-1)).toBe(false);
    expect(outcomes.slice(0, -1).every(Boolean)).toBe(true);
    expect(await db.fact.count({ where: { id: toll.id } })).toBe(0);
  });

  it("merging two facts keeps one with every claim pinned", async () => {
    const { editor, story, seized, toll } = await groupedStory();
    const all = [...(await memberIds(seized.id)), ...(await memberIds(toll.id))].sort();

    await mergeFacts(editor.actor, { storyId: story.id, factId: seized.id, version: seized.version, otherFactId: toll.id, otherVersion: toll.version });

    expect(await memberIds(seized.id)).toEqual(all);
    expect(await db.fact.findUnique({ where: { id: toll.id } })).toBeNull();
    const merged = await db.fact.findUniqueOrThrow({ where: { id: seized.id } });
    expect(merged).toMatchObject({ locked: true, claimCount: all.length });
  });

  it("a stale version gets a conflict instead of overwriting someone else's decision", async () => {
    const { editor, story, seized, toll } = await groupedStory();
    const colleague = await buildUser({ role: "REVIEWER" });
    await confirmFact(colleague.actor, { storyId: story.id, factId: seized.id, version: seized.version });

    const members = await memberIds(seized.id);
    for (const attempt of [
      () => confirmFact(editor.actor, { storyId: story.id, factId: seized.id, version: seized.version }),
      () => splitFact(editor.actor, { storyId: story.id, factId: seized.id, version: seized.version, memberIds: [members[0]!] }),
      () => mergeFacts(editor.actor, { storyId: story.id, factId: toll.id, version: toll.version, otherFactId: seized.id, otherVersion: seized.version }),
    ]) {
      expect((await domainErrorFrom(attempt())).kind).toBe("conflict");
    }
    expect(await memberIds(seized.id)).toEqual(members);
  });

  it("a desk API token (or an unknown role) cannot confirm, split, merge or move; other stories' facts are not found", async () => {
    const { editor, story, seized, toll } = await groupedStory();
    const token = { ...editor.actor, role: "ADMIN" as const, apiTokenId: randomUUID() };
    const stranger = { ...editor.actor, role: "INTERN" as unknown as "EDITOR" };
    const members = await memberIds(seized.id);
    for (const actor of [token, stranger]) {
      const attempts = [
        () => confirmFact(actor, { storyId: story.id, factId: seized.id, version: seized.version }),
        () => splitFact(actor, { storyId: story.id, factId: seized.id, version: seized.version, memberIds: [members[0]!] }),
        () => mergeFacts(actor, { storyId: story.id, factId: seized.id, version: seized.version, otherFactId: toll.id, otherVersion: toll.version }),
        () => moveFactMember(actor, { storyId: story.id, memberId: members[0]!, fromFactId: seized.id, fromVersion: seized.version, toFactId: null }),
      ];
      for (const attempt of attempts) expect((await domainErrorFrom(attempt())).kind).toBe("forbidden");
    }
    const other = await buildStory(editor.actor);
    expect((await domainErrorFrom(confirmFact(editor.actor, { storyId: other.id, factId: seized.id, version: seized.version }))).kind).toBe("not_found");
    expect((await domainErrorFrom(getFact(editor.actor, other.id, seized.id))).kind).toBe("not_found");
    expect(
      (await domainErrorFrom(moveFactMember(editor.actor, { storyId: other.id, memberId: members[0]!, fromFactId: null, fromVersion: null, toFactId: null }))).kind,
    ).toBe("invalid");
    expect((await domainErrorFrom(splitFact(editor.actor, { storyId: story.id, factId: seized.id, version: seized.version, memberIds: members }))).kind).toBe("invalid");
    expect(await db.fact.findUniqueOrThrow({ where: { id: seized.id } })).toMatchObject({ state: "SUGGESTED", version: seized.version });
  });
});
