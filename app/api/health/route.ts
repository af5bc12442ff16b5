import { getSystemHealth } from "@/lib/health/system-health";

export const dynamic = "force-dynamic";

/**
 * Health of each part of the desk for load balancers and supervisors: 200 while the database
 * answers (co-editing or the worker being down degrades the desk but does not stop it), 503
 * with Retry-After when it does not.
 */
export async function GET(): Promise<Response> {
  const health = await getSystemHealth();
  const down = health.status === "down";
  return Response.json(health, {
    status: down ? 503 : 200,
    headers: { "Cache-Control": "no-store", ...(down ? { "Retry-After": "10" } : {}) },
  });
}
