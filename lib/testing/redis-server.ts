/**
 * A throw-away Redis for tests: Debian's `redis-server` on a free port, keeping nothing on disk.
 * Tests that share documents between collaboration servers start their own rather than depend
 * on one that happens to run; `.ci/run` installs the package when it is missing.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { freePort } from "./free-port";
import { redisAnswers } from "./redis-reachable";

/** The redis-server binary, or null when it is not installed. */
export const redisServerBinary: string | null = ["/usr/bin/redis-server", "/usr/local/bin/redis-server", "/opt/homebrew/bin/redis-server"].find((candidate) => existsSync(candidate)) ?? null;

export type TestRedis = { url: string; process: ChildProcess; stop: () => Promise<void> };


/** Starts a Redis on a free port and resolves once it answers. */
export async function startTestRedis(): Promise<TestRedis> {
  if (!redisServerBinary) throw new Error("redis-server is not installed (apt-get install redis-server)");
  const port = await freePort();
  const child = spawn(redisServerBinary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const url = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100 && !(await redisAnswers(url)); attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
  };
  return { url, process: child, stop };
}
