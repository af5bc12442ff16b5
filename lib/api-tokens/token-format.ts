import { createHash, randomBytes } from "node:crypto";

/**
 * What an API token looks like: `wd_` and 32 random bytes in base64url (43 characters). Only
 * its sha256 is stored; the prefix shown in lists is too short to be of use to anyone.
 */
export const API_TOKEN_PATTERN = /^wd_[A-Za-z0-9_-]{43}$/;
export const API_TOKEN_PREFIX_LENGTH = 10;

export type GeneratedApiToken = { token: string; prefix: string; tokenHash: string };

/** A fresh random token with the hash and display prefix to store for it. */
export function generateApiToken(): GeneratedApiToken {
  const token = `wd_${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, API_TOKEN_PREFIX_LENGTH), tokenHash: hashApiToken(token) };
}

/** sha256 hex of a token; lookups compare this, never the token itself. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * The token in an `Authorization: Bearer <token>` header, or null when the header is missing,
 * uses another scheme, or holds something that cannot be one of our tokens.
 */
export function bearerTokenFrom(header: string | null | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  const token = match?.[1];
  return token && API_TOKEN_PATTERN.test(token) ? token : null;
}
