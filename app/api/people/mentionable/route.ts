import { requireActor } from "@/lib/auth/current-actor";
import { respondToApiRequest } from "@/lib/http/api-response";
import { searchMentionablePeople } from "@/lib/people/search-mentionable-people";

export const dynamic = "force-dynamic";

/** GET ?q=…: desk members for the @mention menu of comments and notes. */
export async function GET(request: Request) {
  return respondToApiRequest(async () => {
    const actor = await requireActor();
    const query = new URL(request.url).searchParams.get("q") ?? "";
    return Response.json({ people: await searchMentionablePeople(actor, { query }) }, { headers: { "Cache-Control": "no-store" } });
  });
}
