import "server-only";
import argon2 from "argon2";

// OWASP's argon2id baseline (19 MiB, 2 passes); verification costs ~20 ms on this hardware.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

/** A hash of a random string, verified against when the email is unknown so timing does not tell. */
let dummyHash: Promise<string> | undefined;

/** Verifies a password; with a null hash it still spends the same time and returns false. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= argon2.hash("wiredesk-timing-equaliser", OPTIONS);
    await argon2.verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
