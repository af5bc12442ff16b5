"use client";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { EXPLAINER_STATE_META } from "@/lib/claims/status-meta";
import type { ActionResult } from "@/lib/http/action-result";
import type { CitationTarget } from "@/lib/explainers/citation-targets";
import { extractCitations } from "@/lib/explainers/document-read";
import type { ExplainerForEditor } from "@/lib/explainers/get-explainer";
import { checkWritingRules, citationKey, type RuleProblem } from "@/lib/explainers/writing-rules";
import { CitationMenu } from "./citation-command";
import { insertCitation } from "./citation-node";
import { CitationPanel } from "./citation-panel";
import { CollabConnecting, CollabPresence, ConnectionStatus } from "./collab-bars";
import { ChecksList, ReviewHistory, goToBullet } from "./editor-checks";
import { DeviceCopyNotice, ReviewStateNotice, SaveConflictNotice, SizeLimitNotice } from "./editor-notices";
import { ExplainerDocumentView } from "./explainer-document";
import { SaveStatusLine, SubmitDialog, revisionSubmitter, type SubmitAction } from "./submit-bar";
import { CitationTargetsContext } from "./targets-context";
import { useAutosave } from "./use-autosave";
import { useCollabSession, type CollabConfig, type CollabSession, type CollabState } from "./use-collab-session";
import { useExplainerDocument } from "./use-explainer-document";
import { useLiveCitationTargets } from "./use-live-citation-targets";

type SaveAction = (input: unknown) => Promise<ActionResult<{ version: number; state: string; savedAt: string; changed: boolean }>>;

type EditorProps = { initial: ExplainerForEditor; saveAction: SaveAction; submitAction: SubmitAction; collab?: CollabConfig | null };

/**
 * The explainer editor. With live co-editing (the page passes `collab`) the document, title and
 * dek are one shared Yjs document kept by the collaboration server, which also stores it; the
 * editor appears once the shared document has arrived. Without it (WIREDESK_COLLAB=0) drafts
 * save through the autosave action with a device backup.
 */
export function ExplainerEditor(props: EditorProps) {
  const { session, state } = useCollabSession(props.initial.id, props.collab ?? null);
  if (props.collab && (!session || !state.ready)) return <CollabConnecting connection={state.connection} />;
  return <EditorBody {...props} collab={session ? { ...session, state } : null} />;
}

/** Title, dek and the Tiptap document with citation chips, the claims panel, rule checks, submission. */
function EditorBody({ initial, saveAction, submitAction, collab }: Omit<EditorProps, "collab"> & { collab: (CollabSession & { state: CollabState }) | null }) {
  const router = useRouter();
  const readOnly = collab ? collab.state.mode === "read" : false;
  const [state, setState] = useState(initial.state);
  const onSaved = useCallback((result: { state: string }) => setState(result.state as ExplainerForEditor["state"]), []);
  const autosave = useAutosave({
    explainerId: initial.id,
    storyId: initial.storyId,
    initialVersion: initial.version,
    initialSavedAt: initial.updatedAt,
    save: saveAction,
    onSaved,
  });
  // statuses change while the editor is open: a live event re-reads the story's targets
  const targets = useLiveCitationTargets(initial);
  const editing = useExplainerDocument({ initial, collab, readOnly, targets, autosave });
  const { editor, doc } = editing;
  const submit = revisionSubmitter({
    explainer: initial,
    collab,
    autosave,
    submitAction,
    onSubmitted: () => {
      setState("IN_REVIEW");
      router.refresh();
    },
  });

  // a change refused for its size by the server, until the writer dismisses it
  const [dismissedLimit, setDismissedLimit] = useState<string | null>(null);
  const limitNotice = editing.localLimit ?? (collab?.state.limit && collab.state.limit !== dismissedLimit ? collab.state.limit : null);

  const problems = useMemo(() => checkWritingRules(doc, targets.targetMap), [doc, targets.targetMap]);
  const citedKeys = useMemo(() => new Set(extractCitations(doc).map(citationKey)), [doc]);
  const goTo = (problem: RuleProblem) => goToBullet(editor, problem);
  const cite = (target: CitationTarget) => {
    if (editor) insertCitation(editor, target);
  };
  const stateMeta = EXPLAINER_STATE_META[state];

  return (
    <CitationTargetsContext.Provider value={targets.targetMap}>
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
              onGoTo={goTo}
              onSubmit={submit}
            />
          </div>

          {collab ? <CollabPresence collab={collab} /> : null}
          {!collab && autosave.status.kind === "conflict" ? <SaveConflictNotice message={autosave.status.message} /> : null}
          {limitNotice ? (
            <SizeLimitNotice
              message={limitNotice}
              onDismiss={() => {
                editing.dismissLocalLimit();
                setDismissedLimit(collab?.state.limit ?? null);
                editor?.commands.focus();
              }}
            />
          ) : null}
          <DeviceCopyNotice
            mergedIntoShared={Boolean(collab?.state.restored)}
            copy={editing.deviceCopy}
            onUseDeviceCopy={editing.restoreDeviceCopy}
            onKeepSaved={editing.keepSavedVersion}
          />
          <ReviewStateNotice initial={initial} state={state} />

          <ExplainerDocumentView editing={editing} readOnly={readOnly} onCite={() => editor?.chain().focus().insertContent("/").run()} />

          <ChecksList problems={problems} onGoTo={goTo} />
          <ReviewHistory reviews={initial.reviews} />
        </div>

        <aside className="lg:sticky lg:top-4 lg:h-[calc(100vh-2rem)]">
          <CitationPanel storyId={initial.storyId} targets={targets.targets} citedKeys={citedKeys} onCite={cite} disabled={!editor || readOnly} />
        </aside>
      </div>
      {editing.menu.menu ? <CitationMenu state={editing.menu.menu} active={editing.menu.active} onPick={editing.pickFromMenu} /> : null}
    </CitationTargetsContext.Provider>
  );
}
