import "server-only";
import { createHash } from "node:crypto";
import * as Y from "yjs";
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { db } from "@/lib/db/client";
import { type Prisma } from "@/lib/generated/prisma/client";
import { ZExplainerDoc } from "@/lib/explainers/document";
import { explainerSchema } from "./explainer-schema";

/** The Yjs fragment Tiptap's Collaboration extension binds to. */
export const EXPLAINER_FRAGMENT = "default";

/**
 * The explainer's shared document: its stored Yjs state, or (no state stored yet, e.g. a
 * document written before live co-editing or seeded as JSON) one rebuilt from its Tiptap JSON
 * with the editor's own schema. Null when the explainer does not exist.
 */
export async function loadExplainerYDoc(explainerId: string): Promise<Y.Doc | null> {
  const row = await db.explainer.findUnique({ where: { id: explainerId }, select: { ydoc: true, content: true } });
  if (!row) return null;
  if (row.ydoc && row.ydoc.length > 0) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, row.ydoc);
    return doc;
  }
  return prosemirrorJSONToYDoc(explainerSchema(), row.content, EXPLAINER_FRAGMENT);
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

  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ ydoc: Uint8Array | null; state: string; editorIds: string[] }[]>`
      SELECT "ydoc", "state"::text AS "state", "editorIdsSinceApproval"::text[] AS "editorIds"
      FROM "Explainer" WHERE "id" = ${explainerId}::uuid FOR UPDATE`;
    const current = rows[0];
    if (!current) return "missing";
    if (current.ydoc && digest(current.ydoc) === digest(state)) return "unchanged";
    const editors = [...new Set([...current.editorIds, ...editorIds])];
    const backToDraft = current.state === "APPROVED";
    await tx.explainer.update({
      where: { id: explainerId },
      data: {
        ydoc: Buffer.from(state),
        content: parsed.data as unknown as Prisma.InputJsonValue,
        editorIdsSinceApproval: editors,
        version: { increment: 1 },
        ...(backToDraft ? { state: "DRAFT" } : {}),
      },
    });
    return "stored";
  });
}
