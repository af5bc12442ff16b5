"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";

/** What a server action answers (`ActionResult`), as far as a button needs to know. */
export type ActionOutcome<T> = { ok: true; data: T } | { ok: false; error: string };

type Handlers<T> = {
  /** the toast a success shows */
  success: (data: T) => string;
  onSuccess?: (data: T) => void;
  onError?: () => void;
};

/**
 * Runs a server action from a button: a success toasts, a refusal toasts its message, and either
 * way the page's server data is reloaded, so a refusal for a stale screen shows the current state.
 */
export function useToastedAction(): [pending: boolean, run: <T>(action: () => Promise<ActionOutcome<T>>, handlers: Handlers<T>) => void] {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const run = <T,>(action: () => Promise<ActionOutcome<T>>, handlers: Handlers<T>) =>
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        toast.success(handlers.success(result.data));
        handlers.onSuccess?.(result.data);
      } else {
        toast.error(result.error);
        handlers.onError?.();
      }
      router.refresh();
    });
  return [pending, run];
}
