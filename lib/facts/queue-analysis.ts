import "server-only";
import type { Tx } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/queue";

/*
 * Hooks the rest of the desk calls inside its own transactions (import, tag, accept, dismiss,
 * retire): the job is queued exactly when the change commits, and the request returns at once.
 */

/**
 * Queues (or re-queues) the fact analysis of one report. With `countProgress` (imports) the
 * report also counts as pending on the Facts tab; tagging passes false, because it holds the
 * report row FOR SHARE and two editors tagging one report would deadlock upgrading that lock.
 */
export async function queueReportAnalysis(tx: Tx, reportId: string, options: { countProgress?: boolean; runAt?: Date | null } = {}): Promise<void> {
  if (options.countProgress ?? true) {
    await tx.$executeRaw`UPDATE "Report" SET "analysisRequested" = "analysisRequested" + 1, "analysisError" = NULL WHERE id = ${reportId}::uuid`;
  }
  await enqueueJob(tx, "analyze-report", { reportId }, { jobKey: `analyze-report:${reportId}`, runAt: options.runAt ?? null });
}

/** Queues a summary refresh of a fact that lost or changed a member outside analysis. */
export async function queueFactRefresh(tx: Tx, storyId: string, factId: string | null | undefined): Promise<void> {
  if (!factId) return;
  await enqueueJob(tx, "refresh-fact", { storyId, factId }, { jobKey: `refresh-fact:${factId}` });
}

/** The job key of a story's re-analysis: one queued run per story, however often it is asked for. */
export function storyReanalysisJobKey(storyId: string): string {
  return `reanalyze-story:${storyId}`;
}

/** Queues a re-analysis of every member of a story (its main country changed, or an editor asked). */
export async function queueStoryReanalysis(tx: Tx, storyId: string): Promise<void> {
  await enqueueJob(tx, "reanalyze-story", { storyId }, { jobKey: storyReanalysisJobKey(storyId) });
}
