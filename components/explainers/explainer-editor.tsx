"use client";
import { Extension } from "@tiptap/core";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { StarterKit } from "@tiptap/starter-kit";
import { Collaboration } from "@tiptap/extension-collaboration";
import { CollaborationCaret } from "@tiptap/extension-collaboration-caret";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EXPLAINER_STATE_META } from "@/lib/claims/status-meta";
import { EXPLAINER_STARTER_KIT_OPTIONS } from "@/lib/collab/explainer-schema";
import { characterLimits, limitMessage } from "@/lib/collab/collab-limits";
import type { ActionResult } from "@/lib/http/action-result";
import type { CitationTarget } from "@/lib/explainers/citation-targets";
import { extractCitations, type ExplainerDoc } from "@/lib/explainers/document-read";
import type { ExplainerForEditor } from "@/lib/explainers/get-explainer";
import { checkWritingRules, citationKey, type RuleProblem } from "@/lib/explainers/writing-rules";
import { CitationCommand, CitationMenu, type CitationMenuState } from "./citation-command";
import { CITATION_DRAG_TYPE, CitationNode, insertCitation } from "./citation-node";
import { CitationPanel } from "./citation-panel";
import { EditorToolbar } from "./editor-toolbar";
import { LeaveWithEscape } from "./leave-with-escape";
import { RuleHighlights, ruleHighlightsKey } from "./rule-highlights";
import { useDeskEvents } from "@/components/live/use-desk-events";
import { SizeGuard } from "./size-guard";
import { CitationTargetsContext } from "./targets-context";
import { clearBackup, readBackup, useAutosave, type Draft, type LocalBackup } from "./use-autosave";
import { ConnectionStatus, PresenceBar } from "./collab-bars";
import { colourOf, useCollabSession, type CollabConfig, type CollabSession, type CollabState } from "./use-collab-session";
import { useSharedText } from "./use-shared-text";
import { useCollabSelectionSync } from "./use-collab-selection-sync";
import { ChecksList, ReviewHistory } from "./editor-checks";
import { SaveStatusLine, SubmitDialog, timeOf } from "./submit-bar";

type SaveAction = (input: unknown) => Promise<ActionResult<{ version: number; state: string; savedAt: string; changed: boolean }>>;
type SubmitAction = (input: unknown) => Promise<ActionResult<{ revisionId: string; number: number; version: number }>>;

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

/** Position of the n-th list item (bullet) in document order, for "go to bullet". */
function bulletPosition(editor: Editor, bulletIndex: number): number | null {
  let index = 0;
  let found: number | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (node.type.name === "listItem") {
      if (index === bulletIndex) found = pos;
      index += 1;
    }
    return true;
  });
  return found;
}

function sameDraft(a: Draft, b: Draft): boolean {
  return a.title === b.title && a.dek === b.dek && JSON.stringify(a.content) === JSON.stringify(b.content);
}

type EditorProps = { initial: ExplainerForEditor; saveAction: SaveAction; submitAction: SubmitAction; collab?: CollabConfig | null };

/**
 * The explainer editor. With live co-editing (the page passes `collab`) the document, title and
 * dek are one shared Yjs document kept by the collaboration server, which also stores it; the
 * editor appears once the shared document has arrived. Without it (WIREDESK_COLLAB=0) drafts
 * save through the autosave action with a device backup.
 */
export function ExplainerEditor(props: EditorProps) {
  const { session, state } = useCollabSession(props.initial.id, props.collab ?? null);
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), 6000);
    return () => clearTimeout(timer);
  }, []);
  if (props.collab && (!session || !state.ready)) {
    return (
      <div className="space-y-3" aria-busy="true">
        <p role="status" className="rounded-lg border border-line bg-white px-3 py-2 text-sm text-muted" data-collab-status={state.connection}>
          {state.connection === "refused"
            ? "The shared document refused this connection. Reload the page; if it persists, ask an admin about your access."
            : slow
              ? "Still connecting to the shared document… the co-editing server does not answer yet; retrying."
              : "Connecting to the shared document…"}
        </p>
        <div className="h-[32rem] animate-pulse rounded-lg border border-line bg-white" />
      </div>
    );
  }
  return <EditorBody {...props} collab={session ? { ...session, state } : null} />;
}

/**
 * The citation targets as the editor's plugins read them (rule highlights, "/" menu, drops):
 * one box per editor, refilled when a live status change re-reads them.
 */
class LiveTargets {
  constructor(public current: ReadonlyMap<string, CitationTarget>) {}
  replace(next: ReadonlyMap<string, CitationTarget>): void {
    this.current = next;
  }
}

/** Title, dek and the Tiptap document with citation chips, the claims panel, rule checks, submission. */
function EditorBody({ initial, saveAction, submitAction, collab }: Omit<EditorProps, "collab"> & { collab: (CollabSession & { state: CollabState }) | null }) {
  const router = useRouter();
  const titleInput = useRef<HTMLInputElement | null>(null);
  const dekInput = useRef<HTMLTextAreaElement | null>(null);
  const ydoc = collab?.ydoc ?? null;
  const [sharedTitle, sharedDek] = useMemo(() => (ydoc ? [ydoc.getText("title"), ydoc.getText("dek")] : [null, null]), [ydoc]);
  const [title, setTitle] = useSharedText(sharedTitle, initial.title, titleInput);
  const [dek, setDek] = useSharedText(sharedDek, initial.dek, dekInput);
  const readOnly = collab ? collab.state.mode === "read" : false;
  const [doc, setDoc] = useState<ExplainerDoc>(initial.content);
  const [state, setState] = useState(initial.state);
  const [restored, setRestored] = useState<{ kind: "restored" } | { kind: "offer"; backup: LocalBackup } | null>(null);
  const [menuStore] = useState(createMenuStore);
  const menu = useSyncExternalStore(menuStore.subscribe, menuStore.get, menuStore.get);
  const [linkOpen, setLinkOpen] = useState(false);
  // a change refused for its size, by this editor or by the server; dismissed by the writer
  const [localLimit, setLocalLimit] = useState<string | null>(null);
  const [dismissedLimit, setDismissedLimit] = useState<string | null>(null);
  const limitNotice = localLimit ?? (collab?.state.limit && collab.state.limit !== dismissedLimit ? collab.state.limit : null);

  // statuses change while the editor is open: a live event re-reads the story's targets
  const [targets, setTargets] = useState(initial.targets);
  const targetMap = useMemo(() => new Map(targets.map((target) => [target.key, target])), [targets]);
  // the editor's plugins read the targets through this box; it is refilled when they change
  const [liveTargets] = useState(() => new LiveTargets(targetMap));
  // event handlers outside React render read these (title and dek change with the inputs)
  const titleRef = useRef({ title: initial.title, dek: initial.dek });
  const editorRef = useRef<Editor | null>(null);

  const onSaved = useCallback((result: { state: string }) => setState(result.state as ExplainerForEditor["state"]), []);
  const autosave = useAutosave({
    explainerId: initial.id,
    storyId: initial.storyId,
    initialVersion: initial.version,
    initialSavedAt: initial.updatedAt,
    save: saveAction,
    onSaved,
  });

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
        setRestored({ kind: "restored" });
      } else {
        setRestored({ kind: "offer", backup });
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
  useDeskEvents(initial.storyId, (event) => {
    if (event.kind !== "claim_status") {
      if (event.explainerId === initial.id) router.refresh();
      return;
    }
    void fetch(`/api/stories/${initial.storyId}/citation-targets`, { cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<{ targets: CitationTarget[] }>) : null))
      .then((body) => {
        if (body) setTargets(body.targets);
      })
      .catch(() => undefined);
  });
  useCollabSelectionSync(editor, collab?.provider ?? null);

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

  useEffect(() => {
    if (editor && editor.isEditable === readOnly) editor.setEditable(!readOnly);
  }, [editor, readOnly]);

  const problems = useMemo(() => checkWritingRules(doc, targetMap), [doc, targetMap]);
  const citedKeys = useMemo(() => new Set(extractCitations(doc).map(citationKey)), [doc]);

  const goToBullet = (problem: RuleProblem) => {
    if (!editor) return;
    const pos = bulletPosition(editor, problem.bulletIndex);
    if (pos !== null) editor.chain().focus().setTextSelection(pos + 2).scrollIntoView().run();
  };

  const cite = (target: CitationTarget) => {
    if (editor) insertCitation(editor, target);
  };

  const openCommand = () => {
    editor?.chain().focus().insertContent("/").run();
  };

  const stateMeta = EXPLAINER_STATE_META[state];
  const latestChangesRequested = initial.reviews.find((review) => review.decision === "CHANGES_REQUESTED" && review.revisionNumber === initial.latestRevision?.number);

  return (
    <CitationTargetsContext.Provider value={targetMap}>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-line bg-white px-3 py-2">
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={stateMeta.tone}>{stateMeta.label}</Badge>
              {initial.needsReReview ? <Badge tone="danger">Needs re-review</Badge> : null}
              {collab ? <ConnectionStatus state={collab.state} /> : <SaveStatusLine status={autosave.status} onRetry={() => void autosave.flush()} />}
            </div>
            <SubmitDialog
              disabled={readOnly || state === "IN_REVIEW" || (!collab && autosave.status.kind === "conflict")}
              disabledReason={readOnly ? "View only" : state === "IN_REVIEW" ? "Waiting for review" : undefined}
              problems={problems}
              onGoTo={goToBullet}
              onSubmit={async (message) => {
                if (collab) {
                  // the server must have every edit of this browser before it snapshots
                  const deadline = Date.now() + 5000;
                  while (collab.provider.hasUnsyncedChanges && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
                  if (collab.provider.hasUnsyncedChanges) {
                    return { ok: false, error: "Your latest edits have not reached the server yet (see the connection status). They are kept; try again once it says all changes are synced.", fieldErrors: {} };
                  }
                  const result = await submitAction({ storyId: initial.storyId, explainerId: initial.id, version: "shared", message });
                  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors };
                  setState("IN_REVIEW");
                  router.refresh();
                  return { ok: true, error: "", fieldErrors: {} };
                }
                const flushed = await autosave.flush();
                if (!flushed) return { ok: false, error: "Your latest changes are not saved yet (see the status line). Try again once they are.", fieldErrors: {} };
                const result = await submitAction({ storyId: initial.storyId, explainerId: initial.id, version: autosave.currentVersion(), message });
                if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors };
                autosave.setVersion(result.data.version);
                setState("IN_REVIEW");
                router.refresh();
                return { ok: true, error: "", fieldErrors: {} };
              }}
            />
          </div>

          {collab ? (
            <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-line bg-white px-3 py-2">
              <PresenceBar provider={collab.provider} userId={collab.config.user.id} connected={collab.state.connection === "connected"} />
              {readOnly ? (
                <p role="note" className="text-sm font-medium text-muted" data-testid="view-only">
                  View only: you see changes live but cannot edit.
                </p>
              ) : null}
            </div>
          ) : null}
          {!collab && autosave.status.kind === "conflict" ? (
            <div role="alert" className="rounded-lg border border-danger/40 bg-red-50 p-3 text-sm">
              <p className="font-medium text-danger">{autosave.status.message}</p>
              <Button size="sm" className="mt-2" onClick={() => window.location.reload()}>
                Reload the latest version
              </Button>
            </div>
          ) : null}
          {limitNotice ? (
            <div role="alert" className="flex flex-wrap items-start justify-between gap-2 rounded-lg border border-danger/40 bg-red-50 p-3 text-sm" data-testid="size-limit">
              <p className="font-medium text-danger">{limitNotice}</p>
              <Button
                size="sm"
                variant="secondary"
                onClick={() => {
                  setLocalLimit(null);
                  setDismissedLimit(collab?.state.limit ?? null);
                  editor?.commands.focus();
                }}
              >
                Dismiss
              </Button>
            </div>
          ) : null}
          {collab?.state.restored ? (
            <p role="status" className="rounded-lg border border-blue-200 bg-blue-50 p-3 text-sm">
              Restored changes kept on this device that had not reached the server. They are merged into the shared document now.
            </p>
          ) : null}
          {restored?.kind === "restored" ? (
            <p role="status" className="rounded-lg border border-blue-200 bg-blue-50 p-3 text-sm">
              Restored changes kept on this device that had not reached the server. They are being saved now.
            </p>
          ) : null}
          {restored?.kind === "offer" ? (
            <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm">
              <p>This device has unsaved changes from {timeOf(restored.backup.changedAt)}, but someone saved a newer version since. Which copy do you want to keep?</p>
              <div className="mt-2 flex gap-2">
                <Button
                  size="sm"
                  onClick={() => {
                    if (editor) applyDraft(editor, restored.backup);
                    setRestored({ kind: "restored" });
                  }}
                >
                  Use the copy on this device
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => {
                    clearBackup(initial.id);
                    setRestored(null);
                  }}
                >
                  Keep the saved version
                </Button>
              </div>
            </div>
          ) : null}
          {initial.needsReReview && initial.reReviewReason ? (
            <p role="note" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm">
              <b>Needs re-review.</b> {initial.reReviewReason}
            </p>
          ) : null}
          {state === "CHANGES_REQUESTED" && latestChangesRequested ? (
            <div role="note" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="changes-requested">
              <p className="font-medium">
                {latestChangesRequested.reviewer} requested changes to revision {latestChangesRequested.revisionNumber}:
              </p>
              <p className="mt-1 whitespace-pre-wrap">{latestChangesRequested.comment}</p>
            </div>
          ) : null}
          {state === "IN_REVIEW" ? (
            <p role="note" className="rounded-lg border border-blue-200 bg-blue-50 p-3 text-sm">
              Revision {initial.latestRevision?.number} is waiting for review. Editing now withdraws it: you would submit again.
            </p>
          ) : null}

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
                {readOnly ? null : <EditorToolbar editor={editor} onCite={openCommand} linkOpen={linkOpen} onLinkOpenChange={setLinkOpen} />}
                <EditorContent editor={editor} />
              </>
            ) : (
              <div className="min-h-[24rem] animate-pulse bg-paper" aria-label="Loading the editor" />
            )}
          </div>

          <ChecksList problems={problems} onGoTo={goToBullet} />
          <ReviewHistory reviews={initial.reviews} />
        </div>

        <aside className="lg:sticky lg:top-4 lg:h-[calc(100vh-2rem)]">
          <CitationPanel storyId={initial.storyId} targets={targets} citedKeys={citedKeys} onCite={cite} disabled={!editor || readOnly} />
        </aside>
      </div>
      {menu.menu ? <CitationMenu state={menu.menu} active={menu.active} onPick={menuStore.pick} /> : null}
    </CitationTargetsContext.Provider>
  );
}
