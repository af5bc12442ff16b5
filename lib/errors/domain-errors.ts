/**
 * Expected failures of the domain layer. Routes, actions and tests map them to messages and
 * HTTP statuses through `httpStatusOf`; anything else is a bug and surfaces as a 500.
 */
export type DomainErrorKind = "unauthenticated" | "forbidden" | "not_found" | "conflict" | "invalid" | "rate_limited" | "unavailable";

export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    /** per-field messages for forms, keyed by input name */
    readonly fieldErrors: Record<string, string> = {},
    /** seconds until a rate-limited caller may retry */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const forbidden = (message = "You do not have permission to do that.") => new DomainError("forbidden", message);
export const notFound = (what: string) => new DomainError("not_found", `${what} was not found.`);
export const conflict = (message: string) => new DomainError("conflict", message);
/** Seconds a caller should wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_SECONDS = 5;
export const DATABASE_UNAVAILABLE_MESSAGE = "The desk cannot reach its database right now. Nothing was changed; try again in a few seconds.";
export const databaseUnavailable = () => new DomainError("unavailable", DATABASE_UNAVAILABLE_MESSAGE, {}, DATABASE_RETRY_SECONDS);
export const invalid = (message: string, fieldErrors: Record<string, string> = {}) =>
  new DomainError("invalid", message, fieldErrors);

const STATUS: Record<DomainErrorKind, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  rate_limited: 429,
  unavailable: 503,
};

/** HTTP status for a domain error kind. */
export function httpStatusOf(error: DomainError): number {
  return STATUS[error.kind];
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
