/**
 * Where the explainer lives inside its shared Yjs document, and how its stored fields are read
 * out of it. Pure (no database): the collaboration server, the domain verb that stores the
 * document and the tests share it.
 */
import type * as Y from "yjs";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { ZExplainerDoc, type ExplainerDoc } from "@/lib/explainers/document";
import { explainerSchema } from "./explainer-schema";

/** The Yjs fragment Tiptap's Collaboration extension binds to. */
export const EXPLAINER_FRAGMENT = "default";
/** The Yjs texts the title and dek inputs bind to. */
export const EXPLAINER_TITLE_TEXT = "title";
export const EXPLAINER_DEK_TEXT = "dek";

const TITLE_MAX = 300;
const DEK_MAX = 1000;

/** The title and dek as the columns take them: one line, trimmed, within the column limits. */
export function explainerMetaOf(doc: Y.Doc): { title: string; dek: string } {
  const title = doc.getText(EXPLAINER_TITLE_TEXT).toString().replace(/\s+/g, " ").trim().slice(0, TITLE_MAX).trim();
  const dek = doc.getText(EXPLAINER_DEK_TEXT).toString().trim().slice(0, DEK_MAX).trim();
  return { title, dek };
}

/**
 * The Tiptap JSON, title and dek a shared document stands for, read through the editor's schema
 * and the stored document's zod schema; null when the document does not fit them (nodes a
 * hand-made message slipped in), so it never reaches the stored JSON or the public renderer.
 */
export function readExplainerFields(doc: Y.Doc): { content: ExplainerDoc; title: string; dek: string } | null {
  let json: unknown;
  try {
    json = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(EXPLAINER_FRAGMENT), explainerSchema()).toJSON();
  } catch {
    return null;
  }
  const parsed = ZExplainerDoc.safeParse(json);
  if (!parsed.success) return null;
  return { content: parsed.data, ...explainerMetaOf(doc) };
}
