import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { ANALYSIS_VERSION, type ExistingFact } from "@/lib/analysis/facts";
import { ensureFeatures, loadReportMembers, loadStoryFactMembers, placeMembers, refreshFactSummaries, toFeaturedEntries } from "./fact-members";
import { placeAnalysedMembers } from "./further-facts";
import { queueStoryReanalysis } from "./queue-analysis";
import { workOutStoryCountry } from "./story-country";
import { lockStoryFacts } from "./story-lock";

export type AnalyzeReportResult = {
  /** false when the report was deleted before its job ran */
  found: boolean;
  members: number;
  /** members placed in a fact that was there before */
  joined: number;
  /** facts created */
  created: number;
  timings?: { loadMs: number; assignMs: number; writeMs: number };
};

/** Long enough for a big story waiting behind another worker's analysis of the same story. */
export const ANALYSIS_TRANSACTION = { timeout: 120_000, maxWait: 10_000 } as const;

/**
 * The analyze-report job: computes the features of a report's claims and pending suggestions
 * and matches those not yet in a fact against the story's existing facts (incremental: the rest
 * of the story is not regrouped), then refreshes the summaries of the facts it touched. Members
 * an editor pinned stay where they are; locked facts only gain members.
 */
export async function analyzeReport(reportId: string, options: { measure?: boolean } = {}): Promise<AnalyzeReportResult> {
  return db.$transaction((tx) => analyzeReportIn(tx, reportId, options), ANALYSIS_TRANSACTION);
}

async function analyzeReportIn(tx: Tx, reportId: string, options: { measure?: boolean }): Promise<AnalyzeReportResult> {
  const started = performance.now();
  const [report] = await tx.$queryRaw<{ storyId: string }[]>`SELECT "storyId" FROM "Report" WHERE id = ${reportId}::uuid`;
  if (!report) return { found: false, members: 0, joined: 0, created: 0 };
  await lockStoryFacts(tx, report.storyId);
  // read after the lock: whatever asked for analysis before this point is covered by this run
  const [progress] = await tx.$queryRaw<{ requested: number }[]>`SELECT "analysisRequested" AS requested FROM "Report" WHERE id = ${reportId}::uuid`;

  // this report may shift the story's main country; the report's own members are computed with
  // the new one at once, the rest of the story's in a re-analysis (too big for this job)
  // (the story row itself is written last, in the order an import writes: its report, then the story)
  const storyCountry = await workOutStoryCountry(tx, report.storyId);
  const countryChanged = storyCountry.stale;
  if (countryChanged) await queueStoryReanalysis(tx, report.storyId);

  const { current, stale } = await loadReportMembers(tx, [reportId]);
  const touched = new Set<string>();
  for (const member of [...current, ...stale]) if (member.factId) touched.add(member.factId);
  const leaving = stale.filter((member) => member.factId && !member.pinned);
  for (const factId of await placeMembers(tx, leaving.map((member) => ({ id: member.id, kind: member.kind, factId: null })), { onlyUnplaced: false })) touched.add(factId);

  // always recomputed for this report's own members: a new version may have moved their text;
  // a placed member whose entries now lie otherwise is placed again
  const { relaid } = await ensureFeatures(tx, current, { force: true, story: storyCountry });
  const replace = current.filter((member) => relaid.has(member.id) && member.factId !== null && !member.pinned);
  for (const factId of await placeMembers(tx, replace.map((member) => ({ id: member.id, kind: member.kind, factId: null })), { onlyUnplaced: false })) touched.add(factId);
  for (const member of replace) member.factId = null;
  const added = current.filter((member) => member.factId === null && !member.pinned);

  let joined = 0;
  let created = 0;
  let loadMs = performance.now() - started;
  let assignMs = 0;
  if (added.length > 0) {
    const loadStarted = performance.now();
    const existing = await loadExistingFacts(tx, report.storyId, new Set(added.map((member) => member.id)));
    loadMs += performance.now() - loadStarted;
    // the story's first facts: its grouping starts with this version of the analysis
    if (existing.length === 0) await tx.$executeRaw`UPDATE "Story" SET "groupedWith" = ${ANALYSIS_VERSION} WHERE id = ${report.storyId}::uuid`;

    // grouping, further facts and their writes (the writes are a small part of it)
    const assignStarted = performance.now();
    const placement = await placeAnalysedMembers(tx, report.storyId, existing, added);
    assignMs = performance.now() - assignStarted;
    for (const factId of placement.touched) touched.add(factId);
    joined = placement.joined;
    created = placement.created;
  }
  const writeStarted = performance.now();
  await refreshFactSummaries(tx, report.storyId, touched);
  await tx.$executeRaw`
    UPDATE "Report" SET "analysisDone" = GREATEST("analysisDone", ${progress!.requested}::int), "analysisError" = NULL WHERE id = ${reportId}::uuid`;
  await storyCountry.save();
  const writeMs = performance.now() - writeStarted;
  return {
    found: true,
    members: current.length,
    joined,
    created,
    ...(options.measure ? { timings: { loadMs, assignMs, writeMs } } : {}),
  };
}

/**
 * The story's facts with the stored features of the entries their members stand in them with
 * (filed under the fact or further), as the analysis matches against them.
 */
export async function loadExistingFacts(tx: Tx, storyId: string, exclude: Set<string> = new Set()): Promise<ExistingFact[]> {
  const members = (await loadStoryFactMembers(tx, storyId)).filter((member) => !exclude.has(member.id));
  await ensureFeatures(tx, members);
  const locked = new Set(
    (await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Fact" WHERE "storyId" = ${storyId}::uuid AND (locked OR state = 'CONFIRMED')`).map((row) => row.id),
  );
  const facts = new Map<string, ExistingFact>();
  for (const member of members) {
    const factId = member.factId!;
    let fact = facts.get(factId);
    if (!fact) facts.set(factId, (fact = { id: factId, claims: [], locked: locked.has(factId) }));
    fact.claims.push(...toFeaturedEntries(member));
  }
  return [...facts.values()];
}

/** Marks the report's analysis as failed for good (the queue gave up); the Facts tab shows it. */
export async function recordAnalysisFailure(reportId: string, message: string): Promise<void> {
  await db.$executeRaw`UPDATE "Report" SET "analysisError" = ${message.slice(0, 1000)} WHERE id = ${reportId}::uuid`;
}
