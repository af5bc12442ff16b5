import { isDatabaseUnavailable } from "@/lib/db/prisma-errors";
import { DATABASE_RETRY_SECONDS, DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/errors/domain-errors";
import { CONTENT_SECURITY_POLICY_HEADER, scriptFreeContentSecurityPolicy } from "./content-security-policy";

/**
 * The 503 a request gets while the database is unreachable: a short readable page for
 * browsers, the API's JSON error body for everything else, both with Retry-After.
 */
export function databaseUnavailableResponse(accept: string | null): Response {
  const headers = { "Retry-After": String(DATABASE_RETRY_SECONDS), "Cache-Control": "no-store" };
  if (!accept?.includes("text/html")) {
    return Response.json({ error: DATABASE_UNAVAILABLE_MESSAGE, kind: "unavailable" }, { status: 503, headers });
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${DATABASE_RETRY_SECONDS * 2}"><title>Wiredesk is briefly unavailable</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2937}h1{font-size:1.25rem}</style></head>
<body><h1>Wiredesk is briefly unavailable</h1><p>${DATABASE_UNAVAILABLE_MESSAGE}</p><p>This page reloads by itself.</p></body></html>\n`;
  return new Response(html, { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8", [CONTENT_SECURITY_POLICY_HEADER]: scriptFreeContentSecurityPolicy() } });
}

/** Runs a route's work; an unreachable database becomes the 503 above instead of a 500. */
export async function orDatabaseUnavailable(request: Request, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (isDatabaseUnavailable(error)) return databaseUnavailableResponse(request.headers.get("accept"));
    throw error;
  }
}
