import "server-only";
import type { Tx } from "@/lib/db/client";
import { countryCounts, mainCountryOfCounts, type CountryCounts } from "@/lib/analysis/facts/countries";
import { CITABLE_REPORT } from "./fact-members";

/*
 * A claim placed in another country than the story's main one states something that happened
 * elsewhere (lib/analysis/facts/countries.ts). The story's main country is the one its citable
 * reports name most, exactly as `npm run analyze` works it out over all the files it is given,
 * so an outlet from a neighbouring country that names its own country throughout is still read
 * against the story's country, not its own.
 *
 * Reading every report's text on every incremental analysis would cost a big story more than the
 * analysis itself, so each report version keeps how often its text names each country
 * (ReportVersion.countryCounts, counted once, when the analysis first meets the version) and the
 * story's country is their sum. The story keeps the result (Story.mainCountry): it is the country
 * every stored feature of its claims was computed with, and a change means those features are
 * stale, which the caller answers by queueing the story's re-analysis.
 */

type CountedReport = { versionId: string; counts: CountryCounts | null };

/**
 * Works out the story's main country again from its citable reports (in import order, so a tie
 * goes to the country named first, as on the command line) and stores it. `stale` says whether
 * the story's stored features were computed with another country: the caller queues a re-analysis.
 * Call it with the story's facts locked (lockStoryFacts), before computing any features.
 */
export async function refreshStoryCountry(tx: Tx, storyId: string): Promise<{ country: string | null; stale: boolean }> {
  const result = await workOutStoryCountry(tx, storyId);
  await result.save();
  return result;
}

/**
 * `refreshStoryCountry` with the story row written by `save`, which the analysis calls last in
 * its transaction: an import writes the report's rows first and the story's last (its audit), so
 * a job that wrote the story first and a report row after could deadlock with it.
 */
export async function workOutStoryCountry(tx: Tx, storyId: string): Promise<{ country: string | null; stale: boolean; save: () => Promise<void> }> {
  const reports = await tx.$queryRaw<CountedReport[]>`
    SELECT v.id AS "versionId", v."countryCounts" AS counts
    FROM "Report" r JOIN "ReportVersion" v ON v."reportId" = r.id AND v.version = r."currentVersion"
    WHERE r."storyId" = ${storyId}::uuid AND ${CITABLE_REPORT}
    ORDER BY r."createdAt", r.id`;
  await countMissing(tx, reports);
  const country = mainCountryOfCounts(reports.map((report) => report.counts!));

  const [story] = await tx.$queryRaw<{ mainCountry: string | null; since: Date | null }[]>`
    SELECT "mainCountry", "mainCountrySince" AS since FROM "Story" WHERE id = ${storyId}::uuid`;
  const none = async () => {};
  if (!story) return { country, stale: false, save: none };
  if (story.since !== null && story.mainCountry === country) return { country, stale: false, save: none };
  // written only when it changes: the story row is not locked by every analysis
  const save = async () => {
    await tx.$executeRaw`UPDATE "Story" SET "mainCountry" = ${country}, "mainCountrySince" = now() WHERE id = ${storyId}::uuid`;
  };
  if (story.since !== null) return { country, stale: true, save };
  // first worked out: features stored before took each report's own country
  return { country, stale: await hasStoredFeatures(tx, storyId), save };
}

/** Counts the countries of versions not counted yet (imported before counts were kept, or new). */
async function countMissing(tx: Tx, reports: CountedReport[]): Promise<void> {
  const missing = reports.filter((report) => report.counts === null);
  if (missing.length === 0) return;
  const texts = await tx.$queryRaw<{ id: string; bodyText: string }[]>`
    SELECT id, "bodyText" FROM "ReportVersion" WHERE id = ANY(${missing.map((report) => report.versionId)}::uuid[])`;
  const textOf = new Map(texts.map((row) => [row.id, row.bodyText]));
  for (const report of missing) report.counts = countryCounts(textOf.get(report.versionId) ?? "");
  const ids = missing.map((report) => report.versionId);
  const counts = JSON.stringify(missing.map((report) => report.counts));
  await tx.$executeRaw`
    UPDATE "ReportVersion" AS v SET "countryCounts" = c.counts
    FROM (SELECT id, counts FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS i(id, n)
          JOIN jsonb_array_elements(${counts}::jsonb) WITH ORDINALITY AS j(counts, n) USING (n)) AS c
    WHERE v.id = c.id`;
}

async function hasStoredFeatures(tx: Tx, storyId: string): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ found: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "Claim" c WHERE c."storyId" = ${storyId}::uuid AND c.features IS NOT NULL)
      OR EXISTS (SELECT 1 FROM "ClaimSuggestion" s JOIN "Report" r ON r.id = s."reportId"
                 WHERE r."storyId" = ${storyId}::uuid AND s.features IS NOT NULL) AS found`;
  return row!.found;
}

