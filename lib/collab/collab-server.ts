import "server-only";
import type { IncomingMessage } from "node:http";
import { Server, type Extension } from "@hocuspocus/server";
import type WebSocket from "ws";
import * as Y from "yjs";
import { authorizeCollabConnection, CollabAccessDenied, type CollabConnection } from "./collab-access";
import { loadExplainerYDoc, storeExplainerYDoc } from "./document-store";
import { explainerIdOf, verifyInternalToken } from "./collab-token";
import { ResilientRedis } from "./resilient-redis";
import {
  DEFAULT_COLLAB_LIMITS,
  LIMIT_CLOSE_CODE,
  LIMIT_MESSAGE_TYPE,
  MESSAGE_FRAMING_BYTES,
  PRE_AUTH_BUDGET_BYTES,
  PRE_AUTH_FRAME_BYTES,
  documentGrowthOf,
  type CollabLimitNotice,
  type CollabLimits,
} from "./collab-limits";

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
  /** size caps on one update and on a stored document (defaults in collab-limits.ts) */
  limits?: Partial<CollabLimits>;
  /** first wait before a failed store is retried; it doubles up to `maxStoreRetryMs` */
  storeRetryMs?: number;
  maxStoreRetryMs?: number;
  /** how long a socket may stay open without authenticating */
  authTimeoutMs?: number;
  log?: (line: string) => void;
};

/** What the health endpoint says about documents whose last store failed. */
export type CollabStorageHealth = { failingDocuments: number; lastError: string | null };

type SocketGuard = { socket: WebSocket; authenticated: boolean; bytesBeforeAuth: number; timer: NodeJS.Timeout };

/** ws keeps its frame limit on the socket's receiver; lowering it there refuses a large frame from its header. */
function setFrameLimit(socket: WebSocket, bytes: number): void {
  const receiver = (socket as unknown as { _receiver?: { _maxPayload?: unknown } })._receiver;
  if (receiver && typeof receiver._maxPayload === "number") receiver._maxPayload = bytes;
}

type ConnectionContext = Partial<CollabConnection>;

/**
 * The collaboration server: Hocuspocus with the desk's access check on every connection,
 * persistence of the Yjs state (and its JSON) in PostgreSQL, an HTTP health endpoint, and,
 * with a Redis URL, document sharing across instances.
 */
export function createCollabServer(options: CollabServerOptions): Server & { storageHealth: () => CollabStorageHealth } {
  const log = options.log ?? ((line: string) => console.log(`collab: ${line}`));
  // people who changed each document since its last store: they become its editors since approval
  const editorsSinceStore = new Map<string, Set<string>>();

  const limits: CollabLimits = { ...DEFAULT_COLLAB_LIMITS, ...options.limits };
  const maxMessageBytes = limits.maxUpdateBytes + MESSAGE_FRAMING_BYTES;
  const storeRetryMs = options.storeRetryMs ?? 1000;
  const maxStoreRetryMs = options.maxStoreRetryMs ?? 30_000;
  // an upper bound of each open document's stored size: its size when loaded or last stored,
  // plus every update accepted since (Yjs never keeps more than it was sent)
  const documentBytes = new Map<string, number>();
  // documents whose last store failed: kept in memory (never unloaded) and stored again later
  const failedStores = new Map<string, { attempts: number; timer: NodeJS.Timeout | null; error: string }>();
  const guards = new WeakMap<IncomingMessage, SocketGuard>();

  const extensions: Extension[] = [];
  if (options.redisUrl) {
    const url = new URL(options.redisUrl);
    extensions.push(
      new ResilientRedis({
        host: url.hostname,
        port: Number(url.port || 6379),
        options: {
          ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
          ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
          db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
        },
        prefix: "wiredesk:collab",
      }, log),
    );
  }

  const server = new Server(
    {
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
          const failing = failedStores.size;
          response.end(
            JSON.stringify({
              ok: true,
              redis: Boolean(options.redisUrl),
              storage: failing === 0 ? "ok" : "failing",
              failingDocuments: failing,
              openDocuments: instance.documents.size,
            }),
          );
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
            // a failed store is retried in the background, never thrown: ask whether it landed
            if (failedStores.has(documentName)) reply(503, { error: "Could not store the document; it is kept and retried" });
            else reply(200, { flushed: true });
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

      async onAuthenticate({ token, documentName, connectionConfig, request }) {
        try {
          const connection = await authorizeCollabConnection(token, documentName, options.secret);
          connectionConfig.readOnly = connection.readOnly;
          const guard = guards.get(request);
          if (guard && !guard.authenticated) {
            guard.authenticated = true;
            clearTimeout(guard.timer);
            setFrameLimit(guard.socket, maxMessageBytes);
          }
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
        const state = Y.encodeStateAsUpdate(stored);
        Y.applyUpdate(document, state);
        documentBytes.set(documentName, state.length);
        return document;
      },

      async beforeHandleMessage({ documentName, document, connection, update }) {
        // a read-only connection's updates are dropped by Hocuspocus; the frame limit bounds them
        if (connection.readOnly) return;
        const growth = documentGrowthOf(update);
        if (growth === 0) return;
        let refused: CollabLimitNotice["limit"] | null = null;
        if (update.length > maxMessageBytes || growth > limits.maxUpdateBytes) refused = "update";
        else {
          let size = documentBytes.get(documentName) ?? 0;
          if (size + growth > limits.maxDocumentBytes) {
            // the running figure is an upper bound: measure before refusing
            size = Y.encodeStateAsUpdate(document).length;
            if (size + growth > limits.maxDocumentBytes) refused = "document";
          }
          if (!refused) documentBytes.set(documentName, size + growth);
        }
        if (!refused) return;
        const notice: CollabLimitNotice = { type: LIMIT_MESSAGE_TYPE, limit: refused, maxBytes: refused === "update" ? limits.maxUpdateBytes : limits.maxDocumentBytes };
        log(`refused a ${update.length}-byte change to ${documentName}: over the ${refused} limit`);
        connection.sendStateless(JSON.stringify(notice));
        // the change is never applied; the writer's editor keeps it and says why it was not shared
        connection.webSocket.close(LIMIT_CLOSE_CODE, `over the ${refused} size limit`);
        throw Object.assign(new Error(`over the ${refused} size limit`), { code: LIMIT_CLOSE_CODE, reason: `over the ${refused} size limit` });
      },

      async onChange({ documentName, context }) {
        const userId = (context as ConnectionContext | undefined)?.userId;
        if (!userId) return;
        const editors = editorsSinceStore.get(documentName) ?? new Set<string>();
        editors.add(userId);
        editorsSinceStore.set(documentName, editors);
      },

      async onStoreDocument(payload) {
        const { documentName, document, instance } = payload;
        const explainerId = explainerIdOf(documentName);
        if (!explainerId) return;
        const editors = editorsSinceStore.get(documentName) ?? new Set<string>();
        editorsSinceStore.delete(documentName);
        const failed = failedStores.get(documentName);
        if (failed?.timer) clearTimeout(failed.timer);
        try {
          const { outcome, merged } = await storeExplainerYDoc(explainerId, document, [...editors]);
          if (outcome === "invalid") log(`did not store ${documentName}: the document does not fit the explainer schema`);
          // the stored state is the union with what other servers stored (while Redis was down,
          // say): take in what this one was missing; its clients get it as any other change
          if (merged) Y.applyUpdate(document, merged);
          documentBytes.set(documentName, merged?.length ?? Y.encodeStateAsUpdate(document).length);
          if (failed) log(`stored ${documentName} after ${failed.attempts} failed attempt(s)`);
          failedStores.delete(documentName);
        } catch (error) {
          // Never thrown on: Hocuspocus stores from un-awaited promises, and a rejection there
          // would take the whole server (and everyone's editing) down. The document stays in
          // memory (see beforeUnloadDocument), its editors are kept, and the store is retried.
          const again = editorsSinceStore.get(documentName) ?? new Set<string>();
          for (const id of editors) again.add(id);
          editorsSinceStore.set(documentName, again);
          const attempts = (failed?.attempts ?? 0) + 1;
          const delay = Math.min(maxStoreRetryMs, storeRetryMs * 2 ** (attempts - 1));
          const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
          log(`could not store ${documentName} (attempt ${attempts}; retrying in ${Math.round(delay / 1000)} s): ${message}`);
          const timer = setTimeout(() => {
            const entry = failedStores.get(documentName);
            if (entry) entry.timer = null;
            if (instance.documents.get(documentName) !== document) return;
            void instance.storeDocumentHooks(document, payload, true);
          }, delay);
          timer.unref();
          failedStores.set(documentName, { attempts, timer, error: message });
        }
      },

      async beforeUnloadDocument({ documentName }) {
        // an empty rejection stops the unload quietly: the unsaved document must stay in memory
        if (failedStores.has(documentName)) throw null;
      },

      async afterUnloadDocument({ documentName }) {
        documentBytes.delete(documentName);
        editorsSinceStore.delete(documentName);
      },
    },
    // every frame is bounded, so nobody can make the server buffer more than one update
    { maxPayload: maxMessageBytes },
  );

  // Before Hocuspocus sees a socket: until it authenticates it may send only small frames and
  // little in all, and only for a while, so a stranger cannot make the server read or queue much.
  server.webSocketServer.prependListener("connection", (socket: WebSocket, request: IncomingMessage) => {
    setFrameLimit(socket, PRE_AUTH_FRAME_BYTES);
    const guard: SocketGuard = {
      socket,
      authenticated: false,
      bytesBeforeAuth: 0,
      timer: setTimeout(() => socket.close(4401, "authentication timed out"), options.authTimeoutMs ?? 15_000),
    };
    guard.timer.unref();
    guards.set(request, guard);
    socket.on("message", (data: Buffer) => {
      if (guard.authenticated) return;
      guard.bytesBeforeAuth += data.length;
      if (guard.bytesBeforeAuth > PRE_AUTH_BUDGET_BYTES) socket.terminate();
    });
    socket.once("close", () => clearTimeout(guard.timer));
  });

  return Object.assign(server, {
    storageHealth: (): CollabStorageHealth => ({
      failingDocuments: failedStores.size,
      lastError: [...failedStores.values()].at(-1)?.error ?? null,
    }),
  });
}
