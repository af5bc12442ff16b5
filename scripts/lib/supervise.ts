/**
 * Keeps a child process running: restarts it when it stops on its own, waiting longer after each
 * quick crash (1 s, 2 s, 4 s … up to `maxDelayMs`), and says why it stopped. A child that ran
 * for `healthyAfterMs` counts as healthy again, so one crash a day does not wait 30 s.
 * `npm start` uses it for the job worker and the collaboration server; in production a real
 * supervisor (systemd, a container orchestrator) does the same for each process.
 */
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

export type SupervisedState = "starting" | "running" | "restarting" | "stopped";

export type Supervisor = {
  readonly name: string;
  state: () => SupervisedState;
  restarts: () => number;
  /** stops the child (SIGTERM, then SIGKILL after `killAfterMs`) and does not restart it */
  stop: () => Promise<void>;
};

export type SuperviseOptions = {
  name: string;
  command: string;
  args: string[];
  spawnOptions?: SpawnOptions;
  initialDelayMs?: number;
  maxDelayMs?: number;
  healthyAfterMs?: number;
  killAfterMs?: number;
  log?: (line: string) => void;
};

/** Describes how a child ended, for the log line. */
export function exitReason(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `killed by ${signal}`;
  return `exit code ${code ?? "unknown"}`;
}

/** The wait before the next restart, given how many quick crashes came before it. */
export function restartDelay(quickCrashes: number, initialDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, initialDelayMs * 2 ** Math.max(0, quickCrashes - 1));
}

/** Starts the child now and keeps it running until `stop()`. */
export function supervise(options: SuperviseOptions): Supervisor {
  const log = options.log ?? ((line: string) => console.error(line));
  const initialDelayMs = options.initialDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const healthyAfterMs = options.healthyAfterMs ?? 60_000;
  let child: ChildProcess | null = null;
  let state: SupervisedState = "starting";
  let stopping = false;
  let quickCrashes = 0;
  let restarts = 0;
  let timer: NodeJS.Timeout | null = null;

  const start = () => {
    timer = null;
    const startedAt = Date.now();
    state = "starting";
    const current = spawn(options.command, options.args, options.spawnOptions ?? { stdio: "inherit" });
    child = current;
    current.once("spawn", () => {
      if (child === current && !stopping) state = "running";
    });
    current.once("error", (error) => log(`wiredesk: could not start the ${options.name}: ${error.message}`));
    current.once("exit", (code, signal) => {
      if (child === current) child = null;
      if (stopping) {
        state = "stopped";
        return;
      }
      quickCrashes = Date.now() - startedAt >= healthyAfterMs ? 1 : quickCrashes + 1;
      const delay = restartDelay(quickCrashes, initialDelayMs, maxDelayMs);
      state = "restarting";
      restarts += 1;
      log(`wiredesk: the ${options.name} stopped (${exitReason(code, signal)}); restarting in ${Math.round(delay / 100) / 10} s.`);
      timer = setTimeout(start, delay);
    });
  };
  start();

  return {
    name: options.name,
    state: () => state,
    restarts: () => restarts,
    stop: async () => {
      stopping = true;
      if (timer) clearTimeout(timer);
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) {
        state = "stopped";
        return;
      }
      const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
      running.kill("SIGTERM");
      const killer = setTimeout(() => running.kill("SIGKILL"), options.killAfterMs ?? 20_000);
      await exited;
      clearTimeout(killer);
      state = "stopped";
    },
  };
}
