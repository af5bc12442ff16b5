import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors/domain-errors";
import { audit, type AuditInput } from "@/lib/audit/audit";
import type { AuditAction } from "@/lib/audit/audit-actions";
import { parseInput } from "@/lib/errors/parse-input";
import { findActiveAssignee } from "./assign-claim";
import { notifyAssignments } from "@/lib/notifications/notifications";
import { STATUSES_NEEDING_EVIDENCE, ZBulkAssign, ZBulkStatus } from "./schemas";
import { flagExplainersCitingClaim } from "@/lib/review/flag-re-review";
import { notifyDeskChange } from "@/lib/live/desk-events";

/**
 * What a bulk change did. `skipped` counts the selected claims it left alone: those not in the
 * story (another story's, or deleted meanwhile), those already in the requested state, and, for
 * status changes, those holding a verdict (verified, false, disputed).
 */
export type BulkResult = { updated: number; skipped: number };

/** Up to 500 claims, their rows, audit events and notifications: more than the 5 s default. */
const BULK_TRANSACTION = { timeout: 30_000, maxWait: 10_000 } as const;

type LockedClaim = { id: string; statement: string; status: ClaimStatus; assigneeId: string | null };

/**
 * Locks the selected claims that belong to the story, in id order so two bulk changes over
 * overlapping selections queue rather than deadlock. Claims of other stories are not read.
 */
async function lockStoryClaims(tx: Tx, storyId: string, claimIds: readonly string[]): Promise<LockedClaim[]> {
  const story = await tx.story.findUnique({ where: { id: storyId }, select: { id: true } });
  if (!story) throw notFound("That story");
  return tx.$queryRaw<LockedClaim[]>(Prisma.sql`
    SELECT "id", "statement", "status"::text AS status, "assigneeId"
      FROM "Claim"
     WHERE "storyId" = ${storyId}::uuid AND "id" = ANY(${[...claimIds]}::uuid[])
     ORDER BY "id"
       FOR UPDATE`);
}

type ClaimAuditEvent = { claimId: string; before: Prisma.InputJsonValue; after: Prisma.InputJsonValue };

/** One audit event per changed claim, written in one statement (no round trip per claim). */
function claimAuditEvents(actor: Actor, storyId: string, action: AuditAction, events: readonly ClaimAuditEvent[]): AuditInput[] {
  return events.map((event) => ({
    actorId: actor.id,
    apiTokenId: actor.apiTokenId ?? null,
    action,
    entityType: "claim",
    entityId: event.claimId,
    storyId,
    before: event.before,
    after: event.after,
  }));
}

/**
 * Assigns the selected claims of a story to one active person, or unassigns them. Each changed
 * claim gets a new version, its own audit event and, for the new assignee, a notification.
 * Bulk changes carry no versions: they apply to what the claims are when the change commits.
 */
export async function bulkAssignClaims(actor: Actor, input: unknown): Promise<BulkResult> {
  assertCan(actor, "claim.tag");
  const data = parseInput(ZBulkAssign, input);
  const claimIds = [...new Set(data.claimIds)];
  return db.$transaction(async (tx) => {
    const assignee = data.assigneeId ? await findActiveAssignee(tx, data.assigneeId) : null;
    const claims = await lockStoryClaims(tx, data.storyId, claimIds);
    const changing = claims.filter((claim) => claim.assigneeId !== (assignee?.id ?? null));
    if (changing.length > 0) {
      await tx.claim.updateMany({
        where: { storyId: data.storyId, id: { in: changing.map((claim) => claim.id) } },
        data: { assigneeId: assignee?.id ?? null, version: { increment: 1 } },
      });
      const previousIds = [...new Set(changing.map((claim) => claim.assigneeId).filter((id): id is string => id !== null))];
      const previous = new Map(
        (await tx.user.findMany({ where: { id: { in: previousIds } }, select: { id: true, name: true } })).map((person) => [person.id, person]),
      );
      await audit(
        tx,
        claimAuditEvents(
          actor,
          data.storyId,
          "claim.assign",
          changing.map((claim) => ({
            claimId: claim.id,
            before: { assignee: claim.assigneeId ? (previous.get(claim.assigneeId) ?? { id: claim.assigneeId, name: null }) : null },
            after: { assignee, bulk: true },
          })),
        ),
      );
      await notifyAssignments(tx, actor, assignee?.id ?? null, changing);
    }
    return { updated: changing.length, skipped: claimIds.length - changing.length };
  }, BULK_TRANSACTION);
}

/**
 * Moves the selected claims of a story to unverified, in progress or unverifiable (the statuses
 * that need no evidence; the schema refuses the others). Each changed claim gets a new version,
 * a history entry and its own audit event.
 */
export async function bulkSetClaimStatus(actor: Actor, input: unknown): Promise<BulkResult> {
  assertCan(actor, "claim.verify");
  const data = parseInput(ZBulkStatus, input);
  const claimIds = [...new Set(data.claimIds)];
  return db.$transaction(async (tx) => {
    const claims = await lockStoryClaims(tx, data.storyId, claimIds);
    // a verdict that needed a rationale and evidence (verified, false, disputed) is not undone
    // by a bulk change or a single keypress: it is changed on the claim page, with a rationale
    const changing = claims.filter((claim) => claim.status !== data.status && !(STATUSES_NEEDING_EVIDENCE as readonly string[]).includes(claim.status));
    if (changing.length > 0) {
      await tx.claim.updateMany({
        where: { storyId: data.storyId, id: { in: changing.map((claim) => claim.id) } },
        data: { status: data.status, version: { increment: 1 } },
      });
      await tx.claimStatusChange.createMany({
        data: changing.map((claim) => ({ claimId: claim.id, fromStatus: claim.status, toStatus: data.status, rationale: null, actorId: actor.id })),
      });
      await audit(
        tx,
        claimAuditEvents(
          actor,
          data.storyId,
          "claim.set_status",
          changing.map((claim) => ({ claimId: claim.id, before: { status: claim.status }, after: { status: data.status, rationale: null, bulk: true } })),
        ),
      );
      // as for a single change: approved explainers citing these claims need re-review
      const cited = await tx.claim.findMany({ where: { id: { in: changing.map((claim) => claim.id) }, citations: { some: {} } }, select: { id: true, storyId: true, statement: true, factId: true } });
      const before = new Map(changing.map((claim) => [claim.id, claim.status]));
      for (const claim of cited) await flagExplainersCitingClaim(tx, actor, claim, { from: before.get(claim.id)!, to: data.status });
      await notifyDeskChange(tx, { storyId: data.storyId, kind: "claim_status", claimIds: changing.map((claim) => claim.id) });
    }
    return { updated: changing.length, skipped: claimIds.length - changing.length };
  }, BULK_TRANSACTION);
}
