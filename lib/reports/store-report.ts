import "server-only";
import { findGarbledPassages } from "@/lib/analysis/garbled";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { invalid, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import type { ImportChannel } from "@/lib/generated/prisma/enums";
import { reanchorReportClaims } from "@/lib/claims/reanchor-report-claims";
import { suggestClaims } from "@/lib/analysis/suggest-claims";
import { createSuggestionsForVersion } from "@/lib/claims/suggestions";
import { queueReportAnalysis } from "@/lib/facts/queue-analysis";
import { canonicalText, contentHash, paragraphsToHtml, sourceKey } from "./normalize-text";
import { sanitizeReportHtml } from "./parse/sanitize";
import { REPORT_TEXT_MAX, REPORT_TOO_LONG, ZNormalizedReport, type TParagraphKind } from "./schemas";
import { normalizeParagraphs } from "./parse/text-normalize";

export type StoreReportResult =
  | { outcome: "imported"; reportId: string; version: 1 }
  | { outcome: "new_version"; reportId: string; version: number }
  | { outcome: "duplicate"; reportId: string; version: number }
  /** an embargoed report, stored and held until `embargoedUntil` */
  | { outcome: "held"; reportId: string; version: number; embargoedUntil: Date };

/**
 * A report's transaction also suggests claims in its text (the language model loads on first
 * use) and re-anchors claims on a new version: on a busy server that outlasts Prisma's 5 s
 * default, and a feed poll or upload then fails for no fault of its own.
 */
const IMPORT_TRANSACTION = { timeout: 30_000, maxWait: 10_000 } as const;

/** The note a correction version carries when the source gave no words of its own. */
export const DEFAULT_CORRECTION_NOTE = "The source sent this version as a correction.";

/**
 * Stores one normalized report. Same external id and same content: nothing changes
 * ("duplicate"). Same external id, new content: a new version. No external id: duplicates are
 * found by the content hash. The database's partial unique indexes decide races between
 * concurrent imports; the loser re-reads and reports what won.
 */
export async function storeReport(actor: Actor, input: unknown, channel: ImportChannel): Promise<StoreReportResult> {
  assertCan(actor, "report.import");
  const data = parseInput(ZNormalizedReport, input);
  // a headline-only item (a flash) has an empty body: stored, but nothing in it can be tagged
  const bodyText = canonicalText(data.paragraphs);
  if (bodyText.length > REPORT_TEXT_MAX) throw invalid(REPORT_TOO_LONG);
  const hash = contentHash(data.headline, bodyText);
  const now = new Date();
  if (data.kind === "embargoed" && !data.embargoedUntil) {
    throw invalid("The item is under embargo but does not say until when. Import it again once the source releases it.");
  }
  // an embargo already over is ordinary text; one still running holds the report until then
  const heldUntil = data.kind === "embargoed" && data.embargoedUntil && data.embargoedUntil > now ? data.embargoedUntil : null;
  const isCorrection = data.kind === "correction";
  // reading the sentences is CPU work: done before the transaction, so no row lock waits on it
  const suggested = suggestClaims(bodyText);

  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const story = await tx.story.findUnique({ where: { id: data.storyId }, select: { id: true } });
        if (!story) throw notFound("That story");

        const nameKey = sourceKey(data.source);
        const source = await tx.source.upsert({ where: { nameKey }, create: { name: data.source, nameKey }, update: {}, select: { id: true } });

        const existing = await tx.report.findFirst({
          where: data.externalId ? { storyId: data.storyId, externalId: data.externalId } : { storyId: data.storyId, externalId: null, contentHash: hash },
          select: { id: true, currentVersion: true, versions: { where: { contentHash: hash }, select: { version: true } } },
        });
        if (existing && existing.versions[0]) return { outcome: "duplicate", reportId: existing.id, version: existing.versions[0].version };

        const versionData = {
          headline: data.headline,
          dek: data.dek,
          bodyText,
          paragraphKinds: storedKinds(data.paragraphs, data.paragraphKinds),
          // sanitized here whatever the channel already did: nothing reaches the page unsanitized
          bodyHtml: bodyText ? (data.html ? sanitizeReportHtml(data.html) || paragraphsToHtml(bodyText) : paragraphsToHtml(bodyText)) : "",
          byline: data.byline,
          credit: data.credit,
          garbledPassages: findGarbledPassages(bodyText),
          isCorrection,
          correctionNote: isCorrection ? (data.correctionNote ?? DEFAULT_CORRECTION_NOTE) : null,
          dateline: data.dateline,
          language: data.language,
          url: data.url,
          publishedAt: data.publishedAt,
          sourceUpdatedAt: data.sourceUpdatedAt,
          contentHash: hash,
          channel,
          importedById: actor.id,
          apiTokenId: actor.apiTokenId ?? null,
        };

        if (existing) {
          const version = existing.currentVersion + 1;
          const created = await tx.reportVersion.create({ data: { ...versionData, reportId: existing.id, version }, select: { id: true } });
          await tx.report.update({
            where: { id: existing.id },
            data: { currentVersion: version, headline: data.headline, publishedAt: data.publishedAt ?? undefined, ...(heldUntil ? { embargoedUntil: heldUntil } : {}) },
          });
          // after the report row update: tagging holds FOR SHARE on that row, so a claim tagged
          // concurrently either commits first (and is re-anchored here) or sees this version
          const claims = await reanchorReportClaims(tx, {
            reportId: existing.id,
            storyId: data.storyId,
            newVersionId: created.id,
            newText: bodyText,
            actorId: actor.id,
            apiTokenId: actor.apiTokenId ?? null,
          });
          // after re-anchoring, so sentences the moved claims now cover are not suggested
          const suggestions = await createSuggestionsForVersion(tx, { reportId: existing.id, reportVersionId: created.id, suggested });
          await queueReportAnalysis(tx, existing.id, { runAt: heldUntil });
          await audit(tx, {
            actorId: actor.id,
            apiTokenId: actor.apiTokenId,
            action: isCorrection ? "report.correction" : "report.new_version",
            entityType: "report",
            entityId: existing.id,
            storyId: data.storyId,
            before: { version: existing.currentVersion },
            after: { version, headline: data.headline, claims, suggestions, ...(isCorrection ? { correctionNote: versionData.correctionNote } : {}) },
          });
          if (heldUntil) return { outcome: "held", reportId: existing.id, version, embargoedUntil: heldUntil };
          return { outcome: "new_version", reportId: existing.id, version };
        }

        const report = await tx.report.create({
          data: {
            storyId: data.storyId,
            sourceId: source.id,
            externalId: data.externalId,
            contentHash: hash,
            headline: data.headline,
            publishedAt: data.publishedAt,
            embargoedUntil: heldUntil,
            versions: { create: { ...versionData, version: 1 } },
          },
          select: { id: true, versions: { select: { id: true } } },
        });
        const suggestions = await createSuggestionsForVersion(tx, { reportId: report.id, reportVersionId: report.versions[0]!.id, suggested });
        // fact analysis runs in a worker; the job commits (or not) with the report, and an
        // embargoed report is analysed only once its embargo is over
        await queueReportAnalysis(tx, report.id, { runAt: heldUntil });
        await audit(tx, {
          actorId: actor.id,
          apiTokenId: actor.apiTokenId,
          action: "report.import",
          entityType: "report",
          entityId: report.id,
          storyId: data.storyId,
          after: { headline: data.headline, source: data.source, externalId: data.externalId, channel, suggestions, kind: data.kind, credit: data.credit, embargoedUntil: heldUntil },
        });
        if (heldUntil) return { outcome: "held", reportId: report.id, version: 1, embargoedUntil: heldUntil };
        return { outcome: "imported", reportId: report.id, version: 1 };
      }, IMPORT_TRANSACTION);
    } catch (error) {
      // a concurrent import of the same report won the unique index; run again to see it
      if (isUniqueViolation(error) && attempt < 5) continue;
      throw error;
    }
  }
}

/**
 * Paragraph kinds aligned with the stored bodyText: paragraphs that normalize to nothing are not
 * in it, so their kinds go too. All running text is stored as [] (the column's default).
 */
function storedKinds(paragraphs: readonly string[], kinds: readonly TParagraphKind[]): TParagraphKind[] {
  const aligned = paragraphs.flatMap((paragraph, index) => (normalizeParagraphs([paragraph]).length > 0 ? [kinds[index] ?? "paragraph"] : []));
  return aligned.every((kind) => kind === "paragraph") ? [] : aligned;
}
