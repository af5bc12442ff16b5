import { requireActor } from "@/lib/auth/current-actor";
import { respondToApiRequest } from "@/lib/http/api-response";
import { listCitationTargets } from "@/lib/explainers/list-citation-targets";

export const dynamic = "force-dynamic";

/** GET: the story's citation targets (statuses, sources, phrases) for an open editor. */
export async function GET(_request: Request, context: { params: Promise<{ storyId: string }> }) {
  return respondToApiRequest(async () => {
    const actor = await requireActor();
    const { storyId } = await context.params;
    return Response.json({ targets: await listCitationTargets(actor, storyId) }, { headers: { "Cache-Control": "no-store" } });
  });
}
