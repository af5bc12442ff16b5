/**
 * Short-lived tokens for the collaboration websocket. The app issues one after checking the
 * person may open the explainer; the collaboration server accepts it only for that one document,
 * only until it expires, and still re-reads the person and their role from the database (a token
 * never grants more than the permissions table does at connection time).
 *
 * Format: base64url(JSON payload) "." base64url(HMAC-SHA256(secret, payload)). Pure: no database.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { isUuid } from "@/lib/http/uuid";

export const COLLAB_TOKEN_TTL_SECONDS = 120;

export type CollabMode = "write" | "read";

const ZCollabTokenPayload = z.object({
  /** document name the token is scoped to ("explainer:<uuid>") */
  doc: z.string().min(1).max(200),
  /** user id */
  sub: z.uuid(),
  mode: z.enum(["write", "read"]),
  /** expiry, seconds since the epoch */
  exp: z.number().int().positive(),
});

export type CollabTokenPayload = z.infer<typeof ZCollabTokenPayload>;

// a distinct key for this use, so a collab token can never be mistaken for a session token
function signingKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("wiredesk:collab-token:v1").digest();
}

function sign(payload: string, secret: string): string {
  return createHmac("sha256", signingKey(secret)).update(payload).digest("base64url");
}

/** Issues a token for one person, one document and one mode, valid for `ttlSeconds`. */
export function issueCollabToken(
  input: { doc: string; userId: string; mode: CollabMode; now?: number; ttlSeconds?: number },
  secret: string,
): { token: string; expiresAt: Date } {
  const now = input.now ?? Date.now();
  const exp = Math.floor(now / 1000) + (input.ttlSeconds ?? COLLAB_TOKEN_TTL_SECONDS);
  const payload = Buffer.from(JSON.stringify({ doc: input.doc, sub: input.userId, mode: input.mode, exp })).toString("base64url");
  return { token: `${payload}.${sign(payload, secret)}`, expiresAt: new Date(exp * 1000) };
}

export type CollabTokenCheck =
  | { ok: true; payload: CollabTokenPayload }
  | { ok: false; reason: "malformed" | "bad-signature" | "expired" | "wrong-document" };

/** Verifies signature, expiry and document scope; never throws on hostile input. */
export function verifyCollabToken(token: string, expectedDoc: string, secret: string, now = Date.now()): CollabTokenCheck {
  if (typeof token !== "string" || token.length > 2000) return { ok: false, reason: "malformed" };
  const parts = token.split(".");
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, reason: "malformed" };
  const [payloadPart, signaturePart] = parts as [string, string];
  const expected = Buffer.from(sign(payloadPart, secret));
  const given = Buffer.from(signaturePart);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "bad-signature" };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payloadPart, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const parsed = ZCollabTokenPayload.safeParse(decoded);
  if (!parsed.success) return { ok: false, reason: "malformed" };
  if (parsed.data.exp * 1000 <= now) return { ok: false, reason: "expired" };
  if (parsed.data.doc !== expectedDoc) return { ok: false, reason: "wrong-document" };
  return { ok: true, payload: parsed.data };
}

const DOCUMENT_PREFIX = "explainer:";

/** The websocket document name of an explainer. */
export function explainerDocumentName(explainerId: string): string {
  return `${DOCUMENT_PREFIX}${explainerId}`;
}

/** The explainer id inside a document name, or null when the name is not one of ours. */
export function explainerIdOf(documentName: string): string | null {
  if (!documentName.startsWith(DOCUMENT_PREFIX)) return null;
  const id = documentName.slice(DOCUMENT_PREFIX.length);
  return isUuid(id) ? id.toLowerCase() : null;
}

const INTERNAL_TOKEN_TTL_SECONDS = 60;

function internalKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("wiredesk:collab-internal:v1").digest();
}

/**
 * The app's proof, towards the collaboration server's internal endpoints (POST /flush), that it
 * holds the shared secret: an HMAC over the document name and a timestamp, valid for a minute.
 */
export function issueInternalToken(documentName: string, secret: string, now = Date.now()): string {
  const at = Math.floor(now / 1000);
  const mac = createHmac("sha256", internalKey(secret)).update(`${at}:${documentName}`).digest("base64url");
  return `${at}.${mac}`;
}

export function verifyInternalToken(token: string, documentName: string, secret: string, now = Date.now()): boolean {
  if (typeof token !== "string" || token.length > 200) return false;
  const [atPart, mac] = token.split(".");
  const at = Number(atPart);
  if (!Number.isInteger(at) || !mac) return false;
  if (Math.abs(now / 1000 - at) > INTERNAL_TOKEN_TTL_SECONDS) return false;
  const expected = Buffer.from(createHmac("sha256", internalKey(secret)).update(`${at}:${documentName}`).digest("base64url"));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
