import "server-only";
import { actorCan, type Actor } from "@/lib/auth/permissions";
import { collabLinkEnv, env } from "@/lib/env";
import { explainerDocumentName } from "./collab-token";

/**
 * What the editor page tells the browser about live co-editing: off with WIREDESK_COLLAB=0;
 * otherwise the document name and where the server is (COLLAB_PUBLIC_URL, e.g. behind a proxy,
 * else the page's own host on COLLAB_PORT). The browser still gets its mode from the token.
 */
export function collabConfigFor(actor: Actor, explainerId: string) {
  if (collabLinkEnv().WIREDESK_COLLAB === "0") return null;
  return {
    documentName: explainerDocumentName(explainerId),
    port: env().COLLAB_PORT,
    publicUrl: env().COLLAB_PUBLIC_URL ?? null,
    readOnly: !actorCan(actor, "explainer.edit"),
    user: { id: actor.id, name: actor.name },
    limits: { maxUpdateBytes: env().COLLAB_MAX_UPDATE_BYTES, maxDocumentBytes: env().COLLAB_MAX_DOCUMENT_BYTES },
  };
}
