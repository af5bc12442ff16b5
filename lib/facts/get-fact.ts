import "server-only";
import { db } from "@/lib/db/client";
import type { ClaimStatus, ConflictKind, FactState } from "@/lib/generated/prisma/enums";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors/domain-errors";
import { isUuid } from "@/lib/http/uuid";
import { factStatusOf, type FactStatusView } from "./fact-status";
import { UNKNOWN_SOURCE, type MemberKind } from "./fact-members";

export type FactMemberView = {
  id: string;
  kind: MemberKind;
  /** the claim's verification status; null for a pending suggestion */
  status: ClaimStatus | null;
  source: string;
  reportId: string;
  headline: string;
  publishedAt: Date | null;
  quote: string;
  attribution: string | null;
  pinned: boolean;
};

export type FactDetail = {
  id: string;
  storyId: string;
  statement: string;
  state: FactState;
  locked: boolean;
  sources: string[];
  sourceCount: number;
  version: number;
  /** derived from all its claims, or set by an editor */
  status: FactStatusView;
  confirmedBy: string | null;
  members: FactMemberView[];
  conflicts: { kind: ConflictKind; claimIds: string[]; detail: string }[];
  /** the story's other facts, strongest first: targets for merge and move */
  otherFacts: { id: string; statement: string; sourceCount: number; version: number }[];
};

/** One fact of a story with its claims side by side (oldest report first), its conflicts and the other facts. */
export async function getFact(actor: Actor, storyId: string, factId: string): Promise<FactDetail> {
  assertCan(actor, "story.read");
  if (!isUuid(storyId) || !isUuid(factId)) throw notFound("That fact");
  const fact = await db.fact.findFirst({
    where: { id: factId, storyId },
    select: {
      id: true,
      storyId: true,
      statement: true,
      state: true,
      locked: true,
      sources: true,
      sourceCount: true,
      version: true,
      editorStatus: true,
      confirmedBy: { select: { name: true } },
      conflicts: { select: { kind: true, claimIds: true, detail: true }, orderBy: { kind: "asc" } },
    },
  });
  if (!fact) throw notFound("That fact");
  const [members, otherFacts] = await Promise.all([
    db.$queryRaw<FactMemberView[]>`
      SELECT c.id, 'claim' AS kind, c.status, COALESCE(src.name, ${UNKNOWN_SOURCE}) AS source, r.id AS "reportId", r.headline, r."publishedAt",
        c.exact AS quote, c.attribution, c."factPinned" AS pinned
      FROM "Claim" c JOIN "Report" r ON r.id = c."reportId" LEFT JOIN "Source" src ON src.id = r."sourceId"
      WHERE c."factId" = ${factId}::uuid
      UNION ALL
      SELECT s.id, 'suggestion' AS kind, NULL AS status, COALESCE(src.name, ${UNKNOWN_SOURCE}) AS source, r.id AS "reportId", r.headline, r."publishedAt",
        s.text AS quote, NULL AS attribution, s."factPinned" AS pinned
      FROM "ClaimSuggestion" s JOIN "Report" r ON r.id = s."reportId" LEFT JOIN "Source" src ON src.id = r."sourceId"
      WHERE s."factId" = ${factId}::uuid
      ORDER BY "publishedAt" ASC NULLS LAST, source, id`,
    db.fact.findMany({
      where: { storyId, id: { not: factId }, claimCount: { gt: 0 } },
      select: { id: true, statement: true, sourceCount: true, version: true },
      orderBy: [{ sourceCount: "desc" }, { claimCount: "desc" }, { id: "asc" }],
      take: 300,
    }),
  ]);
  const { confirmedBy, editorStatus, ...rest } = fact;
  const status = factStatusOf(members.flatMap((m) => (m.status ? [m.status] : [])), editorStatus);
  return { ...rest, status, confirmedBy: confirmedBy?.name ?? null, members, otherFacts };
}
