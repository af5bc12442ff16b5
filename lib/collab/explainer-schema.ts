/**
 * The ProseMirror schema of the explainer document, built from the same Tiptap extensions as the
 * editor, for the collaboration server: it turns stored Tiptap JSON into a Yjs document (a
 * document with no stored Yjs state) and a Yjs document back into JSON, dropping anything the
 * schema does not know. Pure: no DOM, no database.
 */
import { getSchema, Node, mergeAttributes } from "@tiptap/core";
import StarterKit, { type StarterKitOptions } from "@tiptap/starter-kit";
import type { Schema } from "@tiptap/pm/model";

/** The citation node without its React view: attrs as in lib/explainers/document.ts. */
export const CitationNodeBase = Node.create({
  name: "citation",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      claimId: { default: null },
      factId: { default: null },
      attributed: { default: false },
      attribution: { default: "" },
      form: { default: null },
    };
  },
  parseHTML() {
    return [{ tag: "span[data-citation]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes, { "data-citation": "" })];
  },
});

/**
 * StarterKit's options for the explainer: the nodes and marks the document allows. The editor
 * (components/explainers/use-explainer-document.ts) configures its StarterKit from this object too, so
 * the browser's schema and the collaboration server's can never drift apart.
 */
export const EXPLAINER_STARTER_KIT_OPTIONS = {
  heading: { levels: [2] },
  blockquote: false,
  code: false,
  codeBlock: false,
  horizontalRule: false,
  strike: false,
  underline: false,
  link: { protocols: ["http", "https"], openOnClick: false, autolink: true, defaultProtocol: "https", isAllowedUri: (url: string) => /^https?:\/\//i.test(url) },
} satisfies Partial<StarterKitOptions>;

/** StarterKit limited to the nodes and marks the explainer document allows. */
export const explainerStarterKit = StarterKit.configure(EXPLAINER_STARTER_KIT_OPTIONS);

let cached: Schema | undefined;

/** The explainer's ProseMirror schema (built once). */
export function explainerSchema(): Schema {
  cached ??= getSchema([explainerStarterKit, CitationNodeBase]);
  return cached;
}

/**
 * A stable string for comparing two explainer documents: both are read through the schema, so
 * JSON that differs only in key order or in attributes left at their defaults compares equal.
 */
export function canonicalExplainerDocument(json: unknown): string {
  let canonical: { content?: { type?: string; content?: unknown[] }[] };
  try {
    canonical = explainerSchema().nodeFromJSON(json).toJSON() as typeof canonical;
  } catch {
    return JSON.stringify(json);
  }
  // The editor keeps an empty paragraph after a final list or heading (Tiptap's trailing node)
  // so the writer can type below it: it shows nothing, and opening a document that ends in a list
  // must not count as an edit.
  const blocks = [...(canonical.content ?? [])];
  while (blocks.length > 0 && blocks.at(-1)!.type === "paragraph" && !blocks.at(-1)!.content?.length) blocks.pop();
  return JSON.stringify({ ...canonical, content: blocks });
}
