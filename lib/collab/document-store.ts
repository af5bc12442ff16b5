import "server-only";
import * as Y from "yjs";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { db } from "@/lib/db/client";
import { ZExplainerDoc } from "@/lib/explainers/document";
import { saveCoEditedExplainer, type CoEditOutcome } from "@/lib/explainers/save-co-edited-explainer";
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

/**
 * Persists the shared document through the explainer domain (`saveCoEditedExplainer`): the Yjs
 * state and the Tiptap JSON, title and dek derived from it. A state whose text does not fit the
 * explainer schema (a hand-made message) is refused here, so it never reaches the stored JSON or
 * the public renderer.
 */
export async function storeExplainerYDoc(explainerId: string, doc: Y.Doc, editorIds: readonly string[]): Promise<CoEditOutcome | "invalid"> {
  let content: unknown;
  try {
    content = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(EXPLAINER_FRAGMENT), explainerSchema()).toJSON();
  } catch {
    return "invalid";
  }
  const parsed = ZExplainerDoc.safeParse(content);
  if (!parsed.success) return "invalid";
  const meta = explainerMetaOf(doc);
  return saveCoEditedExplainer(editorIds, { explainerId, state: Y.encodeStateAsUpdate(doc), content: parsed.data, title: meta.title, dek: meta.dek });
}
