import "server-only";
import { recordTagAliases } from "@/lib/tags/record-tag-aliases";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { conflict, DomainError, invalid, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { quoteHash, type ClaimSuggestion } from "@/lib/analysis/suggest-claims";
import { queueFactRefresh } from "@/lib/facts/queue-analysis";
import { handOverFurtherFacts } from "@/lib/facts/further-facts";
import { describeAnchor } from "./anchoring/selectors";
import { ZClaimTag, ZTagClaim } from "./schemas";
import { attributionOf, candidateTags } from "./suggest-claim-fields";
import { uniqueTags } from "./tag-claim";
import { isUuid } from "@/lib/http/uuid";
import { uuidv7 } from "@/lib/db/uuidv7";

/*
 * Suggested claims: on import the desk proposes the check-worthy sentences of each report
 * version (lib/analysis/suggest-claims). Editors accept one (it becomes a claim with origin
 * SUGGESTED) or dismiss it. A decision is remembered by the sentence's quoteHash, so a sentence
 * dismissed or accepted on one version is not proposed again on a later version of that report.
 */

export const ZAcceptSuggestion = z.object({
  suggestionId: z.uuid({ error: "Unknown suggestion." }),
  /** defaults to the suggested sentence */
  statement: ZTagClaim.shape.statement.optional(),
  /** defaults to the attribution found in the sentence ("two army sources said"); "" for none */
  attribution: ZTagClaim.shape.attribution,
  /** defaults to the places and actors named in the sentence */
  tags: z.array(ZClaimTag).max(30, "At most 30 tags.").optional(),
  /** an existing claim overlapping the sentence: the suggestion is answered by it, no new claim */
  mergeInto: z.uuid({ error: "Unknown claim." }).optional(),
});
export type TAcceptSuggestion = z.input<typeof ZAcceptSuggestion>;

export const ZDismissSuggestion = z.object({ suggestionId: z.uuid({ error: "Unknown suggestion." }) });
export type TDismissSuggestion = z.input<typeof ZDismissSuggestion>;

const ZListSuggestionsOptions = z.object({
  reportId: z.uuid().optional(),
  /** the N strongest (highest score) instead of all, in text order */
  strongest: z.number().int().min(1).max(500).optional(),
});

export type SuggestionListItem = {
  id: string;
  reportId: string;
  reportVersion: number;
  start: number;
  end: number;
  text: string;
  score: number;
  report: { headline: string; source: string | null };
};

const STATEMENT_MAX = 1000;

/**
 * Creates the PENDING suggestions of one stored report version, inside the import's transaction
 * and after its claims were re-anchored onto this version. Skips sentences that overlap a claim
 * anchored in this version and sentences whose quote was dismissed or accepted on an earlier
 * version of the report. Returns how many suggestions were created.
 *
 * One INSERT ... SELECT FROM unnest(...) ON CONFLICT DO NOTHING rather than Prisma's createMany
 * with skipDuplicates (same semantics): createMany bound some 400 parameters for the ~60
 * suggestions of an 800-word report and took ~13 ms, which cut the import benchmark from ~120
 * to 39 reports/s; this statement, with both skip rules folded in, takes ~3 ms.
 */
export async function createSuggestionsForVersion(tx: Tx, input: { reportId: string; reportVersionId: string; suggested: readonly ClaimSuggestion[] }): Promise<number> {
  // `suggested` (from suggestClaims) is computed before the transaction began: no lock waits on CPU work
  const rows = input.suggested;
  if (rows.length === 0) return 0;
  // a sentence repeated in one version has one quoteHash; ON CONFLICT keeps the first one
  return tx.$executeRaw`
    INSERT INTO "ClaimSuggestion" (id, "reportId", "reportVersionId", start, "end", text, "quoteHash", score)
    SELECT t.id, ${input.reportId}::uuid, ${input.reportVersionId}::uuid, t.start, t."end", t.text, t.hash, t.score
    FROM unnest(
      ${rows.map(() => uuidv7())}::uuid[], ${rows.map((row) => row.start)}::int[], ${rows.map((row) => row.end)}::int[],
      ${rows.map((row) => row.text)}::text[], ${rows.map((row) => quoteHash(row.text))}::text[], ${rows.map((row) => row.score)}::float8[]
    ) WITH ORDINALITY AS t(id, start, "end", text, hash, score, n)
    WHERE NOT EXISTS (
        SELECT 1 FROM "ClaimSuggestion" decided
        WHERE decided."reportId" = ${input.reportId}::uuid AND decided.state IN ('DISMISSED', 'ACCEPTED') AND decided."quoteHash" = t.hash)
      -- orphaned and retired claims keep an older version's offsets, which mean nothing here
      AND NOT EXISTS (
        SELECT 1 FROM "Claim" claim
        WHERE claim."reportVersionId" = ${input.reportVersionId}::uuid AND claim."anchorState" IN ('ANCHORED', 'FUZZY')
          AND claim.start < t."end" AND t.start < claim."end")
    ORDER BY t.n
    ON CONFLICT ("reportVersionId", "quoteHash") DO NOTHING`;
}

/** Pending suggestions on the current version of a story's reports (or of one report), by report then position. */
export async function listSuggestions(actor: Actor, storyId: string, options: { reportId?: string; strongest?: number } = {}): Promise<SuggestionListItem[]> {
  assertCan(actor, "story.read");
  if (!isUuid(storyId)) throw notFound("That story");
  const { reportId, strongest } = parseInput(ZListSuggestionsOptions, options);
  const order = strongest ? Prisma.sql`ORDER BY s.score DESC, s.id LIMIT ${strongest}` : Prisma.sql`ORDER BY r."publishedAt" DESC NULLS LAST, r.id, s.start, s.id`;
  const rows = await db.$queryRaw<(Omit<SuggestionListItem, "report"> & { headline: string; source: string | null })[]>`
    SELECT s.id, s."reportId", v.version AS "reportVersion", s.start, s."end", s.text, s.score, r.headline, src.name AS source
    FROM "ClaimSuggestion" s
    JOIN "Report" r ON r.id = s."reportId"
    JOIN "ReportVersion" v ON v.id = s."reportVersionId" AND v.version = r."currentVersion"
    LEFT JOIN "Source" src ON src.id = r."sourceId"
    WHERE r."storyId" = ${storyId}::uuid
      AND s.state = 'PENDING'
      AND (r."embargoedUntil" IS NULL OR r."embargoedUntil" <= now())
      AND (${reportId ?? null}::uuid IS NULL OR r.id = ${reportId ?? null}::uuid)
    ${order}`;
  return rows.map(({ headline, source, ...row }) => ({ ...row, report: { headline, source } }));
}

/** How many suggestions are pending on the current versions of a story's reports. */
export async function countSuggestions(actor: Actor, storyId: string): Promise<number> {
  assertCan(actor, "story.read");
  if (!isUuid(storyId)) throw notFound("That story");
  const [row] = await db.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count
    FROM "ClaimSuggestion" s
    JOIN "Report" r ON r.id = s."reportId"
    JOIN "ReportVersion" v ON v.id = s."reportVersionId" AND v.version = r."currentVersion"
    WHERE r."storyId" = ${storyId}::uuid AND s.state = 'PENDING' AND (r."embargoedUntil" IS NULL OR r."embargoedUntil" <= now())`;
  return Number(row?.count ?? 0);
}

/**
 * Accepts a pending suggestion on its report's current version: creates the claim (origin
 * SUGGESTED) exactly as tagClaim would, and marks the suggestion ACCEPTED with the claim's id,
 * all in one transaction with both audit events.
 */
export async function acceptSuggestion(actor: Actor, input: unknown): Promise<{ claimId: string }> {
  assertCan(actor, "claim.tag");
  const data = parseInput(ZAcceptSuggestion, input);
  return db.$transaction(async (tx) => {
    const suggestion = await tx.claimSuggestion.findUnique({
      where: { id: data.suggestionId },
      select: {
        id: true,
        reportId: true,
        start: true,
        end: true,
        text: true,
        factId: true,
        factPinned: true,
        factEntries: true,
        features: true,
        featuresVersion: true,
        report: { select: { storyId: true } },
        reportVersion: { select: { id: true, version: true, bodyText: true } },
      },
    });
    if (!suggestion) throw notFound("That suggestion");
    const storyId = suggestion.report.storyId;
    // FOR SHARE, as tagClaim does: a concurrent import of a new version either waits for this
    // claim (and re-anchors it) or has already committed, and then this suggestion is stale
    const [report] = await tx.$queryRaw<{ currentVersion: number }[]>`
      SELECT "currentVersion" FROM "Report" WHERE id = ${suggestion.reportId}::uuid AND "storyId" = ${storyId}::uuid FOR SHARE`;
    if (!report) throw notFound("That suggestion");
    if (report.currentVersion !== suggestion.reportVersion.version) {
      throw conflict("This suggestion is on an older version of the report; reload the report to see its current suggestions.");
    }
    // conditional update: of two editors accepting (or one accepting, one dismissing) at once,
    // exactly one wins; the other gets a conflict. The row is locked first, so the fact it stands
    // in is read as the analysis last left it (an analysis placing it meanwhile has committed)
    const decidedAt = new Date();
    const placement = await lockPendingSuggestion(tx, suggestion.id);
    if (!placement) throw await decidedConflict(tx, suggestion.id);
    Object.assign(suggestion, placement);
    await tx.claimSuggestion.update({ where: { id: suggestion.id }, data: { state: "ACCEPTED", decidedById: actor.id, decidedAt } });

    // the same words tagged already (before this suggestion, or through another path) stay one claim
    const overlapping = await tx.claim.findMany({
      where: { reportVersionId: suggestion.reportVersion.id, anchorState: { in: ["ANCHORED", "FUZZY"] }, start: { lt: suggestion.end }, end: { gt: suggestion.start } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, statement: true },
    });
    if (data.mergeInto) {
      const into = overlapping.find((claim) => claim.id === data.mergeInto);
      if (!into) throw invalid("That claim does not overlap this suggestion; reload the report to see its claims.");
      await tx.claimSuggestion.update({ where: { id: suggestion.id }, data: { claimId: into.id, factId: null, factPinned: false, factEntries: [] } });
      await queueFactRefresh(tx, storyId, suggestion.factId);
      await handOverFurtherFacts(tx, storyId, suggestion.id, null);
      await audit(tx, {
        actorId: actor.id,
        action: "suggestion.merge",
        entityType: "claim_suggestion",
        entityId: suggestion.id,
        storyId,
        before: { state: "PENDING" },
        after: { state: "ACCEPTED", claimId: into.id },
      });
      return { claimId: into.id };
    }
    if (overlapping.length > 0) {
      const first = overlapping[0]!;
      throw new DomainError(
        "conflict",
        `These words are already a claim: “${first.statement.length > 80 ? `${first.statement.slice(0, 79)}…` : first.statement}”. Merge the suggestion into it, or dismiss the suggestion.`,
        { overlappingClaimId: first.id },
      );
    }

    const anchor = describeAnchor(suggestion.reportVersion.bodyText, suggestion.start, suggestion.end);
    const statement = data.statement ?? suggestion.text.replace(/\s+/gu, " ").trim().slice(0, STATEMENT_MAX);
    const attribution = data.attribution === undefined ? attributionOf(suggestion.text) : data.attribution || null;
    const tags = uniqueTags(data.tags ?? candidateTags(suggestion.text));

    const claim = await tx.claim.create({
      data: {
        storyId,
        reportId: suggestion.reportId,
        reportVersionId: suggestion.reportVersion.id,
        ...anchor.quote,
        ...anchor.position,
        statement,
        attribution: attribution?.slice(0, 500) ?? null,
        status: "UNVERIFIED",
        origin: "SUGGESTED",
        createdById: actor.id,
        // the claim takes the suggestion's place in its fact, with the same analysed features
        factId: suggestion.factId,
        factPinned: suggestion.factPinned,
        factEntries: suggestion.factEntries,
        features: suggestion.features ?? undefined,
        featuresVersion: suggestion.featuresVersion,
        tags: { create: tags },
        statusChanges: { create: { fromStatus: null, toStatus: "UNVERIFIED", actorId: actor.id } },
      },
      select: { id: true, attribution: true },
    });
    await recordTagAliases(tx, storyId, tags);
    await tx.claimSuggestion.update({ where: { id: suggestion.id }, data: { claimId: claim.id, factId: null, factPinned: false, factEntries: [] } });
    await queueFactRefresh(tx, storyId, suggestion.factId);
    await handOverFurtherFacts(tx, storyId, suggestion.id, claim.id);
    await audit(tx, {
      actorId: actor.id,
      action: "claim.tag",
      entityType: "claim",
      entityId: claim.id,
      storyId,
      after: {
        origin: "SUGGESTED",
        suggestionId: suggestion.id,
        reportId: suggestion.reportId,
        reportVersion: suggestion.reportVersion.version,
        start: suggestion.start,
        end: suggestion.end,
        exact: anchor.quote.exact,
        statement,
        attribution: claim.attribution,
        tags,
      },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "suggestion.accept",
      entityType: "claim_suggestion",
      entityId: suggestion.id,
      storyId,
      before: { state: "PENDING" },
      after: { state: "ACCEPTED", claimId: claim.id },
    });
    return { claimId: claim.id };
  });
}

/**
 * Locks a suggestion that is still pending and reads where it stands (null when it was decided).
 * Analysis links a suggestion to further facts only while it is pending and after locking it
 * (lib/facts/fact-members.ts, linkMembers), so the decision and the links it hands over agree.
 */
async function lockPendingSuggestion(tx: Tx, suggestionId: string): Promise<{ factId: string | null; factPinned: boolean; factEntries: number[] } | null> {
  const [row] = await tx.$queryRaw<{ factId: string | null; factPinned: boolean; factEntries: number[] }[]>`
    SELECT "factId", "factPinned", COALESCE("factEntries", '{}') AS "factEntries" FROM "ClaimSuggestion" WHERE id = ${suggestionId}::uuid AND state = 'PENDING' FOR UPDATE`;
  return row ?? null;
}

/** Dismisses a pending suggestion; the same sentence is not suggested again on later versions of the report. */
export async function dismissSuggestion(actor: Actor, input: unknown): Promise<void> {
  assertCan(actor, "claim.tag");
  const data = parseInput(ZDismissSuggestion, input);
  await db.$transaction(async (tx) => {
    const suggestion = await tx.claimSuggestion.findUnique({
      where: { id: data.suggestionId },
      select: { id: true, text: true, factId: true, report: { select: { storyId: true } } },
    });
    if (!suggestion) throw notFound("That suggestion");
    const placement = await lockPendingSuggestion(tx, suggestion.id);
    if (!placement) throw await decidedConflict(tx, suggestion.id);
    // a dismissed sentence no longer corroborates anything: it leaves its fact
    await tx.claimSuggestion.update({
      where: { id: suggestion.id },
      data: { state: "DISMISSED", decidedById: actor.id, decidedAt: new Date(), factId: null, factPinned: false, factEntries: [] },
    });
    await queueFactRefresh(tx, suggestion.report.storyId, placement.factId);
    await handOverFurtherFacts(tx, suggestion.report.storyId, suggestion.id, null);
    await audit(tx, {
      actorId: actor.id,
      action: "suggestion.dismiss",
      entityType: "claim_suggestion",
      entityId: suggestion.id,
      storyId: suggestion.report.storyId,
      before: { state: "PENDING" },
      after: { state: "DISMISSED", text: suggestion.text },
    });
  });
}

/** The conflict for a suggestion someone already decided, read after the failed update so it names the decision that won. */
async function decidedConflict(tx: Tx, suggestionId: string): Promise<DomainError> {
  const current = await tx.claimSuggestion.findUnique({ where: { id: suggestionId }, select: { state: true } });
  return conflict(`This suggestion was already ${current?.state === "DISMISSED" ? "dismissed" : "accepted"}.`);
}
