import "server-only";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { env } from "@/lib/env";
import { peerAddressOf } from "@/lib/http/peer-address";
import { resolveClientAddress, trustedProxies, type TrustedProxies } from "./client-address";
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
 * the same argon2 cost; repeated failures per account and per client address are slowed down progressively
 * (lib/auth/login-throttle.ts), never locked out.
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
 * The client address for throttling: the peer address the server stamped on the request, or
 * the address its trusted proxies recorded in X-Forwarded-For (lib/auth/client-address.ts).
 * Without a stamp (a process that does not serve HTTP itself) all attempts share one address.
 */
export function clientAddressFrom(headers: { get(name: string): string | null }): string {
  const peer = peerAddressOf(headers);
  if (!peer) return "unknown";
  return resolveClientAddress(peer, headers.get("x-forwarded-for"), proxiesFromEnv());
}

let cachedProxies: TrustedProxies | undefined;
function proxiesFromEnv(): TrustedProxies {
  cachedProxies ??= trustedProxies(env().TRUSTED_PROXIES);
  return cachedProxies;
}
