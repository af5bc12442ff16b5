/**
 * A collaboration client for Node (tests, the bench, scripts): the same Hocuspocus provider the
 * editor uses, over the `ws` package since Node 20 has no global WebSocket.
 */
import WebSocket from "ws";
import * as Y from "yjs";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";

export type NodeCollabClient = {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** why the server refused the connection, or null once synced */
  refused: string | null;
  /** stateless messages the server sent (limit notices, for example) */
  notices: string[];
  /** close codes of the socket so far (the server drops a writer over a size limit) */
  closeCodes: number[];
  destroy: () => void;
};

/** Connects and resolves once the document is synced, or refused (then `refused` says why). */
export function connectNodeClient(options: { url: string; documentName: string; token: string; doc?: Y.Doc }): Promise<NodeCollabClient> {
  const doc = options.doc ?? new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: options.url, WebSocketPolyfill: WebSocket });
  return new Promise((resolve) => {
    const client: NodeCollabClient = {
      doc,
      provider: undefined as unknown as HocuspocusProvider,
      refused: null,
      notices: [],
      closeCodes: [],
      destroy: () => {
        client.provider.destroy();
        socket.destroy();
      },
    };
    client.provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: options.documentName,
      document: doc,
      token: options.token,
      onSynced: () => resolve(client),
      onStateless: ({ payload }) => client.notices.push(payload),
      onClose: ({ event }) => client.closeCodes.push(event.code),
      onAuthenticationFailed: ({ reason }) => {
        client.refused = reason || "refused";
        resolve(client);
      },
    });
    // a provider given its own socket must be attached to it explicitly
    client.provider.attach();
  });
}
