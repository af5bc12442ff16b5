import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3107);
const baseURL = `http://localhost:${port}`;

/**
 * Browser tests drive Debian's Chromium (never a downloaded browser) against `next start` on a
 * production build, with a fresh database from scripts/with-test-db.ts. One worker: the app
 * server, the collaboration server and the browser already share the test host's cores.
 */
export default defineConfig({
  testDir: "e2e",
  // e2e factories call the domain (lib/), whose modules import "server-only": the test process
  // is no React server, so this tsconfig maps it to the same stub the integration tests use
  tsconfig: "./e2e/tsconfig.json",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  outputDir: "test-results/artifacts",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /global\.setup\.ts/ },
    { name: "api", testMatch: /.*\.api\.spec\.ts/, dependencies: ["setup"] },
    { name: "ui", testMatch: /.*\.ui\.spec\.ts/, dependencies: ["setup"], use: { ...devices["Desktop Chrome"], channel: undefined } },
  ],
  webServer: {
    command: `node node_modules/next/dist/bin/next start -p ${port}`,
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
