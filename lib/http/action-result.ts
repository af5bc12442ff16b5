import "server-only";
import { isDomainError, type DomainErrorKind } from "@/lib/errors/domain-errors";
import { DomainError } from "@/lib/errors/domain-errors";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; kind: DomainErrorKind; error: string; fieldErrors: Record<string, string> };

/**
 * Runs a server action's domain call and turns expected failures into a result the form can
 * show. Unexpected errors are rethrown so they reach the error boundary and the logs.
 */
export async function toActionResult<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (isDomainError(error)) return { ok: false, kind: error.kind, error: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
}

/** Server actions receive FormData; this reads the named string fields into a plain object. */
export function formFields(form: FormData, names: readonly string[]): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const name of names) {
    const value = form.get(name);
    result[name] = typeof value === "string" ? value : undefined;
  }
  return result;
}

export { DomainError };
