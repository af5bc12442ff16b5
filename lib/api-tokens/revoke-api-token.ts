import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { conflict, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { apiTokenSelect, type ApiTokenRow } from "./api-token-view";
import { ZRevokeApiToken } from "./schemas";

/** Revokes an API token (admins only); its next request is refused. Revocation cannot be undone. */
export async function revokeApiToken(actor: Actor, input: unknown): Promise<ApiTokenRow> {
  assertCan(actor, "api_token.manage");
  const { tokenId } = parseInput(ZRevokeApiToken, input);
  return db.$transaction(async (tx) => {
    const revokedAt = new Date();
    // the condition on revokedAt makes two admins revoking at once record one revocation, not two
    const revoked = await tx.apiToken.updateMany({
      where: { id: tokenId, revokedAt: null },
      data: { revokedAt, revokedById: actor.id },
    });
    if (revoked.count === 0) {
      const existing = await tx.apiToken.findUnique({ where: { id: tokenId }, select: { name: true } });
      if (!existing) throw notFound("That API token");
      throw conflict(`The token “${existing.name}” was already revoked.`);
    }
    const apiToken = await tx.apiToken.findUniqueOrThrow({ where: { id: tokenId }, select: apiTokenSelect });
    await audit(tx, {
      actorId: actor.id,
      apiTokenId: actor.apiTokenId,
      action: "api_token.revoke",
      entityType: "api_token",
      entityId: tokenId,
      before: { name: apiToken.name, prefix: apiToken.prefix, revokedAt: null },
      after: { revokedAt: revokedAt.toISOString() },
    });
    return apiToken;
  });
}
