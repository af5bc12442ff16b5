import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import type { AuditAction } from "@/lib/audit/audit-actions";
import { conflict, invalid, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import type { Role } from "@/lib/generated/prisma/enums";
import { ZChangeRole, ZSetActive } from "./schemas";
import { personSelect, type PersonRow } from "./person-view";
import { lockedUpdate } from "@/lib/db/optimistic-lock";

const LAST_ADMIN = "The desk must keep at least one active admin. Make someone else an admin first.";

/**
 * Counts active admins other than `userId` while holding row locks on every active admin, so
 * two admins demoting each other at the same moment cannot leave the desk without one.
 */
async function otherActiveAdmins(tx: Tx, userId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE role = 'ADMIN' AND active = true ORDER BY id FOR UPDATE`;
  return rows.filter((row) => row.id !== userId).length;
}

async function applyChange(
  actor: Actor,
  userId: string,
  version: number,
  change: { role?: Role; active?: boolean },
  action: AuditAction,
): Promise<PersonRow> {
  return db.$transaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id: userId }, select: personSelect });
    if (!current) throw notFound("That person");
    const losesAdmin =
      current.role === "ADMIN" && current.active && (change.role !== undefined ? change.role !== "ADMIN" : change.active === false);
    if (losesAdmin && (await otherActiveAdmins(tx, userId)) === 0) throw invalid(LAST_ADMIN);

    await lockedUpdate(
      tx.user,
      {
        where: { id: userId },
        version,
        data: {
          ...change,
          ...(change.active === false ? { deactivatedAt: new Date() } : {}),
          ...(change.active === true ? { deactivatedAt: null } : {}),
        },
      },
      () => conflict(`${current.name} was changed by someone else a moment ago. Reload to see their current role and status.`),
    );
    const after = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: personSelect });
    await audit(tx, {
      actorId: actor.id,
      action,
      entityType: "user",
      entityId: userId,
      before: { role: current.role, active: current.active },
      after: { role: after.role, active: after.active },
    });
    return after;
  });
}

/** Changes a person's role (admins only); takes effect at that person's next request. */
export async function changeRole(actor: Actor, input: unknown): Promise<PersonRow> {
  assertCan(actor, "people.manage");
  const data = parseInput(ZChangeRole, input);
  return applyChange(actor, data.userId, data.version, { role: data.role }, "person.change_role");
}

/** Deactivates or reactivates a person (admins only); a deactivated person is signed out at once. */
export async function setPersonActive(actor: Actor, input: unknown): Promise<PersonRow> {
  assertCan(actor, "people.manage");
  const data = parseInput(ZSetActive, input);
  return applyChange(
    actor,
    data.userId,
    data.version,
    { active: data.active },
    data.active ? "person.reactivate" : "person.deactivate",
  );
}
