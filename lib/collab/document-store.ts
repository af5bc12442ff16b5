import "server-only";
import * as Y from "yjs";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { db } from "@/lib/db/client";
import { saveCoEditedExplainer, type CoEditOutcome } from "@/lib/explainers/save-co-edited-explainer";
import { explainerSchema } from "./explainer-schema";
import { EXPLAINER_DEK_TEXT, EXPLAINER_FRAGMENT, EXPLAINER_TITLE_TEXT } from "./explainer-fields";

export { EXPLAINER_FRAGMENT, EXPLAINER_TITLE_TEXT, EXPLAINER_DEK_TEXT, explainerMetaOf } from "./explainer-fields";
const EXPLAINER_FLAGS_MAP = "wiredesk";

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

/**
 * Persists the shared document through the explainer domain (`saveCoEditedExplainer`), which
 * merges it with what is stored and derives the Tiptap JSON, title and dek from the result.
 */
export function storeExplainerYDoc(explainerId: string, doc: Y.Doc, editorIds: readonly string[]): Promise<CoEditOutcome> {
  return saveCoEditedExplainer(editorIds, { explainerId, state: Y.encodeStateAsUpdate(doc) });
}
