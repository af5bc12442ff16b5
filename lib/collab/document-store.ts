import "server-only";
import { createHash } from "node:crypto";
import * as Y from "yjs";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { db } from "@/lib/db/client";
import { type Prisma } from "@/lib/generated/prisma/client";
import { ZExplainerDoc } from "@/lib/explainers/document";
import { EXPLAINER_TRANSITIONS } from "@/lib/explainers/workflow";
import { explainerSchema } from "./explainer-schema";

/** The Yjs fragment Tiptap's Collaboration extension binds to. */
export const EXPLAINER_FRAGMENT = "default";
/** The Yjs texts the title and dek inputs bind to. */
export const EXPLAINER_TITLE_TEXT = "title";
export const EXPLAINER_DEK_TEXT = "dek";
const EXPLAINER_FLAGS_MAP = "wiredesk";

const TITLE_MAX = 300;
const DEK_MAX = 1000;

// Content rebuilt from the columns is written under this fixed client id: two instances (or two
// loads racing) rebuilding the same row produce identical Yjs items, which merge as one instead
// of doubling the text. Browsers pick random 32-bit ids; a clash with this one is negligible.
const REBUILD_CLIENT_ID = 1;

/**
 * The explainer's shared document: its stored Yjs state, or (no state stored yet, e.g. a
 * document written before live co-editing or seeded as JSON) one rebuilt from its Tiptap JSON
 * with the editor's own schema. Title and dek live in the same document as Yjs texts, filled
 * from their columns when the stored state has none. Null when the explainer does not exist.
 */
export async function loadExplainerYDoc(explainerId: string): Promise<Y.Doc | null> {
  const row = await db.explainer.findUnique({ where: { id: explainerId }, select: { ydoc: true, content: true, title: true, dek: true } });
  if (!row) return null;
  const doc = new Y.Doc();
  doc.clientID = REBUILD_CLIENT_ID;
  if (row.ydoc && row.ydoc.length > 0) Y.applyUpdate(doc, row.ydoc);
  else prosemirrorJSONToYXmlFragment(explainerSchema(), row.content, doc.getXmlFragment(EXPLAINER_FRAGMENT));
  // a state stored before title and dek were shared has neither: take them from the columns once
  const flags = doc.getMap<boolean>(EXPLAINER_FLAGS_MAP);
  if (!flags.get("metaFromColumns")) {
    doc.transact(() => {
      const title = doc.getText(EXPLAINER_TITLE_TEXT);
      if (title.length === 0 && row.title) title.insert(0, row.title);
      const dek = doc.getText(EXPLAINER_DEK_TEXT);
      if (dek.length === 0 && row.dek) dek.insert(0, row.dek);
      flags.set("metaFromColumns", true);
    });
  }
  return doc;
}

/** The title and dek as the columns take them: one line, trimmed, within the column limits. */
export function explainerMetaOf(doc: Y.Doc): { title: string; dek: string } {
  const title = doc.getText(EXPLAINER_TITLE_TEXT).toString().replace(/\s+/g, " ").trim().slice(0, TITLE_MAX).trim();
  const dek = doc.getText(EXPLAINER_DEK_TEXT).toString().trim().slice(0, DEK_MAX).trim();
  return { title, dek };
}

export type StoreOutcome = "stored" | "unchanged" | "invalid" | "missing";

function digest(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Persists the shared document: its Yjs state and the Tiptap JSON derived from it, in one
 * transaction holding the explainer's row lock, so two collaboration instances storing the same
 * document serialise. Skips the write when the state did not change. Everyone who edited since
 * the last store joins the explainer's editors since approval (none of them may approve the
 * next revision), and an edit to an approved explainer sends it back to draft.
 */
export async function storeExplainerYDoc(explainerId: string, doc: Y.Doc, editorIds: readonly string[]): Promise<StoreOutcome> {
  const state = Y.encodeStateAsUpdate(doc);
  // read through the schema: nodes a hand-made message slipped in that the editor does not
  // know are refused here, so they never reach the stored JSON (or the public renderer)
  let content: unknown;
  try {
    content = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(EXPLAINER_FRAGMENT), explainerSchema()).toJSON();
  } catch {
    return "invalid";
  }
  const parsed = ZExplainerDoc.safeParse(content);
  if (!parsed.success) return "invalid";
  const meta = explainerMetaOf(doc);

  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ ydoc: Uint8Array | null; state: string; editorIds: string[] }[]>`
      SELECT "ydoc", "state"::text AS "state", "editorIdsSinceApproval"::text[] AS "editorIds"
      FROM "Explainer" WHERE "id" = ${explainerId}::uuid FOR UPDATE`;
    const current = rows[0];
    if (!current) return "missing";
    if (current.ydoc && digest(current.ydoc) === digest(state)) return "unchanged";
    const editors = [...new Set([...current.editorIds, ...editorIds])];
    // as with any edit (lib/explainers/workflow.ts): after approval it needs review anew, and an
    // edit during review withdraws the submitted revision
    const backToDraft = current.state !== EXPLAINER_TRANSITIONS.edit.to;
    await tx.explainer.update({
      where: { id: explainerId },
      data: {
        ydoc: Buffer.from(state),
        // an emptied title keeps the last one: the column (and the public page) needs one
        ...(meta.title ? { title: meta.title } : {}),
        dek: meta.dek,
        content: parsed.data as unknown as Prisma.InputJsonValue,
        editorIdsSinceApproval: editors,
        version: { increment: 1 },
        ...(backToDraft ? { state: EXPLAINER_TRANSITIONS.edit.to } : {}),
      },
    });
    return "stored";
  });
}
