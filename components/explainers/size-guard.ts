import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";

export type SizeGuardOptions = {
  /** the most characters one change (a paste, a drop) may add */
  maxInsertChars: number;
  /** the most characters the document may hold */
  maxDocumentChars: number;
  /** told which limit a refused change would have passed */
  onRefuse: (limit: "update" | "document") => void;
};

/**
 * Refuses, in the writer's own editor, a change the collaboration server would refuse for its
 * size, so an honest writer learns at once and nothing half-shared is left behind. Changes that
 * arrive from other people (through Yjs) are never filtered: the server already accepted them.
 */
export const SizeGuard = Extension.create<SizeGuardOptions>({
  name: "sizeGuard",
  addOptions() {
    return { maxInsertChars: Number.POSITIVE_INFINITY, maxDocumentChars: Number.POSITIVE_INFINITY, onRefuse: () => undefined };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin({
        key: new PluginKey("sizeGuard"),
        filterTransaction(transaction, state) {
          if (!transaction.docChanged) return true;
          const meta = transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
          if (meta?.isChangeOrigin) return true;
          const added = transaction.doc.content.size - state.doc.content.size;
          if (added <= 0) return true;
          if (added > options.maxInsertChars) {
            options.onRefuse("update");
            return false;
          }
          if (transaction.doc.content.size > options.maxDocumentChars) {
            options.onRefuse("document");
            return false;
          }
          return true;
        },
      }),
    ];
  },
});
