import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import WebSocket from "ws";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import { db } from "@/lib/db/client";
import { buildExplainer, buildStory, buildUser } from "@/lib/testing/factories";
import type { ExplainerState } from "@/lib/generated/prisma/enums";
import { createCollabServer } from "./collab-server";
import { explainerDocumentName, issueCollabToken, issueInternalToken } from "./collab-token";
import { EXPLAINER_FRAGMENT } from "./document-store";
import { LIMIT_CLOSE_CODE, readLimitNotice } from "./collab-limits";
import { connectNodeClient, type NodeCollabClient } from "./node-client";

const secret = "collab-limits-secret-0123456789abcdef0123";
const limits = { maxUpdateBytes: 32 * 1024, maxDocumentBytes: 128 * 1024 };
let server: ReturnType<typeof createCollabServer>;
let url: string;
let httpUrl: string;
const clients: NodeCollabClient[] = [];
const logLines: string[] = [];

beforeAll(async () => {
  server = createCollabServer({
    port: 0,
    address: "127.0.0.1",
    secret,
    debounceMs: 30,
    maxDebounceMs: 200,
    limits,
    storeRetryMs: 200,
    maxStoreRetryMs: 400,
    authTimeoutMs: 1500,
    log: (line) => logLines.push(line),
  });
  await server.listen();
  url = `ws://127.0.0.1:${server.address.port}`;
  httpUrl = `http://127.0.0.1:${server.address.port}`;
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server.destroy();
});

const starting = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "What happened" }] },
    { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "The Merrow dam spillway opened at dawn." }] }] }] },
  ],
};

/** An explainer with text but no stored Yjs state yet, as one written before co-editing. */
async function explainerIn(state: ExplainerState) {
  const author = await buildUser({ role: "EDITOR" });
  const story = await buildStory(author.actor);
  const explainer = await buildExplainer({ storyId: story.id, createdById: author.id, state });
  await db.explainer.update({ where: { id: explainer.id }, data: { content: starting, editorIdsSinceApproval: [author.id] } });
  return { explainerId: explainer.id, documentName: explainerDocumentName(explainer.id), author };
}

async function connect(documentName: string, userId: string): Promise<NodeCollabClient> {
  const token = issueCollabToken({ doc: documentName, userId, mode: "write" }, secret).token;
  const client = await connectNodeClient({ url, documentName, token });
  clients.push(client);
  return client;
}

function appendBullet(doc: Y.Doc, text: string): void {
  doc.transact(() => {
    const list = doc.getXmlFragment(EXPLAINER_FRAGMENT).get(1) as Y.XmlElement;
    const item = new Y.XmlElement("listItem");
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(text)]);
    item.insert(0, [paragraph]);
    list.insert(list.length, [item]);
  });
}

function row(explainerId: string) {
  return db.explainer.findUniqueOrThrow({
    where: { id: explainerId },
    select: { state: true, version: true, editorIdsSinceApproval: true, ydoc: true, content: true },
  });
}

async function flush(documentName: string): Promise<number> {
  const response = await fetch(`${httpUrl}/flush?document=${encodeURIComponent(documentName)}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${issueInternalToken(documentName, secret)}` },
  });
  return response.status;
}

function coEditEvents(explainerId: string) {
  return db.auditEvent.findMany({ where: { entityId: explainerId, action: "explainer.co_edit" }, select: { actorId: true, after: true } });
}

describe("opening a shared explainer", () => {
  it.each(["IN_REVIEW", "APPROVED"] as const)("leaves an explainer %s as it was, with the same editors and no audit event", async (state) => {
    const { explainerId, documentName, author } = await explainerIn(state);
    const visitor = await buildUser({ role: "EDITOR" });
    const before = await row(explainerId);
    const client = await connect(documentName, visitor.id);
    expect(client.doc.getXmlFragment(EXPLAINER_FRAGMENT).toString()).toContain("The Merrow dam spillway opened at dawn.");

    // the server stores what it holds (the state rebuilt from the JSON) as before a snapshot
    expect(await flush(documentName)).toBe(200);
    // a change undone at once moves the Yjs state but not the text a reader sees
    const text = (client.doc.getXmlFragment(EXPLAINER_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(0, "Breaking: ");
    text.delete(0, "Breaking: ".length);
    await expect.poll(async () => (await row(explainerId)).ydoc?.length ?? 0, { timeout: 5000 }).toBeGreaterThan(0);
    expect(await flush(documentName)).toBe(200);

    const after = await row(explainerId);
    expect(after.state).toBe(state);
    expect(after.version).toBe(before.version);
    expect(after.editorIdsSinceApproval).toEqual([author.id]);
    expect(await coEditEvents(explainerId)).toEqual([]);
  });

  it("sends an edited explainer back to draft, names its author and audits the edit", async () => {
    const { explainerId, documentName, author } = await explainerIn("APPROVED");
    const writer = await buildUser({ role: "REVIEWER" });
    const client = await connect(documentName, writer.id);
    appendBullet(client.doc, "Residents downstream were told to move to higher ground.");
    await expect.poll(async () => JSON.stringify((await row(explainerId)).content), { timeout: 5000 }).toContain("higher ground");

    const after = await row(explainerId);
    expect(after.state).toBe("DRAFT");
    expect(after.editorIdsSinceApproval).toEqual([author.id, writer.id]);
    const events = await coEditEvents(explainerId);
    expect(events).toHaveLength(1);
    expect(events[0]!.actorId).toBe(writer.id);
    expect(events[0]!.after).toMatchObject({ state: "DRAFT", authors: [writer.id] });
  });
});

describe("size limits", () => {
  it("refuses a change larger than one update may be, tells the writer, and keeps serving everyone", async () => {
    const { explainerId, documentName } = await explainerIn("DRAFT");
    const [writer, reader] = await Promise.all([buildUser({ role: "EDITOR" }), buildUser({ role: "EDITOR" })]);
    const big = await connect(documentName, writer.id);
    const other = await connect(documentName, reader.id);

    appendBullet(big.doc, `FLOOD ${"x".repeat(limits.maxUpdateBytes + 1000)}`);
    await expect.poll(() => big.notices.map(readLimitNotice).find(Boolean)?.limit ?? null, { timeout: 5000 }).toBe("update");
    // (the close follows the notice as a frame of its own: it may arrive a moment later)
    await expect.poll(() => big.closeCodes, { timeout: 5000 }).toContain(LIMIT_CLOSE_CODE);

    // nobody else got it, nothing stored it, and the server still takes ordinary edits
    appendBullet(other.doc, "Water levels fell by evening.");
    await expect.poll(async () => JSON.stringify((await row(explainerId)).content), { timeout: 5000 }).toContain("Water levels fell by evening.");
    expect(JSON.stringify((await row(explainerId)).content)).not.toContain("FLOOD");
    expect(other.doc.getXmlFragment(EXPLAINER_FRAGMENT).toString()).not.toContain("FLOOD");
  });

  it("refuses the change that would take a document past its size limit; what was stored stays", async () => {
    const { explainerId, documentName } = await explainerIn("DRAFT");
    const writer = await buildUser({ role: "EDITOR" });
    const client = await connect(documentName, writer.id);
    // each chunk fits one update; together they pass the document limit
    const chunk = limits.maxUpdateBytes / 2;
    for (let index = 0; client.notices.length === 0 && index < 12; index++) {
      appendBullet(client.doc, `Part ${index} ${"y".repeat(chunk)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await expect.poll(() => client.notices.map(readLimitNotice).find(Boolean)?.limit ?? null, { timeout: 5000 }).toBe("document");
    await expect.poll(async () => (await row(explainerId)).ydoc?.length ?? 0, { timeout: 5000 }).toBeGreaterThan(chunk);
    const stored = await row(explainerId);
    expect(stored.ydoc!.length).toBeLessThanOrEqual(limits.maxDocumentBytes);
    expect(JSON.stringify(stored.content)).toContain("Part 0 ");
  });

  /** Opens a raw socket, as an attacker would, and reports how it ended. */
  async function rawSocket(): Promise<{ socket: WebSocket; closed: Promise<number> }> {
    const socket = new WebSocket(url);
    const closed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
    socket.on("error", () => undefined);
    await new Promise((resolve, reject) => {
      socket.once("open", resolve);
      socket.once("error", reject);
    });
    return { socket, closed };
  }

  it("drops a stranger's large frame from its header, before authentication", async () => {
    const { socket, closed } = await rawSocket();
    socket.send(Buffer.alloc(2 * 1024 * 1024, 7));
    expect(await closed).toBe(1009);
    expect((await fetch(`${httpUrl}/health`)).status).toBe(200);
  });

  it("drops a stranger who sends many small frames, or never authenticates", async () => {
    const chatty = await rawSocket();
    const frame = (() => {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, "explainer:not-yet");
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint8Array(encoder, new Uint8Array(8 * 1024));
      return encoding.toUint8Array(encoder);
    })();
    for (let index = 0; index < 20; index++) chatty.socket.send(frame);
    expect(await chatty.closed).toBe(1006);

    const silent = await rawSocket();
    expect(await silent.closed).toBe(4401);
  });
});

describe("storage failures", () => {
  it("keeps the document in memory while the database refuses it, and stores it once it can", async () => {
    const { explainerId, documentName } = await explainerIn("DRAFT");
    const writer = await buildUser({ role: "EDITOR" });
    const client = await connect(documentName, writer.id);

    // another session holds the row lock past the store's transaction timeout (Prisma P2028)
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query(`SELECT 1 FROM "Explainer" WHERE "id" = $1 FOR UPDATE`, [explainerId]);
    try {
      appendBullet(client.doc, "Sandbags arrived at the school shelter.");
      await expect.poll(() => logLines.some((line) => line.includes(`could not store ${documentName}`)), { timeout: 15_000 }).toBe(true);
      // the writer leaves while the store is failing: the edit must not leave with them
      client.destroy();
      expect(await flush(documentName)).toBe(503);
      const health = (await (await fetch(`${httpUrl}/health`)).json()) as { storage: string; failingDocuments: number };
      expect(health.storage).toBe("failing");
      expect(server.hocuspocus.documents.has(documentName)).toBe(true);
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
    await expect.poll(async () => JSON.stringify((await row(explainerId)).content), { timeout: 15_000 }).toContain("Sandbags arrived at the school shelter.");
    await expect.poll(() => server.storageHealth().failingDocuments, { timeout: 5000 }).toBe(0);
    // once stored, the document with nobody in it is let go
    await expect.poll(() => server.hocuspocus.documents.has(documentName), { timeout: 5000 }).toBe(false);
  });
});
