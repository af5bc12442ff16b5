import "server-only";
import { db } from "@/lib/db/client";
import { uuidv7 } from "@/lib/db/uuidv7";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { assignClaims } from "@/lib/analysis/facts";
import { refreshGarbledPassages } from "@/lib/reports/garbled-passages";
import { ANALYSIS_TRANSACTION, loadExistingFacts } from "./analyze-report";
import { createFacts, ensureFeatures, loadReportMembers, placeMembers, refreshFactSummaries, toFeaturedClaim } from "./fact-members";
import { ZReanalyzeStory } from "./schemas";
import { factsAfterAssignment, linkFurtherFacts } from "./further-facts";
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
    const regrouped = regroup.map(toFeaturedClaim);
    const result = assignClaims({ facts: existing, added: regrouped });
    const kindOf = new Map(regroup.map((member) => [member.id, member.kind]));
    const placements: { id: string; kind: "claim" | "suggestion"; factId: string }[] = [];
    for (const join of result.joined) {
      touched.add(join.factId);
      for (const id of join.claimIds) if (kindOf.has(id)) placements.push({ id, kind: kindOf.get(id)!, factId: join.factId });
    }
    const newFactIds = result.created.map(() => uuidv7());
    result.created.forEach((group, index) => {
      touched.add(newFactIds[index]!);
      for (const id of group.claimIds) if (kindOf.has(id)) placements.push({ id, kind: kindOf.get(id)!, factId: newFactIds[index]! });
    });
    await createFacts(tx, storyId, newFactIds);
    for (const factId of await placeMembers(tx, placements, { onlyUnplaced: true })) touched.add(factId);
    // further facts of every regrouped member, and of the other claims stating their facts
    const facts = factsAfterAssignment(existing, regrouped, result, newFactIds);
    for (const factId of await linkFurtherFacts(tx, facts, regrouped.map((claim) => claim.id))) touched.add(factId);
    await refreshFactSummaries(tx, storyId, touched);
    await storyCountry.save();
    return { members: current.length, regrouped: regroup.length, facts: newFactIds.length };
  }, ANALYSIS_TRANSACTION);
}
