import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { invalid, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { type ClaimDetail, requireClaimDetail, staleClaimConflict } from "./claim-view";
import { ZAssignClaim } from "./schemas";
import { expectVersion, lockedUpdate } from "@/lib/db/optimistic-lock";

const NOTIFICATION_MESSAGE_MAX = 500;

/** The assignee as a person reference; only active desk members can take claims. */
export async function findActiveAssignee(tx: Tx, assigneeId: string): Promise<{ id: string; name: string }> {
  const assignee = await tx.user.findFirst({ where: { id: assigneeId, active: true }, select: { id: true, name: true } });
  if (!assignee) throw invalid("Assign the claim to an active member of the desk.", { assigneeId: "Choose an active person." });
  return assignee;
}

/** Tells the new assignee about the claim, unless they assigned it to themselves. */
export async function notifyAssignment(tx: Tx, input: { actor: Actor; assigneeId: string; claimId: string; statement: string }): Promise<void> {
  if (input.assigneeId === input.actor.id) return;
  const message = `${input.actor.name} assigned you a claim: “${input.statement}”`;
  await tx.notification.create({
    data: {
      userId: input.assigneeId,
      actorId: input.actor.id,
      kind: "ASSIGNMENT",
      claimId: input.claimId,
      message: message.length > NOTIFICATION_MESSAGE_MAX ? `${message.slice(0, NOTIFICATION_MESSAGE_MAX - 2)}…”` : message,
    },
  });
}

/** Assigns a claim to an active person (or unassigns it); a stale version gets a conflict. */
export async function assignClaim(actor: Actor, input: unknown): Promise<ClaimDetail> {
  assertCan(actor, "claim.tag");
  const data = parseInput(ZAssignClaim, input);
  const claimId = await db.$transaction(async (tx) => {
    const current = await tx.claim.findUnique({
      where: { id: data.claimId },
      select: { storyId: true, statement: true, version: true, assignee: { select: { id: true, name: true } } },
    });
    if (!current) throw notFound("That claim");
    await expectVersion(current.version, data.version, () => staleClaimConflict(tx, data.claimId, actor.id));
    const assignee = data.assigneeId ? await findActiveAssignee(tx, data.assigneeId) : null;
    // assigning the person who already has it changes nothing and tells nobody
    if ((current.assignee?.id ?? null) === (assignee?.id ?? null)) return data.claimId;

    await lockedUpdate(tx.claim, { where: { id: data.claimId }, version: data.version, data: { assigneeId: assignee?.id ?? null } }, () =>
      staleClaimConflict(tx, data.claimId, actor.id),
    );
    if (assignee) await notifyAssignment(tx, { actor, assigneeId: assignee.id, claimId: data.claimId, statement: current.statement });
    await audit(tx, {
      actorId: actor.id,
      action: "claim.assign",
      entityType: "claim",
      entityId: data.claimId,
      storyId: current.storyId,
      before: { assignee: current.assignee },
      after: { assignee },
    });
    return data.claimId;
  });
  // read after commit: the detail takes several queries, and the row lock should not wait for them
  return requireClaimDetail(db, claimId);
}
