import "server-only";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";

/**
 * Failed sign-ins per (email, client address), counted in PostgreSQL so every app instance
 * shares the budget. Only failures consume points; a blocked key answers 429 until its window ends.
 */
declare global {
  var __wiredeskLoginLimiter: RateLimiterPostgres | undefined;
}

function limiter(): RateLimiterPostgres {
  if (globalThis.__wiredeskLoginLimiter) return globalThis.__wiredeskLoginLimiter;
  const { DATABASE_URL, LOGIN_MAX_FAILURES, LOGIN_FAILURE_WINDOW_SECONDS } = env();
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
  globalThis.__wiredeskLoginLimiter = new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: "rate_limits",
    // the table comes from our migration, so the library must not create it
    tableCreated: true,
    clearExpiredByTimeout: false,
    keyPrefix: "login",
    points: LOGIN_MAX_FAILURES,
    duration: LOGIN_FAILURE_WINDOW_SECONDS,
  });
  return globalThis.__wiredeskLoginLimiter;
}

export function throttleKey(email: string, clientAddress: string): string {
  return `${email.trim().toLowerCase()}|${clientAddress}`;
}

/** Seconds until this key may try again, or 0 when it is not blocked. */
export async function secondsUntilLoginAllowed(key: string): Promise<number> {
  const state = await limiter().get(key);
  if (!state || state.remainingPoints > 0) return 0;
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

/** Counts one failed attempt; returns seconds to wait when this failure used up the budget. */
export async function recordLoginFailure(key: string): Promise<number> {
  try {
    const res = await limiter().consume(key, 1);
    return res.remainingPoints > 0 ? 0 : Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}

/** A successful sign-in clears the key's failures. */
export async function clearLoginFailures(key: string): Promise<void> {
  await limiter().delete(key);
}
