import { describe, expect, it } from "vitest";
import { runOnce } from "graphile-worker";
import { db } from "@/lib/db/client";
import { analyzeFiles, featureFiles } from "@/lib/analysis/facts/analyze-files";
import type { ClaimFeatures } from "@/lib/analysis/facts";
import { quietQueueLogger } from "@/lib/jobs/queue-logger";
import { taskList } from "@/lib/jobs/task-list";
import { killReport } from "@/lib/reports/kill-report";
import { storeReport } from "@/lib/reports/store-report";
import { buildReportInput, buildStory, buildUser, domainErrorFrom, uniqueToken } from "@/lib/testing/factories";
import { analyzeReport } from "./analyze-report";
import { reanalyzeStory } from "./reanalyze-story";

/*
 * The story's main country on a real database: a claim placed in another country is judged
 * against the country the story's reports name most, as `npm run analyze` judges it over all its
 * files, not against the country one outlet names most. The floods, outlets and villages are
 * invented; the countries are real names the gazetteer knows.
 */

// two outlets from the country the story happens in
const ALA_TOO = [
  "Floods swept through villages in Kyrgyzstan's Osh region on Monday, the emergencies ministry said.",
  "Nine people were killed in the floods, the ministry said.",
  "Kyrgyzstan declared a state of emergency in three districts of the south.",
  "The Kyrgyz government said Kyrgyzstan would ask neighbours for pumps.",
];
const OSH_DAILY = [
  "Nine people died when floodwater swept through villages in Kyrgyzstan's Osh region on Monday, officials said.",
  "Rescuers in Kyrgyzstan evacuated about 400 residents overnight.",
  "Kyrgyz officials said roads across Kyrgyzstan remained closed.",
];
// an outlet across the border, naming its own country more than the story's
const ANDIJAN_HERALD = [
  "Two people were killed in Uzbekistan's Andijan region when the floods reached Uzbekistan on Tuesday, Uzbekistan's emergencies ministry said.",
  "Nine people were killed in Kyrgyzstan's Osh region, the Uzbek ministry said.",
  "Uzbekistan sent rescue teams to the border, Uzbek officials said.",
];
const TWO_IN_UZBEKISTAN = ANDIJAN_HERALD[0]!;
const NINE_IN_KYRGYZSTAN = ANDIJAN_HERALD[1]!;

type Actor = Awaited<ReturnType<typeof buildUser>>["actor"];

async function importReport(actor: Actor, storyId: string, source: string, paragraphs: string[]) {
  const externalId = `wire-${uniqueToken()}`;
  const result = await storeReport(actor, buildReportInput(storyId, { externalId, source, paragraphs, dateline: null }), "PASTE");
  return { reportId: result.reportId, externalId, source };
}

/**
 * Worker passes (the task list `npm run worker` runs) until nothing runnable is left: a job
 * another job queues (a story's re-analysis) may still be finishing when a pass returns.
 */
async function drainQueue(): Promise<void> {
  for (let pass = 0; pass < 20; pass += 1) {
    await runOnce({ connectionString: process.env.DATABASE_URL!, taskList, logger: quietQueueLogger });
    const [left] = await db.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM graphile_worker.jobs WHERE attempts < max_attempts AND (run_at <= now() OR locked_at IS NOT NULL)`;
    if (left!.count === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the job queue did not drain");
}

async function reanalysisQueued(storyId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT id::text FROM graphile_worker.jobs WHERE key = ${`reanalyze-story:${storyId}`}`;
  return rows.length > 0;
}

async function storyCountry(storyId: string): Promise<string | null> {
  return (await db.story.findUniqueOrThrow({ where: { id: storyId }, select: { mainCountry: true } })).mainCountry;
}

/** The stored features of the suggestion holding `sentence`. */
async function featuresOf(storyId: string, sentence: string): Promise<ClaimFeatures> {
  const suggestion = await db.claimSuggestion.findFirstOrThrow({ where: { report: { storyId }, text: sentence }, select: { features: true } });
  expect(suggestion.features).not.toBeNull();
  return suggestion.features as unknown as ClaimFeatures;
}

/** The story's reports as `npm run analyze` reads them: current text and outlet, in import order. */
async function reportFiles(storyId: string) {
  const reports = await db.report.findMany({
    where: { storyId, killedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, currentVersion: true, source: { select: { name: true } }, versions: { select: { version: true, bodyText: true } } },
  });
  return reports.map((report) => ({
    file: report.source!.name,
    text: report.versions.find((version) => version.version === report.currentVersion)!.bodyText,
  }));
}

/** The story's facts as sets of member sentences (sorted), comparable with the command line's. */
async function appFacts(storyId: string): Promise<string[][]> {
  const members = await db.claimSuggestion.findMany({ where: { report: { storyId }, factId: { not: null } }, select: { factId: true, text: true } });
  const byFact = new Map<string, string[]>();
  for (const member of members) (byFact.get(member.factId!) ?? byFact.set(member.factId!, []).get(member.factId!)!).push(member.text);
  return [...byFact.values()].filter((texts) => texts.length >= 2).map((texts) => texts.sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

function cliFacts(files: { file: string; text: string }[]): string[][] {
  const read = (file: string) => ({ source: file, publishedAt: "2026-03-04" });
  const { claims, facts } = analyzeFiles(files, { read });
  const textOf = new Map(claims.map((claim) => [claim.id, claim.text]));
  return facts.map((fact) => fact.claimIds.map((id) => textOf.get(id)!).sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

describe("the story's main country", () => {
  it("judges the claims of an outlet from a neighbouring country against the story's country, as `npm run analyze` does", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const story = await buildStory(editor.actor);

    // alone, the outlet across the border makes its own country the story's
    const herald = await importReport(editor.actor, story.id, "Andijan Herald", ANDIJAN_HERALD);
    await drainQueue();
    expect(await storyCountry(story.id)).toBe("UZB");
    expect((await featuresOf(story.id, TWO_IN_UZBEKISTAN)).elsewhere).toBe(false);
    expect((await featuresOf(story.id, NINE_IN_KYRGYZSTAN)).elsewhere).toBe(true);

    // the story's own outlets shift it: the next analysis stores the new country and queues the
    // story's re-analysis rather than recomputing every claim in the import's job
    const alaToo = await importReport(editor.actor, story.id, "Ala-Too Wire", ALA_TOO);
    await importReport(editor.actor, story.id, "Osh Daily", OSH_DAILY);
    expect(await reanalysisQueued(story.id)).toBe(false);
    await analyzeReport(alaToo.reportId);
    expect(await storyCountry(story.id)).toBe("KGZ");
    expect(await reanalysisQueued(story.id)).toBe(true);
    // not yet re-analysed: the herald's claims still carry the features of the old country
    expect((await featuresOf(story.id, TWO_IN_UZBEKISTAN)).elsewhere).toBe(false);

    await drainQueue();
    expect(await reanalysisQueued(story.id)).toBe(false);
    expect(await storyCountry(story.id)).toBe("KGZ");
    // the toll across the border happened elsewhere; the herald's word on the story's toll does not
    expect((await featuresOf(story.id, TWO_IN_UZBEKISTAN)).elsewhere).toBe(true);
    expect((await featuresOf(story.id, NINE_IN_KYRGYZSTAN)).elsewhere).toBe(false);

    // the command line, given the same texts in import order, reads every sentence the same way
    const files = await reportFiles(story.id);
    expect(files.map((file) => file.file)).toEqual([herald.source, "Ala-Too Wire", "Osh Daily"]);
    const { claims, featured } = featureFiles(files);
    expect(claims.length).toBe(ANDIJAN_HERALD.length + ALA_TOO.length + OSH_DAILY.length);
    for (const claim of claims) {
      const cli = featured.find((entry) => entry.id === claim.id)!;
      expect({ text: claim.text, elsewhere: (await featuresOf(story.id, claim.text)).elsewhere }).toEqual({ text: claim.text, elsewhere: cli.features.elsewhere });
    }
    // and forms the same facts: the herald's nine dead join the story's toll, its two do not
    const facts = await appFacts(story.id);
    expect(facts).toEqual(cliFacts(files));
    expect(facts.find((fact) => fact.includes(NINE_IN_KYRGYZSTAN))).toEqual(expect.arrayContaining([ALA_TOO[1], OSH_DAILY[0]]));
    expect(facts.find((fact) => fact.includes(TWO_IN_UZBEKISTAN))?.some((text) => /\bNine\b/u.test(text)) ?? false).toBe(false);
  });

  it("a kill notice that shifts the story's country queues a re-analysis against the country left; one that does not queues nothing", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const story = await buildStory(editor.actor);
    await importReport(editor.actor, story.id, "Andijan Herald", ANDIJAN_HERALD);
    const alaToo = await importReport(editor.actor, story.id, "Ala-Too Wire", ALA_TOO);
    const oshDaily = await importReport(editor.actor, story.id, "Osh Daily", OSH_DAILY);
    await drainQueue();
    expect(await storyCountry(story.id)).toBe("KGZ");
    expect((await featuresOf(story.id, TWO_IN_UZBEKISTAN)).elsewhere).toBe(true);

    await killReport(editor.actor, { storyId: story.id, externalId: oshDaily.externalId, source: oshDaily.source, note: "KILL" });
    expect(await storyCountry(story.id)).toBe("UZB");
    expect(await reanalysisQueued(story.id)).toBe(true);
    await drainQueue();
    expect((await featuresOf(story.id, TWO_IN_UZBEKISTAN)).elsewhere).toBe(false);
    expect((await featuresOf(story.id, NINE_IN_KYRGYZSTAN)).elsewhere).toBe(true);
    // the command line over the reports left agrees
    const { featured } = featureFiles(await reportFiles(story.id));
    expect(featured.find((entry) => entry.text === NINE_IN_KYRGYZSTAN)?.features.elsewhere).toBe(true);
    expect(featured.find((entry) => entry.text === TWO_IN_UZBEKISTAN)?.features.elsewhere).toBe(false);

    // a withdrawal that leaves the story's country where it was has nothing to redo
    await killReport(editor.actor, { storyId: story.id, externalId: alaToo.externalId, source: alaToo.source, note: "KILL" });
    expect(await storyCountry(story.id)).toBe("UZB");
    expect(await reanalysisQueued(story.id)).toBe(false);
  });

  it("a viewer cannot kill a report, and the story's country stays as it was", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const viewer = await buildUser({ role: "VIEWER" });
    const story = await buildStory(editor.actor);
    const alaToo = await importReport(editor.actor, story.id, "Ala-Too Wire", ALA_TOO);
    await importReport(editor.actor, story.id, "Andijan Herald", ANDIJAN_HERALD);
    await drainQueue();
    expect(await storyCountry(story.id)).toBe("UZB");
    const error = await domainErrorFrom(killReport(viewer.actor, { storyId: story.id, externalId: alaToo.externalId, note: "KILL" }));
    expect(error.kind).toBe("forbidden");
    expect(await storyCountry(story.id)).toBe("UZB");
    expect(await reanalysisQueued(story.id)).toBe(false);
  });

  it("a story whose reports name no country has none, and its analysis queues no re-analysis", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const story = await buildStory(editor.actor);
    const first = await importReport(editor.actor, story.id, "Lorvan Courier", ["Floods cut the Lorvan estuary road on Monday, the harbour authority said."]);
    await drainQueue();
    const stored = await db.story.findUniqueOrThrow({ where: { id: story.id }, select: { mainCountry: true, mainCountrySince: true } });
    expect(stored).toEqual({ mainCountry: null, mainCountrySince: expect.any(Date) });
    await importReport(editor.actor, story.id, "Estuary Post", ["Three people were rescued from the flooded Lorvan estuary road, officials said."]);
    await analyzeReport(first.reportId);
    expect(await reanalysisQueued(story.id)).toBe(false);
  });

  it("a story analysed before its country was kept is re-analysed once, on its next analysis", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const story = await buildStory(editor.actor);
    const herald = await importReport(editor.actor, story.id, "Andijan Herald", ANDIJAN_HERALD);
    await importReport(editor.actor, story.id, "Ala-Too Wire", ALA_TOO);
    await importReport(editor.actor, story.id, "Osh Daily", OSH_DAILY);
    await drainQueue();
    // as stored before the story kept its country: features took each report's own
    await db.$executeRaw`UPDATE "Story" SET "mainCountry" = NULL, "mainCountrySince" = NULL WHERE id = ${story.id}::uuid`;
    await db.$executeRaw`UPDATE "ReportVersion" v SET "countryCounts" = NULL FROM "Report" r WHERE r.id = v."reportId" AND r."storyId" = ${story.id}::uuid`;

    await analyzeReport(herald.reportId);
    expect(await storyCountry(story.id)).toBe("KGZ");
    expect(await reanalysisQueued(story.id)).toBe(true);
    await drainQueue();
    await analyzeReport(herald.reportId);
    expect(await reanalysisQueued(story.id)).toBe(false);
    const counted = await db.reportVersion.findMany({ where: { report: { storyId: story.id } }, select: { countryCounts: true } });
    expect(counted.every((version) => Array.isArray(version.countryCounts))).toBe(true);
  });

  it("re-analysing a story works its country out again without queueing itself", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const story = await buildStory(editor.actor);
    await importReport(editor.actor, story.id, "Ala-Too Wire", ALA_TOO);
    await importReport(editor.actor, story.id, "Andijan Herald", ANDIJAN_HERALD);
    await drainQueue();
    await db.$executeRaw`UPDATE "Story" SET "mainCountry" = 'KAZ' WHERE id = ${story.id}::uuid`;
    await reanalyzeStory(story.id);
    expect(await storyCountry(story.id)).toBe("UZB");
    expect(await reanalysisQueued(story.id)).toBe(false);
  });
});
