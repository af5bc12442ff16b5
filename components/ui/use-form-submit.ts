"use client";
import { startTransition, type FormEvent } from "react";

/**
 * Submits a form to a `useActionState` action without React's automatic form reset, which
 * would wipe what the editor typed when the server refuses it (a pasted report lost to a
 * validation message). The fields keep their values; a successful form remounts or clears itself.
 */
export function useFormSubmit(formAction: (payload: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
}
