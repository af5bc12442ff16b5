"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { ZSignIn } from "@/lib/auth/schemas";

/**
 * Posts to next-auth's credentials callback. The same zod schema runs here (instant feedback)
 * and on the server (the authority); server messages, including 429s, show on the form.
 */
export function LoginForm({ initialError, initialEmail }: { initialError?: string; initialEmail: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | undefined>(initialError);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    const parsed = ZSignIn.safeParse(input);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
      setFieldErrors(errors);
      setFormError(undefined);
      return;
    }
    setFieldErrors({});
    setFormError(undefined);
    setPending(true);
    try {
      const result = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
      if (result?.ok && !result.error) {
        router.replace("/stories");
        router.refresh();
        return;
      }
      setFormError(
        result?.error && result.error !== "CredentialsSignin"
          ? result.error
          : result?.status === 429
            ? "Too many failed sign-ins. Wait a minute and try again."
            : "Sign-in failed. Try again.",
      );
    } catch {
      setFormError("Wiredesk could not be reached. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Sign in">
      <FormError message={formError} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        defaultValue={initialEmail}
        error={fieldErrors.email}
        autoFocus
      />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" error={fieldErrors.password} />
      <Button type="submit" variant="primary" className="w-full" pending={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
