import { requireActor } from "@/lib/auth/current-actor";
import { openCollabSession } from "@/lib/collab/collab-access";
import { httpStatusOf, isDomainError } from "@/lib/errors/domain-errors";
import { isSameOrigin } from "@/lib/http/same-origin";

export const dynamic = "force-dynamic";

/**
 * A short-lived token for the collaboration websocket, scoped to one explainer. The editor asks
 * for a new one on every (re)connect; the mode (write or read-only) follows the permissions table.
 */
export async function POST(request: Request, context: { params: Promise<{ explainerId: string }> }) {
  if (!isSameOrigin(request)) return Response.json({ error: "Cross-site request refused." }, { status: 403 });
  try {
    const actor = await requireActor();
    const { explainerId } = await context.params;
    const session = await openCollabSession(actor, explainerId);
    return Response.json(session, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (isDomainError(error)) return Response.json({ error: error.message }, { status: httpStatusOf(error) });
    throw error;
  }
}
