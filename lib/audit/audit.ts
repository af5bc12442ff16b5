import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import type { AuditAction, AuditEntityType } from "./audit-actions";

export type AuditInput = {
  actorId: string | null;
  apiTokenId?: string | null;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  storyId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

/**
 * Writes audit events inside the caller's transaction, so each exists exactly when its change
 * does: one event, or many in one statement (a bulk change). Changes inside a story also bump
 * the story's last activity, once per story.
 */
export async function audit(tx: Tx, events: AuditInput | readonly AuditInput[]): Promise<void> {
  const list: readonly AuditInput[] = Array.isArray(events) ? events : [events as AuditInput];
  if (list.length === 0) return;
  const createdAt = new Date();
  const data = list.map((input) => ({
    actorId: input.actorId,
    apiTokenId: input.apiTokenId ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    storyId: input.storyId ?? null,
    before: input.before ?? undefined,
    after: input.after ?? undefined,
    createdAt,
  }));
  if (data.length === 1) await tx.auditEvent.create({ data: data[0]! });
  else await tx.auditEvent.createMany({ data });
  const storyIds = [...new Set(list.flatMap((input) => (input.storyId ? [input.storyId] : [])))];
  for (const storyId of storyIds) {
    await tx.story.update({ where: { id: storyId }, data: { lastActivityAt: createdAt } });
  }
}
