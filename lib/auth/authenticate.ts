import "server-only";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { verifyPassword } from "./password";
import { clearLoginFailures, reserveLoginAttempt, throttleKeys } from "./login-throttle";
import { ZSignIn } from "./schemas";
import type { Actor } from "./permissions";

export const WRONG_CREDENTIALS = "That email and password do not match an account. Check both and try again.";

export const DEACTIVATED_MESSAGE = "This account has been deactivated. Ask a desk admin if you need access again.";

/** True for the sign-in messages this module writes (the only ones the form may echo from a URL). */
export function isKnownSignInMessage(message: string): boolean {
  return message === WRONG_CREDENTIALS || message === DEACTIVATED_MESSAGE || /^Too many failed sign-ins\. Try again in \d{1,6} seconds?\.$/.test(message);
}

export function retryMessage(seconds: number): string {
  return `Too many failed sign-ins. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
}

/**
 * Checks an email and password. Unknown emails and wrong passwords get the same message and
 * the same argon2 cost; repeated failures for one email and client address are throttled.
 */
export async function authenticate(input: unknown, clientAddress: string): Promise<Actor> {
  const { email, password } = parseInput(ZSignIn, input);
  const keys = throttleKeys(email, clientAddress);

  // the attempt is counted before the password is checked, so parallel guesses cannot all
  // pass a "not yet blocked" check; a success gives the point back
  const wait = await reserveLoginAttempt(keys);
  if (wait > 0) throw new DomainError("rate_limited", retryMessage(wait), {}, wait);

  const user = await db.user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok) throw new DomainError("unauthenticated", WRONG_CREDENTIALS);
  if (!user.active) {
    throw new DomainError("forbidden", DEACTIVATED_MESSAGE);
  }
  await clearLoginFailures(keys);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { id: user.id, role: user.role, name: user.name, email: user.email };
}

/**
 * The client address for throttling. Behind TRUSTED_PROXY_HOPS proxies that each append to
 * X-Forwarded-For, the address the outermost trusted proxy saw is that many hops from the right;
 * anything further left was written by the client and is ignored. Next.js fills the header with
 * the socket address when a request arrives without one.
 */
export function clientAddressFrom(headers: { get(name: string): string | null }, trustedHops = trustedProxyHops()): string {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const address = hops[hops.length - Math.max(1, trustedHops)] ?? hops[0] ?? headers.get("x-real-ip") ?? "unknown";
  return address.slice(0, 64);
}

function trustedProxyHops(): number {
  const value = Number(process.env.TRUSTED_PROXY_HOPS ?? 1);
  return Number.isInteger(value) && value >= 1 && value <= 10 ? value : 1;
}
