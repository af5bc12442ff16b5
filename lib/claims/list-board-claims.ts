import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AnchorState, ClaimStatus, TagKind } from "@/lib/generated/prisma/enums";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors/domain-errors";
import { BOARD_PAGE_SIZE, ZBoardQuery, type TBoardQuery } from "./schemas";
import { CLAIM_STATUS_ORDER } from "./status-meta";
import { isUuid } from "@/lib/http/uuid";
import { claimNamesQuerySql, prepareStoryNameSearch } from "@/lib/tags/name-search";

type PersonRef = { id: string; name: string };
type TagRef = { kind: TagKind; value: string };

/** One line of the claims board. */
export type BoardRow = {
  id: string;
  /** optimistic-lock counter, for actions taken from the board */
  version: number;
  statement: string;
  exact: string;
  status: ClaimStatus;
  anchorState: AnchorState;
  attribution: string | null;
  report: { id: string; headline: string; source: string | null };
  assignee: PersonRef | null;
  tags: TagRef[];
  /** in no fact that two or more outlets carry: "reported by one source" */
  singleSource: boolean;
  updatedAt: Date;
  createdAt: Date;
};

export type BoardPage = {
  claims: BoardRow[];
  /** claims per status under every filter except the status one, so they explain that filter */
  counts: Record<ClaimStatus, number>;
  /** claims matching every filter (the sum of `counts`, or one of them under a status filter) */
  total: number;
  page: number;
  pageCount: number;
  query: TBoardQuery;
  /** choices for the filters: sources of the story's reports, its claims' tags and assignees */
  sources: { id: string; name: string }[];
  tags: TagRef[];
  assignees: PersonRef[];
};

/** At most this many distinct tags are offered as filter choices (alphabetical). */
const TAG_CHOICES_MAX = 500;

/**
 * The board's text-search document. It must stay identical to the expression of
 * "Claim_search_idx" (migration 20261121180000_claim_search) or the index is not used.
 */
const claimSearchVector = Prisma.sql`to_tsvector('english'::regconfig, c."statement"::text || ' ' || c."exact" || ' ' || coalesce(c."attribution", ''))`;

/** Every board condition on the claim alias `c`; `includeStatus: false` leaves out the status one. */
function boardConditions(actor: Actor, storyId: string, query: TBoardQuery, includeStatus: boolean): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`c."storyId" = ${storyId}::uuid`];
  if (includeStatus && query.status) conditions.push(Prisma.sql`c."status" = ${query.status}::"ClaimStatus"`);
  if (query.assignee === "none") conditions.push(Prisma.sql`c."assigneeId" IS NULL`);
  else if (query.assignee) conditions.push(Prisma.sql`c."assigneeId" = ${query.assignee === "me" ? actor.id : query.assignee}::uuid`);
  if (query.source) {
    // through the story's reports of that source (Report_storyId_sourceId_idx), no join needed
    conditions.push(Prisma.sql`c."reportId" IN (SELECT r2."id" FROM "Report" r2 WHERE r2."storyId" = ${storyId}::uuid AND r2."sourceId" = ${query.source}::uuid)`);
  }
  if (query.tag) {
    // a tag filter takes every spelling of the tag: "el Kasr" lists claims tagged "Al-Qasr" too
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "ClaimTag" t2 WHERE t2."claimId" = c."id" AND (lower(t2."value") = lower(${query.tag})
      OR EXISTS (SELECT 1 FROM "TagAlias" ta WHERE ta."storyId" = c."storyId" AND ta.kind = t2.kind AND ta.value = t2.value
                   AND ta."tagId" IN (SELECT a2."tagId" FROM "TagAlias" a2 WHERE a2."storyId" = c."storyId" AND lower(a2.value) = lower(${query.tag})))))`);
  }
  if (query.anchor) conditions.push(Prisma.sql`c."anchorState" = ${query.anchor === "orphaned" ? "ORPHANED" : "FUZZY"}::"AnchorState"`);
  // words by full text, names in any of their spellings (tags' aliases, accents, near spellings)
  if (query.q) conditions.push(Prisma.sql`(${claimSearchVector} @@ websearch_to_tsquery('english', ${query.q}) OR ${claimNamesQuerySql(storyId, query.q)})`);
  return Prisma.join(conditions, " AND ");
}

/**
 * ORDER BY for a sort, over the claim alias `c` and report alias `r`; the id breaks ties so pages
 * never overlap. Postgres orders an enum by declaration order, which is CLAIM_STATUS_ORDER's.
 */
function boardOrder(sort: TBoardQuery["sort"]): Prisma.Sql {
  switch (sort) {
    case "status":
      return Prisma.sql`c."status" ASC, c."updatedAt" DESC, c."id" DESC`;
    case "created":
      return Prisma.sql`c."createdAt" DESC, c."id" DESC`;
    case "report":
      return Prisma.sql`r."publishedAt" DESC NULLS LAST, r."id" ASC, c."start" ASC, c."id" ASC`;
    case "updated":
      return Prisma.sql`c."updatedAt" DESC, c."id" DESC`;
  }
}

/**
 * The SQL the board issues for one request: the story with its filter choices, the counts by
 * status, and one page of rows. Exported so the benchmark can EXPLAIN exactly what runs; call it
 * only with a validated query.
 */
export function boardQueries(actor: Actor, storyId: string, query: TBoardQuery): { choices: Prisma.Sql; counts: Prisma.Sql; page: Prisma.Sql } {
  const choices = Prisma.sql`
    SELECT EXISTS (SELECT 1 FROM "Story" WHERE "id" = ${storyId}::uuid) AS found,
           (SELECT json_agg(json_build_object('id', so."id", 'name', so."name") ORDER BY so."name", so."id")
              FROM "Source" so
             WHERE so."id" IN (SELECT r."sourceId" FROM "Report" r WHERE r."storyId" = ${storyId}::uuid)) AS sources,
           (SELECT json_agg(json_build_object('kind', x."kind", 'value', x."value") ORDER BY lower(x."value"), x."kind")
              FROM (SELECT DISTINCT t."kind", coalesce(tn."name", t."value") AS "value"
                      FROM "ClaimTag" t JOIN "Claim" c ON c."id" = t."claimId"
                      LEFT JOIN "TagAlias" ta ON ta."storyId" = c."storyId" AND ta."kind" = t."kind" AND ta."value" = t."value"
                      LEFT JOIN "Tag" tn ON tn."id" = ta."tagId"
                     WHERE c."storyId" = ${storyId}::uuid
                     ORDER BY 2, 1
                     LIMIT ${TAG_CHOICES_MAX}) x) AS tags,
           (SELECT json_agg(json_build_object('id', u."id", 'name', u."name") ORDER BY u."name", u."id")
              FROM "User" u
             WHERE u."id" IN (SELECT c."assigneeId" FROM "Claim" c WHERE c."storyId" = ${storyId}::uuid AND c."assigneeId" IS NOT NULL)) AS assignees`;
  const counts = Prisma.sql`
    SELECT c."status"::text AS status, count(*)::int AS n
      FROM "Claim" c
     WHERE ${boardConditions(actor, storyId, query, false)}
     GROUP BY c."status"`;
  const order = boardOrder(query.sort);
  // With a text search, the planner would walk the story's claims in page order and compute
  // to_tsvector for each until it has a page (it underrates that function's cost): ~16 ms at
  // 5,000 claims. "OFFSET 0" plans the matching on its own, through Claim_search_idx, and the
  // few hundred matches are sorted instead: ~1 ms (bench/claims-board.ts prints both plans).
  const claims = query.q
    ? Prisma.sql`(SELECT c.* FROM "Claim" c WHERE ${boardConditions(actor, storyId, query, true)} OFFSET 0) c`
    : Prisma.sql`"Claim" c`;
  const where = query.q ? Prisma.sql`true` : boardConditions(actor, storyId, query, true);
  // The inner query picks the page's ids (joining the report only when its order needs it);
  // the outer one loads what a row shows for those 100 claims only.
  const page = Prisma.sql`
    SELECT c."id", c."version", c."statement", c."exact", c."status"::text AS status, c."anchorState"::text AS "anchorState",
           c."attribution", c."updatedAt", c."createdAt",
           r."id" AS "reportId", r."headline" AS "reportHeadline", s."name" AS "sourceName",
           u."id" AS "assigneeId", u."name" AS "assigneeName",
           coalesce(tg.list, '[]'::json) AS tags,
           NOT EXISTS (SELECT 1 FROM "Fact" f WHERE f."id" = c."factId" AND f."sourceCount" >= 2) AS "singleSource"
      FROM (
        SELECT c."id"
          FROM ${claims}
          ${query.sort === "report" ? Prisma.sql`JOIN "Report" r ON r."id" = c."reportId"` : Prisma.empty}
         WHERE ${where}
         ORDER BY ${order}
         LIMIT ${BOARD_PAGE_SIZE} OFFSET ${(query.page - 1) * BOARD_PAGE_SIZE}
      ) p
      JOIN "Claim" c ON c."id" = p."id"
      JOIN "Report" r ON r."id" = c."reportId"
      LEFT JOIN "Source" s ON s."id" = r."sourceId"
      LEFT JOIN "User" u ON u."id" = c."assigneeId"
      LEFT JOIN LATERAL (
        -- a tag shows by its one name, whichever spelling this claim carries
        SELECT json_agg(json_build_object('kind', x."kind", 'value', x."value") ORDER BY x."kind", x."value") AS list
          FROM (SELECT DISTINCT t."kind", coalesce(tn."name", t."value") AS "value"
                  FROM "ClaimTag" t
                  LEFT JOIN "TagAlias" ta ON ta."storyId" = c."storyId" AND ta."kind" = t."kind" AND ta."value" = t."value"
                  LEFT JOIN "Tag" tn ON tn."id" = ta."tagId"
                 WHERE t."claimId" = c."id") x
      ) tg ON true
     ORDER BY ${order}`;
  return { choices, counts, page };
}

type PageRecord = {
  id: string;
  version: number;
  statement: string;
  exact: string;
  status: string;
  anchorState: string;
  attribution: string | null;
  updatedAt: Date;
  createdAt: Date;
  reportId: string;
  reportHeadline: string;
  sourceName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  tags: TagRef[];
  singleSource: boolean;
};

type ChoicesRecord = { found: boolean; sources: { id: string; name: string }[] | null; tags: TagRef[] | null; assignees: PersonRef[] | null };

/**
 * One page of a story's claims board with counts by status and the filters' choices. Three
 * queries, run side by side: the story with its filter choices, the counts, and the page.
 * Unknown or stale filter values in `rawQuery` fall back to "no filter".
 */
export async function listBoardClaims(actor: Actor, storyId: string, rawQuery: unknown): Promise<BoardPage> {
  assertCan(actor, "story.read");
  if (!isUuid(storyId)) throw notFound("That story");
  const query = ZBoardQuery.parse(rawQuery ?? {});
  if (query.q || query.tag) await prepareStoryNameSearch(storyId);
  const sql = boardQueries(actor, storyId, query);

  const [choicesRows, countRows, pageRows] = await Promise.all([
    db.$queryRaw<ChoicesRecord[]>(sql.choices),
    db.$queryRaw<{ status: string; n: number }[]>(sql.counts),
    db.$queryRaw<PageRecord[]>(sql.page),
  ]);
  const choices = choicesRows[0];
  if (!choices?.found) throw notFound("That story");

  const counts = Object.fromEntries(CLAIM_STATUS_ORDER.map((status) => [status, 0])) as Record<ClaimStatus, number>;
  for (const row of countRows) counts[row.status as ClaimStatus] = row.n;
  const total = query.status ? counts[query.status as ClaimStatus] : Object.values(counts).reduce((sum, n) => sum + n, 0);

  return {
    claims: pageRows.map((row) => ({
      id: row.id,
      version: row.version,
      statement: row.statement,
      exact: row.exact,
      status: row.status as ClaimStatus,
      anchorState: row.anchorState as AnchorState,
      attribution: row.attribution,
      report: { id: row.reportId, headline: row.reportHeadline, source: row.sourceName },
      assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? "" } : null,
      tags: row.tags,
      singleSource: row.singleSource,
      updatedAt: row.updatedAt,
      createdAt: row.createdAt,
    })),
    counts,
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / BOARD_PAGE_SIZE)),
    query,
    sources: choices.sources ?? [],
    tags: choices.tags ?? [],
    assignees: choices.assignees ?? [],
  };
}
