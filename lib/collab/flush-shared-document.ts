import "server-only";
import { collabLinkEnv, env } from "@/lib/env";
import { conflict } from "@/lib/errors/domain-errors";
import { explainerDocumentName, issueInternalToken } from "./collab-token";

/** Where the app reaches the collaboration server's internal endpoints. */
export function collabInternalUrl(): string {
  const { COLLAB_INTERNAL_URL, COLLAB_PORT } = collabLinkEnv();
  return COLLAB_INTERNAL_URL ?? `http://127.0.0.1:${COLLAB_PORT}`;
}

/**
 * Asks the collaboration server to store the explainer's shared document now, so a snapshot
 * read from the database right after (a submitted revision) holds every edit the server has.
 * No server running (WIREDESK_COLLAB=0, or it is down) means nothing is held in memory there:
 * the database already has the last state. A server that holds the document but cannot store
 * it refuses the snapshot: the revision would miss edits.
 */
export async function flushSharedDocument(explainerId: string, log: (line: string) => void = console.warn): Promise<"flushed" | "not-open" | "unavailable"> {
  if (collabLinkEnv().WIREDESK_COLLAB === "0") return "unavailable";
  const documentName = explainerDocumentName(explainerId);
  const url = new URL("/flush", collabInternalUrl());
  url.searchParams.set("document", documentName);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { Authorization: `Bearer ${issueInternalToken(documentName, env().NEXTAUTH_SECRET)}` },
      signal: AbortSignal.timeout(5000),
    });
  } catch (error) {
    log(`collab: could not reach ${url.origin} to store ${documentName} before a snapshot (${String((error as Error).cause ?? error)})`);
    return "unavailable";
  }
  if (response.status === 401 || response.status === 404) {
    log(`collab: ${url.origin} refused the flush of ${documentName} (${response.status}); is COLLAB_INTERNAL_URL this desk's server?`);
    return "unavailable";
  }
  if (!response.ok) throw conflict("The shared document could not be saved just now, so the revision would miss recent edits. Try again in a moment.");
  const body = (await response.json().catch(() => ({}))) as { flushed?: boolean };
  return body.flushed ? "flushed" : "not-open";
}
