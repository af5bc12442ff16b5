import "server-only";
import { db } from "@/lib/db/client";
import { actorCan, assertCan, type Actor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors/domain-errors";
import { isUuid } from "@/lib/http/uuid";
import { env } from "@/lib/env";
import { explainerDocumentName, explainerIdOf, issueCollabToken, verifyCollabToken, type CollabMode } from "./collab-token";

export type CollabSession = { documentName: string; token: string; expiresAt: string; mode: CollabMode };

/**
 * Issues the token a browser presents to the collaboration server for one explainer. Who may
 * write is the permissions table's "explainer.edit"; anyone who may read the story gets a
 * read-only connection.
 */
export async function openCollabSession(actor: Actor, explainerId: string): Promise<CollabSession> {
  assertCan(actor, "story.read");
  if (!isUuid(explainerId)) throw notFound("That explainer does not exist.");
  const explainer = await db.explainer.findUnique({ where: { id: explainerId }, select: { id: true } });
  if (!explainer) throw notFound("That explainer does not exist.");
  const mode: CollabMode = actorCan(actor, "explainer.edit") ? "write" : "read";
  const documentName = explainerDocumentName(explainer.id);
  const { token, expiresAt } = issueCollabToken({ doc: documentName, userId: actor.id, mode }, env().NEXTAUTH_SECRET);
  return { documentName, token, expiresAt: expiresAt.toISOString(), mode };
}

export type CollabConnection = { userId: string; name: string; readOnly: boolean; explainerId: string };

export class CollabAccessDenied extends Error {}

/**
 * The collaboration server's check on every new connection: the token must be valid for this
 * document, the person must still exist and be active, and write access needs "explainer.edit"
 * under their role now (a role lowered since the token was issued gets read-only).
 */
export async function authorizeCollabConnection(token: string, documentName: string, secret: string): Promise<CollabConnection> {
  const explainerId = explainerIdOf(documentName);
  if (!explainerId) throw new CollabAccessDenied("unknown document");
  const check = verifyCollabToken(token, documentName, secret);
  if (!check.ok) throw new CollabAccessDenied(check.reason);
  const user = await db.user.findUnique({
    where: { id: check.payload.sub },
    select: { id: true, name: true, role: true, active: true },
  });
  if (!user || !user.active) throw new CollabAccessDenied("inactive");
  if (!actorCan(user, "story.read")) throw new CollabAccessDenied("forbidden");
  const explainer = await db.explainer.findUnique({ where: { id: explainerId }, select: { id: true } });
  if (!explainer) throw new CollabAccessDenied("no such explainer");
  const readOnly = check.payload.mode !== "write" || !actorCan(user, "explainer.edit");
  return { userId: user.id, name: user.name, readOnly, explainerId };
}
