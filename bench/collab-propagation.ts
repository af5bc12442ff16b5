/**
 * `npm run bench:collab`: live co-editing under load. Starts the collaboration server as its
 * own process (as `npm start` does) on a throw-away database, then:
 *
 *  1. baseline: 2 Node clients (the Hocuspocus provider) take turns editing one explainer;
 *  2. load: 50 clients edit the same explainer at once, each typing into its own bullet at
 *     ~4 keystrokes a second; every keystroke carries its send time, and every other client
 *     records when it arrived — the update propagation time, sender to each receiver;
 *  3. memory: a fresh server's resident memory before and after 200 explainers are opened.
 *
 * Prints p50/p95/max for both runs, the memory figures, then one JSON line with everything.
 * Server: DATABASE_URL's PostgreSQL when set, else the embedded one. Target: p95 < 100 ms.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type * as Y from "yjs";
import { explainerDocumentName, issueCollabToken } from "../lib/collab/collab-token";
import { connectNodeClient, type NodeCollabClient } from "../lib/collab/node-client";
import { freePort } from "./lib/next-server";
import { createBenchDatabase, startBenchRun } from "./lib/bench-run";
import { round, summarize, table } from "./lib/stats";

const CLIENTS = 50;
const KEYSTROKES_PER_CLIENT = 40;
const KEYSTROKE_INTERVAL_MS = 250;
const BASELINE_EDITS = 200;
const OPEN_DOCUMENTS = 200;
const TARGET_P95_MS = 100;
const TIME_LIMIT_MS = 10 * 60 * 1000;
const SECRET = "bench-collab-secret-0123456789abcdef0123";

const root = fileURLToPath(new URL("..", import.meta.url));
process.chdir(root);
const run = startBenchRun(TIME_LIMIT_MS);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return round(kb / 1024);
}

async function startCollabServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  // one process (node --import tsx), so its pid is the server's and its memory can be read
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/collab.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: SECRET, COLLAB_PORT: String(port), REDIS_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  run.defer("stop the collaboration server", async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  for (let attempt = 0; attempt < 150; attempt++) {
    if (child.exitCode !== null) throw new Error(`collaboration server exited:\n${output.join("")}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/health`).then((response) => response.ok, () => false);
    if (healthy) return child;
    await sleep(200);
  }
  throw new Error(`collaboration server did not answer /health:\n${output.join("")}`);
}

type Client = NodeCollabClient & { index: number };

async function connectClient(port: number, explainerId: string, userId: string, index: number): Promise<Client> {
  const documentName = explainerDocumentName(explainerId);
  const token = issueCollabToken({ doc: documentName, userId, mode: "write", ttlSeconds: 3600 }, SECRET).token;
  const client = await connectNodeClient({ url: `ws://127.0.0.1:${port}`, documentName, token });
  if (client.refused) throw new Error(`refused: ${client.refused}`);
  return Object.assign(client, { index });
}

/**
 * Types one character into this client's own bullet and stamps the keystroke in the shared
 * "sent" map in the same transaction, so receivers see the stamp exactly when they see the text.
 */
function keystroke(client: Client, sequence: number): void {
  client.doc.transact(() => {
    const fragment = client.doc.getXmlFragment("default");
    const list = fragment.get(1) as Y.XmlElement;
    const paragraph = (list.get(client.index) as Y.XmlElement).get(0) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    text.insert(text.length, "abcdefghij"[sequence % 10]!);
    client.doc.getMap<number>("bench").set(`${client.index}:${sequence}`, now());
  });
}

/** Records, on every client, how long each other client's stamp took to arrive. */
function recordArrivals(clients: Client[], samples: number[]): void {
  for (const client of clients) {
    client.doc.getMap<number>("bench").observe((event) => {
      if (event.transaction.local) return;
      const arrived = now();
      for (const key of event.keysChanged) {
        const sent = event.target.get(key) as number | undefined;
        if (sent !== undefined) samples.push(arrived - sent);
      }
    });
  }
}

function bulletsDocument(bullets: number) {
  return {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "What happened" }] },
      {
        type: "bulletList",
        content: Array.from({ length: bullets }, (_, index) => ({
          type: "listItem",
          content: [{ type: "paragraph", content: [{ type: "text", text: `Bullet ${index + 1}: ` }] }],
        })),
      },
    ],
  };
}

try {
  const database = await createBenchDatabase(run);
  const sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  run.defer("close the seeding connection", () => sql.end());

  const userIds = Array.from({ length: CLIENTS }, () => randomUUID());
  await sql.query(
    `INSERT INTO "User" (id, email, name, role, "updatedAt")
     SELECT id, 'bench-' || id || '@wiredesk.test', 'Bench editor', 'EDITOR', now() FROM unnest($1::uuid[]) AS id`,
    [userIds],
  );
  const storyId = randomUUID();
  await sql.query(`INSERT INTO "Story" (id, title, "createdById", "updatedAt") VALUES ($1, 'Bench story', $2, now())`, [storyId, userIds[0]]);
  const explainerIds = Array.from({ length: OPEN_DOCUMENTS + 2 }, () => randomUUID());
  await sql.query(
    `INSERT INTO "Explainer" (id, "storyId", slug, title, content, "createdById", "updatedAt")
     SELECT id, $2, 'bench-' || id, 'Bench explainer', $3::jsonb, $4, now() FROM unnest($1::uuid[]) AS id`,
    [explainerIds, storyId, JSON.stringify(bulletsDocument(CLIENTS)), userIds[0]],
  );
  console.log(`Seeded ${CLIENTS} editors and ${explainerIds.length} explainers.`);

  const port = await freePort();
  const server = await startCollabServer(database.url, port);
  await sleep(1000);
  const idleRss = rssMb(server.pid!);

  // 1. baseline: two clients, alternating single keystrokes
  const baselineSamples: number[] = [];
  const pair = await Promise.all([0, 1].map((index) => connectClient(port, explainerIds[0]!, userIds[index]!, index)));
  recordArrivals(pair, baselineSamples);
  for (let sequence = 0; sequence < BASELINE_EDITS; sequence++) {
    keystroke(pair[sequence % 2]!, sequence);
    await sleep(10);
  }
  await sleep(500);
  for (const client of pair) client.destroy();

  // 2. load: fifty clients typing at once into one document
  const loadSamples: number[] = [];
  const clients: Client[] = [];
  for (let index = 0; index < CLIENTS; index++) clients.push(await connectClient(port, explainerIds[1]!, userIds[index]!, index));
  recordArrivals(clients, loadSamples);
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      // spread the clients' phases so keystrokes arrive continuously, as real typing does
      await sleep(Math.random() * KEYSTROKE_INTERVAL_MS);
      for (let sequence = 0; sequence < KEYSTROKES_PER_CLIENT; sequence++) {
        keystroke(client, sequence);
        await sleep(KEYSTROKE_INTERVAL_MS * (0.5 + Math.random()));
      }
    }),
  );
  await sleep(1500);
  const loadSeconds = (performance.now() - started) / 1000;
  const expected = CLIENTS * KEYSTROKES_PER_CLIENT * (CLIENTS - 1);
  const converged = clients.every((client) => client.doc.getXmlFragment("default").toString() === clients[0]!.doc.getXmlFragment("default").toString());
  const peakRss = rssMb(server.pid!);
  for (const client of clients) client.destroy();

  // 3. memory with 200 documents open (one client each, kept connected), on a fresh server: the
  // heap the load run grew would otherwise hide what the documents cost
  server.kill("SIGTERM");
  await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once("exit", resolve)));
  const memoryPort = await freePort();
  const memoryServer = await startCollabServer(database.url, memoryPort);
  await sleep(1000);
  const openers: Client[] = [];
  const beforeOpenRss = rssMb(memoryServer.pid!);
  for (let index = 0; index < OPEN_DOCUMENTS; index++) {
    openers.push(await connectClient(memoryPort, explainerIds[index + 2]!, userIds[index % CLIENTS]!, 0));
  }
  await sleep(2000);
  const openRss = rssMb(memoryServer.pid!);
  for (const opener of openers) opener.destroy();

  const baseline = summarize(baselineSamples);
  const load = summarize(loadSamples);
  console.log("");
  console.log(
    table([
      ["run", "updates received", "p50 ms", "p95 ms", "max ms"],
      ["2 clients (baseline)", String(baseline.n), String(baseline.p50), String(baseline.p95), String(baseline.max)],
      [`${CLIENTS} clients typing`, `${load.n} of ${expected}`, String(load.p50), String(load.p95), String(load.max)],
    ]),
  );
  console.log(`\n${CLIENTS} clients: ${round((CLIENTS * KEYSTROKES_PER_CLIENT) / loadSeconds)} keystrokes/s over ${round(loadSeconds)} s; all clients converged: ${converged ? "yes" : "NO"}`);
  console.log(`p95 target < ${TARGET_P95_MS} ms: ${load.p95 < TARGET_P95_MS ? "met" : "MISSED"}`);
  console.log(
    `server memory (RSS): idle ${idleRss} MB, during the 50-client run ${peakRss} MB, fresh server before opening ${OPEN_DOCUMENTS} documents ${beforeOpenRss} MB, with ${OPEN_DOCUMENTS} open ${openRss} MB (${round(((openRss - beforeOpenRss) * 1024) / OPEN_DOCUMENTS)} KB a document)`,
  );
  console.log(
    JSON.stringify({ clients: CLIENTS, baseline, load, expectedUpdates: expected, converged, memoryMb: { idle: idleRss, loadPeak: peakRss, beforeOpen: beforeOpenRss, open200: openRss } }),
  );
  if (!converged || load.n < expected) process.exitCode = 1;
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  await run.cleanUp();
}
