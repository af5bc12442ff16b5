"use client";
import type { Editor } from "@tiptap/react";
import { useEffect } from "react";
import type { CollabSession } from "./use-collab-session";

/**
 * ProseMirror learns about a click or an arrow/End key from the browser's `selectionchange`
 * event, which arrives in a later task (on a busy machine tens of milliseconds later). Anything
 * that redraws the editor in between writes ProseMirror's old selection back to the page and
 * undoes the person's click, so their next words land at the old place: a remote change (y-tiptap
 * restores the selection ProseMirror still holds), another person's caret moving, or
 * ProseMirror's own re-sync 20 ms after the editor gains focus. Reading the page's selection into
 * the editor right after each click or key and before each incoming message closes that gap.
 */
export function useCollabSelectionSync(editor: Editor | null, collabProvider: CollabSession["provider"] | null): void {
  useEffect(() => {
    if (!editor || !collabProvider) return;
    const readPendingSelection = () => {
      if (editor.isDestroyed || !editor.view.hasFocus()) return;
      // not in ProseMirror's typings, but the documented way its own input handlers sync
      (editor.view as unknown as { domObserver?: { flush(): void } }).domObserver?.flush();
    };
    // the browser places a click's caret right after `mousedown` (after focus): read it then
    const afterMouseDown = () => setTimeout(readPendingSelection, 0);
    collabProvider.on("message", readPendingSelection);
    // on window, so these run after ProseMirror's own handlers have marked the selection's origin
    window.addEventListener("mousedown", afterMouseDown);
    window.addEventListener("mouseup", readPendingSelection);
    window.addEventListener("keyup", readPendingSelection);
    return () => {
      collabProvider.off("message", readPendingSelection);
      window.removeEventListener("mousedown", afterMouseDown);
      window.removeEventListener("mouseup", readPendingSelection);
      window.removeEventListener("keyup", readPendingSelection);
    };
  }, [editor, collabProvider]);
}
