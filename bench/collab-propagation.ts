/**
 * `npm run bench:collab`: live co-editing under load. Starts the collaboration server as its
 * own process (as `npm start` does) on a throw-away database, then:
 *
 *  1. baseline: 2 Node clients (the Hocuspocus provider) take turns editing one explainer;
 *  2. load: 50 clients edit the same explainer at once, each typing into its own bullet at
 *     ~4 keystrokes a second; every keystroke carries its send time, and every other client
 *     records when it arrived — the update propagation time, sender to each receiver;
 *  3. memory: a fresh server's resident memory before and after 200 explainers are opened;
 *  4. oversized input, on that server: 100 strangers each send an 8 MB frame before
 *     authenticating, 20 writers each send a 2 MB update, and one writer fills a document with
 *     ~900 KB updates until the document limit refuses one. Every one must be refused by size,
 *     and the server's memory must stay where it was.
 *
 * Prints p50/p95/max for both runs, the memory figures, then one JSON line with everything.
 * Server: DATABASE_URL's PostgreSQL when set, else the embedded one. Target: p95 < 100 ms.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
import WebSocket from "ws";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import { DEFAULT_COLLAB_LIMITS, LIMIT_CLOSE_CODE, readLimitNotice } from "../lib/collab/collab-limits";
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
const FLOOD_STRANGERS = 100;
const FLOOD_STRANGER_FRAME_BYTES = 8 * 1024 * 1024;
const FLOOD_OVERSIZED_UPDATES = 20;
const FLOOD_ROUNDS = 4;
/** bytes one round sends that the server must refuse */
const FLOOD_ROUND_BYTES = FLOOD_STRANGERS * FLOOD_STRANGER_FRAME_BYTES + FLOOD_OVERSIZED_UPDATES * 2 * 1024 * 1024;
/**
 * Flat: from the end of the first round to the end of the last, the server's memory grows by
 * less than 1% of what it was sent and refused meanwhile (a leak of the frames would grow by
 * their size; what remains is allocator and GC noise).
 */
const FLAT_SHARE = 0.01;
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

/** One protocol frame for a document: its name, then what `write` adds. */
function frame(documentName: string, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Opens a raw socket and resolves when it is open; `closed` gives its close code. */
async function rawSocket(port: number): Promise<{ socket: WebSocket; closed: Promise<number> }> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}`);
  const closed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
  socket.on("error", () => undefined);
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  return { socket, closed };
}

/** Strangers who send one huge frame each without authenticating; returns how many were cut off by size (1009). */
async function floodStrangers(port: number, count: number, bytes: number): Promise<number> {
  const payload = Buffer.alloc(bytes, 7);
  let refused = 0;
  for (let index = 0; index < count; index += 10) {
    const codes = await Promise.all(
      Array.from({ length: Math.min(10, count - index) }, async () => {
        const { socket, closed } = await rawSocket(port);
        socket.send(payload);
        return closed;
      }),
    );
    refused += codes.filter((code) => code === 1009).length;
  }
  return refused;
}

/** An authenticated writer's socket, speaking the protocol by hand as a hostile client would. */
async function authenticatedSocket(port: number, documentName: string, userId: string) {
  const { socket, closed } = await rawSocket(port);
  const notices: string[] = [];
  let authenticated = false;
  socket.on("message", (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === 2 && decoding.readVarUint(decoder) === 2) authenticated = true;
    if (type === 5) notices.push(decoding.readVarString(decoder));
  });
  const token = issueCollabToken({ doc: documentName, userId, mode: "write", ttlSeconds: 3600 }, SECRET).token;
  socket.send(frame(documentName, (e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint(e, 0), encoding.writeVarString(e, token))));
  for (let attempt = 0; attempt < 100 && !authenticated; attempt++) await sleep(50);
  if (!authenticated) throw new Error("the writer's socket was not authenticated");
  return { socket, closed, notices };
}

/** Writers who each send one update over the update limit, as a reconnecting client would; returns how many were cut off by size. */
async function floodOversizedUpdates(port: number, explainerId: string, userId: string): Promise<number> {
  const documentName = explainerDocumentName(explainerId);
  let refused = 0;
  const oversized = new Uint8Array(2 * 1024 * 1024).fill(3);
  for (let index = 0; index < FLOOD_OVERSIZED_UPDATES; index++) {
    const writer = await authenticatedSocket(port, documentName, userId);
    writer.socket.send(frame(documentName, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, oversized))));
    if ((await writer.closed) === 1009) refused += 1;
  }
  return refused;
}

/** One writer fills a document with real updates under the update limit until the document limit refuses one. */
async function fillDocument(port: number, explainerId: string, userId: string) {
  const documentName = explainerDocumentName(explainerId);
  const writer = await authenticatedSocket(port, documentName, userId);
  const filler = new Y.Doc();
  const chunk = "w".repeat(Math.floor(DEFAULT_COLLAB_LIMITS.maxUpdateBytes * 0.85));
  let accepted = 0;
  let refusedAt: number | null = null;
  for (let index = 0; index < 20 && refusedAt === null; index++) {
    const before = Y.encodeStateVector(filler);
    filler.getText("bench-fill").insert(0, chunk);
    const update = Y.encodeStateAsUpdate(filler, before);
    writer.socket.send(frame(documentName, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, update))));
    await sleep(200);
    if (writer.notices.some((notice) => readLimitNotice(notice)?.limit === "document")) refusedAt = index + 1;
    else accepted += 1;
  }
  const closeCode = await Promise.race([writer.closed, sleep(2000).then(() => null)]);
  writer.socket.terminate();
  return { fillAccepted: accepted, fillRefusedAt: refusedAt, closedForLimit: closeCode === LIMIT_CLOSE_CODE };
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

  // 4. oversized input on the same server, in equal rounds: the first may warm buffers up; after
  // it, memory must not grow with the volume refused (keeping any of it would be a leak)
  await sleep(1000);
  const beforeFloodRss = rssMb(memoryServer.pid!);
  const rounds: { strangersRefused: number; oversizedRefused: number; rssAfter: number }[] = [];
  for (let round = 0; round < FLOOD_ROUNDS; round++) {
    const strangersRefused = await floodStrangers(memoryPort, FLOOD_STRANGERS, FLOOD_STRANGER_FRAME_BYTES);
    const oversizedRefused = await floodOversizedUpdates(memoryPort, explainerIds[2]!, userIds[0]!);
    await sleep(1500);
    rounds.push({ strangersRefused, oversizedRefused, rssAfter: rssMb(memoryServer.pid!) });
  }
  const writerFlood = await fillDocument(memoryPort, explainerIds[2]!, userIds[0]!);
  await sleep(1000);
  const afterFillRss = rssMb(memoryServer.pid!);
  const stillServing = await fetch(`http://127.0.0.1:${memoryPort}/health`).then((response) => response.ok, () => false);

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
  const laterGrowth = round(rounds.at(-1)!.rssAfter - rounds[0]!.rssAfter);
  const laterVolumeMb = ((FLOOD_ROUNDS - 1) * FLOOD_ROUND_BYTES) / 1024 / 1024;
  const flat = laterGrowth < laterVolumeMb * FLAT_SHARE;
  for (const [index, result] of rounds.entries()) {
    console.log(
      `oversized input, round ${index + 1}: ${result.strangersRefused} of ${FLOOD_STRANGERS} strangers' ${FLOOD_STRANGER_FRAME_BYTES / 1024 / 1024} MB frames and ${result.oversizedRefused} of ${FLOOD_OVERSIZED_UPDATES} writers' 2 MB updates refused by size; server RSS after: ${result.rssAfter} MB`,
    );
  }
  console.log(
    `server RSS ${beforeFloodRss} MB before the flood; rounds 2-${FLOOD_ROUNDS} refused ${round(laterVolumeMb)} MB and moved it ${laterGrowth >= 0 ? "+" : ""}${laterGrowth} MB (${flat ? "flat" : "NOT FLAT"}: limit ${round(laterVolumeMb * FLAT_SHARE)} MB, 1% of what was refused); still serving: ${stillServing ? "yes" : "NO"}`,
  );
  console.log(
    `document limit: ~${round((DEFAULT_COLLAB_LIMITS.maxUpdateBytes * 0.85) / 1024 / 1024)} MB updates, ${writerFlood.fillAccepted} accepted, update ${writerFlood.fillRefusedAt ?? "none"} refused at the ${DEFAULT_COLLAB_LIMITS.maxDocumentBytes / 1024 / 1024} MB limit (writer told and disconnected: ${writerFlood.closedForLimit ? "yes" : "NO"}); RSS after ${afterFillRss} MB`,
  );
  console.log(
    JSON.stringify({
      clients: CLIENTS,
      baseline,
      load,
      expectedUpdates: expected,
      converged,
      memoryMb: { idle: idleRss, loadPeak: peakRss, beforeOpen: beforeOpenRss, open200: openRss, beforeFlood: beforeFloodRss, floodRounds: rounds.map((r) => r.rssAfter), afterFill: afterFillRss },
      flood: { rounds, ...writerFlood, stillServing },
    }),
  );
  const floodHeld =
    rounds.every((result) => result.strangersRefused === FLOOD_STRANGERS && result.oversizedRefused === FLOOD_OVERSIZED_UPDATES) && writerFlood.fillRefusedAt !== null && flat && stillServing;
  if (!converged || load.n < expected || !floodHeld) process.exitCode = 1;
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  await run.cleanUp();
}
