import { orDatabaseUnavailable } from "@/lib/http/unavailable-page";
import { explainerPageResponse } from "@/lib/publishing/public-responses";

// public, no sign-in: this route is outside the (desk) layout that requires a session
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await context.params;
  return orDatabaseUnavailable(request, () => explainerPageResponse(request, slug));
}
