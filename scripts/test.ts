/**
 * `npm test`: every check, in the order that fails fastest. Typecheck, lint, unit tests,
 * integration tests on a fresh real PostgreSQL, a production build, and Playwright browser
 * tests against `next start`. Prints one summary line with the test counts at the end.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { buildIsCurrent, sourceHash, STAMP_FILE } from "./lib/build-stamp";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const bin = (name: string) => `node_modules/.bin/${name}`;
const results = "test-results";
mkdirSync(results, { recursive: true });

type Counts = { passed: number; failed: number; skipped: number };
const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
const started = Date.now();

/** Runs one step; on failure, counts what its report recorded (if any), prints the summary and exits. */
function step(label: string, command: string, args: string[], countResults?: () => void): void {
  const t0 = Date.now();
  console.log(`\n▶ ${label}`);
  const run = spawnSync(command, args, { stdio: "inherit", env });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  countResults?.();
  if (run.status !== 0) {
    console.error(`\n✖ ${label} failed after ${seconds}s`);
    // a runner that failed without recording a failure (crash, build error) still counts as one
    if (totals.failed === 0) totals.failed = 1;
    summary();
    process.exit(run.status ?? 1);
  }
  console.log(`✔ ${label} (${seconds}s)`);
}

function addVitest(file: string): void {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

function addPlaywright(file: string): void {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  totals.passed += report.stats.expected + report.stats.flaky;
  totals.failed += report.stats.unexpected;
  totals.skipped += report.stats.skipped;
}

function summary(): void {
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(`\nAll checks took ${minutes} min.`);
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
}

for (const file of ["vitest-unit.json", "vitest-integration.json", "playwright.json"]) rmSync(`${results}/${file}`, { force: true });

step("Typecheck (tsc --noEmit)", bin("tsc"), ["--noEmit"]);
step("Lint (eslint)", bin("eslint"), ["--max-warnings=0", "."]);
step("Unit tests (vitest)", bin("vitest"), ["run", "--project", "unit", "--reporter=default", "--reporter=json", `--outputFile.json=${results}/vitest-unit.json`], () =>
  addVitest(`${results}/vitest-unit.json`),
);
step("Integration tests on PostgreSQL (vitest)", bin("tsx"), [
  "scripts/with-test-db.ts",
  bin("vitest"),
  "run",
  "--project",
  "integration",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${results}/vitest-integration.json`,
], () => addVitest(`${results}/vitest-integration.json`));
if (!buildIsCurrent()) {
  step("Production build (next build)", bin("next"), ["build"]);
  writeFileSync(STAMP_FILE, sourceHash());
} else console.log("\n▶ Production build is current; skipping next build");
step("Browser tests (Playwright + Chromium, next start)", bin("tsx"), ["scripts/with-test-db.ts", "--e2e", bin("playwright"), "test"], () =>
  addPlaywright(`${results}/playwright.json`),
);
summary();
if (totals.failed > 0) process.exit(1);
