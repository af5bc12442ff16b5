import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimStatus, ConflictKind, FactState } from "@/lib/generated/prisma/enums";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors/domain-errors";
import { isUuid } from "@/lib/http/uuid";
import { factStatusOf, type FactStatusView } from "./fact-status";
import { statedPart } from "./stated-part";
import { CURRENT_SUGGESTION, PLACED_CLAIM, UNKNOWN_SOURCE, type MemberKind } from "./fact-members";

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
  /**
   * the part of `quote` that states this fact (offsets into it), when the sentence states other
   * facts too ("..., killing nine people": the toll); null when the whole sentence states it
   */
  stated: { start: number; end: number } | null;
  /** the further facts this member states as well (ClaimFactLink, SuggestionFactLink) */
  alsoIn: { id: string; statement: string }[];
};

/** A claim or pending suggestion filed under another fact (its primary one) that states this fact as well. */
export type FactFurtherMemberView = Omit<FactMemberView, "pinned" | "alsoIn"> & {
  primaryFact: { id: string; statement: string };
};

export type FactDetail = {
  id: string;
  storyId: string;
  statement: string;
  /** what the fact is about in a few words ("Death toll"), or empty */
  about: string;
  state: FactState;
  locked: boolean;
  sources: string[];
  sourceCount: number;
  version: number;
  /** derived from all its claims, or set by an editor */
  status: FactStatusView;
  confirmedBy: string | null;
  members: FactMemberView[];
  /** placed claims and pending suggestions filed under another fact that state this one too; they count among its sources */
  furtherMembers: FactFurtherMemberView[];
  conflicts: { kind: ConflictKind; claimIds: string[]; detail: string }[];
  /** the story's other facts, strongest first: targets for merge and move */
  otherFacts: { id: string; statement: string; sourceCount: number; version: number }[];
};

/** A member's entries in the fact and the spans of all its entries (offsets into its quote; null: one entry). */
type Spans = { entries: number[]; spans: [number, number][] | null };

/** `spans` (see `Spans`) of the member read as `alias` (a constant: "c" for a claim, "s" for a suggestion). */
function spansOf(alias: "c" | "s"): Prisma.Sql {
  const m = Prisma.raw(alias);
  return Prisma.sql`(SELECT jsonb_agg(jsonb_build_array((e->>'start')::int - ${m}.start, (e->>'end')::int - ${m}.start)) FROM jsonb_array_elements(${m}.features->'entries') e) AS spans`;
}
const SPANS_CLAIM = spansOf("c");
const SPANS_SUGGESTION = spansOf("s");

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
      about: true,
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
  const [primaryMembers, furtherMembers, alsoIn, otherFacts] = await Promise.all([
    db.$queryRaw<(Omit<FactMemberView, "alsoIn" | "stated"> & Spans)[]>`
      SELECT c.id, 'claim' AS kind, c.status, COALESCE(src.name, ${UNKNOWN_SOURCE}) AS source, r.id AS "reportId", r.headline, r."publishedAt",
        c.exact AS quote, c.attribution, c."factPinned" AS pinned, COALESCE(c."factEntries", '{}') AS entries, ${SPANS_CLAIM}
      FROM "Claim" c JOIN "Report" r ON r.id = c."reportId" LEFT JOIN "Source" src ON src.id = r."sourceId"
      WHERE c."factId" = ${factId}::uuid
      UNION ALL
      SELECT s.id, 'suggestion' AS kind, NULL AS status, COALESCE(src.name, ${UNKNOWN_SOURCE}) AS source, r.id AS "reportId", r.headline, r."publishedAt",
        s.text AS quote, NULL AS attribution, s."factPinned" AS pinned, COALESCE(s."factEntries", '{}') AS entries, ${SPANS_SUGGESTION}
      FROM "ClaimSuggestion" s JOIN "Report" r ON r.id = s."reportId" LEFT JOIN "Source" src ON src.id = r."sourceId"
      WHERE s."factId" = ${factId}::uuid
      ORDER BY "publishedAt" ASC NULLS LAST, source, id`,
    db.$queryRaw<(Omit<FactFurtherMemberView, "primaryFact" | "stated"> & Spans & { primaryFactId: string; primaryFactStatement: string })[]>`
      SELECT c.id, 'claim' AS kind, c.status, COALESCE(src.name, ${UNKNOWN_SOURCE}) AS source, r.id AS "reportId", r.headline, r."publishedAt",
        c.exact AS quote, c.attribution, pf.id AS "primaryFactId", pf.statement AS "primaryFactStatement", COALESCE(l.entries, '{}') AS entries, ${SPANS_CLAIM}
      FROM "ClaimFactLink" l JOIN "Claim" c ON c.id = l."claimId" JOIN "Fact" pf ON pf.id = c."factId"
        JOIN "Report" r ON r.id = c."reportId" LEFT JOIN "Source" src ON src.id = r."sourceId"
      WHERE l."factId" = ${factId}::uuid AND ${PLACED_CLAIM}
      UNION ALL
      SELECT s.id, 'suggestion' AS kind, NULL AS status, COALESCE(src.name, ${UNKNOWN_SOURCE}) AS source, r.id AS "reportId", r.headline, r."publishedAt",
        s.text AS quote, NULL AS attribution, pf.id AS "primaryFactId", pf.statement AS "primaryFactStatement", COALESCE(l.entries, '{}') AS entries, ${SPANS_SUGGESTION}
      FROM "SuggestionFactLink" l JOIN "ClaimSuggestion" s ON s.id = l."suggestionId" JOIN "Fact" pf ON pf.id = s."factId"
        JOIN "Report" r ON r.id = s."reportId" JOIN "ReportVersion" v ON v.id = s."reportVersionId" LEFT JOIN "Source" src ON src.id = r."sourceId"
      WHERE l."factId" = ${factId}::uuid AND ${CURRENT_SUGGESTION}
      ORDER BY "publishedAt" ASC NULLS LAST, source, id`,
    db.$queryRaw<{ claimId: string; id: string; statement: string }[]>`
      SELECT l."claimId", f.id, f.statement, l."createdAt"
      FROM "ClaimFactLink" l JOIN "Claim" c ON c.id = l."claimId" JOIN "Fact" f ON f.id = l."factId"
      WHERE c."factId" = ${factId}::uuid
      UNION ALL
      SELECT l."suggestionId" AS "claimId", f.id, f.statement, l."createdAt"
      FROM "SuggestionFactLink" l JOIN "ClaimSuggestion" s ON s.id = l."suggestionId" JOIN "Fact" f ON f.id = l."factId"
      WHERE s."factId" = ${factId}::uuid
      ORDER BY "createdAt", id`,
    db.fact.findMany({
      // (a fact only sentences filed elsewhere state is a target too)
      where: { storyId, id: { not: factId }, OR: [{ claimCount: { gt: 0 } }, { furtherClaims: { some: {} } }, { furtherSuggestions: { some: {} } }] },
      select: { id: true, statement: true, sourceCount: true, version: true },
      orderBy: [{ sourceCount: "desc" }, { claimCount: "desc" }, { id: "asc" }],
      take: 300,
    }),
  ]);
  const { confirmedBy, editorStatus, ...rest } = fact;
  const alsoInOf = new Map<string, { id: string; statement: string }[]>();
  for (const { claimId, id, statement } of alsoIn) alsoInOf.set(claimId, [...(alsoInOf.get(claimId) ?? []), { id, statement }]);
  const members = primaryMembers.map(({ entries, spans, ...member }) => ({ ...member, stated: statedPart(member.quote, entries, spans), alsoIn: alsoInOf.get(member.id) ?? [] }));
  // the status is derived from the claims stating the fact, filed under it or further, as its conflicts are
  const status = factStatusOf([...members, ...furtherMembers].flatMap((m) => (m.status ? [m.status] : [])), editorStatus);
  return {
    ...rest,
    status,
    confirmedBy: confirmedBy?.name ?? null,
    members,
    furtherMembers: furtherMembers.map(({ primaryFactId, primaryFactStatement, entries, spans, ...member }) => ({
      ...member,
      stated: statedPart(member.quote, entries, spans),
      primaryFact: { id: primaryFactId, statement: primaryFactStatement },
    })),
    otherFacts,
  };
}
