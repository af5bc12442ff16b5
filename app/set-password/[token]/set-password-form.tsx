"use client";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { setPasswordAction } from "./actions";

export function SetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(setPasswordAction, null);
  const submitForm = useFormSubmit(formAction);
  useEffect(() => {
    if (state?.ok) router.replace(`/login?reason=password_set&email=${encodeURIComponent(state.data.email)}`);
  }, [state, router]);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form onSubmit={submitForm} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormError message={state && !state.ok && !errors.password && !errors.confirm ? state.error : undefined} />
      <TextField label="New password" name="password" type="password" autoComplete="new-password" hint="At least 10 characters." error={errors.password} />
      <TextField label="Repeat the password" name="confirm" type="password" autoComplete="new-password" error={errors.confirm} />
      <Button type="submit" variant="primary" className="w-full" pending={pending}>
        Set password
      </Button>
    </form>
  );
}
