"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { toActionResult, type ActionResult } from "@/lib/http/action-result";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";

export type CreatedToken = { name: string; token: string };

/** Creates a token; the plaintext goes to this response only and is never stored or shown again. */
export async function createApiTokenAction(input: unknown): Promise<ActionResult<CreatedToken>> {
  return toActionResult(async () => {
    const { apiToken, token } = await createApiToken(await requireActor(), input);
    revalidatePath("/settings/api-tokens");
    return { name: apiToken.name, token };
  });
}

export async function revokeApiTokenAction(input: unknown): Promise<ActionResult<null>> {
  return toActionResult(async () => {
    await revokeApiToken(await requireActor(), input);
    revalidatePath("/settings/api-tokens");
    return null;
  });
}
