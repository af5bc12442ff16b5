import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { exitReason, restartDelay, supervise, type Supervisor } from "./supervise";

const running: Supervisor[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((supervisor) => supervisor.stop()));
});

describe("supervise", () => {
  it("waits longer after each quick crash, up to the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((crashes) => restartDelay(crashes, 1000, 30_000))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    expect(exitReason(3, null)).toBe("exit code 3");
    expect(exitReason(null, "SIGKILL")).toBe("killed by SIGKILL");
  });

  it("restarts a child that crashes, says why, and stops it for good on stop()", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "supervise-"));
    const counter = path.join(folder, "starts");
    const lines: string[] = [];
    // each start appends a line, then crashes with exit code 7
    const script = `require("fs").appendFileSync(${JSON.stringify(counter)}, "x\\n"); process.exit(7);`;
    const supervisor = supervise({ name: "test child", command: process.execPath, args: ["-e", script], spawnOptions: { stdio: "ignore" }, initialDelayMs: 20, maxDelayMs: 80, log: (line) => lines.push(line) });
    running.push(supervisor);
    await expect.poll(() => supervisor.restarts(), { timeout: 5000 }).toBeGreaterThanOrEqual(3);
    expect(lines[0]).toMatch(/the test child stopped \(exit code 7\); restarting in/);
    await supervisor.stop();
    const starts = readFileSync(counter, "utf8").length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(readFileSync(counter, "utf8").length).toBe(starts);
    expect(supervisor.state()).toBe("stopped");
    rmSync(folder, { recursive: true, force: true });
  });

  it("stops a running child with SIGTERM and does not restart it", async () => {
    const lines: string[] = [];
    const supervisor = supervise({ name: "sleeper", command: process.execPath, args: ["-e", "setInterval(() => {}, 1000)"], spawnOptions: { stdio: "ignore" }, log: (line) => lines.push(line) });
    await expect.poll(() => supervisor.state(), { timeout: 5000 }).toBe("running");
    await supervisor.stop();
    expect(supervisor.state()).toBe("stopped");
    expect(supervisor.restarts()).toBe(0);
    expect(lines).toEqual([]);
  });
});
