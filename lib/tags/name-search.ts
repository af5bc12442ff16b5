import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { joinedNameKey, nameSearchKeys, nameVariantKey } from "@/lib/text/name-variants";
import { keyStoryTagAliases } from "./record-tag-aliases";

/**
 * How close, by pg_trgm's word similarity, accent-free query words must come to words of a
 * claim to count as the same name misspelt ("Halvek" / "Halveck"). Below this, unrelated words
 * that share a syllable meet.
 */
const WORD_SIMILARITY_MIN = 0.6;

/** Claims keyed per batch when a story's search fills in keys. */
const KEY_BATCH = 500;

/** The words of a claim as the name search reads them: variant spellings and their joined runs, padded with spaces. */
export function claimNameKeys(statement: string, exact: string): string {
  // (a run never joins the statement's last words to the quote's first)
  return `${nameSearchKeys(statement)}${nameSearchKeys(exact).slice(1)}`;
}

/**
 * Fills in the name keys of the story's claims whose words are new or changed (a write that
 * changes them clears the keys, see migration 20261203110000_tag_aliases). Call before a search.
 */
export async function keyStoryClaimNames(tx: Tx, storyId: string): Promise<void> {
  for (;;) {
    const rows = await tx.$queryRaw<{ id: string; statement: string; exact: string }[]>`
      SELECT id, statement, exact FROM "Claim" WHERE "storyId" = ${storyId}::uuid AND "nameKeys" IS NULL LIMIT ${KEY_BATCH}`;
    if (rows.length === 0) return;
    const keyed = rows.map((row) => ({ id: row.id, keys: claimNameKeys(row.statement, row.exact), statement: row.statement, exact: row.exact }));
    // only if the words are still the ones keyed: a concurrent edit clears the keys again
    await tx.$executeRaw`
      UPDATE "Claim" AS c SET "nameKeys" = k.keys
        FROM jsonb_to_recordset(${JSON.stringify(keyed)}::jsonb) AS k(id uuid, keys text, statement text, exact text)
       WHERE c.id = k.id AND c."nameKeys" IS NULL AND c.statement = k.statement AND c.exact = k.exact`;
    if (rows.length < KEY_BATCH) return;
  }
}

/**
 * Before a name search of a story: keys what changed since the last one (claims' words, tag
 * spellings carried over by the migration). A read when nothing changed.
 */
export async function prepareStoryNameSearch(storyId: string): Promise<void> {
  const [pending] = await db.$queryRaw<{ claims: boolean; aliases: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "Claim" WHERE "storyId" = ${storyId}::uuid AND "nameKeys" IS NULL) AS claims,
           EXISTS (SELECT 1 FROM "TagAlias" WHERE "storyId" = ${storyId}::uuid AND "variantKey" IS NULL) AS aliases`;
  if (!pending?.claims && !pending?.aliases) return;
  await db.$transaction(async (tx) => {
    if (pending.aliases) await keyStoryTagAliases(tx, storyId);
    if (pending.claims) await keyStoryClaimNames(tx, storyId);
  });
}

/**
 * Ids of the story's tags one of whose spellings the query names, by joined variant key
 * (anywhere in the query, word-bounded: "shelling of Al-Qasr" names the tag of "el Kasr",
 * "Talharun" the tag of "Tal Harun") or by a near accent-free spelling. A subquery; `storyId` must be a validated uuid.
 */
export function namedTagIdsSql(storyId: string, query: string): Prisma.Sql {
  return Prisma.sql`
    SELECT a."tagId" FROM "TagAlias" a
     WHERE a."storyId" = ${storyId}::uuid
       AND ((a."variantKey" <> '' AND position(' ' || a."variantKey" || ' ' in ${nameSearchKeys(query, { everyRun: true })}) > 0)
            OR similarity(lower("wd_unaccent"(a."value")), lower("wd_unaccent"(${query}))) >= ${WORD_SIMILARITY_MIN})`;
}

/**
 * Condition on the claim alias `c`: the claim names what the query names, in any spelling. It
 * carries a tag the query names; or its words hold the query or a spelling of such a tag once
 * both are in variant spelling ("Al-Qassr" holds "el Kasr"); or its accent-free words come near
 * the query's by trigrams. Run keyStoryClaimNames first.
 */
export function claimNamesQuerySql(storyId: string, query: string): Prisma.Sql {
  const key = nameVariantKey(query);
  const joined = joinedNameKey(query);
  const named = namedTagIdsSql(storyId, query);
  return Prisma.sql`(
    EXISTS (SELECT 1 FROM "ClaimTag" ct JOIN "TagAlias" ta ON ta."storyId" = c."storyId" AND ta.kind = ct.kind AND ta.value = ct.value
             WHERE ct."claimId" = c."id" AND ta."tagId" IN (${named}))
    OR EXISTS (SELECT 1 FROM "TagAlias" sp
                WHERE sp."tagId" IN (${named}) AND sp."variantKey" <> '' AND position(' ' || sp."variantKey" || ' ' in c."nameKeys") > 0)
    ${key ? Prisma.sql`OR position(${` ${key} `} in c."nameKeys") > 0` : Prisma.empty}
    ${joined && joined !== key ? Prisma.sql`OR position(${` ${joined} `} in c."nameKeys") > 0` : Prisma.empty}
    OR word_similarity(lower("wd_unaccent"(${query})), lower("wd_unaccent"(c."statement"::text || ' ' || c."exact"))) >= ${WORD_SIMILARITY_MIN}
  )`;
}
