import type { Metadata } from "next";
import Link from "next/link";
import { describePasswordLink } from "@/lib/people/password-links";
import { SetPasswordForm } from "./set-password-form";

export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const person = await describePasswordLink(token);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-line bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-lg font-semibold">Set your password</h1>
        {person ? (
          <>
            <p className="mb-4 text-sm text-muted">
              For {person.name} ({person.email})
            </p>
            <SetPasswordForm token={token} />
          </>
        ) : (
          <>
            <p role="alert" data-testid="link-unusable" className="text-sm text-danger">
              This set-password link has expired or was already used. Ask a desk admin for a new one.
            </p>
            <Link href="/login" className="mt-4 inline-block text-sm text-accent underline">
              Go to sign in
            </Link>
          </>
        )}
      </div>
    </main>
  );
}
