import "server-only";
import path from "node:path";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import { parseUpload } from "./parse/parse-upload";
import type { ParseResult, UploadedFile } from "./parse/types";

/**
 * Large files are parsed in a small pool of worker threads, so a heavy HTML page or a long feed
 * never holds up the event loop that serves other requests, and a parse that runs over its time
 * budget is stopped (the thread is terminated) and the file refused with the reason. Ordinary
 * wire reports are a few KB and parse in milliseconds: they stay on the calling thread.
 */

/** Files at least this large go to the pool. */
export const OFF_THREAD_MIN_BYTES = 32 * 1024;
/** How long parsing one file may take (a 1 MB news page takes a few seconds on a busy server). */
export const PARSE_TIME_BUDGET_MS = 30_000;
/** What a thread may take to start (load the parser) before the budget starts counting; a thread that never starts is a failure too. */
const THREAD_START_ALLOWANCE_MS = 60_000;
/** Threads in the pool: enough to keep parsing while requests are served, few enough to leave cores for them. */
const POOL_THREADS = 2;
/** Files waiting for a thread beyond this are refused at once rather than queued without end. */
const MAX_QUEUED = 32;

const globalPool = globalThis as unknown as { wiredeskParsePool?: Piscina };

function parsePool(): Piscina {
  globalPool.wiredeskParsePool ??= new Piscina({
    // resolved from the project folder: the worker runs the parser's sources, not the app's bundle
    filename: path.join(process.cwd(), "lib/reports/parse/parse-worker.mjs"),
    minThreads: 0,
    maxThreads: POOL_THREADS,
    idleTimeout: 60_000,
    maxQueue: MAX_QUEUED,
  });
  return globalPool.wiredeskParsePool;
}

export type ParseBudget = { timeMs?: number; minBytes?: number };

/**
 * Parses one uploaded or fetched file as parseUpload does, off the calling thread when it is
 * large. Never throws for the file's sake: over the time budget, or with the pool full, the
 * file is refused with a reason that says so.
 */
export async function parseUploadOffThread(file: UploadedFile, budget: ParseBudget = {}): Promise<ParseResult> {
  if (file.bytes.byteLength < (budget.minBytes ?? OFF_THREAD_MIN_BYTES)) return parseUpload(file);
  const timeMs = budget.timeMs ?? PARSE_TIME_BUDGET_MS;
  const controller = new AbortController();
  const { port1: startedPort, port2: started } = new MessageChannel();
  let overBudget = false;
  let budgetTimer: NodeJS.Timeout | undefined;
  startedPort.once("message", () => {
    budgetTimer = setTimeout(() => {
      overBudget = true;
      controller.abort();
    }, timeMs);
  });
  const startTimer = setTimeout(() => controller.abort(), timeMs + THREAD_START_ALLOWANCE_MS);
  try {
    const payload = { name: file.name, bytes: file.bytes, contentType: file.contentType ?? null };
    return (await parsePool().run({ file: payload, started }, { signal: controller.signal, transferList: [started] })) as ParseResult;
  } catch (error) {
    if (overBudget) {
      return { ok: false, format: null, code: "too-large", error: `${file.name}: reading it took longer than ${formatSeconds(timeMs)}, the limit; the file was refused. Is it a whole web page? Import the article text instead.` };
    }
    if (controller.signal.aborted) {
      return { ok: false, format: null, code: "invalid", error: `${file.name}: the desk could not start reading it in time; import it again in a minute.` };
    }
    if (error instanceof Error && /queue is at limit/i.test(error.message)) {
      return { ok: false, format: null, code: "too-large", error: `${file.name}: the desk is busy reading other large files; import this one again in a minute.` };
    }
    throw error;
  } finally {
    clearTimeout(budgetTimer);
    clearTimeout(startTimer);
    startedPort.close();
  }
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

/** Stops the pool's threads (scripts and tests that end their process). */
export async function closeParsePool(): Promise<void> {
  const pool = globalPool.wiredeskParsePool;
  globalPool.wiredeskParsePool = undefined;
  await pool?.destroy();
}
