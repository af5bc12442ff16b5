/**
 * `npm run bench:facts-db`: the time to add one report to a story that already has 10,000
 * grouped claims, end to end through the database, as the analyze-report job does it (load the
 * story's facts with their members' stored features, assign, write joins and new facts, refresh
 * the touched summaries). Baseline in the same run: the pure `planPlacement` call (assignment
 * and further facts) on the same input, so the database's share is visible.
 *
 * Seeding is fast SQL: 400 invented reports x 25 claims, 1,000 facts of ~10 claims from
 * different outlets; features are computed once by the analysis and stored, as the job would
 * have. Each repetition imports a new ~25-sentence report (through storeReport, whose
 * suggestions become the new members) and times analyzeReport on it; a warm worker keeps the
 * members it read (lib/facts/fact-members.ts), so one last run with that cache emptied shows
 * the first job of a freshly started worker.
 *
 * Server: DATABASE_URL's when set, else the embedded PostgreSQL; the database
 * `wiredesk_bench_<random>` is created, migrated, and dropped at the end, also on failure,
 * Ctrl-C or the time limit.
 */
import { fileURLToPath } from "node:url";
import type { Actor } from "../lib/auth/permissions";
import { createBenchDatabase, finishBench, startBenchRun } from "./lib/bench-run";
import { round, summarize, table } from "./lib/stats";

const REPORTS = 400;
const CLAIMS_PER_REPORT = 25;
const FACTS = 1000;
const OUTLETS = 40;
const REPETITIONS = 7;
const WARMUP = 1;
const TARGET_P50_MS = 1000;
const TIME_LIMIT_MS = 10 * 60 * 1000;

const root = fileURLToPath(new URL("..", import.meta.url));
process.chdir(root);
const run = startBenchRun(TIME_LIMIT_MS);
let disconnectPrisma: (() => Promise<void>) | undefined;

// ───────────── an invented corpus: facts stated in several ways by several outlets ─────────────

const SYLLABLES = ["tal", "mar", "ka", "sul", "ren", "dor", "vek", "ham", "ra", "zin", "bel", "qar", "nor", "ith", "sa", "lun"];
const ACTORS = ["the Eastern Liberation Command", "government troops", "the Talvar militia", "the Northern Brigade", "border police", "the Dravenian army", "rebel fighters", "the Sahel Guard"];
const EVENTS = [
  ["seized", "captured", "took control of"],
  ["were advancing toward", "were closing in on", "moved toward"],
  ["withdrew from", "pulled out of", "retreated from"],
  ["shelled", "bombarded", "fired artillery at"],
] as const;
const ATTRIBUTIONS = ["a military source said", "residents said", "two officials said", "according to a local commander", "witnesses said"];
const DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "overnight"];

function placeName(index: number): string {
  const a = SYLLABLES[index % SYLLABLES.length]!;
  const b = SYLLABLES[Math.floor(index / SYLLABLES.length) % SYLLABLES.length]!;
  const c = SYLLABLES[Math.floor(index / 256) % SYLLABLES.length]!;
  const name = `${a}${b}${c}`;
  return `${name[0]!.toUpperCase()}${name.slice(1)}`;
}

/** Sentence `variant` about fact `fact`: same event, place, actor and number, different words. */
function sentence(fact: number, variant: number): string {
  const actor = ACTORS[fact % ACTORS.length]!;
  const verbs = EVENTS[fact % EVENTS.length]!;
  const verb = verbs[variant % verbs.length]!;
  const place = placeName(fact);
  const people = 10 + (fact % 90);
  const day = DAYS[(fact + variant) % DAYS.length]!;
  const attribution = ATTRIBUTIONS[variant % ATTRIBUTIONS.length]!;
  const capital = `${actor[0]!.toUpperCase()}${actor.slice(1)}`;
  return variant % 2 === 0
    ? `${capital} ${verb} the town of ${place} ${day}, ${attribution}, and at least ${people} people were killed.`
    : `${capital} ${verb} ${place} ${day} in fighting that killed ${people} people, ${attribution}.`;
}

async function main(): Promise<{ code: number; summary?: string }> {
  const benchDb = await createBenchDatabase(run);
  process.env.DATABASE_URL = benchDb.url;
  const { db } = await import("../lib/db/client");
  disconnectPrisma = () => db.$disconnect();
  run.defer("disconnect Prisma", async () => disconnectPrisma?.());
  const { uuidv7 } = await import("../lib/db/uuidv7");
  const { ANALYSIS_VERSION, memberEntries, planPlacement, storedFeatures } = await import("../lib/analysis/facts");
  const { analyzeReport, loadExistingFacts } = await import("../lib/facts/analyze-report");
  const { clearMemberCache, refreshFactSummaries, loadReportMembers, loadAnalysisReports } = await import("../lib/facts/fact-members");
  const { storeReport } = await import("../lib/reports/store-report");

  // 1. Seed: people, story, outlets, reports with their text, claims with stored features, facts.
  const seedStarted = performance.now();
  const editor = await db.user.create({ data: { email: "bench-facts@wiredesk.test", name: "Bench Editor", role: "EDITOR" } });
  const actor: Actor = { id: editor.id, role: editor.role, name: editor.name, email: editor.email };
  const story = await db.story.create({ data: { title: "Facts bench story", createdById: editor.id } });
  const outletIds: string[] = [];
  for (let outlet = 0; outlet < OUTLETS; outlet++) {
    const source = await db.source.create({ data: { name: `Outlet ${outlet + 1}`, nameKey: `outlet ${outlet + 1}` } });
    outletIds.push(source.id);
  }
  const factIds = Array.from({ length: FACTS }, () => uuidv7());
  await db.$executeRaw`
    INSERT INTO "Fact" (id, "storyId", statement, "updatedAt") SELECT id, ${story.id}::uuid, '', now() FROM unnest(${factIds}::uuid[]) AS t(id)`;

  let featureMs = 0;
  for (let batch = 0; batch < REPORTS; batch += 50) {
    const reports: { id: string; versionId: string; source: string; sourceId: string; text: string; publishedAt: string }[] = [];
    const claims: { id: string; reportId: string; versionId: string; start: number; end: number; text: string; factId: string; features: string }[] = [];
    for (let report = batch; report < Math.min(REPORTS, batch + 50); report++) {
      const outlet = (report * 7 + Math.floor(report / 40)) % OUTLETS;
      const id = uuidv7();
      const versionId = uuidv7();
      let text = "";
      const spans: { start: number; end: number; text: string; fact: number }[] = [];
      for (let slot = 0; slot < CLAIMS_PER_REPORT; slot++) {
        const fact = (report * CLAIMS_PER_REPORT + slot) % FACTS;
        const line = sentence(fact, report);
        if (text) text += "\n\n";
        spans.push({ start: text.length, end: text.length + line.length, text: line, fact });
        text += line;
      }
      const publishedAt = new Date(Date.UTC(2026, 11, 1, 0, report)).toISOString();
      reports.push({ id, versionId, source: `Outlet ${outlet + 1}`, sourceId: outletIds[outlet]!, text, publishedAt });
      const context = { id, source: `Outlet ${outlet + 1}`, text, publishedAt, dateline: null };
      for (const span of spans) {
        const claimId = uuidv7();
        const started = performance.now();
        const features = storedFeatures({ id: claimId, reportId: id, start: span.start, end: span.end, text: span.text }, context);
        featureMs += performance.now() - started;
        claims.push({ id: claimId, reportId: id, versionId, start: span.start, end: span.end, text: span.text, factId: factIds[span.fact]!, features: JSON.stringify(features) });
      }
    }
    await db.$executeRaw`
      INSERT INTO "Report" (id, "storyId", "sourceId", "contentHash", headline, "publishedAt", "updatedAt", "analysisRequested", "analysisDone")
      SELECT r.id, ${story.id}::uuid, r.source_id, md5(r.id::text) || md5(r.id::text), 'Bench report', r.published_at, now(), 1, 1
      FROM unnest(${reports.map((r) => r.id)}::uuid[], ${reports.map((r) => r.sourceId)}::uuid[], ${reports.map((r) => r.publishedAt)}::timestamptz[]) AS r(id, source_id, published_at)`;
    await db.$executeRaw`
      INSERT INTO "ReportVersion" (id, "reportId", version, headline, "bodyText", "bodyHtml", "contentHash", channel, "publishedAt")
      SELECT v.id, v.report_id, 1, 'Bench report', v.body, '', md5(v.id::text) || md5(v.id::text), 'SEED', v.published_at
      FROM unnest(${reports.map((r) => r.versionId)}::uuid[], ${reports.map((r) => r.id)}::uuid[], ${reports.map((r) => r.text)}::text[], ${reports.map((r) => r.publishedAt)}::timestamptz[])
        AS v(id, report_id, body, published_at)`;
    await db.$executeRaw`
      INSERT INTO "Claim" (id, "storyId", "reportId", "reportVersionId", exact, start, "end", statement, "factId", features, "featuresVersion", "createdById", "updatedAt")
      SELECT c.id, ${story.id}::uuid, c.report_id, c.version_id, c.text, c.start, c."end", c.text, c.fact_id, c.features::jsonb, ${ANALYSIS_VERSION}::int, ${editor.id}::uuid, now()
      FROM unnest(${claims.map((c) => c.id)}::uuid[], ${claims.map((c) => c.reportId)}::uuid[], ${claims.map((c) => c.versionId)}::uuid[], ${claims.map((c) => c.text)}::text[],
        ${claims.map((c) => c.start)}::int[], ${claims.map((c) => c.end)}::int[], ${claims.map((c) => c.factId)}::uuid[], ${claims.map((c) => c.features)}::text[])
        AS c(id, report_id, version_id, text, start, "end", fact_id, features)`;
  }
  await db.$transaction((tx) => refreshFactSummaries(tx, story.id, factIds), { timeout: 300_000 });
  await db.$executeRaw`ANALYZE`;
  const seedMs = performance.now() - seedStarted;
  const claimCount = await db.claim.count({ where: { storyId: story.id } });
  console.log(`Seeded ${claimCount} claims in ${FACTS} facts across ${REPORTS} reports from ${OUTLETS} outlets in ${(seedMs / 1000).toFixed(1)} s (features: ${(featureMs / 1000).toFixed(1)} s).`);

  // 2. Repetitions: a new report paraphrasing 25 facts, imported, then analysed end to end.
  const endToEnd: number[] = [];
  const pureAssign: number[] = [];
  const parts = { loadMs: [] as number[], assignMs: [] as number[], writeMs: [] as number[] };
  let members = 0;
  let joined = 0;
  let coldMs = 0;
  for (let repetition = 0; repetition < WARMUP + REPETITIONS + 1; repetition++) {
    const cold = repetition === WARMUP + REPETITIONS;
    const paragraphs = Array.from({ length: CLAIMS_PER_REPORT }, (_, slot) => sentence((repetition * 97 + slot * 37) % FACTS, 1000 + repetition));
    const { reportId } = await storeReport(
      actor,
      { storyId: story.id, source: `New Outlet ${repetition}`, headline: `Update ${repetition}`, paragraphs, externalId: `bench-${repetition}` },
      "API",
    );

    // baseline: the pure assignment on the same input, with everything already in memory
    const [contexts, existing, current] = await db.$transaction(async (tx) => [
      await loadAnalysisReports(tx, [reportId]),
      await loadExistingFacts(tx, story.id),
      (await loadReportMembers(tx, [reportId])).current,
    ]);
    const added = current.flatMap((member) =>
      memberEntries({ ...member, features: storedFeatures({ id: member.id, reportId, start: member.start, end: member.end, text: member.text }, contexts.get(reportId)!) }),
    );
    let made = 0;
    const assignStarted = performance.now();
    planPlacement(existing, added, () => `new-${++made}`);
    const assignMs = performance.now() - assignStarted;

    // the last run plays a worker that has just started: nothing cached
    if (cold) clearMemberCache();
    const started = performance.now();
    const result = await analyzeReport(reportId, { measure: true });
    const totalMs = performance.now() - started;
    if (cold) coldMs = totalMs;
    if (repetition < WARMUP || cold) continue;
    endToEnd.push(totalMs);
    pureAssign.push(assignMs);
    parts.loadMs.push(result.timings!.loadMs);
    parts.assignMs.push(result.timings!.assignMs);
    parts.writeMs.push(result.timings!.writeMs);
    members += result.members;
    joined += result.joined;
  }

  const e2e = summarize(endToEnd);
  const pure = summarize(pureAssign);
  const load = summarize(parts.loadMs);
  const assign = summarize(parts.assignMs);
  const write = summarize(parts.writeMs);
  console.log(
    `\nOne report (${round(members / REPETITIONS)} new members on average, ${round(joined / REPETITIONS)} joined existing facts) added to a story with ${claimCount} claims, ${REPETITIONS} runs:\n`,
  );
  console.log(
    table([
      ["measure", "p50 ms", "max ms"],
      ["analyze-report end to end (load + assign + write)", String(e2e.p50), String(e2e.max)],
      ["  of which: load facts and features", String(load.p50), String(load.max)],
      ["  of which: placement inside the job", String(assign.p50), String(assign.max)],
      ["  of which: write joins, new facts, summaries", String(write.p50), String(write.max)],
      ["baseline: pure planPlacement, same input", String(pure.p50), String(pure.max)],
      ["cold worker (first job, member cache empty), 1 run", String(round(coldMs)), String(round(coldMs))],
    ]),
  );
  const met = e2e.p50 < TARGET_P50_MS;
  console.log(`\nTarget: p50 under ${TARGET_P50_MS} ms end to end: ${met ? "met" : "NOT met"}.`);
  await db.$disconnect();
  disconnectPrisma = undefined;
  const summary = JSON.stringify({
    bench: "facts-incremental",
    claims: claimCount,
    facts: FACTS,
    reports: REPORTS,
    repetitions: REPETITIONS,
    postgres: benchDb.serverVersion,
    node: process.version,
    seedMs: round(seedMs),
    endToEnd: e2e,
    load,
    assign,
    write,
    pureAssign: pure,
    coldMs: round(coldMs),
    targetP50Ms: TARGET_P50_MS,
    met,
  });
  return { code: met ? 0 : 1, summary };
}

await finishBench(run, main);
