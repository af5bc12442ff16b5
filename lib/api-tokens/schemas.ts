import { z } from "zod";

export const ZApiTokenName = z
  .string({ error: "Name the token (for example the wire system that will use it)." })
  .trim()
  .min(1, "Name the token (for example the wire system that will use it).")
  .max(120, "Token names are at most 120 characters.");

export const ZCreateApiToken = z.object({ name: ZApiTokenName });
export type TCreateApiToken = z.infer<typeof ZCreateApiToken>;

export const ZRevokeApiToken = z.object({ tokenId: z.uuid({ error: "Unknown API token." }) });
export type TRevokeApiToken = z.infer<typeof ZRevokeApiToken>;
