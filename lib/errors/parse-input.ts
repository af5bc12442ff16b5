import type { z } from "zod";
import { invalid } from "./domain-errors";

/** Validates input against a schema, or throws an invalid DomainError with per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "form");
    fieldErrors[key] ??= issue.message;
  }
  throw invalid(Object.values(fieldErrors)[0] ?? "Check the form.", fieldErrors);
}
