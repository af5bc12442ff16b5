import { databaseKnownDown } from "@/lib/db/availability";
import { databaseUnavailableResponse } from "@/lib/http/unavailable-page";
import { safeReturnPath } from "@/lib/http/unavailable-path";

export const dynamic = "force-dynamic";

/**
 * Where a desk page sends the browser when it finds the database unreachable: 503 with
 * Retry-After and a page that reloads itself; once the database answers, back to the page.
 */
export async function GET(request: Request): Promise<Response> {
  const back = safeReturnPath(new URL(request.url).searchParams.get("next"));
  if (!(await databaseKnownDown())) return new Response(null, { status: 307, headers: { Location: back, "Cache-Control": "no-store" } });
  return databaseUnavailableResponse(request.headers.get("accept"));
}
