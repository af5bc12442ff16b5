import net from "node:net";
import { databaseEnv } from "@/lib/env";

/**
 * Whether this instance has seen its database go away, shared by the request-error hook
 * (instrumentation.ts marks it when a page fails with an unreachable database) and proxy.ts
 * (which then answers pages with a 503 and Retry-After instead of rendering them into a 500).
 * While marked, a TCP connection to the database's host and port is tried at most every
 * PROBE_INTERVAL_MS; once one succeeds the mark is cleared, so the app recovers by itself.
 * No `server-only` and no pg: proxy.ts and instrumentation.ts import this.
 */

const PROBE_INTERVAL_MS = 2_000;
const PROBE_TIMEOUT_MS = 1_000;

type DatabaseState = { downSince: number | null; lastProbe: number; probing: Promise<boolean> | null };

declare global {
  var __wiredeskDatabaseState: DatabaseState | undefined;
}

function state(): DatabaseState {
  globalThis.__wiredeskDatabaseState ??= { downSince: null, lastProbe: 0, probing: null };
  return globalThis.__wiredeskDatabaseState;
}

/** Records that a request failed because the database could not be reached. */
export function markDatabaseUnreachable(): void {
  const current = state();
  current.downSince ??= Date.now();
  current.lastProbe = Date.now();
}

function probe(connectionString: string): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname.replace(/^\[(.*)\]$/, "$1") || "localhost", port: Number(url.port || 5432) });
    const done = (reachable: boolean) => {
      socket.destroy();
      resolve(reachable);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** True while the database is known to be unreachable (probing again every few seconds). */
export async function databaseKnownDown(): Promise<boolean> {
  const current = state();
  if (current.downSince === null) return false;
  if (Date.now() - current.lastProbe < PROBE_INTERVAL_MS) return true;
  current.probing ??= probe(databaseEnv().DATABASE_URL).finally(() => {
    current.probing = null;
    current.lastProbe = Date.now();
  });
  const reachable = await current.probing;
  if (reachable) current.downSince = null;
  return !reachable;
}
