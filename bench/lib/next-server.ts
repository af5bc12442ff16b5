/**
 * Starts the production build with `next start` on 127.0.0.1 for benchmarks, signs in through
 * next-auth's credentials flow, and times requests. Only ever talks to the loopback address.
 */
import { spawn, type ChildProcess } from "node:child_process";

const HOST = "127.0.0.1";

export { freePort } from "../../lib/testing/free-port";

export type NextServer = { baseUrl: string; pid: number | undefined; output: () => string; stop: () => Promise<void> };

/** Spawns `next start` in its own process group and waits until /login answers. */
export async function startNextServer(options: { port: number; env: Record<string, string>; readyTimeoutMs: number }): Promise<NextServer> {
  const baseUrl = `http://${HOST}:${options.port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(options.port), "-H", HOST],
    { env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));

  const stop = async () => {
    if (exited || child.pid === undefined) return;
    const signal = (name: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, name); // the group we created: next and anything it forked
      } catch {
        /* already gone */
      }
    };
    signal("SIGTERM");
    const timer = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000));
    if (!(await Promise.race([exitedPromise.then(() => true), timer]))) {
      signal("SIGKILL");
      await exitedPromise;
    }
  };

  const server: NextServer = { baseUrl, pid: child.pid, output: () => lines.slice(-40).join("\n"), stop };
  const deadline = Date.now() + options.readyTimeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`next start exited before it was ready. Its output:\n${server.output()}`);
    try {
      const res = await fetch(`${baseUrl}/login`, { redirect: "manual", signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status < 500) return server;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`next start was not ready within ${options.readyTimeoutMs} ms. Its output:\n${server.output()}`);
}

function cookiePairs(res: Response): string[] {
  return res.headers.getSetCookie().map((cookie) => cookie.split(";", 1)[0]!);
}

/** next-auth v4 credentials sign-in; returns the Cookie header value for the session. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { signal: AbortSignal.timeout(30_000) });
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error("GET /api/auth/csrf returned no csrfToken");

  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = await res.text();
  const session = cookiePairs(res).find((pair) => pair.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`Sign-in failed: ${res.status}, no next-auth.session-token cookie. Body: ${body.slice(0, 300)}`);
  return session;
}

export type Timed = { ms: number; ttfbMs: number; status: number; body: string };

/** One GET, timed from sending to the last byte of the body (and to the headers, as TTFB). */
export async function timedGet(url: string, cookie?: string): Promise<Timed> {
  const started = performance.now();
  const res = await fetch(url, {
    redirect: "manual",
    headers: cookie ? { cookie } : {},
    signal: AbortSignal.timeout(30_000),
  });
  const ttfbMs = performance.now() - started;
  const body = await res.text();
  return { ms: performance.now() - started, ttfbMs, status: res.status, body };
}
