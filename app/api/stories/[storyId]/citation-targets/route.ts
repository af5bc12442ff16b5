import { requireActor } from "@/lib/auth/current-actor";
import { respondToApiRequest } from "@/lib/http/api-response";
import { listCitationTargets } from "@/lib/explainers/list-citation-targets";
import { searchCitationTargets } from "@/lib/explainers/search-citation-targets";

export const dynamic = "force-dynamic";

/**
 * GET: the story's citation targets (statuses, sources, phrases) for an open editor; with `?q=`,
 * only the keys of the targets that match, as the "/" menu and the side panel search them.
 */
export async function GET(request: Request, context: { params: Promise<{ storyId: string }> }) {
  return respondToApiRequest(async () => {
    const actor = await requireActor();
    const { storyId } = await context.params;
    const q = new URL(request.url).searchParams.get("q");
    if (q !== null) return Response.json({ keys: await searchCitationTargets(actor, storyId, { q }) }, { headers: { "Cache-Control": "no-store" } });
    return Response.json({ targets: await listCitationTargets(actor, storyId) }, { headers: { "Cache-Control": "no-store" } });
  });
}
