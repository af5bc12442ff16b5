import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";

export type AuditInput = {
  actorId: string | null;
  apiTokenId?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  storyId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

/**
 * Writes one audit event inside the caller's transaction, so the event exists exactly when
 * the change does. Changes inside a story also bump the story's last activity.
 */
export async function recordAuditEvent(tx: Tx, input: AuditInput): Promise<void> {
  const createdAt = new Date();
  await tx.auditEvent.create({
    data: {
      actorId: input.actorId,
      apiTokenId: input.apiTokenId ?? null,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      storyId: input.storyId ?? null,
      before: input.before ?? undefined,
      after: input.after ?? undefined,
      createdAt,
    },
  });
  if (input.storyId) {
    await tx.story.update({ where: { id: input.storyId }, data: { lastActivityAt: createdAt } });
  }
}
