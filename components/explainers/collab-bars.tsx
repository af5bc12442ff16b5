"use client";
import { useEffect, useState } from "react";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { CollabSession, CollabState } from "./use-collab-session";

type Present = { key: string; name: string; color: string; you: boolean; readOnly: boolean };

/** Everyone in the document now, from the provider's awareness (one chip per person). */
export function PresenceBar({ provider, userId, connected }: { provider: HocuspocusProvider; userId: string; connected: boolean }) {
  const [people, setPeople] = useState<Present[]>([]);
  useEffect(() => {
    const awareness = provider.awareness;
    if (!awareness) return;
    const read = () => {
      const byPerson = new Map<string, Present>();
      for (const [clientId, state] of awareness.getStates()) {
        const user = (state as { user?: { id?: string; name?: string; color?: string; readOnly?: boolean } }).user;
        if (!user?.name) continue;
        const key = user.id ?? String(clientId);
        const you = clientId === awareness.clientID || user.id === userId;
        const existing = byPerson.get(key);
        byPerson.set(key, { key, name: user.name, color: user.color ?? "#475569", you: you || Boolean(existing?.you), readOnly: Boolean(user.readOnly) && (existing?.readOnly ?? true) });
      }
      // you first, then by name: a stable order that does not jump as people come and go
      setPeople([...byPerson.values()].sort((a, b) => Number(b.you) - Number(a.you) || a.name.localeCompare(b.name)));
    };
    read();
    awareness.on("change", read);
    return () => awareness.off("change", read);
  }, [provider, userId]);

  return (
    <div className="flex flex-wrap items-center gap-1.5" aria-label="People in this document" data-testid="presence-bar">
      <span className="text-xs text-muted">{!connected ? "Others are not shown while disconnected:" : people.length <= 1 ? "Only you here" : `${people.length} here:`}</span>
      <ul className="flex flex-wrap items-center gap-1.5">
        {people.map((person) => (
          <li
            key={person.key}
            className="inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium"
            style={{ borderColor: person.color, color: person.color }}
            data-presence={person.you ? "you" : "other"}
            title={person.readOnly ? `${person.name} (view only)` : person.name}
          >
            <span aria-hidden className="inline-block h-2 w-2 rounded-full" style={{ background: person.color }} />
            {person.name}
            {person.you ? <span className="font-normal text-muted">(you)</span> : null}
            {person.readOnly ? <span className="font-normal text-muted">· viewing</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

const CONNECTION_TEXT: Record<CollabState["connection"], string> = {
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting… your edits are kept and will merge",
  offline: "Offline — your edits are kept and will merge when you reconnect",
  refused: "This document cannot be opened live: reload the page",
};

/** The connection to the shared document, and whether the server has all of this browser's edits. */
export function ConnectionStatus({ state }: { state: CollabState }) {
  const tone = state.connection === "connected" ? "text-ok" : state.connection === "refused" ? "text-danger" : state.connection === "connecting" ? "text-muted" : "text-warn";
  const dot = state.connection === "connected" ? "bg-ok" : state.connection === "refused" ? "bg-danger" : "bg-warn";
  return (
    <span className="inline-flex flex-wrap items-center gap-2 text-sm">
      <span role="status" aria-live="polite" className={`inline-flex items-center gap-1.5 ${tone}`} data-collab-status={state.connection}>
        <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${dot}`} />
        {CONNECTION_TEXT[state.connection]}
      </span>
      {state.mode === "write" ? (
        <span className="text-muted" data-unsynced={state.unsynced}>
          {state.unsynced === 0 ? "· All changes synced" : "· Latest edits not synced yet"}
        </span>
      ) : null}
    </span>
  );
}

/** Who is in the co-edited document, and a note when this person may only watch. */
export function CollabPresence({ collab }: { collab: CollabSession & { state: CollabState } }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-line bg-white px-3 py-2">
      <PresenceBar provider={collab.provider} userId={collab.config.user.id} connected={collab.state.connection === "connected"} />
      {collab.state.mode === "read" ? (
        <p role="note" className="text-sm font-medium text-muted" data-testid="view-only">
          View only: you see changes live but cannot edit.
        </p>
      ) : null}
    </div>
  );
}

/** What the page shows until the shared document has arrived (and why, when it does not). */
export function CollabConnecting({ connection }: { connection: CollabState["connection"] }) {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), 6000);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="space-y-3" aria-busy="true">
      <p role="status" className="rounded-lg border border-line bg-white px-3 py-2 text-sm text-muted" data-collab-status={connection}>
        {connection === "refused"
          ? "The shared document refused this connection. Reload the page; if it persists, ask an admin about your access."
          : slow
            ? "Still connecting to the shared document… the co-editing server does not answer yet; retrying."
            : "Connecting to the shared document…"}
      </p>
      <div className="h-[32rem] animate-pulse rounded-lg border border-line bg-white" />
    </div>
  );
}
