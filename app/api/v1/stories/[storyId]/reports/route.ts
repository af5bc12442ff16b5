import { API_BODY_MAX_BYTES, ingestFormatOf } from "@/lib/reports/api-report-input";
import { authenticateApiToken } from "@/lib/api-tokens/authenticate-api-token";
import { importRequestBody, importStatus } from "@/lib/reports/import-request-body";
import { assertCan } from "@/lib/auth/permissions";
import { HttpRequestError, readBodyWithLimit, respondToApiRequest } from "@/lib/http/api-response";

type RouteContext = { params: Promise<{ storyId: string }> };

/**
 * POST /api/v1/stories/{storyId}/reports with `Authorization: Bearer wd_…`: imports a
 * normalized JSON report, raw ninjs, a JSON array of either, or NewsML-G2 XML. See the README.
 */
export async function POST(request: Request, context: RouteContext): Promise<Response> {
  return respondToApiRequest(async () => {
    const actor = await authenticateApiToken(request.headers.get("authorization"));
    // refused before a possibly large body is read; importRequestBody checks again
    assertCan(actor, "report.import");
    const contentType = request.headers.get("content-type");
    const format = ingestFormatOf(contentType);
    if (!format) {
      throw new HttpRequestError(
        415,
        `Send reports as application/json (normalized or ninjs) or application/xml (NewsML-G2), not ${contentType ? contentType.split(";", 1)[0] : "a body without a Content-Type"}.`,
        { Accept: "application/json, application/xml, text/xml" },
      );
    }
    const bytes = await readBodyWithLimit(request, API_BODY_MAX_BYTES);
    const { storyId } = await context.params;
    const defaultSource = new URL(request.url).searchParams.get("source");
    const results = await importRequestBody(actor, storyId, { format, bytes, contentType, defaultSource });
    const status = importStatus(results);
    const body = status === 422 ? { error: results.find((line) => line.reason)?.reason ?? "Nothing could be imported.", kind: "invalid", results } : { results };
    return Response.json(body, { status });
  });
}
