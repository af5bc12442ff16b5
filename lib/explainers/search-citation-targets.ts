import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { isUuid } from "@/lib/http/uuid";
import { visibleText } from "@/lib/text/visible-text-schema";
import { claimNamesQuerySql, prepareStoryNameSearch } from "@/lib/tags/name-search";
import { CITATION_TARGET_LIMIT } from "./citation-targets";

const ZCitationSearch = z.object({ q: visibleText().trim().min(1, "Type something to search for.").max(200, "Search for at most 200 characters.") });

/** At most this many words of a query are matched one by one. */
const QUERY_WORDS_MAX = 12;

/**
 * Keys ("claim:<id>", "fact:<id>") of the story's citation targets that match a "/" query: every
 * word appears (accents and case aside) in a claim's statement, quote, attribution or outlet, or
 * the claim names what the query names in any spelling ("Al-Qasr" finds "el Kasr"). A fact
 * matches by its statement or by any of its claims. Claims first, newest first.
 */
export async function searchCitationTargets(actor: Actor, storyId: string, input: unknown): Promise<string[]> {
  assertCan(actor, "story.read");
  const { q } = parseInput(ZCitationSearch, input);
  if (!isUuid(storyId) || (await db.story.count({ where: { id: storyId } })) === 0) throw notFound("That story");
  await prepareStoryNameSearch(storyId);
  const words = q.split(/\s+/u).filter(Boolean).slice(0, QUERY_WORDS_MAX);
  const claimText = Prisma.sql`lower("wd_unaccent"(c."statement"::text || ' ' || c."exact" || ' ' || coalesce(c."attribution", '') || ' ' || coalesce(s."name", '')))`;
  const everyWord = Prisma.join(
    words.map((word) => Prisma.sql`position(lower("wd_unaccent"(${word})) in ${claimText}) > 0`),
    " AND ",
  );
  const claimMatches = Prisma.sql`(${everyWord}) OR ${claimNamesQuerySql(storyId, q)}`;
  const factText = Prisma.sql`lower("wd_unaccent"(f."statement"))`;
  const factWords = Prisma.join(
    words.map((word) => Prisma.sql`position(lower("wd_unaccent"(${word})) in ${factText}) > 0`),
    " AND ",
  );
  const rows = await db.$queryRaw<{ key: string }[]>`
    (SELECT 'claim:' || c.id AS key, 0 AS kind, c."updatedAt" AS at
       FROM "Claim" c JOIN "Report" r ON r.id = c."reportId" LEFT JOIN "Source" s ON s.id = r."sourceId"
      WHERE c."storyId" = ${storyId}::uuid AND c."anchorState" <> 'RETIRED' AND (${claimMatches})
      ORDER BY c."updatedAt" DESC, c.id DESC
      LIMIT ${CITATION_TARGET_LIMIT})
    UNION ALL
    (SELECT 'fact:' || f.id AS key, 1 AS kind, f."updatedAt" AS at
       FROM "Fact" f
      WHERE f."storyId" = ${storyId}::uuid
        AND ((${factWords}) OR EXISTS (
              SELECT 1 FROM "Claim" c JOIN "Report" r ON r.id = c."reportId" LEFT JOIN "Source" s ON s.id = r."sourceId"
               WHERE c."factId" = f.id AND (${claimMatches})))
      ORDER BY f."sourceCount" DESC, f.id DESC
      LIMIT ${CITATION_TARGET_LIMIT})
    ORDER BY kind, at DESC`;
  return rows.map((row) => row.key);
}
