import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { parseInput } from "@/lib/errors/parse-input";
import { apiTokenSelect, type ApiTokenRow } from "./api-token-view";
import { ZCreateApiToken } from "./schemas";
import { generateApiToken } from "./token-format";

export type CreatedApiToken = { apiToken: ApiTokenRow; token: string };

/** Creates a desk API token (admins only); the plaintext token is returned here and never again. */
export async function createApiToken(actor: Actor, input: unknown): Promise<CreatedApiToken> {
  assertCan(actor, "api_token.manage");
  const { name } = parseInput(ZCreateApiToken, input);
  const { token, prefix, tokenHash } = generateApiToken();
  return db.$transaction(async (tx) => {
    const apiToken = await tx.apiToken.create({
      data: { name, prefix, tokenHash, createdById: actor.id },
      select: apiTokenSelect,
    });
    await audit(tx, {
      actorId: actor.id,
      apiTokenId: actor.apiTokenId,
      action: "api_token.create",
      entityType: "api_token",
      entityId: apiToken.id,
      after: { name, prefix },
    });
    return { apiToken, token };
  });
}
