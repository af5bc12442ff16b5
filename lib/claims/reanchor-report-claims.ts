import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { audit, type AuditInput } from "@/lib/audit/audit";
import { reanchorAll } from "./anchoring/reanchor";
import type { ClaimAnchor } from "./anchoring/selectors";

export type ReanchorCounts = { kept: number; moved: number; fuzzy: number; orphaned: number };

/**
 * Re-anchors every placed claim of a report in its new version, inside the import's transaction.
 * Exact position or exact quote: the claim follows its text and keeps its anchor state (a FUZZY
 * claim stays flagged until an editor looks). Fuzzy: the claim follows the changed wording and is
 * flagged FUZZY, since it was verified against the old words. No match: the claim becomes ORPHANED
 * and keeps its old anchor and version, so the text it quoted stays known. Claims are never
 * deleted. Orphans are not retried on later versions; an editor re-attaches or retires them.
 * Each claim whose position or state changed gets a new version (a pending edit made against the
 * old anchor gets a conflict) and a `claim.reanchor` audit event; the import's own
 * `report.new_version` event moves the story's last activity.
 */
export async function reanchorReportClaims(
  tx: Tx,
  input: { reportId: string; storyId: string; newVersionId: string; newText: string; actorId: string | null; apiTokenId?: string | null },
): Promise<ReanchorCounts> {
  // lock the report's placed claims first (in id order, like every other multi-claim writer):
  // an editor's confirm/re-attach/edit on one of them either commits before this read or waits
  // and then meets the bumped version, so nothing computed here overwrites a newer change
  await tx.$queryRaw`
    SELECT id FROM "Claim"
     WHERE "reportId" = ${input.reportId}::uuid AND "anchorState" IN ('ANCHORED', 'FUZZY')
     ORDER BY id FOR UPDATE`;
  const claims = await tx.claim.findMany({
    where: { reportId: input.reportId, storyId: input.storyId, anchorState: { in: ["ANCHORED", "FUZZY"] } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      exact: true,
      prefix: true,
      suffix: true,
      start: true,
      end: true,
      anchorState: true,
      reportVersion: { select: { version: true } },
    },
  });
  const counts: ReanchorCounts = { kept: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  if (claims.length === 0) return counts;

  const anchors: ClaimAnchor[] = claims.map((claim) => ({
    quote: { exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
    position: { start: claim.start, end: claim.end },
  }));
  const results = reanchorAll(anchors, input.newText);
  const newVersion = await tx.reportVersion.findUniqueOrThrow({ where: { id: input.newVersionId }, select: { version: true } });
  const events: AuditInput[] = [];

  for (const [i, claim] of claims.entries()) {
    const result = results[i]!;
    const before = { start: claim.start, end: claim.end, anchorState: claim.anchorState, reportVersion: claim.reportVersion.version };
    if (result.status === "orphan") {
      counts.orphaned += 1;
      await tx.claim.update({ where: { id: claim.id }, data: { anchorState: "ORPHANED", version: { increment: 1 } } });
      events.push(auditRow(input, claim.id, before, { ...before, anchorState: "ORPHANED", bestScore: result.bestScore }));
      continue;
    }
    const { quote, position } = result.anchor;
    const placed = { ...quote, ...position, reportVersionId: input.newVersionId };
    if (result.status === "exact_position") {
      // same place, same words: only the context and the version it indexes are refreshed
      counts.kept += 1;
      await tx.claim.update({ where: { id: claim.id }, data: placed });
      continue;
    }
    const anchorState = result.status === "fuzzy" ? "FUZZY" : claim.anchorState;
    if (result.status === "fuzzy") counts.fuzzy += 1;
    else counts.moved += 1;
    // an editor's check of a garbled passage's original covered its old words, not new ones
    const reading = result.status === "fuzzy" ? { readingConfirmedAt: null, readingConfirmedById: null } : {};
    await tx.claim.update({ where: { id: claim.id }, data: { ...placed, anchorState, ...reading, version: { increment: 1 } } });
    events.push(
      auditRow(input, claim.id, before, {
        start: position.start,
        end: position.end,
        anchorState,
        reportVersion: newVersion.version,
        match: result.status,
        ...(result.status === "fuzzy" ? { score: result.score, exact: quote.exact, previousExact: claim.exact } : {}),
      }),
    );
  }
  await audit(tx, events);
  return counts;
}

function auditRow(
  input: { storyId: string; actorId: string | null; apiTokenId?: string | null },
  claimId: string,
  before: Prisma.InputJsonObject,
  after: Prisma.InputJsonObject,
): AuditInput {
  return {
    actorId: input.actorId,
    apiTokenId: input.apiTokenId ?? null,
    action: "claim.reanchor",
    entityType: "claim",
    entityId: claimId,
    storyId: input.storyId,
    before,
    after,
  };
}
