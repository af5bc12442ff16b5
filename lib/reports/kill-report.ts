import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { invalid } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { loadReportMembers, placeMembers, refreshFactSummaries } from "@/lib/facts/fact-members";
import { queueStoryReanalysis } from "@/lib/facts/queue-analysis";
import { refreshStoryCountry } from "@/lib/facts/story-country";
import { lockStoryFacts } from "@/lib/facts/story-lock";
import { flagExplainersCiting } from "@/lib/review/flag-re-review";
import { sourceKey } from "./normalize-text";
import { ZKillNotice } from "./schemas";

export type KillReportResult =
  | { outcome: "killed"; reportId: string; version: number; flaggedClaims: number; flaggedExplainers: number }
  /** the report was already killed: a kill notice sent twice changes nothing */
  | { outcome: "duplicate"; reportId: string; version: number };

/**
 * Applies a source's kill notice: the report it names (same external id in the story, and the
 * same source when the notice names one) is marked killed, every claim taken from it is flagged
 * for an editor, and every explainer citing those claims (or the facts they belong to) is
 * flagged for re-review. A notice for a report the story does not have is refused.
 */
export async function killReport(actor: Actor, input: unknown): Promise<KillReportResult> {
  assertCan(actor, "report.import");
  const data = parseInput(ZKillNotice, input);
  if (!data.externalId) {
    throw invalid("The kill notice does not name the report it withdraws (it has no external id), so it cannot be matched. Kill the report by hand.");
  }
  const externalId = data.externalId;
  return db.$transaction(async (tx) => {
    // FOR UPDATE: a kill and a metadata correction or a second kill of one report go one by one
    const [report] = await tx.$queryRaw<{ id: string; currentVersion: number; killedAt: Date | null; source: string | null; headline: string }[]>`
      SELECT r.id, r."currentVersion", r."killedAt", src.name AS source, r.headline
      FROM "Report" r LEFT JOIN "Source" src ON src.id = r."sourceId"
      WHERE r."storyId" = ${data.storyId}::uuid AND r."externalId" = ${externalId}
      FOR UPDATE OF r`;
    if (!report) {
      throw invalid(`Kill notice refused: this story has no report with the external id “${externalId}”. Nothing was killed.`);
    }
    if (data.source && report.source && sourceKey(data.source) !== sourceKey(report.source)) {
      throw invalid(`Kill notice refused: it comes from ${data.source}, but the report with that external id is from ${report.source}. Nothing was killed.`);
    }
    if (report.killedAt) return { outcome: "duplicate", reportId: report.id, version: report.currentVersion };

    const killedAt = new Date();
    const note = (data.note || "The source withdrew this report.").slice(0, 1000);
    await tx.report.update({ where: { id: report.id }, data: { killedAt, killNote: note, version: { increment: 1 } } });
    const reason = `Its report was killed by the source: ${note}`.slice(0, 1000);
    const claims = await tx.claim.findMany({ where: { reportId: report.id }, select: { id: true, factId: true } });
    await tx.claim.updateMany({ where: { reportId: report.id }, data: { flagReason: reason } });
    const factIds = [...new Set(claims.map((claim) => claim.factId).filter((id): id is string => id !== null))];
    const facts = await withdrawFromFacts(tx, data.storyId, report.id);
    // the killed report no longer counts towards the story's main country either (cheap: each
    // report's country counts are stored); the claims' features follow in a queued re-analysis
    if ((await refreshStoryCountry(tx, data.storyId)).stale) await queueStoryReanalysis(tx, data.storyId);
    const explainers = await flagExplainersCiting(
      tx,
      actor,
      { storyId: data.storyId, claimIds: claims.map((claim) => claim.id), factIds: [...new Set([...factIds, ...facts])] },
      `A cited report was killed by its source: “${report.headline.slice(0, 120)}”. ${note}`,
    );
    await audit(tx, {
      actorId: actor.id,
      apiTokenId: actor.apiTokenId,
      action: "report.kill",
      entityType: "report",
      entityId: report.id,
      storyId: data.storyId,
      before: { killedAt: null },
      after: { killedAt: killedAt.toISOString(), killNote: note, flaggedClaims: claims.length, flaggedExplainers: explainers, refreshedFacts: facts },
    });
    return { outcome: "killed", reportId: report.id, version: report.currentVersion, flaggedClaims: claims.length, flaggedExplainers: explainers.length };
  });
}

/**
 * A killed report corroborates nothing: its claims and suggestions leave their facts (even where
 * an editor placed them), and those facts' outlets and counts are recomputed now. Analysis
 * never puts them back (fact-members treats a killed report's members as stale).
 */
async function withdrawFromFacts(tx: Tx, storyId: string, reportId: string): Promise<string[]> {
  await lockStoryFacts(tx, storyId);
  const { current, stale } = await loadReportMembers(tx, [reportId]);
  const members = [...current, ...stale].filter((member) => member.factId !== null);
  if (members.length === 0) return [];
  await tx.claim.updateMany({ where: { reportId }, data: { factPinned: false } });
  await tx.claimSuggestion.updateMany({ where: { reportId }, data: { factPinned: false } });
  const unlinked = await placeMembers(tx, members.map((member) => ({ id: member.id, kind: member.kind, factId: null })), { onlyUnplaced: false });
  const factIds = [...new Set([...members.map((member) => member.factId!), ...unlinked])];
  await refreshFactSummaries(tx, storyId, factIds);
  return factIds;
}
