import "server-only";
import { databaseUnavailable, isDomainError, type DomainErrorKind } from "@/lib/errors/domain-errors";
import { isDatabaseUnavailable } from "@/lib/db/prisma-errors";
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
    if (isDatabaseUnavailable(error)) {
      const unavailable = databaseUnavailable();
      return { ok: false, kind: unavailable.kind, error: unavailable.message, fieldErrors: {} };
    }
    throw error;
  }
}

/**
 * Server actions receive FormData; this reads the named string fields into a plain object.
 * A server action is a public endpoint whatever its TypeScript signature says, so `form` may be
 * anything a hand-made request sends (null, a number, an array): then every field is missing
 * and the domain's schema says which one the form needs.
 */
export function formFields(form: unknown, names: readonly string[]): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const name of names) {
    const value = form instanceof FormData ? form.get(name) : null;
    result[name] = typeof value === "string" ? value : undefined;
  }
  return result;
}

/**
 * One string field of a server action's untrusted input (which may be null, an array, or a
 * string), for the route bookkeeping around a domain call, such as which story page to refresh.
 */
export function inputField(input: unknown, name: string): string | undefined {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return undefined;
  const value = (input as Record<string, unknown>)[name];
  return typeof value === "string" ? value : undefined;
}

export { DomainError };
