import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors/domain-errors";
import { isUuid } from "@/lib/http/uuid";
import { AUDIT_PAGE_SIZE, ZAuditQuery } from "./schemas";
import { AUDIT_ACTIONS, AUDIT_ACTION_NAMES, type AuditAction } from "./audit-actions";

export type AuditEventRow = {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
  createdAt: Date;
  actor: { id: string; name: string } | null;
  apiToken: { name: string } | null;
  story: { id: string; title: string } | null;
};

export type AuditPage = { events: AuditEventRow[]; nextCursor: string | null };

const select = {
  id: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  createdAt: true,
  actor: { select: { id: true, name: true } },
  apiToken: { select: { name: true } },
  story: { select: { id: true, title: true } },
} as const;

async function page(where: Prisma.AuditEventWhereInput, cursor: string | undefined): Promise<AuditPage> {
  // keyset paging on (createdAt, id), the sort order itself, so pages never skip or repeat
  // events even when two instances' clocks disagree with id order
  const anchor = cursor ? await db.auditEvent.findUnique({ where: { id: cursor }, select: { id: true, createdAt: true } }) : null;
  const after: Prisma.AuditEventWhereInput | null = anchor
    ? { OR: [{ createdAt: { lt: anchor.createdAt } }, { createdAt: anchor.createdAt, id: { lt: anchor.id } }] }
    : null;
  const rows = await db.auditEvent.findMany({
    where: after ? { AND: [where, after] } : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
    select,
  });
  const events = rows.slice(0, AUDIT_PAGE_SIZE);
  return { events, nextCursor: rows.length > AUDIT_PAGE_SIZE ? (events.at(-1)?.id ?? null) : null };
}

/** The audit events of one story, newest first (anyone who can read the story). */
export async function listStoryActivity(actor: Actor, storyId: string, rawCursor?: string): Promise<AuditPage> {
  assertCan(actor, "story.read");
  if (!isUuid(storyId)) throw notFound("That story");
  const story = await db.story.findUnique({ where: { id: storyId }, select: { id: true } });
  if (!story) throw notFound("That story");
  const { cursor } = ZAuditQuery.parse({ cursor: rawCursor });
  return page({ storyId }, cursor);
}

/** The whole desk's audit log with filters by person, action and day range (admins only). */
export async function listDeskAudit(actor: Actor, rawQuery: unknown): Promise<AuditPage & { query: ReturnType<typeof ZAuditQuery.parse> }> {
  assertCan(actor, "audit.read_all");
  const query = ZAuditQuery.parse(rawQuery ?? {});
  const createdAt: Prisma.DateTimeFilter = {};
  if (query.from) createdAt.gte = new Date(`${query.from}T00:00:00.000Z`);
  if (query.to) createdAt.lt = new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + 86_400_000);
  const where: Prisma.AuditEventWhereInput = {
    ...(query.actorId ? { actorId: query.actorId } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.from || query.to ? { createdAt } : {}),
  };
  return { ...(await page(where, query.cursor)), query };
}

/** The actions the desk audit log can be filtered by: the whole catalogue, with its labels. */
export async function listAuditActions(actor: Actor): Promise<{ action: AuditAction; label: string }[]> {
  assertCan(actor, "audit.read_all");
  return AUDIT_ACTION_NAMES.map((action) => ({ action, label: AUDIT_ACTIONS[action] }));
}
