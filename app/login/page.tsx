import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionState } from "@/lib/auth/current-actor";
import { isKnownSignInMessage } from "@/lib/auth/authenticate";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  deactivated: "Your account has been deactivated, so you were signed out. Ask a desk admin if you need access again.",
  signed_out: "You are signed out.",
  password_set: "Your password is set. Sign in with it now.",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const state = await getSessionState();
  if (state.actor) redirect("/stories");
  const reason = typeof params.reason === "string" ? params.reason : undefined;
  // only messages the desk itself writes are shown: a crafted ?error= link cannot put an
  // attacker's words on the real sign-in page
  const error = typeof params.error === "string" && isKnownSignInMessage(params.error) ? params.error : undefined;
  const email = typeof params.email === "string" ? params.email.slice(0, 254) : "";
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="font-serif text-3xl font-bold tracking-tight">Wiredesk</p>
          <p className="mt-1 text-sm text-muted">The verification desk for breaking news</p>
        </div>
        <div className="rounded-lg border border-line bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
          {reason && NOTICES[reason] ? (
            <p role="status" data-testid="login-notice" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {NOTICES[reason]}
            </p>
          ) : null}
          <LoginForm initialError={error && error !== "CredentialsSignin" ? error : undefined} initialEmail={email} />
        </div>
      </div>
    </main>
  );
}
