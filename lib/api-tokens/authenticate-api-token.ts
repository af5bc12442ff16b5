import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors/domain-errors";
import { bearerTokenFrom, hashApiToken } from "./token-format";

/** lastUsedAt is written at most this often per token, so busy feeds do not write on every request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

const unauthenticated = (message: string) => new DomainError("unauthenticated", message);

/**
 * The actor behind an `Authorization: Bearer wd_…` header: the token's creator (who answers for
 * it), with `apiTokenId` set so the token's narrower permissions apply. Refuses a missing,
 * malformed, unknown or revoked token and a token whose creator was deactivated.
 */
export async function authenticateApiToken(authorizationHeader: string | null | undefined): Promise<Actor> {
  if (!authorizationHeader) throw unauthenticated("Send an API token: Authorization: Bearer wd_…");
  const token = bearerTokenFrom(authorizationHeader);
  if (!token) throw unauthenticated("The Authorization header must be “Bearer ” followed by a Wiredesk API token (wd_…).");

  // the lookup is by sha256 of a 256-bit random token, so the plaintext is never stored or compared
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      revokedAt: true,
      lastUsedAt: true,
      createdBy: { select: { id: true, role: true, name: true, email: true, active: true } },
    },
  });
  if (!row) throw unauthenticated("This API token is not known to the desk.");
  if (row.revokedAt) throw unauthenticated("This API token has been revoked. Ask a desk admin for a new one.");
  if (!row.createdBy.active) {
    throw unauthenticated("The person who created this API token has been deactivated. Ask a desk admin for a new token.");
  }

  const now = new Date();
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt < staleBefore) {
    // conditional, so concurrent first requests of a minute write once between them
    await db.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  }
  const { id, role, name, email } = row.createdBy;
  return { id, role, name, email, apiTokenId: row.id };
}
