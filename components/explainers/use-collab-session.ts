"use client";
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import * as Y from "yjs";
import { limitMessage, readLimitNotice, type CollabLimits } from "@/lib/collab/collab-limits";

/** What the page tells the editor about live co-editing (null when it is switched off). */
export type CollabConfig = {
  documentName: string;
  /** the collaboration server's port on the page's host, unless publicUrl says where it is */
  port: number;
  publicUrl: string | null;
  /** this person may only read (the server enforces it too) */
  readOnly: boolean;
  user: { id: string; name: string };
  /** the server's size caps: the editor keeps a writer under them */
  limits: CollabLimits;
};

export type CollabConnection = "connecting" | "connected" | "reconnecting" | "offline" | "refused";

export type CollabState = {
  connection: CollabConnection;
  /** the document arrived from the server at least once: the editor can bind to it */
  ready: boolean;
  /** local changes the server has not confirmed yet */
  unsynced: number;
  mode: "write" | "read";
  /** edits kept on this device from an earlier visit were merged into the document */
  restored: boolean;
  /** why the server refused this person's last change (over a size limit), until dismissed */
  limit: string | null;
};

export type CollabSession = { ydoc: Y.Doc; provider: HocuspocusProvider; config: CollabConfig };

// distinct, readable on white, and each dark enough for the white caret label text
const PALETTE = ["#c2410c", "#1d4ed8", "#15803d", "#9333ea", "#be123c", "#0e7490", "#a16207", "#4338ca"];

/** A person's colour: the same in every browser and on every visit. */
export function colourOf(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

// Edits the server has not confirmed are also kept on this device, so a tab closed while offline
// loses nothing: the next visit merges them into the shared document (Yjs merges an old state
// idempotently: only what the server never got is new).
function backupKey(explainerId: string): string {
  return `wiredesk:explainer-ydoc:${explainerId}`;
}

function writeBackup(explainerId: string, ydoc: Y.Doc): void {
  try {
    const bytes = Y.encodeStateAsUpdate(ydoc);
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    window.localStorage.setItem(backupKey(explainerId), btoa(binary));
  } catch {
    // storage full or disabled: the edits still merge on reconnect while the tab stays open
  }
}

function takeBackup(explainerId: string): Uint8Array | null {
  try {
    const stored = window.localStorage.getItem(backupKey(explainerId));
    if (!stored) return null;
    return Uint8Array.from(atob(stored), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

function clearBackup(explainerId: string): void {
  try {
    window.localStorage.removeItem(backupKey(explainerId));
  } catch {
    // nothing kept
  }
}

function collabUrl(config: CollabConfig): string {
  if (config.publicUrl) return config.publicUrl;
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${window.location.hostname}:${config.port}`;
}

/**
 * Connects the browser to the explainer's shared document. Every (re)connect asks the app for a
 * fresh short-lived token, so a long session survives token expiry and a role change applies at
 * the next reconnect. Edits made while disconnected stay in the Y.Doc and merge on reconnect.
 */
export function useCollabSession(explainerId: string, config: CollabConfig | null): { session: CollabSession | null; state: CollabState } {
  const [session, setSession] = useState<CollabSession | null>(null);
  const [state, setState] = useState<CollabState>({ connection: "connecting", ready: false, unsynced: 0, mode: config?.readOnly ? "read" : "write", restored: false, limit: null });

  useEffect(() => {
    if (!config) return;
    const ydoc = new Y.Doc();
    let everConnected = false;
    let restoredOnce = false;
    const patch = (next: Partial<CollabState>) => setState((current) => ({ ...current, ...next }));
    // retry every few seconds at most: after a server restart writers should be back quickly
    const socket = new HocuspocusProviderWebsocket({ url: collabUrl(config), delay: 1000, factor: 1.5, maxDelay: 4000 });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: config.documentName,
      document: ydoc,
      token: async () => {
        const response = await fetch(`/api/explainers/${explainerId}/collab-session`, { method: "POST", headers: { Accept: "application/json" } });
        if (!response.ok) throw new Error(`collab-session answered ${response.status}`);
        const body = (await response.json()) as { token: string; mode: "write" | "read" };
        patch({ mode: body.mode });
        return body.token;
      },
      onStatus: ({ status }) => {
        if (status === WebSocketStatus.Connected) {
          everConnected = true;
          patch({ connection: navigator.onLine ? "connected" : "offline" });
        } else patch({ connection: !navigator.onLine ? "offline" : everConnected ? "reconnecting" : "connecting" });
      },
      onSynced: ({ state: synced }) => {
        if (!synced || restoredOnce) return;
        restoredOnce = true;
        const backup = takeBackup(explainerId);
        if (backup && !config.readOnly) {
          try {
            // only what the server never got is new: anything else merges as a no-op
            const kept = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(backup));
            const known = Y.decodeStateVector(Y.encodeStateVector(ydoc));
            const unseen = [...kept].some(([client, clock]) => (known.get(client) ?? 0) < clock);
            Y.applyUpdate(ydoc, backup, "device-backup");
            patch({ restored: unseen });
          } catch {
            // an unreadable backup helps nobody
          }
          clearBackup(explainerId);
        }
        patch({ ready: true });
      },
      onUnsyncedChanges: ({ number }) => {
        patch({ unsynced: number });
        if (number === 0) clearBackup(explainerId);
      },
      onAuthenticationFailed: () => patch({ connection: "refused" }),
      onStateless: ({ payload }) => {
        const notice = readLimitNotice(payload);
        if (notice) patch({ limit: limitMessage(notice) });
      },
      onClose: ({ event }) => {
        // 1009: the socket refused a frame over the update limit before the server could explain
        if (event.code === 1009) patch({ limit: limitMessage({ limit: "update", maxBytes: config.limits.maxUpdateBytes }) });
      },
    });
    // this person's edits (not those the server sends) are kept until the server confirms them
    const keepOnDevice = (_update: Uint8Array, origin: unknown) => {
      if (origin !== provider && provider.hasUnsyncedChanges) writeBackup(explainerId, ydoc);
    };
    ydoc.on("update", keepOnDevice);
    // a provider given its own socket must be attached to it explicitly
    provider.attach();
    const offline = () => patch({ connection: "offline" });
    const online = () => patch({ connection: provider.configuration.websocketProvider.status === WebSocketStatus.Connected ? "connected" : "reconnecting" });
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    // the provider is a connection opened on mount and closed on unmount: it cannot be made
    // during render, and the editor needs it as state to mount once it exists
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSession({ ydoc, provider, config });
    return () => {
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      ydoc.off("update", keepOnDevice);
      provider.destroy();
      socket.destroy();
      ydoc.destroy();
    };
    // the config is the page's, fixed for this mount
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [explainerId]);

  return { session, state };
}
