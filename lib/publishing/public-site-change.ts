import "server-only";
import type { Tx } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/queue";
import { bumpPublicSiteVersion } from "./public-site-version";

/** Jobs that write the static site run one at a time, in order, so an older feed never overwrites a newer one. */
export const PUBLIC_OUTPUT_QUEUE = "public-output";
/** Attempts for the static output and the CDN purge: graphile-worker backs off exponentially, about three hours in all. */
export const PUBLIC_OUTPUT_MAX_ATTEMPTS = 10;

/**
 * Records, in the caller's transaction, that what readers see of `slug` (and so the feeds)
 * changed: the public site version moves, so every app instance re-renders on its next request,
 * and a job is queued to rewrite the static output and purge the CDN (retried on failure).
 * Called by publish, correct and unpublish, and by anything else that changes a live page.
 */
export async function recordPublicSiteChange(tx: Tx, slug: string): Promise<void> {
  await bumpPublicSiteVersion(tx);
  // one pending job per slug: ten quick changes rewrite it once, with the latest state
  await enqueueJob(tx, "publish-public-output", { slug }, { jobKey: `public-output:${slug}`, queueName: PUBLIC_OUTPUT_QUEUE, maxAttempts: PUBLIC_OUTPUT_MAX_ATTEMPTS });
}
