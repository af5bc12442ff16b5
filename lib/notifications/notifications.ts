import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";

/** How many notifications the inbox lists, newest first. */
export const NOTIFICATION_LIST_LIMIT = 50;

export const ZListNotifications = z.object({ unreadOnly: z.boolean().default(false) });

export const ZMarkNotificationsRead = z.union([
  z.object({ all: z.literal(true) }),
  z.object({ ids: z.array(z.uuid({ error: "Unknown notification." })).min(1, "Choose at least one notification.").max(500) }),
]);

export type NotificationRow = {
  id: string;
  kind: NotificationKind;
  /** a short sentence, ready to show: "Priya Sandoval mentioned you on a claim: “…”" */
  message: string;
  readAt: Date | null;
  createdAt: Date;
  actor: { id: string; name: string } | null;
  claim: { id: string; storyId: string } | null;
  commentId: string | null;
  explainer: { id: string; storyId: string } | null;
  /** the desk page the notification leads to, or null when its subject is gone */
  href: string | null;
};

function notificationHref(row: Pick<NotificationRow, "kind" | "claim" | "explainer">): string | null {
  // explainer first: a re-review notice names the claim too, but the explainer is what to open
  if (row.explainer) {
    return row.kind === "REVIEW_REQUESTED" ? `/review/${row.explainer.id}` : `/stories/${row.explainer.storyId}/explainers/${row.explainer.id}`;
  }
  if (row.claim) return `/stories/${row.claim.storyId}/claims/${row.claim.id}`;
  return null;
}

/** Notifications are a person's own inbox; a desk API token acting for them has none. */
function assertPerson(actor: Actor): void {
  assertCan(actor, "story.read");
  if (actor.apiTokenId) throw forbidden();
}

/** The signed-in person's notifications, newest first, optionally only the unread ones. */
export async function listNotifications(actor: Actor, rawInput: unknown = {}): Promise<NotificationRow[]> {
  assertPerson(actor);
  const input = parseInput(ZListNotifications, rawInput ?? {});
  const rows = await db.notification.findMany({
    where: { userId: actor.id, ...(input.unreadOnly ? { readAt: null } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTIFICATION_LIST_LIMIT,
    select: {
      id: true,
      kind: true,
      message: true,
      readAt: true,
      createdAt: true,
      actor: { select: { id: true, name: true } },
      claim: { select: { id: true, storyId: true } },
      commentId: true,
      explainer: { select: { id: true, storyId: true } },
    },
  });
  return rows.map((row) => ({ ...row, href: notificationHref(row) }));
}

/**
 * Marks the given notifications (or all) of the signed-in person as read and returns how many
 * changed. Other people's ids match nothing. Not audited: reading one's inbox changes nobody
 * else's view of the desk.
 */
export async function markNotificationsRead(actor: Actor, rawInput: unknown): Promise<{ marked: number }> {
  assertPerson(actor);
  const input = parseInput(ZMarkNotificationsRead, rawInput);
  const result = await db.notification.updateMany({
    where: { userId: actor.id, readAt: null, ...("ids" in input ? { id: { in: input.ids } } : {}) },
    data: { readAt: new Date() },
  });
  return { marked: result.count };
}

/** How many unread notifications the signed-in person has (for the badge in the header). */
export async function unreadNotificationCount(actor: Actor): Promise<number> {
  assertPerson(actor);
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}

// ───────────── for other claim functions, inside their transactions ─────────────

const EXCERPT_MAX = 120;

/** A claim statement shortened for a notification sentence, in typographic quotes. */
export function quotedExcerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return `“${flat.length > EXCERPT_MAX ? `${flat.slice(0, EXCERPT_MAX - 1).trimEnd()}…` : flat}”`;
}

/**
 * ASSIGNMENT notifications, one per claim, for the person now assigned, in one statement (bulk
 * assignment; assign-claim.ts has the single-claim twin with the same wording). Nobody is told
 * of their own doing, so assigning oneself, or unassigning, notifies no one.
 */
export async function notifyAssignments(
  tx: Tx,
  actor: Pick<Actor, "id" | "name">,
  assigneeId: string | null,
  claims: readonly { id: string; statement: string }[],
): Promise<number> {
  if (!assigneeId || assigneeId === actor.id || claims.length === 0) return 0;
  const result = await tx.notification.createMany({
    data: claims.map((claim) => ({
      userId: assigneeId,
      actorId: actor.id,
      kind: "ASSIGNMENT" as const,
      claimId: claim.id,
      message: `${actor.name} assigned you a claim: ${quotedExcerpt(claim.statement)}`,
    })),
  });
  return result.count;
}

/** MENTION notifications for the people mentioned in a comment, except its author. */
export async function notifyMentions(
  tx: Tx,
  actor: Pick<Actor, "id" | "name">,
  mentionedIds: readonly string[],
  target: { claimId: string; commentId: string; statement: string },
): Promise<number> {
  const recipients = [...new Set(mentionedIds)].filter((id) => id !== actor.id);
  if (recipients.length === 0) return 0;
  const result = await tx.notification.createMany({
    data: recipients.map((userId) => ({
      userId,
      actorId: actor.id,
      kind: "MENTION" as const,
      claimId: target.claimId,
      commentId: target.commentId,
      message: `${actor.name} mentioned you on a claim: ${quotedExcerpt(target.statement)}`,
    })),
  });
  return result.count;
}
