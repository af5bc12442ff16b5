import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { assertStrongPassword } from "@/lib/auth/password-strength";
import { audit } from "@/lib/audit/audit";
import { invalid, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { sha256 } from "./create-person";
import { PASSWORD_LINK_TTL_HOURS } from "./person-view";
import { ZIssuePasswordLink, ZSetPasswordWithToken } from "./schemas";

/** Issues a fresh one-time set-password link for a person (admins only); older links stop working. */
export async function issuePasswordLink(actor: Actor, input: unknown): Promise<{ token: string }> {
  assertCan(actor, "people.manage");
  const { userId } = parseInput(ZIssuePasswordLink, input);
  const token = randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw notFound("That person");
    await tx.passwordSetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
    await tx.passwordSetToken.create({
      data: {
        userId,
        tokenHash: sha256(token),
        expiresAt: new Date(Date.now() + PASSWORD_LINK_TTL_HOURS * 3600_000),
        createdById: actor.id,
      },
    });
    await audit(tx, { actorId: actor.id, action: "person.issue_password_link", entityType: "user", entityId: userId });
  });
  return { token };
}

const LINK_UNUSABLE = "This set-password link has expired or was already used. Ask a desk admin for a new one.";

/** Who a set-password link is for, or null when it is unknown, used or expired. */
export async function describePasswordLink(token: string): Promise<{ name: string; email: string } | null> {
  if (token.length < 20 || token.length > 200) return null;
  const row = await db.passwordSetToken.findUnique({
    where: { tokenHash: sha256(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { name: true, email: true, active: true } } },
  });
  if (!row || row.usedAt || row.expiresAt < new Date() || !row.user.active) return null;
  return { name: row.user.name, email: row.user.email };
}

/** Sets a password through a one-time link; the link is consumed in the same transaction. */
export async function setPasswordWithToken(input: unknown): Promise<{ email: string }> {
  const data = parseInput(ZSetPasswordWithToken, input);
  // this form needs no sign-in: a junk token is refused by a cheap lookup before argon2 spends
  // its memory; the conditional update below still decides single use under races
  const usable = await db.passwordSetToken.findFirst({
    where: { tokenHash: sha256(data.token), usedAt: null, expiresAt: { gt: new Date() }, user: { active: true } },
    select: { id: true, user: { select: { name: true, email: true } } },
  });
  if (!usable) throw invalid(LINK_UNUSABLE);
  assertStrongPassword(data.password, [usable.user.name, usable.user.email]);
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    // consuming with a conditional update makes a link single-use even under concurrent submits
    const consumed = await tx.passwordSetToken.updateManyAndReturn({
      where: { tokenHash: sha256(data.token), usedAt: null, expiresAt: { gt: new Date() }, user: { active: true } },
      data: { usedAt: new Date() },
      select: { userId: true },
    });
    const row = consumed[0];
    if (!row) throw invalid(LINK_UNUSABLE);
    const user = await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, sessionsValidAfter: new Date(), version: { increment: 1 } },
      select: { id: true, email: true },
    });
    await audit(tx, { actorId: user.id, action: "person.set_password", entityType: "user", entityId: user.id });
    return { email: user.email };
  });
}
