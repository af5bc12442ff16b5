"use client";
import { Extension } from "@tiptap/core";
import { useEditor, type Editor } from "@tiptap/react";
import { StarterKit } from "@tiptap/starter-kit";
import { Collaboration } from "@tiptap/extension-collaboration";
import { CollaborationCaret } from "@tiptap/extension-collaboration-caret";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type RefObject } from "react";
import { EXPLAINER_STARTER_KIT_OPTIONS } from "@/lib/collab/explainer-schema";
import { characterLimits, limitMessage } from "@/lib/collab/collab-limits";
import type { ExplainerDoc } from "@/lib/explainers/document-read";
import type { ExplainerForEditor } from "@/lib/explainers/get-explainer";
import { CitationCommand, type CitationMenuState } from "./citation-command";
import { CITATION_DRAG_TYPE, CitationNode, insertCitation } from "./citation-node";
import { LeaveWithEscape } from "./leave-with-escape";
import { RuleHighlights, ruleHighlightsKey } from "./rule-highlights";
import { SizeGuard } from "./size-guard";
import { clearBackup, readBackup, type Draft, type LocalBackup, type useAutosave } from "./use-autosave";
import { colourOf, type CollabSession, type CollabState } from "./use-collab-session";
import { useCollabSelectionSync } from "./use-collab-selection-sync";
import type { LiveCitationTargets } from "./use-live-citation-targets";
import { useSharedText } from "./use-shared-text";

type Autosave = ReturnType<typeof useAutosave>;

/** A tiny external store for the "/" menu, so the editor's key handler and React share one state. */
function createMenuStore() {
  let state: { menu: CitationMenuState; active: number } = { menu: null, active: 0 };
  const listeners = new Set<() => void>();
  const set = (next: typeof state) => {
    state = next;
    for (const listener of listeners) listener();
  };
  return {
    get: () => state,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setMenu: (menu: CitationMenuState) => set({ menu, active: menu && state.menu ? Math.min(state.active, Math.max(0, menu.items.length - 1)) : 0 }),
    move: (delta: number) => {
      const count = state.menu?.items.length ?? 0;
      if (count > 0) set({ ...state, active: (state.active + delta + count) % count });
    },
    pick: (index: number) => {
      const item = state.menu?.items[index];
      if (item) state.menu?.command(item);
    },
  };
}

function sameDraft(a: Draft, b: Draft): boolean {
  return a.title === b.title && a.dek === b.dek && JSON.stringify(a.content) === JSON.stringify(b.content);
}

/** What became of a copy kept on this device that the server never got. */
export type DeviceCopy = { kind: "restored" } | { kind: "offer"; backup: LocalBackup } | null;

export type ExplainerDocument = {
  editor: Editor | null;
  /** the body as last changed, for the checks and the panel's "cited" marks */
  doc: ExplainerDoc;
  title: string;
  dek: string;
  titleInput: RefObject<HTMLInputElement | null>;
  dekInput: RefObject<HTMLTextAreaElement | null>;
  changeMeta: (next: { title?: string; dek?: string }) => void;
  /** the "/" menu's state and its pick */
  menu: { menu: CitationMenuState; active: number };
  pickFromMenu: (index: number) => void;
  linkOpen: boolean;
  setLinkOpen: (open: boolean) => void;
  /** a change this editor refused for its size, until dismissed */
  localLimit: string | null;
  dismissLocalLimit: () => void;
  deviceCopy: DeviceCopy;
  restoreDeviceCopy: (backup: LocalBackup) => void;
  keepSavedVersion: () => void;
};

/**
 * The explainer's document: title, dek and the Tiptap body with citation chips. Co-edited
 * (`collab`), all three live in the shared Yjs document and the collaboration server stores
 * them; edited alone, every change goes to the autosave, and a copy kept on this device that
 * the server never got is restored (same version) or offered (a newer one was saved since).
 */
export function useExplainerDocument({
  initial,
  collab,
  readOnly,
  targets,
  autosave,
}: {
  initial: ExplainerForEditor;
  collab: (CollabSession & { state: CollabState }) | null;
  readOnly: boolean;
  targets: LiveCitationTargets;
  autosave: Autosave;
}): ExplainerDocument {
  const { liveTargets, targetMap } = targets;
  const titleInput = useRef<HTMLInputElement | null>(null);
  const dekInput = useRef<HTMLTextAreaElement | null>(null);
  const ydoc = collab?.ydoc ?? null;
  const [sharedTitle, sharedDek] = useMemo(() => (ydoc ? [ydoc.getText("title"), ydoc.getText("dek")] : [null, null]), [ydoc]);
  const [title, setTitle] = useSharedText(sharedTitle, initial.title, titleInput);
  const [dek, setDek] = useSharedText(sharedDek, initial.dek, dekInput);
  const [doc, setDoc] = useState<ExplainerDoc>(initial.content);
  const [deviceCopy, setDeviceCopy] = useState<DeviceCopy>(null);
  const [menuStore] = useState(createMenuStore);
  const menu = useSyncExternalStore(menuStore.subscribe, menuStore.get, menuStore.get);
  const [linkOpen, setLinkOpen] = useState(false);
  const [localLimit, setLocalLimit] = useState<string | null>(null);
  // event handlers outside React render read these (title and dek change with the inputs)
  const titleRef = useRef({ title: initial.title, dek: initial.dek });
  const editorRef = useRef<Editor | null>(null);

  const editor = useEditor({
    immediatelyRender: false,
    editable: !readOnly,
    extensions: [
      // Yjs brings its own undo, which undoes only this person's changes
      StarterKit.configure({ ...EXPLAINER_STARTER_KIT_OPTIONS, ...(collab ? { undoRedo: false as const } : {}) }),
      ...(collab
        ? [
            Collaboration.configure({ document: collab.ydoc, field: "default" }),
            SizeGuard.configure({
              ...characterLimits(collab.config.limits),
              onRefuse: (limit) =>
                setLocalLimit(limitMessage({ limit, maxBytes: limit === "update" ? collab.config.limits.maxUpdateBytes : collab.config.limits.maxDocumentBytes }, true)),
            }),
            CollaborationCaret.configure({
              provider: collab.provider,
              user: { id: collab.config.user.id, name: collab.config.user.name, color: colourOf(collab.config.user.id), readOnly: collab.config.readOnly },
            }),
          ]
        : []),
      CitationNode,
      CitationCommand.configure({
        storyId: initial.storyId,
        targets: liveTargets,
        onState: menuStore.setMenu,
        onKeyDown: (event) => {
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            menuStore.move(event.key === "ArrowDown" ? 1 : -1);
            return true;
          }
          if (event.key === "Enter" || event.key === "Tab") {
            if ((menuStore.get().menu?.items.length ?? 0) === 0) return false;
            menuStore.pick(menuStore.get().active);
            return true;
          }
          return false;
        },
      }),
      RuleHighlights.configure({ targets: liveTargets }),
      LeaveWithEscape,
      Extension.create({
        name: "linkShortcut",
        addKeyboardShortcuts: () => ({
          "Mod-k": () => {
            setLinkOpen(true);
            return true;
          },
        }),
      }),
    ],
    // the shared document brings its own content
    ...(collab ? {} : { content: initial.content }),
    editorProps: {
      attributes: {
        class: "explainer-prose min-h-[24rem] px-5 py-4 focus:outline-none",
        "aria-label": "Explainer text",
        "aria-multiline": "true",
        role: "textbox",
      },
      handleDrop: (view, event) => {
        const key = event.dataTransfer?.getData(CITATION_DRAG_TYPE);
        if (!key) return false;
        const target = liveTargets.current.get(key);
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
        if (!target || !at || !editorRef.current) return false;
        event.preventDefault();
        insertCitation(editorRef.current, target, at.pos);
        return true;
      },
    },
    onCreate: ({ editor: created }) => {
      if (collab) {
        setDoc(created.getJSON() as ExplainerDoc);
        return;
      }
      // a copy kept on this device that the server never got (reload, closed tab, offline)
      const backup = readBackup(initial.id);
      if (!backup) return;
      const server = { title: initial.title, dek: initial.dek, content: initial.content };
      if (sameDraft(backup, server) || new Date(backup.changedAt) <= new Date(initial.updatedAt)) {
        clearBackup(initial.id);
        return;
      }
      if (backup.baseVersion === initial.version) {
        applyDraft(created, backup);
        setDeviceCopy({ kind: "restored" });
      } else {
        setDeviceCopy({ kind: "offer", backup });
      }
    },
    onUpdate: ({ editor: updated }) => {
      const content = updated.getJSON() as ExplainerDoc;
      setDoc(content);
      // co-edited: the collaboration server stores the shared document
      if (!collab) autosave.change({ title: titleRef.current.title, dek: titleRef.current.dek, content });
    },
    // co-edited, the page re-renders on every connection and sync event: a fixed dependency keeps
    // Tiptap from re-applying the options to the live view each time (callbacks stay current)
  }, collab ? [collab.ydoc] : undefined);
  useEffect(() => {
    editorRef.current = editor;
  }, [editor]);
  useEffect(() => {
    // only a real replacement: a transaction dispatched while the shared document is still
    // syncing would make y-prosemirror write the empty starting document into it
    if (liveTargets.current === targetMap) return;
    liveTargets.replace(targetMap);
    // the rule highlights recompute with the new statuses
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(ruleHighlightsKey, true));
  }, [editor, targetMap, liveTargets]);
  useCollabSelectionSync(editor, collab?.provider ?? null);
  useEffect(() => {
    if (editor && editor.isEditable === readOnly) editor.setEditable(!readOnly);
  }, [editor, readOnly]);

  function applyDraft(target: Editor, draft: Draft) {
    setTitle(draft.title);
    setDek(draft.dek);
    titleRef.current.title = draft.title;
    titleRef.current.dek = draft.dek;
    target.commands.setContent(draft.content, { emitUpdate: false });
    setDoc(draft.content);
    autosave.change(draft);
  }

  const changeMeta = (next: { title?: string; dek?: string }) => {
    if (next.title !== undefined) {
      setTitle(next.title);
      titleRef.current.title = next.title;
    }
    if (next.dek !== undefined) {
      setDek(next.dek);
      titleRef.current.dek = next.dek;
    }
    if (!collab) autosave.change({ title: titleRef.current.title, dek: titleRef.current.dek, content: (editor?.getJSON() as ExplainerDoc | undefined) ?? doc });
  };

  return {
    editor,
    doc,
    title,
    dek,
    titleInput,
    dekInput,
    changeMeta,
    menu,
    pickFromMenu: menuStore.pick,
    linkOpen,
    setLinkOpen,
    localLimit,
    dismissLocalLimit: () => setLocalLimit(null),
    deviceCopy,
    restoreDeviceCopy: (backup) => {
      if (editor) applyDraft(editor, backup);
      setDeviceCopy({ kind: "restored" });
    },
    keepSavedVersion: () => {
      clearBackup(initial.id);
      setDeviceCopy(null);
    },
  };
}
