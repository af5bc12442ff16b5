import type { Metadata } from "next";
import { requireActorForPage } from "@/lib/auth/current-actor";
import { actorCan } from "@/lib/auth/permissions";
import { getExplainerForEditor } from "@/lib/explainers/get-explainer";
import { listExplainerNotes } from "@/lib/explainers/explainer-notes";
import { orNotFound } from "@/lib/http/page-data";
import { collabConfigFor } from "@/lib/collab/collab-config";
import { addExplainerNoteAction, saveExplainerDraftAction, submitRevisionAction } from "../actions";
import { ExplainerNotes } from "@/components/explainers/explainer-notes";
import { PublishControls } from "@/components/publishing/publish-controls";
import { getPublishingStatus } from "@/lib/publishing/publishing-status";
import { publishCorrectionAction, publishExplainerAction, unpublishExplainerAction } from "./actions";
import { LazyExplainerEditor } from "./lazy-editor";

export const metadata: Metadata = { title: "Explainer editor" };

export default async function ExplainerEditorPage({ params }: { params: Promise<{ storyId: string; explainerId: string }> }) {
  const actor = await requireActorForPage();
  const { storyId, explainerId } = await params;
  const explainer = await orNotFound(() => getExplainerForEditor(actor, storyId, explainerId));
  const [publishing, notes] = await Promise.all([getPublishingStatus(actor, { explainerId: explainer.id, storyId }), listExplainerNotes(actor, storyId, explainerId)]);
  return (
    <div className="space-y-4">
      <PublishControls status={publishing} actions={{ publish: publishExplainerAction, correct: publishCorrectionAction, unpublish: unpublishExplainerAction }} />
      <LazyExplainerEditor
        key={`${explainer.id}:${explainer.version}`}
        initial={explainer}
        saveAction={saveExplainerDraftAction}
        submitAction={submitRevisionAction}
        collab={collabConfigFor(actor, explainer.id)}
      />
      <div className="lg:mr-[23rem]">
        <ExplainerNotes storyId={storyId} explainerId={explainer.id} notes={notes} canWrite={actorCan(actor, "explainer.edit") && !actor.apiTokenId} addNote={addExplainerNoteAction} />
      </div>
    </div>
  );
}
