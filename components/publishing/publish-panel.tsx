import type { Actor } from "@/lib/auth/permissions";
import { getPublishingStatus } from "@/lib/publishing/publishing-status";
import { PublishControls } from "./publish-controls";

/**
 * Server component for the explainer's desk page: loads the publishing state and renders the
 * controls. Props: the signed-in `actor` (from requireActorForPage) and the explainer's
 * `explainerId` and `storyId`. Place it beside the editor; it refreshes itself after each action.
 */
export async function PublishPanel({ actor, explainerId, storyId }: { actor: Actor; explainerId: string; storyId: string }) {
  const status = await getPublishingStatus(actor, { explainerId, storyId });
  return <PublishControls status={status} />;
}
