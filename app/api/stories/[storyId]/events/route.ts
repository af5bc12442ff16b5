import { requireActor } from "@/lib/auth/current-actor";
import { assertCan } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors/domain-errors";
import { respondToApiRequest } from "@/lib/http/api-response";
import { isUuid } from "@/lib/http/uuid";
import { subscribeDeskEvents, whenDeskEventsLive } from "@/lib/live/desk-events";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 25_000;

/**
 * GET: a server event stream (text/event-stream) of the story's live desk events (a claim's
 * status changed, a review action happened), so open editors and review pages update without a
 * reload. Each event names ids only; the page re-reads what it shows.
 */
export async function GET(request: Request, context: { params: Promise<{ storyId: string }> }) {
  return respondToApiRequest(async () => {
    const actor = await requireActor();
    assertCan(actor, "story.read");
    const { storyId } = await context.params;
    if (!isUuid(storyId)) throw notFound("That story");
    const encoder = new TextEncoder();
    let cleanup = () => {};
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const send = (text: string) => {
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            cleanup();
          }
        };
        // the browser reconnects after 2 s if the stream drops
        send("retry: 2000\n\n");
        const unsubscribe = subscribeDeskEvents(storyId, (event) => send(`event: change\ndata: ${JSON.stringify(event)}\n\n`));
        // tells the page that changes committed from now on will reach it
        whenDeskEventsLive(() => send("event: live\ndata: {}\n\n"));
        const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
        cleanup = () => {
          clearInterval(heartbeat);
          unsubscribe();
        };
        request.signal.addEventListener("abort", () => {
          cleanup();
          try {
            controller.close();
          } catch {
            // already closed
          }
        });
      },
      cancel() {
        cleanup();
      },
    });
    return new Response(stream, { headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-store", "X-Accel-Buffering": "no" } });
  });
}
