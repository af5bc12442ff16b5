import "server-only";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";

/**
 * Sign-in throttling, counted in PostgreSQL so every app instance shares the budget.
 *
 * Two budgets: failures per (email, client address) — LOGIN_MAX_FAILURES per
 * LOGIN_FAILURE_WINDOW_SECONDS — and a looser one per email alone, which holds even when an
 * attacker varies the address. An attempt reserves a point in both *before* the password is
 * checked, so a burst of parallel guesses cannot all slip under the limit; a successful sign-in
 * gives the points back.
 */
declare global {
  var __wiredeskLoginLimiters: { pair: RateLimiterPostgres; email: RateLimiterPostgres } | undefined;
}

/** The per-email budget: generous for a person mistyping, tight for a guessing script. */
export const EMAIL_FAILURES_PER_WINDOW = 20;
export const EMAIL_WINDOW_SECONDS = 15 * 60;

function limiters() {
  if (globalThis.__wiredeskLoginLimiters) return globalThis.__wiredeskLoginLimiters;
  const { DATABASE_URL, LOGIN_MAX_FAILURES, LOGIN_FAILURE_WINDOW_SECONDS } = env();
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
  const common = {
    storeClient: pool,
    storeType: "pool",
    tableName: "rate_limits",
    // the table comes from our migration, so the library must not create it; expired rows
    // are cleared by the library's hourly sweep so spoofed keys cannot pile up
    tableCreated: true,
    clearExpiredByTimeout: true,
  } as const;
  globalThis.__wiredeskLoginLimiters = {
    pair: new RateLimiterPostgres({ ...common, keyPrefix: "login", points: LOGIN_MAX_FAILURES, duration: LOGIN_FAILURE_WINDOW_SECONDS }),
    email: new RateLimiterPostgres({ ...common, keyPrefix: "login-email", points: EMAIL_FAILURES_PER_WINDOW, duration: EMAIL_WINDOW_SECONDS }),
  };
  return globalThis.__wiredeskLoginLimiters;
}

export type ThrottleKeys = { pair: string; email: string };

export function throttleKeys(email: string, clientAddress: string): ThrottleKeys {
  const normalized = email.trim().toLowerCase();
  return { pair: `${normalized}|${clientAddress}`, email: normalized };
}

function seconds(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/** Seconds until these keys may try again, or 0 when neither budget is used up. */
export async function secondsUntilLoginAllowed(keys: ThrottleKeys): Promise<number> {
  const { pair, email } = limiters();
  const [pairState, emailState] = await Promise.all([pair.get(keys.pair), email.get(keys.email)]);
  const waits = [pairState, emailState].filter((state): state is RateLimiterRes => state !== null && state.remainingPoints <= 0).map(seconds);
  return waits.length ? Math.max(...waits) : 0;
}

/**
 * Reserves one attempt in both budgets. Returns 0 when the attempt may go ahead, or the
 * seconds to wait when a budget was already spent (the attempt must then be refused).
 */
export async function reserveLoginAttempt(keys: ThrottleKeys): Promise<number> {
  const { pair, email } = limiters();
  try {
    await Promise.all([pair.consume(keys.pair, 1), email.consume(keys.email, 1)]);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return seconds(rejection);
    throw rejection;
  }
}

/** A successful sign-in gives back its reservation and clears the pair's failures. */
export async function clearLoginFailures(keys: ThrottleKeys): Promise<void> {
  const { pair, email } = limiters();
  await Promise.all([pair.delete(keys.pair), email.reward(keys.email, 1)]);
}
