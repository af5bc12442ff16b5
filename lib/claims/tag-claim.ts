import "server-only";
import { recordTagAliases } from "@/lib/tags/record-tag-aliases";
import { queueFactRefresh, queueReportAnalysis } from "@/lib/facts/queue-analysis";
import { handOverFurtherFacts } from "@/lib/facts/further-facts";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { conflict, invalid, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import type { TagKind } from "@/lib/generated/prisma/enums";
import { describeAnchor, splitsSurrogatePair } from "./anchoring/selectors";
import { findActiveAssignee, notifyAssignment } from "./assign-claim";
import { type ClaimDetail, requireClaimDetail } from "./claim-view";
import { ZTagClaim } from "./schemas";

const STALE_VERSION = "This report has a newer version; reload it before tagging.";

/** Tags without repeats (the table's key is claim, kind and value), in the order given. */
export function uniqueTags(tags: readonly { kind: TagKind; value: string }[]): { kind: TagKind; value: string }[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = `${tag.kind}\u0000${tag.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The span to anchor inside `text`: whitespace a browser selection drags along at either edge is
 * dropped, so the quote starts and ends on visible text. Null when nothing visible is selected.
 */
function trimmedSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  while (start < end && /\s/u.test(text.charAt(start))) start += 1;
  while (end > start && /\s/u.test(text.charAt(end - 1))) end -= 1;
  return start < end ? { start, end } : null;
}

/**
 * Tags a span of the current version of a report as a claim. The quote and its context are cut
 * from the stored text, never taken from the client, so the anchor always matches the text.
 */
export async function tagClaim(actor: Actor, input: unknown): Promise<ClaimDetail> {
  assertCan(actor, "claim.tag");
  const data = parseInput(ZTagClaim, input);
  const claimId = await db.$transaction(async (tx) => {
    // FOR SHARE: a concurrent import of a new version waits for this claim (and then re-anchors
    // it), or this tag waits for the import and sees the newer version; a claim is never left
    // behind on an old version
    const [report] = await tx.$queryRaw<{ currentVersion: number; killedAt: Date | null; embargoedUntil: Date | null }[]>`
      SELECT "currentVersion", "killedAt", "embargoedUntil" FROM "Report" WHERE id = ${data.reportId}::uuid AND "storyId" = ${data.storyId}::uuid FOR SHARE`;
    if (!report) throw notFound("That report");
    // a held report may not be cited before its embargo ends; a killed one never again
    if (report.embargoedUntil && report.embargoedUntil > new Date()) throw invalid(`This report is under embargo until ${report.embargoedUntil.toISOString()}. Claims can be tagged once it is released.`);
    if (report.killedAt) throw invalid("The source killed this report. Claims cannot be taken from it.");
    if (report.currentVersion !== data.reportVersion) throw conflict(STALE_VERSION);
    const version = await tx.reportVersion.findUniqueOrThrow({
      where: { reportId_version: { reportId: data.reportId, version: data.reportVersion } },
      select: { id: true, bodyText: true },
    });

    const text = version.bodyText;
    if (data.start >= data.end || data.end > text.length) {
      throw invalid("The selection is not inside the report's text. Reload the report and select again.", { end: "Select text inside the report." });
    }
    const span = trimmedSpan(text, data.start, data.end);
    if (!span) throw invalid("Select some words, not only spaces.", { start: "Select some words, not only spaces." });
    if (splitsSurrogatePair(text, span.start) || splitsSurrogatePair(text, span.end)) {
      throw invalid("The selection cuts a character in half. Select whole words.", { start: "Select whole words." });
    }
    const anchor = describeAnchor(text, span.start, span.end);
    const assignee = data.assigneeId ? await findActiveAssignee(tx, data.assigneeId) : null;
    const tags = uniqueTags(data.tags);

    const claim = await tx.claim.create({
      data: {
        storyId: data.storyId,
        reportId: data.reportId,
        reportVersionId: version.id,
        ...anchor.quote,
        ...anchor.position,
        statement: data.statement,
        attribution: data.attribution || null,
        status: "UNVERIFIED",
        origin: "TAGGED",
        assigneeId: assignee?.id ?? null,
        createdById: actor.id,
        tags: { create: tags },
        statusChanges: { create: { fromStatus: null, toStatus: "UNVERIFIED", actorId: actor.id } },
      },
      select: { id: true },
    });
    // a pending suggestion of the same words is answered by this claim: accepting it later would
    // make the same span a second claim
    const overlapping = await tx.claimSuggestion.findMany({
      where: { reportVersionId: version.id, state: "PENDING", start: { lt: span.end }, end: { gt: span.start } },
      select: { id: true, factId: true },
    });
    if (overlapping.length > 0) {
      await tx.claimSuggestion.updateMany({
        where: { id: { in: overlapping.map((row) => row.id) }, state: "PENDING" },
        data: { state: "ACCEPTED", decidedById: actor.id, decidedAt: new Date(), claimId: claim.id, factId: null, factPinned: false, factEntries: [] },
      });
      for (const suggestion of overlapping) {
        await queueFactRefresh(tx, data.storyId, suggestion.factId);
        // the new claim is analysed on its own; the suggestion's further facts go with it
        await handOverFurtherFacts(tx, data.storyId, suggestion.id, null);
        await audit(tx, {
          actorId: actor.id,
          action: "suggestion.accept",
          entityType: "claim_suggestion",
          entityId: suggestion.id,
          storyId: data.storyId,
          before: { state: "PENDING" },
          after: { state: "ACCEPTED", claimId: claim.id, by: "tagging the same words" },
        });
      }
    }
    await recordTagAliases(tx, data.storyId, tags);
    await queueReportAnalysis(tx, data.reportId, { countProgress: false });
    if (assignee) await notifyAssignment(tx, { actor, assigneeId: assignee.id, claimId: claim.id, statement: data.statement });
    await audit(tx, {
      actorId: actor.id,
      action: "claim.tag",
      entityType: "claim",
      entityId: claim.id,
      storyId: data.storyId,
      after: {
        reportId: data.reportId,
        reportVersion: data.reportVersion,
        start: span.start,
        end: span.end,
        exact: anchor.quote.exact,
        statement: data.statement,
        attribution: data.attribution || null,
        tags,
        assignee,
      },
    });
    return claim.id;
  });
  // read after commit: the detail takes several queries, and the row lock should not wait for them
  return requireClaimDetail(db, claimId);
}
