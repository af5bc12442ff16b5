/**
 * nginx serving the public site the publishing job wrote, with the configuration the README
 * gives (`try_files $uri $uri.html`): what a production static server costs, beside sirv. Runs
 * nginx in the foreground as one process (no master), so its CPU per request can be read from
 * /proc like the other servers'. Only used when an `nginx` binary is found (NGINX_BIN, or on
 * PATH, or /usr/sbin/nginx); the bench prints the sirv figures either way.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export type StaticServer = { baseUrl: string; pid: number | undefined; stop: () => Promise<void> };

/** The nginx binary to use, or null when none is installed. */
export function findNginx(): string | null {
  const candidates = [process.env.NGINX_BIN, "nginx", "/usr/sbin/nginx"].filter((value): value is string => Boolean(value));
  for (const candidate of candidates) {
    if (candidate.includes("/") && !existsSync(candidate)) continue;
    const probe = spawnSync(candidate, ["-v"], { encoding: "utf8" });
    if (probe.status === 0) return candidate;
  }
  return null;
}

/** Starts nginx on 127.0.0.1:`port` serving `folder` with the public site's Cache-Control; stop() ends it and removes its scratch folder. */
export async function startNginx(nginx: string, folder: string, port: number, cacheControl: string): Promise<StaticServer> {
  const scratch = await mkdtemp(path.join(tmpdir(), "wiredesk-bench-nginx-"));
  const config = `
daemon off;
master_process off;
worker_processes 1;
pid ${scratch}/nginx.pid;
error_log stderr error;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${scratch}/body;
  proxy_temp_path ${scratch}/proxy;
  fastcgi_temp_path ${scratch}/fastcgi;
  uwsgi_temp_path ${scratch}/uwsgi;
  scgi_temp_path ${scratch}/scgi;
  types { text/html html; application/atom+xml atom; application/rss+xml rss; }
  default_type application/octet-stream;
  sendfile on;
  tcp_nodelay on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:${port};
    root ${folder};
    location /explainers/ {
      try_files $uri $uri.html =404;
      add_header Cache-Control "${cacheControl}";
    }
    location = / { return 204; }
  }
}
`;
  const configFile = path.join(scratch, "nginx.conf");
  await writeFile(configFile, config);
  const child = spawn(nginx, ["-p", scratch, "-c", configFile, "-e", "stderr"], { stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGQUIT");
    await exited;
    await rm(scratch, { recursive: true, force: true });
  };
  return serverWhenReady({ baseUrl: `http://127.0.0.1:${port}`, pid: child.pid, stop }, () => child.exitCode === null, "nginx");
}

/** `server` once its root answers (polled for 10 s while `alive()`); else stops it and throws. */
export async function serverWhenReady(server: StaticServer, alive: () => boolean, name: string): Promise<StaticServer> {
  for (let i = 0; i < 100 && alive(); i++) {
    try {
      const res = await fetch(`${server.baseUrl}/`);
      await res.arrayBuffer();
      return server;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await server.stop();
  throw new Error(`${name} did not start`);
}
