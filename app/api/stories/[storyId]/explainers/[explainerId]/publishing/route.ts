import { z } from "zod";
import { requireActor } from "@/lib/auth/current-actor";
import { invalid } from "@/lib/errors/domain-errors";
import { isSameOrigin } from "@/lib/http/same-origin";
import { HttpRequestError, readBodyWithLimit, respondToApiRequest } from "@/lib/http/api-response";
import { publishCorrection, publishExplainer } from "@/lib/publishing/publish-explainer";
import { unpublishExplainer } from "@/lib/publishing/unpublish-explainer";

export const dynamic = "force-dynamic";

const ZAction = z.object({ action: z.enum(["publish", "correct", "unpublish"], { error: "action must be publish, correct or unpublish." }) });

/**
 * POST {"action": "publish" | "correct" | "unpublish", "version": n, "note"?: "...", "notice"?: "..."}
 * for signed-in desk members from our own pages (the same domain functions as the publish
 * controls). Answers with the new version; the public page shows the change at once.
 */
export async function POST(request: Request, context: { params: Promise<{ storyId: string; explainerId: string }> }) {
  if (!isSameOrigin(request)) return Response.json({ error: "Cross-site request refused.", kind: "forbidden" }, { status: 403 });
  return respondToApiRequest(async () => {
    const actor = await requireActor();
    const { storyId, explainerId } = await context.params;
    const bytes = await readBodyWithLimit(request, 64 * 1024);
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new HttpRequestError(400, "The body must be JSON.");
    }
    const parsed = ZAction.safeParse(body);
    if (!parsed.success) throw invalid(parsed.error.issues[0]?.message ?? "Unknown action.", { action: "Choose publish, correct or unpublish." });
    const input = { ...(body as Record<string, unknown>), storyId, explainerId };
    const result =
      parsed.data.action === "publish"
        ? await publishExplainer(actor, input)
        : parsed.data.action === "correct"
          ? await publishCorrection(actor, input)
          : await unpublishExplainer(actor, input);
    return Response.json(result);
  });
}
