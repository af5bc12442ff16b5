/**
 * `npm start`: the whole desk with one command. Finds the database (DATABASE_URL, or an
 * embedded PostgreSQL in .data/postgres), applies migrations, seeds the demo desk when the
 * database has nobody in it, builds when the sources changed, and serves the app. Ctrl-C stops
 * the app and the embedded PostgreSQL cleanly. `npm run dev` does the same with `next dev`.
 * A job-queue worker (scripts/worker.ts) runs beside the app as a child process, unless
 * WIREDESK_WORKER=0 (workers then run elsewhere: `npm run worker`). So does the collaboration
 * (websocket) server for live co-editing on COLLAB_PORT (default 3001), unless WIREDESK_COLLAB=0.
 * Both are restarted with back-off when they stop on their own (scripts/lib/supervise.ts).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import net from "node:net";
import { runWithDatabase } from "./lib/run-with-database";
import { buildIsCurrent, sourceHash, STAMP_FILE } from "./lib/build-stamp";
import { ensureAuthSecret } from "./lib/auth-secret";
import { printDemoLogins } from "./lib/print-demo-logins";
import { exitReason, supervise, type Supervisor } from "./lib/supervise";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const collabPort = Number(process.env.COLLAB_PORT ?? 3001);
const runCollab = process.env.WIREDESK_COLLAB !== "0";

function portIsFree(candidate: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(candidate);
  });
}

const nextBin = "node_modules/next/dist/bin/next";

await runWithDatabase(
  async (database) => {
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number, got "${process.env.PORT}".`);
    if (runCollab && (!Number.isInteger(collabPort) || collabPort < 1 || collabPort > 65535 || collabPort === port)) {
      throw new Error(`COLLAB_PORT must be a port number other than PORT, got "${process.env.COLLAB_PORT}".`);
    }
    if (runCollab && !(await portIsFree(collabPort))) {
      console.error(`wiredesk: port ${collabPort} (collaboration server) is already in use. Stop whatever uses it, or run with COLLAB_PORT=<another port>.`);
      await database.stop();
      process.exit(1);
    }
    if (!(await portIsFree(port))) {
      console.error(`wiredesk: port ${port} is already in use. Stop whatever uses it, or run with PORT=<another port>.`);
      await database.stop();
      process.exit(1);
    }

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: ensureAuthSecret(),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      COLLAB_PORT: String(collabPort),
    };
    Object.assign(process.env, env);

    const { deskIsEmpty, seedDemoDesk, DEMO_PEOPLE } = await import("../lib/demo/seed-demo-desk");
    if (await deskIsEmpty()) {
      // the demo logins are public (README), so they go only into the project's own embedded
      // database, or anywhere else when explicitly asked for
      if (database.source === "embedded" || process.env.WIREDESK_DEMO === "1") {
        console.log("Empty database: creating the demo desk…");
        const summary = await seedDemoDesk();
        printDemoLogins(DEMO_PEOPLE.filter((person) => summary.peopleCreated.includes(person.email)));
      } else {
        console.log(
          'Empty database and no demo data (its logins are public). Create the first admin with\n  npm run create-admin -- --email you@example.org --name "Your Name"\nor restart with WIREDESK_DEMO=1 for the demo desk.',
        );
      }
    }

    if (!dev && !buildIsCurrent()) {
      console.log("Building Wiredesk (first start or sources changed; takes a minute or two)…");
      const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
      if (build.status !== 0) {
        console.error("wiredesk: the build failed; see the output above.");
        await database.stop();
        process.exit(1);
      }
      writeFileSync(STAMP_FILE, sourceHash());
    }

    // the worker and the collaboration server are restarted with back-off when they stop on
    // their own; the app itself stopping ends the whole desk (there is nothing left to serve)
    const tsxArgs = (script: string) => ["--import", "tsx", "--conditions=react-server", script];
    const worker: Supervisor | undefined =
      process.env.WIREDESK_WORKER === "0"
        ? undefined
        : supervise({ name: "job worker", command: process.execPath, args: tsxArgs("scripts/worker.ts"), spawnOptions: { stdio: "inherit", env } });
    const collab: Supervisor | undefined = runCollab
      ? supervise({ name: "collaboration server", command: process.execPath, args: tsxArgs("scripts/collab.ts"), spawnOptions: { stdio: "inherit", env } })
      : undefined;
    const app: ChildProcess = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", String(port)], { stdio: "inherit", env });
    console.log(`\nWiredesk is starting at http://localhost:${port} (Ctrl-C to stop)\n`);

    let stopping = false;
    const shutdown = async (code: number) => {
      if (stopping) return;
      stopping = true;
      // the worker finishes its running jobs and the collaboration server stores its open
      // documents before the database goes away
      const stopApp = async () => {
        if (app.exitCode !== null || app.signalCode !== null) return;
        app.kill("SIGTERM");
        await new Promise((resolve) => app.once("exit", resolve));
      };
      await Promise.all([stopApp(), worker?.stop(), collab?.stop()]);
      await database.stop();
      process.exit(code);
    };
    process.on("SIGINT", () => void shutdown(0));
    process.on("SIGTERM", () => void shutdown(0));
    app.on("exit", (code, signal) => {
      if (!stopping) console.error(`wiredesk: the web app stopped (${exitReason(code, signal)}); stopping the desk.`);
      void shutdown(code ?? 1);
    });
  },
  { keepRunning: true },
);
