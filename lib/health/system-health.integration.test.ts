import { afterEach, describe, expect, it } from "vitest";
import "@/lib/testing/integration-setup";
import { db } from "@/lib/db/client";
import { createCollabServer } from "@/lib/collab/collab-server";
import { getSystemHealth } from "./system-health";
import { GET } from "@/app/api/health/route";

const saved = { collab: process.env.WIREDESK_COLLAB, url: process.env.COLLAB_INTERNAL_URL };
afterEach(() => {
  process.env.WIREDESK_COLLAB = saved.collab;
  if (saved.url === undefined) delete process.env.COLLAB_INTERNAL_URL;
  else process.env.COLLAB_INTERNAL_URL = saved.url;
});

describe("desk health", () => {
  it("says co-editing is off when it is switched off, and the desk is otherwise fine", async () => {
    process.env.WIREDESK_COLLAB = "0";
    const health = await getSystemHealth();
    expect(health.parts.database.state).toBe("up");
    expect(health.parts.collaboration.state).toBe("off");
    // other test files leave jobs for the worker none of them runs: the queue decides, not this test
    expect(["up", "degraded"]).toContain(health.parts.worker.state);
    expect(health.status).toBe(health.parts.worker.state === "up" ? "ok" : "degraded");
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("reports a collaboration server that does not answer as down (degraded desk, still 200), and one that runs as up", async () => {
    process.env.WIREDESK_COLLAB = "1";
    const server = createCollabServer({ port: 0, address: "127.0.0.1", secret: "health-test-secret-0123456789abcdef0123", log: () => undefined });
    await server.listen();
    const port = server.address.port;
    try {
      process.env.COLLAB_INTERNAL_URL = `http://127.0.0.1:${port}`;
      const up = await getSystemHealth();
      expect(up.parts.collaboration).toMatchObject({ state: "up" });
    } finally {
      await server.destroy();
    }
    const down = await getSystemHealth();
    expect(down.parts.collaboration.state).toBe("down");
    expect(down.status).toBe("degraded");
    expect((await GET()).status).toBe(200);
  });

  it("reports a job left waiting with no worker to take it", async () => {
    process.env.WIREDESK_COLLAB = "0";
    await db.$executeRaw`SELECT graphile_worker.add_job('analyze-report', '{"reportId":"00000000-0000-7000-8000-000000000000"}'::json, run_at => now() - interval '10 minutes', job_key => 'health-test-stalled')`;
    try {
      const health = await getSystemHealth();
      expect(health.parts.worker.state).toBe("degraded");
      expect(health.parts.worker.detail).toMatch(/waiting over 2 min/);
    } finally {
      await db.$executeRaw`SELECT graphile_worker.remove_job('health-test-stalled')`;
    }
  });
});
