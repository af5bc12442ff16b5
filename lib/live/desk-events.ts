import "server-only";
import pg from "pg";
import { databaseEnv } from "@/lib/env";
import type { Tx } from "@/lib/db/client";

/**
 * Live desk events: a claim's status changed, or a review action happened. Domain functions
 * queue one with `notifyDeskChange(tx, …)` inside their transaction; PostgreSQL delivers it to
 * every app instance's listener only when the transaction commits (never for a rollback), and
 * each instance hands it to the browsers subscribed to that story (the server event stream at
 * /api/stories/<id>/events). Events carry ids only: a browser re-reads what it may see.
 */
export type DeskEvent = { storyId: string; kind: "claim_status" | "review"; explainerId?: string | null; claimIds?: string[] };

const CHANNEL = "wiredesk_desk";
const RECONNECT_MS = 1000;

type Listener = (event: DeskEvent) => void;
type BusState = {
  subscribers: Map<string, Set<Listener>>;
  client: pg.Client | null;
  reconnect: NodeJS.Timeout | null;
  /** the current client's LISTEN is in place; waiting callers are told once it is */
  listening: boolean;
  onListening: Set<() => void>;
};

declare global {
  var __wiredeskDeskEvents: BusState | undefined;
}

function bus(): BusState {
  globalThis.__wiredeskDeskEvents ??= { subscribers: new Map(), client: null, reconnect: null, listening: false, onListening: new Set() };
  return globalThis.__wiredeskDeskEvents;
}

/** Queues an event; it is sent when (and only if) the transaction commits. */
export async function notifyDeskChange(tx: Tx, event: DeskEvent): Promise<void> {
  // NOTIFY payloads are limited to 8000 bytes: a bulk change names at most 100 claims
  const payload = JSON.stringify({ ...event, claimIds: event.claimIds?.slice(0, 100) });
  await tx.$executeRaw`SELECT pg_notify(${CHANNEL}, ${payload})`;
}

function deliver(payload: string): void {
  let event: DeskEvent;
  try {
    event = JSON.parse(payload) as DeskEvent;
  } catch {
    return;
  }
  for (const listener of bus().subscribers.get(event.storyId) ?? []) listener(event);
}

function ensureListening(): void {
  const state = bus();
  if (state.client) return;
  const client = new pg.Client({ connectionString: databaseEnv().DATABASE_URL, keepAlive: true, application_name: "wiredesk-desk-events" });
  state.client = client;
  const drop = () => {
    if (state.client !== client) return;
    state.client = null;
    state.listening = false;
    void client.end().catch(() => undefined);
    // reconnect only while someone listens
    if (state.subscribers.size > 0 && !state.reconnect) {
      state.reconnect = setTimeout(() => {
        state.reconnect = null;
        if (state.subscribers.size > 0) ensureListening();
      }, RECONNECT_MS);
      state.reconnect.unref();
    }
  };
  client.on("notification", (message) => {
    if (message.channel === CHANNEL && message.payload) deliver(message.payload);
  });
  client.on("error", (error) => {
    console.error(`desk events listener: ${error.message}; reconnecting`);
    drop();
  });
  client.on("end", drop);
  client
    .connect()
    .then(() => client.query(`LISTEN ${CHANNEL}`))
    .then(() => {
      if (state.client !== client) return;
      state.listening = true;
      for (const callback of state.onListening) callback();
      state.onListening.clear();
    })
    .catch((error: unknown) => {
      console.error(`desk events listener could not start: ${String(error)}`);
      drop();
    });
}

/**
 * Calls `whenLive` once this instance's LISTEN is in place, so events committed from then on
 * reach its subscribers (at once when it already is).
 */
export function whenDeskEventsLive(whenLive: () => void): void {
  const state = bus();
  if (state.listening) whenLive();
  else state.onListening.add(whenLive);
}

/** Calls `listener` for every event of `storyId` until the returned function is called. */
export function subscribeDeskEvents(storyId: string, listener: Listener): () => void {
  const state = bus();
  const set = state.subscribers.get(storyId) ?? new Set<Listener>();
  set.add(listener);
  state.subscribers.set(storyId, set);
  ensureListening();
  return () => {
    set.delete(listener);
    if (set.size === 0) state.subscribers.delete(storyId);
    if (state.subscribers.size === 0 && state.client) {
      const client = state.client;
      state.client = null;
      state.listening = false;
      void client.end().catch(() => undefined);
    }
  };
}
