/**
 * Faults, over HTTP, against a second production server of the same build whose PostgreSQL
 * connection runs through a link the test cuts: while the database is "stopped" the desk answers
 * 503 with Retry-After (never an empty 500), nothing accepted is half-written, and the desk
 * recovers by itself once the database is back.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { STORAGE } from "./support/auth";
import { database } from "./support/factories";
import { DatabaseLink } from "./support/database-link";
import { freePort } from "../lib/testing/free-port";
import { buildStory, createToken, signedInPerson, wireReport } from "./support/api-ingest";
import { buildApprovedExplainer, explainerVersion, publishingRow } from "./support/publishing-factories";

let link: DatabaseLink;
let app: ChildProcess;
let origin: string;
const appOutput: string[] = [];

async function waitForHealth(request: APIRequestContext, status: number, timeoutMs: number): Promise<void> {
  await expect.poll(async () => (await request.get(`${origin}/api/health`).catch(() => null))?.status() ?? 0, { timeout: timeoutMs, intervals: [250, 500, 1000] }).toBe(status);
}

test.beforeAll(async ({ playwright }) => {
  const databaseUrl = new URL(process.env.DATABASE_URL!);
  link = new DatabaseLink({ host: databaseUrl.hostname, port: Number(databaseUrl.port || 5432) });
  await link.open();
  const port = await freePort();
  origin = `http://localhost:${port}`;
  app = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: { ...process.env, DATABASE_URL: link.urlFor(process.env.DATABASE_URL!), NEXTAUTH_URL: origin, PORT: String(port), WIREDESK_COLLAB: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  app.stdout?.on("data", (chunk: Buffer) => appOutput.push(chunk.toString()));
  app.stderr?.on("data", (chunk: Buffer) => appOutput.push(chunk.toString()));
  const probe = await playwright.request.newContext();
  await waitForHealth(probe, 200, 60_000);
  await probe.dispose();
});

test.afterAll(async () => {
  await link.open().catch(() => undefined);
  if (app && app.exitCode === null) {
    app.kill("SIGTERM");
    await new Promise((resolve) => app.once("exit", resolve));
  }
});

test.describe("PostgreSQL stops while the desk is in use", () => {
  test.use({ storageState: STORAGE.ADMIN });

  test("pages, the API and the public site answer 503 with Retry-After and a readable message, and the desk recovers by itself", async ({ request, playwright, baseURL }) => {
    const storyId = await buildStory(signedInPerson("ADMIN").id);
    const { token } = await createToken(request, baseURL!, `Fault bridge ${randomBytes(3).toString("hex")}`);
    const published = await buildApprovedExplainer();
    const wire = await playwright.request.newContext({ extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    const reader = await playwright.request.newContext({ storageState: { cookies: [], origins: [] } });
    await link.cut();
    try {
      const health = await request.get(`${origin}/api/health`);
      expect(health.status()).toBe(503);
      expect(Number(health.headers()["retry-after"])).toBeGreaterThan(0);
      expect(((await health.json()) as { parts: { database: { state: string } } }).parts.database.state).toBe("down");

      const pushed = await wire.post(`${origin}/api/v1/stories/${storyId}/reports`, { data: wireReport() });
      expect(pushed.status()).toBe(503);
      expect(Number(pushed.headers()["retry-after"])).toBeGreaterThan(0);
      expect(((await pushed.json()) as { error: string }).error).toMatch(/database/i);

      // a signed-in desk page and a public page: a readable 503, never an empty 500
      for (const path of [`/stories/${storyId}`, `/explainers/${published.slug}`]) {
        const client = path.startsWith("/explainers") ? reader : request;
        const page = await client.get(`${origin}${path}`, { headers: { Accept: "text/html" } });
        expect(page.status(), `${path}: ${page.status()}`).toBe(503);
        expect(Number(page.headers()["retry-after"])).toBeGreaterThan(0);
        expect(await page.text()).toMatch(/database/i);
      }
    } finally {
      await link.open();
    }
    // back by itself, without a restart
    await waitForHealth(request, 200, 20_000);
    const after = await wire.post(`${origin}/api/v1/stories/${storyId}/reports`, { data: wireReport() });
    expect(after.status()).toBe(201);
    expect((await request.get(`${origin}/stories/${storyId}`)).status()).toBe(200);
    await wire.dispose();
    await reader.dispose();
  });

  test("an import and a publish refused while PostgreSQL is down wrote nothing, and go through whole once it is back", async ({ request, playwright, baseURL }) => {
    const storyId = await buildStory(signedInPerson("ADMIN").id);
    const { token } = await createToken(request, baseURL!, `Fault batch ${randomBytes(3).toString("hex")}`);
    const wire = await playwright.request.newContext({ extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    const batch = [wireReport(), wireReport(), wireReport()];
    const fixture = await buildApprovedExplainer();
    const publish = async () =>
      request.post(`${origin}/api/stories/${fixture.storyId}/explainers/${fixture.explainerId}/publishing`, {
        headers: { Origin: origin, "Content-Type": "application/json" },
        data: JSON.stringify({ action: "publish", version: await explainerVersion(fixture.explainerId) }),
      });

    await link.cut();
    try {
      expect((await wire.post(`${origin}/api/v1/stories/${storyId}/reports`, { data: batch })).status()).toBe(503);
      expect((await publish()).status()).toBe(503);
    } finally {
      await link.open();
    }
    const externalIds = batch.map((report) => report.externalId);
    const landed = await database().query(`SELECT count(*)::int AS n FROM "Report" WHERE "externalId" = ANY($1)`, [externalIds]);
    expect(landed.rows[0].n).toBe(0);
    expect((await publishingRow(fixture.explainerId)).state).toBe("APPROVED");

    await waitForHealth(request, 200, 20_000);
    const imported = await wire.post(`${origin}/api/v1/stories/${storyId}/reports`, { data: batch });
    expect(imported.status()).toBe(201);
    expect(((await imported.json()) as { results: { outcome: string }[] }).results.map((result) => result.outcome)).toEqual(["imported", "imported", "imported"]);
    // a retry is safe: everything already there is a duplicate, nothing is doubled
    const retried = await wire.post(`${origin}/api/v1/stories/${storyId}/reports`, { data: batch });
    expect(((await retried.json()) as { results: { outcome: string }[] }).results.map((result) => result.outcome)).toEqual(["duplicate", "duplicate", "duplicate"]);
    const versions = await database().query(`SELECT count(*)::int AS n FROM "ReportVersion" v JOIN "Report" r ON r.id = v."reportId" WHERE r."externalId" = ANY($1)`, [externalIds]);
    expect(versions.rows[0].n).toBe(3);

    expect((await publish()).status()).toBe(200);
    expect((await publishingRow(fixture.explainerId)).state).toBe("PUBLISHED");
    await wire.dispose();
  });
});
