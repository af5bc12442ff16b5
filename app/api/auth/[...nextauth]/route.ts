import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { clientAddressFrom, retryMessage } from "@/lib/auth/authenticate";
import { secondsUntilLoginAllowed, throttleKeys } from "@/lib/auth/login-throttle";
import { hasUnstorableCharacters } from "@/lib/text/unstorable-text";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

function handler(req: Request, context: RouteContext) {
  return NextAuth(authOptions())(req, context);
}

export { handler as GET };

/**
 * Sign-in attempts for an email and address that already failed too often answer 429 with
 * Retry-After, before any password check. next-auth's client reads `url`'s `error` parameter,
 * so the form shows the same message.
 */
export async function POST(req: Request, context: RouteContext) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await req.clone().formData().catch(() => null);
    const email = form?.get("email");
    // an email the database cannot hold (NUL, a broken character) is refused by the sign-in
    // itself; it must not reach the throttle's table first
    if (typeof email === "string" && email.length > 0 && email.length <= 254 && !hasUnstorableCharacters(email)) {
      const wait = await secondsUntilLoginAllowed(throttleKeys(email, clientAddressFrom(req.headers)));
      if (wait > 0) {
        const url = new URL("/login", req.url);
        url.searchParams.set("error", retryMessage(wait));
        return Response.json({ url: url.toString() }, { status: 429, headers: { "Retry-After": String(wait) } });
      }
    }
  }
  return handler(req, context);
}
