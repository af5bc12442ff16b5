import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Server } from "@hocuspocus/server";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { buildStory, buildUser } from "@/lib/testing/factories";
import { createExplainer } from "@/lib/explainers/create-explainer";
import { submitRevision } from "@/lib/explainers/submit-revision";
import { createCollabServer } from "./collab-server";
import { explainerDocumentName, issueCollabToken, issueInternalToken } from "./collab-token";
import { EXPLAINER_DEK_TEXT, EXPLAINER_FRAGMENT, EXPLAINER_TITLE_TEXT } from "./document-store";
import { connectNodeClient, type NodeCollabClient } from "./node-client";

let server: Server;
let url: string;
let httpUrl: string;
const clients: NodeCollabClient[] = [];
const savedInternalUrl = process.env.COLLAB_INTERNAL_URL;
const savedSwitch = process.env.WIREDESK_COLLAB;

beforeAll(async () => {
  // a long debounce: only the flush can have stored the edit by the time the revision is taken
  server = createCollabServer({ port: 0, address: "127.0.0.1", secret: env().NEXTAUTH_SECRET, debounceMs: 60_000, maxDebounceMs: 120_000, log: () => {} });
  await server.listen();
  url = `ws://127.0.0.1:${server.address.port}`;
  httpUrl = `http://127.0.0.1:${server.address.port}`;
  process.env.COLLAB_INTERNAL_URL = httpUrl;
  process.env.WIREDESK_COLLAB = "1";
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server.destroy();
  if (savedInternalUrl === undefined) delete process.env.COLLAB_INTERNAL_URL;
  else process.env.COLLAB_INTERNAL_URL = savedInternalUrl;
  if (savedSwitch === undefined) delete process.env.WIREDESK_COLLAB;
  else process.env.WIREDESK_COLLAB = savedSwitch;
});

async function setUp() {
  const editor = await buildUser({ role: "EDITOR" });
  const story = await buildStory(editor.actor);
  const explainer = await createExplainer(editor.actor, { storyId: story.id, title: "What to know about the Talvar ferry" });
  await db.explainer.update({ where: { id: explainer.id }, data: { dek: "Crossings stopped after the storm." } });
  const documentName = explainerDocumentName(explainer.id);
  const client = await connectNodeClient({
    url,
    documentName,
    token: issueCollabToken({ doc: documentName, userId: editor.id, mode: "write" }, env().NEXTAUTH_SECRET).token,
  });
  clients.push(client);
  return { editor, story, explainer, documentName, client };
}

async function untilSynced(client: NodeCollabClient): Promise<void> {
  await expect.poll(() => client.provider.hasUnsyncedChanges, { timeout: 5000 }).toBe(false);
}

describe("co-edited title and dek, and submitting the shared document", () => {
  it("loads title and dek from the columns into the shared document", async () => {
    const { client } = await setUp();
    expect(client.refused).toBeNull();
    expect(client.doc.getText(EXPLAINER_TITLE_TEXT).toString()).toBe("What to know about the Talvar ferry");
    expect(client.doc.getText(EXPLAINER_DEK_TEXT).toString()).toBe("Crossings stopped after the storm.");
    expect(client.doc.getXmlFragment(EXPLAINER_FRAGMENT).length).toBeGreaterThan(0);
  });

  it("snapshots an edit made just before submitting, though the debounced store has not run", async () => {
    const { editor, story, explainer, client } = await setUp();
    const title = client.doc.getText(EXPLAINER_TITLE_TEXT);
    client.doc.transact(() => {
      title.delete(0, title.length);
      title.insert(0, "  Talvar ferry:\nwhat we know  ");
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText("Crossings resume at dawn, the port office said.")]);
      client.doc.getXmlFragment(EXPLAINER_FRAGMENT).push([paragraph]);
    });
    await untilSynced(client);

    const submitted = await submitRevision(editor.actor, { storyId: story.id, explainerId: explainer.id, version: "shared", message: "First co-edited draft" });
    const revision = await db.explainerRevision.findUniqueOrThrow({ where: { id: submitted.revisionId }, select: { title: true, dek: true, content: true } });
    // one line, trimmed, as the column takes it
    expect(revision.title).toBe("Talvar ferry: what we know");
    expect(revision.dek).toBe("Crossings stopped after the storm.");
    expect(JSON.stringify(revision.content)).toContain("Crossings resume at dawn, the port office said.");
    const row = await db.explainer.findUniqueOrThrow({ where: { id: explainer.id }, select: { state: true, editorIdsSinceApproval: true } });
    expect(row.state).toBe("IN_REVIEW");
    expect(row.editorIdsSinceApproval).toContain(editor.id);
  });

  it("keeps the last title when the shared one is emptied, and trims the dek to the column", async () => {
    const { explainer, documentName, client } = await setUp();
    client.doc.transact(() => {
      const title = client.doc.getText(EXPLAINER_TITLE_TEXT);
      title.delete(0, title.length);
      const dek = client.doc.getText(EXPLAINER_DEK_TEXT);
      dek.insert(dek.length, " ".concat("x".repeat(1200)));
    });
    await untilSynced(client);
    const response = await fetch(`${httpUrl}/flush?document=${encodeURIComponent(documentName)}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${issueInternalToken(documentName, env().NEXTAUTH_SECRET)}` },
    });
    expect(await response.json()).toEqual({ flushed: true });
    const row = await db.explainer.findUniqueOrThrow({ where: { id: explainer.id }, select: { title: true, dek: true } });
    expect(row.title).toBe("What to know about the Talvar ferry");
    expect(row.dek.length).toBe(1000);
  });

  it("refuses a flush without the internal token, or with one for another document", async () => {
    const { documentName } = await setUp();
    const other = explainerDocumentName("00000000-0000-4000-8000-000000000000");
    const flush = (authorization?: string) =>
      fetch(`${httpUrl}/flush?document=${encodeURIComponent(documentName)}`, { method: "POST", headers: authorization ? { Authorization: authorization } : {} });
    expect((await flush()).status).toBe(401);
    expect((await flush(`Bearer ${issueInternalToken(other, env().NEXTAUTH_SECRET)}`)).status).toBe(401);
    expect((await flush(`Bearer ${issueInternalToken(documentName, "another-secret-0123456789abcdef0123")}`)).status).toBe(401);
    expect((await flush(`Bearer ${issueInternalToken(documentName, env().NEXTAUTH_SECRET, Date.now() - 5 * 60_000)}`)).status).toBe(401);
  });
});
