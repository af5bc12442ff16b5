import "server-only";
import { db } from "@/lib/db/client";
import { ANALYSIS_VERSION } from "@/lib/analysis/facts";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { refreshGarbledPassages } from "@/lib/reports/garbled-passages";
import { ANALYSIS_TRANSACTION, loadExistingFacts } from "./analyze-report";
import { ensureFeatures, loadReportMembers, placeMembers, refreshFactSummaries } from "./fact-members";
import { ZReanalyzeStory } from "./schemas";
import { placeAnalysedMembers } from "./further-facts";
import { queueStoryReanalysis } from "./queue-analysis";
import { workOutStoryCountry } from "./story-country";
import { lockStoryFacts } from "./story-lock";

/** Queues a re-grouping of the story's facts (the editors' "Re-analyse" button). */
export async function requestStoryReanalysis(actor: Actor, input: unknown): Promise<{ storyId: string }> {
  assertCan(actor, "fact.edit");
  const { storyId } = parseInput(ZReanalyzeStory, input);
  await db.$transaction(async (tx) => {
    const story = await tx.story.findUnique({ where: { id: storyId }, select: { id: true } });
    if (!story) throw notFound("That story");
    await queueStoryReanalysis(tx, storyId);
    await audit(tx, { actorId: actor.id, action: "facts.reanalyze", entityType: "story", entityId: storyId, storyId });
  });
  return { storyId };
}

/**
 * The reanalyze-story job: checks each report's current text for garbled passages again, works
 * out the story's main country again, recomputes every member's features with the current
 * analysis and groups again every member an editor has not placed. Pinned members stay where
 * they are and locked (confirmed, split or merged) facts keep all their members; the rest is
 * regrouped against them. Queued by editors and whenever the story's main country changes.
 */
export async function reanalyzeStory(storyId: string): Promise<{ members: number; regrouped: number; facts: number }> {
  return db.$transaction(async (tx) => {
    await lockStoryFacts(tx, storyId);
    const reportIds = (await tx.report.findMany({ where: { storyId }, select: { id: true } })).map((report) => report.id);
    // reports imported before garbled passages were looked for are checked now, so their claims
    // stop counting as corroboration until an editor confirms them
    await refreshGarbledPassages(tx, reportIds);
    // every member's features are recomputed below, so a changed country needs no further run
    // (the story row is written last, as an import writes it after its report rows)
    const storyCountry = await workOutStoryCountry(tx, storyId);
    const { current, stale } = await loadReportMembers(tx, reportIds);
    const locked = new Set(
      (await tx.fact.findMany({ where: { storyId, OR: [{ locked: true }, { state: "CONFIRMED" }] }, select: { id: true } })).map((fact) => fact.id),
    );
    const touched = new Set<string>();
    for (const member of [...current, ...stale]) if (member.factId) touched.add(member.factId);
    const leaving = stale.filter((member) => member.factId && !member.pinned);
    const regroup = current.filter((member) => !member.pinned && !(member.factId && locked.has(member.factId)));
    const unlinked = await placeMembers(tx, [...leaving, ...regroup].map((member) => ({ id: member.id, kind: member.kind, factId: null })), { onlyUnplaced: false });
    for (const factId of unlinked) touched.add(factId);
    await ensureFeatures(tx, current, { force: true, story: storyCountry });

    const existing = await loadExistingFacts(tx, storyId, new Set(regroup.map((member) => member.id)));
    const placement = await placeAnalysedMembers(tx, storyId, existing, regroup);
    for (const factId of placement.touched) touched.add(factId);
    await refreshFactSummaries(tx, storyId, touched);
    await storyCountry.save();
    await tx.$executeRaw`UPDATE "Story" SET "groupedWith" = ${ANALYSIS_VERSION} WHERE id = ${storyId}::uuid`;
    return { members: current.length, regrouped: regroup.length, facts: placement.created };
  }, ANALYSIS_TRANSACTION);
}
