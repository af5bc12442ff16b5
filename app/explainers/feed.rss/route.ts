import { orDatabaseUnavailable } from "@/lib/http/unavailable-page";
import { feedResponse } from "@/lib/publishing/public-responses";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return orDatabaseUnavailable(request, () => feedResponse(request, "rss"));
}
