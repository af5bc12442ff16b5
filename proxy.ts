import { NextResponse, type NextRequest } from "next/server";
import { isServerActionRequest, refuseServerActionRequest } from "@/lib/http/server-action-guard";

/**
 * Runs before every page and route: refuses server-action requests that Next.js would answer
 * with a 500 (foreign origin, oversized or unsized body) with a clear 4xx instead.
 */
export function proxy(request: NextRequest): NextResponse {
  if (isServerActionRequest(request.method, request.nextUrl.pathname)) {
    const refusal = refuseServerActionRequest(request.headers);
    if (refusal) {
      return NextResponse.json({ ok: false, kind: refusal.status === 403 ? "forbidden" : "invalid", error: refusal.message }, { status: refusal.status });
    }
  }
  return NextResponse.next();
}

export const config = {
  // static assets never reach a page or a server action
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
