import "server-only";
import { db } from "@/lib/db/client";
import { collabInternalUrl } from "@/lib/collab/flush-shared-document";
import { collabLinkEnv } from "@/lib/env";

export type PartHealth = { state: "up" | "down" | "degraded" | "off"; detail: string };
export type SystemHealth = { status: "ok" | "degraded" | "down"; checkedAt: string; parts: { database: PartHealth; collaboration: PartHealth; worker: PartHealth } };

/** A job runnable for this long and still not taken means no worker is taking jobs. */
const WORKER_STALL_SECONDS = 120;
const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_resolve, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS / 1000} s`)), CHECK_TIMEOUT_MS).unref()),
  ]);
}

async function databaseHealth(): Promise<PartHealth> {
  const started = performance.now();
  try {
    await withTimeout(db.$queryRaw`SELECT 1`, "PostgreSQL");
    return { state: "up", detail: `answered in ${Math.round(performance.now() - started)} ms` };
  } catch (error) {
    return { state: "down", detail: (error as Error).message.split("\n")[0] ?? "unreachable" };
  }
}

async function collaborationHealth(): Promise<PartHealth> {
  if (collabLinkEnv().WIREDESK_COLLAB === "0") return { state: "off", detail: "live co-editing is switched off (WIREDESK_COLLAB=0)" };
  try {
    const response = await withTimeout(fetch(new URL("/health", collabInternalUrl()), { cache: "no-store" }), "The collaboration server");
    const body = (await response.json()) as { storage?: string; failingDocuments?: number; openDocuments?: number };
    if (!response.ok) return { state: "down", detail: `answered ${response.status}` };
    if (body.storage === "failing") return { state: "degraded", detail: `${body.failingDocuments ?? "some"} open document(s) could not be stored; kept in memory and retried` };
    return { state: "up", detail: `${body.openDocuments ?? 0} open document(s)` };
  } catch (error) {
    return { state: "down", detail: `not reachable: ${String((error as Error).cause ?? (error as Error).message)}` };
  }
}

async function workerHealth(): Promise<PartHealth> {
  try {
    const [row] = await withTimeout(
      db.$queryRaw<{ waiting: bigint; stalled: bigint }[]>`
        SELECT count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at <= now()) AS waiting,
               count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at < now() - make_interval(secs => ${WORKER_STALL_SECONDS})) AS stalled
        FROM graphile_worker.jobs`,
      "The job queue",
    );
    const waiting = Number(row?.waiting ?? 0);
    const stalled = Number(row?.stalled ?? 0);
    if (stalled > 0) return { state: "degraded", detail: `${stalled} job(s) waiting over ${WORKER_STALL_SECONDS / 60} min: is a worker running?` };
    return { state: "up", detail: `${waiting} job(s) waiting` };
  } catch (error) {
    return { state: "down", detail: (error as Error).message.split("\n")[0] ?? "unreachable" };
  }
}

/**
 * The state of each part of the desk: the database (without it nothing works), the
 * collaboration server (co-editing) and the job worker (judged by its queue: a job left waiting
 * means no worker takes them, wherever the workers run).
 */
export async function getSystemHealth(): Promise<SystemHealth> {
  const [database, collaboration, worker] = await Promise.all([databaseHealth(), collaborationHealth(), workerHealth()]);
  const status = database.state === "down" ? "down" : [collaboration, worker].some((part) => part.state === "down" || part.state === "degraded") ? "degraded" : "ok";
  return { status, checkedAt: new Date().toISOString(), parts: { database, collaboration, worker } };
}
