/**
 * `npm run bench:import`: imports 1,000 generated ninjs reports of about 800 words each through
 * `importUploadedFiles`, the domain function behind the upload route and the HTTP API, into a
 * throw-away database. Prints reports per second and memory at 250, 500 and 1,000 reports, and
 * a same-run baseline: the parser alone on the same files (no database), so the figures can be
 * read on a noisy machine. Last line: one JSON object with every figure. Run with
 * `--expose-gc` (the npm script does) so memory is measured after a collection.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createBenchDatabase, startBenchRun } from "./lib/bench-run";
import { round, table } from "./lib/stats";

const TOTAL = 1000;
const CHECKPOINTS = [250, 500, 1000];
const WORDS_PER_REPORT = 800;
const TARGET_PER_SECOND = 50;
const TIME_LIMIT_MS = 10 * 60 * 1000;

process.chdir(path.dirname(path.dirname(fileURLToPath(import.meta.url))));

// A small invented vocabulary: deterministic, newsroom-shaped text without any real article.
const PLACES = ["Varesh", "Deir al-Marun", "Tel Hamra", "Halvek", "Korvel", "Port Ellis", "the Sarhan valley", "Orlen"];
const ACTORS = ["army units", "rebel fighters", "the provincial council", "aid workers", "a monitoring group", "residents", "the interior ministry"];
const VERBS = ["said", "reported", "confirmed", "denied", "warned", "estimated", "told reporters"];
const OBJECTS = ["the bridge was closed", "shelling continued overnight", "roads north were blocked", "convoys reached the town", "power was cut in two districts", "talks were postponed"];

function sentence(seed: number): string {
  const pick = <T,>(list: readonly T[], offset: number) => list[(seed * 7 + offset * 13) % list.length]!;
  return `In ${pick(PLACES, 1)}, ${pick(ACTORS, 2)} ${pick(VERBS, 3)} that ${pick(OBJECTS, 4)} and ${seed % 97} people were affected.`;
}

function ninjsReport(index: number): Uint8Array {
  const paragraphs: string[] = [];
  let words = 0;
  let seed = index * 31;
  while (words < WORDS_PER_REPORT) {
    const paragraph = [sentence(seed++), sentence(seed++), sentence(seed++)].join(" ");
    words += paragraph.split(" ").length;
    paragraphs.push(paragraph);
  }
  const item = {
    uri: `urn:bench:ninjs:${index}`,
    version: "1",
    versioncreated: new Date(Date.UTC(2026, 11, 3, 0, 0, index)).toISOString(),
    headline: `Bench report ${index}: ${sentence(index).slice(0, 60)}`,
    byline: "Bench Desk",
    language: "en",
    copyrightholder: `Bench Agency ${index % 8}`,
    body_text: paragraphs.join("\n\n"),
  };
  return new TextEncoder().encode(JSON.stringify(item));
}

function megabytes(bytes: number): number {
  return round(bytes / 1024 / 1024, 1);
}

const run = startBenchRun(TIME_LIMIT_MS);

async function main() {
  const { url } = await createBenchDatabase(run);
  process.env.DATABASE_URL = url;

  const { db } = await import("../lib/db/client");
  run.defer("disconnect Prisma", () => db.$disconnect());
  const { importUploadedFiles } = await import("../lib/reports/import-files");
  const { parseUpload } = await import("../lib/reports/parse/parse-upload");

  const editor = await db.user.create({ data: { email: "bench-import@wiredesk.test", name: "Bench Importer", role: "EDITOR" } });
  const story = await db.story.create({ data: { title: "Import benchmark", createdById: editor.id } });
  const actor = { id: editor.id, role: editor.role, name: editor.name, email: editor.email };

  // baseline in the same run: parsing alone, no database
  const parseStart = performance.now();
  for (let index = 0; index < 200; index++) parseUpload({ name: `report-${index}.json`, bytes: ninjsReport(index) });
  const parsePerSecond = 200 / ((performance.now() - parseStart) / 1000);

  const rows: string[][] = [["reports", "seconds", "reports/s (all)", "reports/s (last slice)", "RSS MB", "heap MB", "peak RSS MB"]];
  const figures: Record<string, number>[] = [];
  let peakRss = process.memoryUsage().rss;
  const started = performance.now();
  let sliceStart = started;
  let sliceFrom = 0;
  for (let index = 0; index < TOTAL; index++) {
    const [result] = await importUploadedFiles(actor, { storyId: story.id }, [{ name: `report-${index}.json`, bytes: ninjsReport(index) }], "UPLOAD");
    if (result?.outcome !== "imported") throw new Error(`report ${index} was not imported: ${JSON.stringify(result)}`);
    if (index % 25 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const done = index + 1;
    if (CHECKPOINTS.includes(done)) {
      const now = performance.now();
      // measure live memory, not garbage the collector has not reached yet (--expose-gc)
      (globalThis as { gc?: () => void }).gc?.();
      const memory = process.memoryUsage();
      peakRss = Math.max(peakRss, memory.rss);
      const overall = done / ((now - started) / 1000);
      const slice = (done - sliceFrom) / ((now - sliceStart) / 1000);
      figures.push({ reports: done, seconds: round((now - started) / 1000, 2), perSecond: round(overall), slicePerSecond: round(slice), rssMb: megabytes(memory.rss), heapMb: megabytes(memory.heapUsed), peakRssMb: megabytes(peakRss) });
      rows.push([String(done), String(round((now - started) / 1000, 2)), String(round(overall)), String(round(slice)), String(megabytes(memory.rss)), String(megabytes(memory.heapUsed)), String(megabytes(peakRss))]);
      sliceStart = now;
      sliceFrom = done;
    }
  }
  const stored = await db.reportVersion.count({ where: { report: { storyId: story.id } } });

  console.log(`\nImport of ${TOTAL} generated ninjs reports of ~${WORDS_PER_REPORT} words through importUploadedFiles (parse + validate + store, one transaction each):\n`);
  console.log(table(rows));
  console.log(`\nBaseline, same run: the parser alone handles ${round(parsePerSecond)} reports/s.`);
  const last = figures.at(-1)!;
  console.log(`${stored} report versions stored. ${last.perSecond! >= TARGET_PER_SECOND ? "Meets" : "Misses"} the ${TARGET_PER_SECOND} reports/s aim (${last.perSecond}/s overall).`);
  console.log(JSON.stringify({ bench: "import-reports", total: TOTAL, wordsPerReport: WORDS_PER_REPORT, checkpoints: figures, parseOnlyPerSecond: round(parsePerSecond) }));
}

try {
  await main();
} finally {
  await run.cleanUp();
}
