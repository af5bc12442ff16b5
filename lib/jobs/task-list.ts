import "server-only";
import { z } from "zod";
import type { JobHelpers, TaskList } from "graphile-worker";
import { analyzeReport, recordAnalysisFailure } from "@/lib/facts/analyze-report";
import { reanalyzeStory } from "@/lib/facts/reanalyze-story";
import { refreshFact } from "@/lib/facts/refresh-fact";
import { writePublicOutput } from "@/lib/publishing/write-public-output";
import { pollFeedSource, queueDueFeedPolls } from "@/lib/feeds/poll-feed-source";
import type { JobName } from "./queue";

const ZReportJob = z.object({ reportId: z.uuid() });
const ZStoryJob = z.object({ storyId: z.uuid() });
const ZFactJob = z.object({ storyId: z.uuid(), factId: z.uuid() });
const ZPublicOutputJob = z.object({ slug: z.string().min(1).max(200) });
const ZFeedJob = z.object({ feedSourceId: z.uuid() });

/** True on the queue's last attempt at this job: a failure now is final. */
function lastAttempt(helpers: JobHelpers): boolean {
  return helpers.job.attempts >= helpers.job.max_attempts;
}

/** What each queued job does. Payloads are parsed: a malformed job fails loudly, it does not guess. */
export const taskList = {
  "analyze-report": async (payload, helpers) => {
    const { reportId } = ZReportJob.parse(payload);
    try {
      const result = await analyzeReport(reportId);
      helpers.logger.info(`analysed report ${reportId}: ${result.members} claims, ${result.joined} joined facts, ${result.created} new facts`);
    } catch (error) {
      if (lastAttempt(helpers)) await recordAnalysisFailure(reportId, error instanceof Error ? error.message : String(error));
      throw error;
    }
  },
  "reanalyze-story": async (payload) => {
    const { storyId } = ZStoryJob.parse(payload);
    await reanalyzeStory(storyId);
  },
  "refresh-fact": async (payload) => {
    const { storyId, factId } = ZFactJob.parse(payload);
    await refreshFact(storyId, factId);
  },
  "publish-public-output": async (payload, helpers) => {
    const { slug } = ZPublicOutputJob.parse(payload);
    const result = await writePublicOutput(slug);
    helpers.logger.info(`public output for ${slug}: wrote ${result.written.length} file(s) to ${result.target ?? "nowhere (PUBLIC_OUTPUT=off)"}; purged ${result.purged.length} URL(s)`);
  },
  // a feed's own failures are recorded on the source (which backs off), so this throws only
  // when the database does: then the queue's retry is the right answer
  "poll-feed-source": async (payload, helpers) => {
    const { feedSourceId } = ZFeedJob.parse(payload);
    const outcome = await pollFeedSource(feedSourceId);
    if (outcome.status === "fetched") helpers.logger.info(`feed source ${feedSourceId}: ${outcome.results.length} items, ${outcome.taken} taken`);
    if (outcome.status === "failed") helpers.logger.info(`feed source ${feedSourceId} failed: ${outcome.error}`);
  },
  "poll-due-feeds": async () => {
    await queueDueFeedPolls();
  },
} satisfies Record<JobName, TaskList[string]>;
