import type { z } from "zod";
import { invalid } from "./domain-errors";
import { findUnstorableInput, TOO_DEEP_MESSAGE, UNSTORABLE_TEXT_MESSAGE } from "@/lib/text/unstorable-text";

/**
 * Validates input against a schema, or throws an invalid DomainError with per-field messages.
 * Before the schema runs, the whole input is checked for text PostgreSQL cannot store (NUL,
 * lone surrogates) and for absurd nesting, so no hostile string reaches a query and every
 * domain verb answers such input with the same clear 4xx.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const unstorable = findUnstorableInput(input);
  if (unstorable) {
    const key = String(unstorable.path[0] ?? "form");
    const message = unstorable.problem === "too_deep" ? TOO_DEEP_MESSAGE : UNSTORABLE_TEXT_MESSAGE;
    throw invalid(message, { [key]: message });
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "form");
    fieldErrors[key] ??= issue.message;
  }
  throw invalid(Object.values(fieldErrors)[0] ?? "Check the form.", fieldErrors);
}
