import "server-only";
import { formatByteSize } from "@/lib/reports/upload-limits";
import { databaseUnavailable, httpStatusOf, isDomainError, type DomainError } from "@/lib/errors/domain-errors";
import { isDatabaseUnavailable } from "@/lib/db/prisma-errors";

/**
 * Failures of the HTTP exchange itself (body too large, unsupported media type), which the
 * domain layer never sees. Domain failures stay DomainErrors and map through `httpStatusOf`.
 */
export class HttpRequestError extends Error {
  override name = "HttpRequestError";
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The JSON error body every API route answers with. */
export type ApiErrorBody = { error: string; kind: string; fieldErrors?: Record<string, string> };

function domainErrorResponse(error: DomainError): Response {
  const status = httpStatusOf(error);
  const headers: Record<string, string> = {};
  // RFC 6750: a 401 names the scheme the client must use
  if (error.kind === "unauthenticated") headers["WWW-Authenticate"] = 'Bearer realm="wiredesk"';
  if ((error.kind === "rate_limited" || error.kind === "unavailable") && error.retryAfterSeconds) headers["Retry-After"] = String(error.retryAfterSeconds);
  const body: ApiErrorBody = { error: error.message, kind: error.kind };
  if (Object.keys(error.fieldErrors).length > 0) body.fieldErrors = error.fieldErrors;
  return Response.json(body, { status, headers });
}

/**
 * Runs an API route's work and maps expected failures to their status and a JSON body, in one
 * place for every route. An unreachable database is a 503 with Retry-After. Anything else is a
 * bug: it is rethrown and surfaces as a 500.
 */
export async function respondToApiRequest(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (isDomainError(error)) return domainErrorResponse(error);
    if (isDatabaseUnavailable(error)) return domainErrorResponse(databaseUnavailable());
    if (error instanceof HttpRequestError) {
      const body: ApiErrorBody = { error: error.message, kind: error.status === 413 ? "too_large" : error.status === 415 ? "unsupported_media_type" : "bad_request" };
      return Response.json(body, { status: error.status, headers: error.headers });
    }
    throw error;
  }
}

/**
 * Reads a request body, refusing it with 413 as soon as it passes `limitBytes`: a declared
 * Content-Length over the limit is refused unread, and a chunked body is cut off mid-stream,
 * so no request makes the server buffer more than the limit.
 */
export async function readBodyWithLimit(request: Request, limitBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new HttpRequestError(413, `The request body is larger than the ${formatByteSize(limitBytes)} limit. Send fewer or smaller reports per request.`);
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge();
  if (!request.body) return new Uint8Array(0);

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
