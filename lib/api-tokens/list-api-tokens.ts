import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { apiTokenSelect, type ApiTokenRow } from "./api-token-view";

/** Every API token of the desk, usable ones first, newest first (admins only). */
export async function listApiTokens(actor: Actor): Promise<ApiTokenRow[]> {
  assertCan(actor, "api_token.manage");
  return db.apiToken.findMany({
    select: apiTokenSelect,
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "desc" }],
  });
}
