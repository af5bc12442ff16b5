import { NextResponse, type NextRequest } from "next/server";
import { databaseKnownDown } from "@/lib/db/availability";
import { contentSecurityEnv } from "@/lib/env";
import { collabConnectSources, CONTENT_SECURITY_POLICY_HEADER, createNonce, deskContentSecurityPolicy } from "@/lib/http/content-security-policy";
import { isServerActionRequest, refuseServerActionRequest } from "@/lib/http/server-action-guard";
import { databaseUnavailableResponse } from "@/lib/http/unavailable-page";
import { answerPublicRevalidation } from "@/lib/publishing/public-conditional";
import { REQUEST_PATH_HEADER } from "@/lib/http/unavailable-path";

/**
 * Runs before every page and route: refuses server-action requests that Next.js would answer
 * with a 500 (foreign origin, oversized or unsized body) with a clear 4xx instead, and answers
 * 503 with Retry-After while this instance knows its database is unreachable
 * (lib/db/availability.ts), until a probe finds it back. Every other response gets the desk's
 * Content-Security-Policy with a fresh nonce (lib/http/content-security-policy.ts). A public page
 * or feed revalidated with a tag this instance holds at the current site version is answered 304
 * here, before routing (lib/publishing/public-conditional.ts).
 */
export async function proxy(request: NextRequest): Promise<Response> {
  if (isServerActionRequest(request.method, request.nextUrl.pathname)) {
    const refusal = refuseServerActionRequest(request.headers);
    if (refusal) {
      return NextResponse.json({ ok: false, kind: refusal.status === 403 ? "forbidden" : "invalid", error: refusal.message }, { status: refusal.status });
    }
  }
  // liveness stays up: a load balancer must not restart an app that waits for its database
  if (request.nextUrl.pathname !== "/healthz" && (await databaseKnownDown())) return databaseUnavailableResponse(request.headers.get("accept"));
  // pages learn their own path from this (to come back after a 503); a client's value is replaced
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  // the public site's route handlers send their own script-free policy, cached with the page
  if (isPublicSitePath(request.nextUrl.pathname)) {
    return (await answerPublicRevalidation(request, request.nextUrl.pathname)) ?? NextResponse.next({ request: { headers: forwarded } });
  }
  // Next.js reads the nonce from the request's policy and stamps it on its scripts, so both the
  // forwarded request and the response carry the same policy
  const policy = deskPolicy(request);
  forwarded.set(CONTENT_SECURITY_POLICY_HEADER, policy);
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set(CONTENT_SECURITY_POLICY_HEADER, policy);
  return response;
}

function isPublicSitePath(pathname: string): boolean {
  return pathname === "/explainers" || pathname.startsWith("/explainers/");
}

function deskPolicy(request: NextRequest): string {
  const { COLLAB_PORT, COLLAB_PUBLIC_URL } = contentSecurityEnv();
  return deskContentSecurityPolicy({
    nonce: createNonce(),
    connectSources: collabConnectSources({ hostHeader: request.headers.get("host"), port: COLLAB_PORT, publicUrl: COLLAB_PUBLIC_URL }),
    development: process.env.NODE_ENV === "development",
  });
}

export const config = {
  // static assets never reach a page or a server action
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
