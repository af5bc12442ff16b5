"use client";
import { EditorContent } from "@tiptap/react";
import { EditorToolbar } from "./editor-toolbar";
import type { ExplainerDocument } from "./use-explainer-document";

/** The document as the writer sees it: title, dek, the toolbar and the text (read-only: no toolbar). */
export function ExplainerDocumentView({ editing, readOnly, onCite }: { editing: ExplainerDocument; readOnly: boolean; onCite: () => void }) {
  const { editor, title, dek, titleInput, dekInput, changeMeta, linkOpen, setLinkOpen } = editing;
  return (
    <div className="rounded-lg border border-line bg-white">
      <div className="space-y-2 border-b border-line px-5 py-4">
        <label className="block">
          <span className="sr-only">Title</span>
          <input
            ref={titleInput}
            readOnly={readOnly}
            value={title}
            maxLength={300}
            onChange={(event) => changeMeta({ title: event.target.value })}
            placeholder="Title"
            aria-label="Title"
            aria-invalid={title.trim() === "" ? true : undefined}
            className="w-full font-serif text-2xl font-semibold outline-none placeholder:text-muted/60"
          />
        </label>
        {title.trim() === "" ? <p className="text-xs text-danger">A title is needed before the explainer can be saved.</p> : null}
        <label className="block">
          <span className="sr-only">Dek</span>
          <textarea
            ref={dekInput}
            readOnly={readOnly}
            value={dek}
            maxLength={1000}
            rows={2}
            onChange={(event) => changeMeta({ dek: event.target.value })}
            placeholder="Dek: one or two sentences that sum it up"
            aria-label="Dek"
            className="w-full resize-y text-base text-muted outline-none placeholder:text-muted/60"
          />
        </label>
      </div>
      {editor ? (
        <>
          {readOnly ? null : <EditorToolbar editor={editor} onCite={onCite} linkOpen={linkOpen} onLinkOpenChange={setLinkOpen} />}
          <EditorContent editor={editor} />
        </>
      ) : (
        <div className="min-h-[24rem] animate-pulse bg-paper" aria-label="Loading the editor" />
      )}
    </div>
  );
}
