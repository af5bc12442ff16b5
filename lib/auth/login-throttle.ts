import "server-only";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";

/**
 * Sign-in throttling with progressive delays, counted in PostgreSQL so every app instance
 * shares it. Two dimensions, each with its own counter: the account (email) and the client
 * address. The first LOGIN_MAX_FAILURES attempts in a window are free; from then on each further
 * attempt must wait a delay that doubles per failure, up to a cap.
 *
 * There is no lockout: the account's cap is short (LOGIN_MAX_DELAY_SECONDS), so someone
 * guessing at a person's email from many addresses can slow that person down to one attempt per
 * cap, never lock them out, while the attacker's own addresses wait up to ADDRESS_MAX_DELAY.
 *
 * Atomicity: an attempt counts itself before the password is checked, and an attempt past the
 * free budget must also take that key's single "slot" (a one-point limiter whose record lasts
 * the current delay). Parallel guesses therefore cannot slip through together; an attempt that
 * is refused gives its count back, so waiting callers do not make the delay grow. A successful
 * sign-in clears both counters.
 */
declare global {
  var __wiredeskLoginLimiters: Limiters | undefined;
}

/** The longest an address that keeps failing must wait between attempts. */
export const ADDRESS_MAX_DELAY_SECONDS = 15 * 60;

type Dimension = "account" | "address";
type Limiters = Record<Dimension, { attempts: RateLimiterPostgres; slot: RateLimiterPostgres; maxDelay: number }>;

function limiters(): Limiters {
  if (globalThis.__wiredeskLoginLimiters) return globalThis.__wiredeskLoginLimiters;
  const { DATABASE_URL, LOGIN_FAILURE_WINDOW_SECONDS, LOGIN_MAX_DELAY_SECONDS } = env();
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
  const dimension = (prefix: string, maxDelay: number) => ({
    // counts attempts; far more points than anyone reaches, the window forgets them
    attempts: new RateLimiterPostgres({ ...common, keyPrefix: `${prefix}-attempts`, points: 1_000_000, duration: LOGIN_FAILURE_WINDOW_SECONDS }),
    slot: new RateLimiterPostgres({ ...common, keyPrefix: `${prefix}-slot`, points: 1, duration: maxDelay }),
    maxDelay,
  });
  globalThis.__wiredeskLoginLimiters = {
    account: dimension("login-account", LOGIN_MAX_DELAY_SECONDS),
    address: dimension("login-address", Math.max(ADDRESS_MAX_DELAY_SECONDS, LOGIN_MAX_DELAY_SECONDS)),
  };
  return globalThis.__wiredeskLoginLimiters;
}

export type ThrottleKeys = Record<Dimension, string>;

export function throttleKeys(email: string, clientAddress: string): ThrottleKeys {
  return { account: email.trim().toLowerCase(), address: clientAddress };
}

/**
 * Seconds the caller must wait after its `attempt`-th attempt in the window before the next one:
 * none within the free budget, then 1, 2, 4, 8 … seconds, up to `maxDelay`.
 */
export function delayAfterAttempt(attempt: number, freeAttempts: number, maxDelay: number): number {
  if (attempt < freeAttempts) return 0;
  return Math.min(maxDelay, 2 ** Math.min(attempt - freeAttempts, 30));
}

function secondsOf(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/** Seconds until these keys may try again, or 0 (a read-only look, for answering 429 early). */
export async function secondsUntilLoginAllowed(keys: ThrottleKeys): Promise<number> {
  const all = limiters();
  const states = await Promise.all((Object.keys(keys) as Dimension[]).map((dimension) => all[dimension].slot.get(keys[dimension])));
  const waits = states.filter((state): state is RateLimiterRes => state !== null && state.consumedPoints >= 1 && state.msBeforeNext > 0).map(secondsOf);
  return waits.length ? Math.max(...waits) : 0;
}

async function reserve(dimension: Dimension, key: string): Promise<number> {
  const { attempts, slot, maxDelay } = limiters()[dimension];
  const counted = await attempts.consume(key, 1);
  const delay = delayAfterAttempt(counted.consumedPoints, env().LOGIN_MAX_FAILURES, maxDelay);
  if (delay === 0) return 0;
  try {
    // taking the slot both checks that the previous delay has passed and starts the next one
    await slot.consume(key, 1, { customDuration: delay });
    return 0;
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    await attempts.reward(key, 1);
    return secondsOf(rejection);
  }
}

/**
 * Reserves one attempt for the account and the address. Returns 0 when the attempt may go
 * ahead, or the seconds to wait (the attempt must then be refused, and was not counted).
 */
export async function reserveLoginAttempt(keys: ThrottleKeys): Promise<number> {
  const [account, address] = await Promise.all([reserve("account", keys.account), reserve("address", keys.address)]);
  if (account > 0 || address > 0) {
    // one dimension may have counted the attempt; a refused attempt must count nowhere
    if (account === 0) await limiters().account.attempts.reward(keys.account, 1);
    if (address === 0) await limiters().address.attempts.reward(keys.address, 1);
  }
  return Math.max(account, address);
}

/** A successful sign-in forgets the failures of this account and this address. */
export async function clearLoginFailures(keys: ThrottleKeys): Promise<void> {
  const all = limiters();
  await Promise.all((Object.keys(keys) as Dimension[]).flatMap((dimension) => [all[dimension].attempts.delete(keys[dimension]), all[dimension].slot.delete(keys[dimension])]));
}
