import "server-only";
import { Server, type Extension } from "@hocuspocus/server";
import { Redis } from "@hocuspocus/extension-redis";
import * as Y from "yjs";
import { authorizeCollabConnection, CollabAccessDenied, type CollabConnection } from "./collab-access";
import { loadExplainerYDoc, storeExplainerYDoc } from "./document-store";
import { explainerIdOf, verifyInternalToken } from "./collab-token";

export type CollabServerOptions = {
  port: number;
  address?: string;
  /** signs and checks the app's collaboration tokens (the app's NEXTAUTH_SECRET) */
  secret: string;
  /** share documents with other instances through Redis (redis://host:port) */
  redisUrl?: string;
  /** quiet period before a store; maxDebounce bounds how long a busy document goes unsaved */
  debounceMs?: number;
  maxDebounceMs?: number;
  log?: (line: string) => void;
};

type ConnectionContext = Partial<CollabConnection>;

/**
 * The collaboration server: Hocuspocus with the desk's access check on every connection,
 * persistence of the Yjs state (and its JSON) in PostgreSQL, an HTTP health endpoint, and,
 * with a Redis URL, document sharing across instances.
 */
export function createCollabServer(options: CollabServerOptions): Server {
  const log = options.log ?? ((line: string) => console.log(`collab: ${line}`));
  // people who changed each document since its last store: they become its editors since approval
  const editorsSinceStore = new Map<string, Set<string>>();

  const extensions: Extension[] = [];
  if (options.redisUrl) {
    const url = new URL(options.redisUrl);
    extensions.push(
      new Redis({
        host: url.hostname,
        port: Number(url.port || 6379),
        options: {
          ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
          ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
          db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
        },
        prefix: "wiredesk:collab",
      }),
    );
  }

  return new Server({
    port: options.port,
    address: options.address ?? "0.0.0.0",
    quiet: true,
    stopOnSignals: false,
    debounce: options.debounceMs ?? 1500,
    maxDebounce: options.maxDebounceMs ?? 10_000,
    // a closed tab stores at once rather than after the debounce
    unloadImmediately: true,
    extensions,

    async onRequest({ request, response, instance }) {
      const path = (request.url ?? "/").split("?")[0];
      if (path === "/health" || path === "/healthz") {
        response.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
        response.end(JSON.stringify({ ok: true, redis: Boolean(options.redisUrl) }));
        // an empty rejection stops Hocuspocus's default reply
         
        throw null;
      }
      if (path === "/flush" && request.method === "POST") {
        // the app stores the shared document before snapshotting it into a revision
        const documentName = new URL(request.url ?? "/", "http://collab").searchParams.get("document") ?? "";
        const auth = (request.headers.authorization ?? "").replace(/^Bearer /, "");
        const reply = (status: number, body: object) => {
          response.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
          response.end(JSON.stringify(body));
        };
        if (!explainerIdOf(documentName) || !verifyInternalToken(auth, documentName, options.secret)) {
          reply(401, { error: "Not allowed" });
          throw null;
        }
        const document = instance.documents.get(documentName);
        if (!document) {
          // not open here: what it last stored is in the database already
          reply(200, { flushed: false });
          throw null;
        }
        try {
          await instance.storeDocumentHooks(
            document,
            {
              instance,
              clientsCount: document.getConnectionsCount(),
              context: {},
              document,
              documentName,
              requestHeaders: request.headers,
              requestParameters: new URLSearchParams(),
              socketId: "",
            },
            true,
          );
          reply(200, { flushed: true });
        } catch (error) {
          log(`could not flush ${documentName}: ${String(error)}`);
          reply(500, { error: "Could not store the document" });
        }
        throw null;
      }
      if (path !== "/") {
        response.writeHead(404, { "Content-Type": "text/plain" });
        response.end("Not found");
         
        throw null;
      }
    },

    async onAuthenticate({ token, documentName, connectionConfig }) {
      try {
        const connection = await authorizeCollabConnection(token, documentName, options.secret);
        connectionConfig.readOnly = connection.readOnly;
        return connection satisfies ConnectionContext;
      } catch (error) {
        if (error instanceof CollabAccessDenied) {
          log(`refused a connection to ${documentName}: ${error.message}`);
          throw new Error("Not allowed");
        }
        throw error;
      }
    },

    async onLoadDocument({ documentName, document }) {
      const explainerId = explainerIdOf(documentName);
      if (!explainerId) throw new Error("Unknown document");
      const stored = await loadExplainerYDoc(explainerId);
      if (!stored) throw new Error("Unknown document");
      Y.applyUpdate(document, Y.encodeStateAsUpdate(stored));
      return document;
    },

    async onChange({ documentName, context }) {
      const userId = (context as ConnectionContext | undefined)?.userId;
      if (!userId) return;
      const editors = editorsSinceStore.get(documentName) ?? new Set<string>();
      editors.add(userId);
      editorsSinceStore.set(documentName, editors);
    },

    async onStoreDocument({ documentName, document }) {
      const explainerId = explainerIdOf(documentName);
      if (!explainerId) return;
      const editors = editorsSinceStore.get(documentName) ?? new Set<string>();
      editorsSinceStore.delete(documentName);
      try {
        const outcome = await storeExplainerYDoc(explainerId, document, [...editors]);
        if (outcome === "invalid") log(`did not store ${documentName}: the document does not fit the explainer schema`);
      } catch (error) {
        // keep the editors for the next attempt; the document stays in memory and is retried
        const again = editorsSinceStore.get(documentName) ?? new Set<string>();
        for (const id of editors) again.add(id);
        editorsSinceStore.set(documentName, again);
        throw error;
      }
    },
  });
}
