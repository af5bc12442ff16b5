import "server-only";
import { db } from "@/lib/db/client";
import { DomainError, invalid } from "@/lib/errors/domain-errors";
import { verifyPassword } from "./password";
import { clearLoginFailures, recordLoginFailure, secondsUntilLoginAllowed, throttleKey } from "./login-throttle";
import { ZSignIn } from "./schemas";
import type { Actor } from "./permissions";

export const WRONG_CREDENTIALS = "That email and password do not match an account. Check both and try again.";

export function retryMessage(seconds: number): string {
  return `Too many failed sign-ins. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
}

/**
 * Checks an email and password. Unknown emails and wrong passwords get the same message and
 * the same argon2 cost; repeated failures for one email and client address are throttled.
 */
export async function authenticate(input: unknown, clientAddress: string): Promise<Actor> {
  const parsed = ZSignIn.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const field = String(first?.path[0] ?? "form");
    throw invalid(first?.message ?? "Check the form.", { [field]: first?.message ?? "Invalid" });
  }
  const { email, password } = parsed.data;
  const key = throttleKey(email, clientAddress);

  const wait = await secondsUntilLoginAllowed(key);
  if (wait > 0) throw new DomainError("rate_limited", retryMessage(wait), {}, wait);

  const user = await db.user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok) {
    const blockedFor = await recordLoginFailure(key);
    if (blockedFor > 0) throw new DomainError("rate_limited", retryMessage(blockedFor), {}, blockedFor);
    throw new DomainError("unauthenticated", WRONG_CREDENTIALS);
  }
  if (!user.active) {
    throw new DomainError("forbidden", "This account has been deactivated. Ask a desk admin if you need access again.");
  }
  await clearLoginFailures(key);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { id: user.id, role: user.role, name: user.name, email: user.email };
}

/** The client address for throttling: the first X-Forwarded-For hop, else X-Real-IP. */
export function clientAddressFrom(headers: { get(name: string): string | null }): string {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]!.trim().slice(0, 64);
  return (headers.get("x-real-ip") ?? "unknown").slice(0, 64);
}
