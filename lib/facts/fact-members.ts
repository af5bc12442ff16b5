import "server-only";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  ANALYSIS_VERSION,
  independentSources,
  memberEntries,
  storedFeatures,
  summarizeFact,
  type AnalysisReport,
  type FeaturedClaim,
  type StoredFeatures,
} from "@/lib/analysis/facts";
import { uncountedGarbledMembers } from "@/lib/reports/garbled-passages";

/*
 * A fact's members are claims and PENDING suggestions (an editor has not decided on them yet,
 * but they still corroborate, unless taken from a garbled passage no editor has checked). Both kinds carry factId, factPinned and their stored analysis
 * features; ids never collide (both are UUIDs), so the analysis sees one list of members.
 */

export type MemberKind = "claim" | "suggestion";

export type MemberRow = {
  id: string;
  kind: MemberKind;
  reportId: string;
  start: number;
  end: number;
  text: string;
  source: string;
  factId: string | null;
  pinned: boolean;
  /** the member's entries (lib/analysis/facts/entries.ts) that stand in `factId`; empty: all */
  entries: number[];
  features: StoredFeatures | null;
  featuresVersion: number | null;
};

/** A report with no source still counts as one (unnamed) outlet. */
export const UNKNOWN_SOURCE = "Unknown source";

// A member's independent source is the agency its report's current version credits ("Orrin News
// Agency reported"), else the report's outlet: an aggregator relaying an agency is not a second
// source.
const MEMBER_COLUMNS = {
  claim: Prisma.sql`c.id, 'claim' AS kind, c."reportId", c.start, c."end", c.exact AS text, COALESCE((SELECT cv.credit FROM "ReportVersion" cv WHERE cv."reportId" = r.id AND cv.version = r."currentVersion"), src.name, ${UNKNOWN_SOURCE}) AS source,
    c."factId", c."factPinned" AS pinned, COALESCE(c."factEntries", '{}') AS entries, c.features, c."featuresVersion"`,
  suggestion: Prisma.sql`s.id, 'suggestion' AS kind, s."reportId", s.start, s."end", s.text, COALESCE((SELECT cv.credit FROM "ReportVersion" cv WHERE cv."reportId" = r.id AND cv.version = r."currentVersion"), src.name, ${UNKNOWN_SOURCE}) AS source,
    s."factId", s."factPinned" AS pinned, COALESCE(s."factEntries", '{}') AS entries, s.features, s."featuresVersion"`,
};

/**
 * A report whose claims may corroborate: not killed by its source, and not held by an embargo
 * (its analysis is queued for the release time).
 */
export const CITABLE_REPORT = Prisma.sql`r."killedAt" IS NULL AND (r."embargoedUntil" IS NULL OR r."embargoedUntil" <= now())`;

/**
 * Claims that can stand in a fact: placed in the current text of a citable report (orphans and
 * retired claims cannot). Reads the claim as `c` and its report as `r`. The same rule says which
 * further members count among a fact's outlets, are listed on its page and counted on the Facts tab.
 */
export const PLACED_CLAIM = Prisma.sql`c."anchorState" IN ('ANCHORED', 'FUZZY') AND ${CITABLE_REPORT}`;

/**
 * A pending suggestion on the report's current version, unless an editor tagged a claim over
 * the same words since: the claim speaks for that sentence, and two members of one outlet
 * saying the same words would only clutter the fact.
 */
export const CURRENT_SUGGESTION = Prisma.sql`s.state = 'PENDING' AND v.version = r."currentVersion" AND ${CITABLE_REPORT} AND NOT EXISTS (
    SELECT 1 FROM "Claim" c WHERE c."reportVersionId" = s."reportVersionId" AND c."anchorState" IN ('ANCHORED', 'FUZZY')
      AND c.start < s."end" AND s.start < c."end")`;

/** Members of the given facts (any story: callers pass ids they looked up by story). */
export async function loadFactMembers(tx: Tx, factIds: string[]): Promise<MemberRow[]> {
  if (factIds.length === 0) return [];
  return tx.$queryRaw<MemberRow[]>`
    SELECT ${MEMBER_COLUMNS.claim}
    FROM "Claim" c JOIN "Report" r ON r.id = c."reportId" LEFT JOIN "Source" src ON src.id = r."sourceId"
    WHERE c."factId" = ANY(${factIds}::uuid[])
    UNION ALL
    SELECT ${MEMBER_COLUMNS.suggestion}
    FROM "ClaimSuggestion" s JOIN "Report" r ON r.id = s."reportId" LEFT JOIN "Source" src ON src.id = r."sourceId"
    WHERE s."factId" = ANY(${factIds}::uuid[])
    ORDER BY 1`;
}

/*
 * A worker keeps the members it has read, keyed by id and checked against the row's xmin (the
 * transaction that last wrote it), because reading 10,000 members' features anew for every
 * report cost most of an incremental analysis (~600 ms of ~1 s, JSON decoding mostly). Each
 * analysis still asks the database which members every fact has, under the story lock, and
 * fetches in full only the rows written since it last saw them: a stale entry cannot be used.
 */
type CachedMember = { xmin: string; row: MemberRow };
const memberCache = new Map<string, CachedMember>();
const MEMBER_CACHE_MAX = 200_000;

/** Forgets every cached member (benchmarks use it to measure a cold worker). */
export function clearMemberCache(): void {
  memberCache.clear();
}

/**
 * Every member of every fact of a story: what a new report is matched against. A member in
 * further facts comes once for each fact, with the entries it stands in that fact with.
 */
export async function loadStoryFactMembers(tx: Tx, storyId: string): Promise<MemberRow[]> {
  const heads = await tx.$queryRaw<{ id: string; xmin: string; factId: string; pinned: boolean; entries: number[] }[]>`
    SELECT c.id, c.xmin::text AS xmin, c."factId", c."factPinned" AS pinned, COALESCE(c."factEntries", '{}') AS entries FROM "Claim" c
    WHERE c."storyId" = ${storyId}::uuid AND c."factId" IS NOT NULL
    UNION ALL
    SELECT c.id, c.xmin::text AS xmin, l."factId", c."factPinned" AS pinned, COALESCE(l.entries, '{}') AS entries FROM "ClaimFactLink" l JOIN "Claim" c ON c.id = l."claimId"
    WHERE c."storyId" = ${storyId}::uuid AND c."factId" IS NOT NULL
    UNION ALL
    SELECT s.id, s.xmin::text AS xmin, s."factId", s."factPinned" AS pinned, COALESCE(s."factEntries", '{}') AS entries FROM "ClaimSuggestion" s JOIN "Report" r ON r.id = s."reportId"
    WHERE r."storyId" = ${storyId}::uuid AND s."factId" IS NOT NULL
    UNION ALL
    SELECT s.id, s.xmin::text AS xmin, l."factId", s."factPinned" AS pinned, COALESCE(l.entries, '{}') AS entries FROM "SuggestionFactLink" l JOIN "ClaimSuggestion" s ON s.id = l."suggestionId"
      JOIN "Report" r ON r.id = s."reportId"
    WHERE r."storyId" = ${storyId}::uuid AND s."factId" IS NOT NULL AND s.state = 'PENDING'
    ORDER BY 1, 3`;
  const missing = [...new Set(heads.filter((head) => memberCache.get(head.id)?.xmin !== head.xmin).map((head) => head.id))];
  if (missing.length > 0) {
    const rows = await tx.$queryRaw<(MemberRow & { xmin: string })[]>`
      SELECT ${MEMBER_COLUMNS.claim}, c.xmin::text AS xmin
      FROM "Claim" c JOIN "Report" r ON r.id = c."reportId" LEFT JOIN "Source" src ON src.id = r."sourceId"
      WHERE c.id = ANY(${missing}::uuid[])
      UNION ALL
      SELECT ${MEMBER_COLUMNS.suggestion}, s.xmin::text AS xmin
      FROM "ClaimSuggestion" s JOIN "Report" r ON r.id = s."reportId" LEFT JOIN "Source" src ON src.id = r."sourceId"
      WHERE s.id = ANY(${missing}::uuid[])`;
    if (memberCache.size + rows.length > MEMBER_CACHE_MAX) memberCache.clear();
    for (const { xmin, ...row } of rows) memberCache.set(row.id, { xmin, row });
  }
  const members: MemberRow[] = [];
  for (const head of heads) {
    const cached = memberCache.get(head.id);
    // gone between the two reads cannot happen under the story lock; skip rather than guess
    if (!cached || cached.xmin !== head.xmin) continue;
    members.push({ ...cached.row, factId: head.factId, pinned: head.pinned, entries: head.entries });
  }
  return members;
}

/**
 * The members a report contributes now: its placed claims and the pending suggestions on its
 * current version. `stale` lists the report's other members that still sit in a fact (orphaned or
 * retired claims, suggestions decided or left on an older version): analysis takes the unpinned
 * ones out.
 */
export async function loadReportMembers(tx: Tx, reportIds: string[]): Promise<{ current: MemberRow[]; stale: MemberRow[] }> {
  if (reportIds.length === 0) return { current: [], stale: [] };
  const rows = await tx.$queryRaw<(MemberRow & { current: boolean })[]>`
    SELECT ${MEMBER_COLUMNS.claim}, ${PLACED_CLAIM} AS current
    FROM "Claim" c JOIN "Report" r ON r.id = c."reportId" LEFT JOIN "Source" src ON src.id = r."sourceId"
    WHERE c."reportId" = ANY(${reportIds}::uuid[]) AND (${PLACED_CLAIM} OR c."factId" IS NOT NULL)
    UNION ALL
    SELECT ${MEMBER_COLUMNS.suggestion}, (${CURRENT_SUGGESTION}) AS current
    FROM "ClaimSuggestion" s JOIN "Report" r ON r.id = s."reportId" JOIN "ReportVersion" v ON v.id = s."reportVersionId"
      LEFT JOIN "Source" src ON src.id = r."sourceId"
    WHERE s."reportId" = ANY(${reportIds}::uuid[]) AND ((${CURRENT_SUGGESTION}) OR s."factId" IS NOT NULL)
    ORDER BY 1`;
  const strip = ({ current: _current, ...row }: MemberRow & { current: boolean }): MemberRow => row;
  return { current: rows.filter((row) => row.current).map(strip), stale: rows.filter((row) => !row.current).map(strip) };
}

type ReportContextRow = {
  id: string;
  source: string;
  text: string;
  publishedAt: Date | null;
  dateline: string | null;
  country: string | null;
  countrySince: Date | null;
};

/**
 * What the analysis needs to know about the reports: the dateline and time anchor relative
 * dates, and the story's main country (lib/facts/story-country.ts) says which claims happened
 * elsewhere. A story whose country was never worked out leaves it to each report's own text, as
 * its stored features were computed.
 */
export async function loadAnalysisReports(tx: Tx, reportIds: string[], story?: { country: string | null }): Promise<Map<string, AnalysisReport>> {
  if (reportIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<ReportContextRow[]>`
    SELECT r.id, COALESCE(src.name, ${UNKNOWN_SOURCE}) AS source, v."bodyText" AS text, COALESCE(v."publishedAt", r."publishedAt") AS "publishedAt", v.dateline,
      st."mainCountry" AS country, st."mainCountrySince" AS "countrySince"
    FROM "Report" r JOIN "ReportVersion" v ON v."reportId" = r.id AND v.version = r."currentVersion"
    JOIN "Story" st ON st.id = r."storyId"
    LEFT JOIN "Source" src ON src.id = r."sourceId"
    WHERE r.id = ANY(${reportIds}::uuid[])`;
  return new Map(
    rows.map(({ country, countrySince, ...row }) => [
      row.id,
      // (`story`: the country an analysis has just worked out and writes when it finishes)
      { ...row, publishedAt: row.publishedAt?.toISOString() ?? null, ...(story ? { country: story.country } : countrySince ? { country } : {}) },
    ]),
  );
}

/** How a member's entries lie in its sentence (offsets from its start): entry numbers mean the same while this holds. */
function entryLayout(member: MemberRow): string {
  return JSON.stringify(member.features?.entries?.map((entry) => [entry.start - member.start, entry.end - member.start]) ?? []);
}

/**
 * Computes features for `members` (all of them when `force`, else those stored by an older
 * analysis version) and stores them, in place. A member in a fact whose entries now lie
 * otherwise (its text changed, or a new analysis reads it otherwise) stands in its facts with
 * all of its entries until analysis places it again: its stored entry numbers would name other
 * parts of the sentence. Returns the ids whose features were computed, and those `relaid`.
 */
export async function ensureFeatures(
  tx: Tx,
  members: MemberRow[],
  options: { force?: boolean; story?: { country: string | null } } = {},
): Promise<{ computed: Set<string>; relaid: Set<string> }> {
  const stale = members.filter((member) => options.force || member.features === null || member.featuresVersion !== ANALYSIS_VERSION);
  const relaid = new Set<string>();
  if (stale.length === 0) return { computed: new Set(), relaid };
  // a member in further facts comes once per fact (loadStoryFactMembers): computed once, and
  // every row of it gets the result
  const due = [...new Map(stale.map((member) => [member.id, member])).values()];
  const reports = await loadAnalysisReports(tx, [...new Set(due.map((member) => member.reportId))], options.story);
  for (const member of due) {
    const report = reports.get(member.reportId);
    if (!report) throw new Error(`report ${member.reportId} vanished during analysis`);
    const before = member.features ? entryLayout(member) : null;
    member.features = storedFeatures({ id: member.id, reportId: member.reportId, start: member.start, end: member.end, text: member.text }, report);
    member.featuresVersion = ANALYSIS_VERSION;
    if (before !== null && before !== entryLayout(member) && stale.some((row) => row.id === member.id && row.factId !== null)) relaid.add(member.id);
  }
  const computed = new Map(due.map((member) => [member.id, member]));
  for (const row of stale) {
    const source = computed.get(row.id)!;
    row.features = source.features;
    row.featuresVersion = source.featuresVersion;
  }
  for (const kind of ["claim", "suggestion"] as const) {
    const rows = due.filter((member) => member.kind === kind);
    if (rows.length === 0) continue;
    const ids = rows.map((row) => row.id);
    const features = JSON.stringify(rows.map((row) => row.features));
    const table = kind === "claim" ? Prisma.sql`"Claim"` : Prisma.sql`"ClaimSuggestion"`;
    await tx.$executeRaw`
      UPDATE ${table} AS m SET features = f.features, "featuresVersion" = ${ANALYSIS_VERSION}::int
      FROM (SELECT id, features FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS i(id, n)
            JOIN jsonb_array_elements(${features}::jsonb) WITH ORDINALITY AS j(features, n) USING (n)) AS f
      WHERE m.id = f.id`;
  }
  if (relaid.size > 0) {
    const ids = [...relaid];
    await tx.$executeRaw`UPDATE "Claim" SET "factEntries" = '{}' WHERE id = ANY(${ids}::uuid[])`;
    await tx.$executeRaw`UPDATE "ClaimSuggestion" SET "factEntries" = '{}' WHERE id = ANY(${ids}::uuid[])`;
    await tx.$executeRaw`UPDATE "ClaimFactLink" SET entries = '{}' WHERE "claimId" = ANY(${ids}::uuid[])`;
    await tx.$executeRaw`UPDATE "SuggestionFactLink" SET entries = '{}' WHERE "suggestionId" = ANY(${ids}::uuid[])`;
    for (const member of members) if (relaid.has(member.id)) member.entries = [];
  }
  return { computed: new Set(computed.keys()), relaid };
}

/**
 * The analysis's view of a member in its fact (`factId`): the entries it stands in that fact
 * with, or all of its entries when it is in none yet (its features must be loaded).
 */
export function toFeaturedEntries(member: MemberRow): FeaturedClaim[] {
  if (!member.features) throw new Error(`member ${member.id} has no features`);
  return memberEntries({ ...member, features: member.features }, member.factId === null ? [] : member.entries);
}

/**
 * A member as one claim of its fact, for the fact's statement, sources and conflicts: its first
 * entry in that fact (conflicts compare what the sentences say about this fact, not the rest).
 */
export function toFeaturedClaim(member: MemberRow): FeaturedClaim {
  const entry = toFeaturedEntries(member)[0]!;
  return { ...entry, id: member.id };
}

/** The two tables of further links: a claim's and a pending suggestion's (constant identifiers). */
const LINK_TABLES = [
  { link: Prisma.raw(`"ClaimFactLink"`), member: Prisma.raw(`"claimId"`), table: Prisma.raw(`"Claim"`) },
  { link: Prisma.raw(`"SuggestionFactLink"`), member: Prisma.raw(`"suggestionId"`), table: Prisma.raw(`"ClaimSuggestion"`) },
] as const;

/** On a link that exists already: the entries it had and the entries given, in order, once each. */
const unionEntries = (link: Prisma.Sql) => Prisma.sql`ARRAY(SELECT DISTINCT e FROM unnest(COALESCE(${link}.entries, '{}') || EXCLUDED.entries) AS e ORDER BY e)`;

/** Postgres array literals of entry lists, for passing a list per row through unnest. */
const entriesLiteral = (entries: readonly number[] | undefined) => `{${(entries ?? []).join(",")}}`;

/**
 * Puts members into facts (null: out of any fact), with the entries they stand in it with
 * (`entries`; empty or absent: all of them, as an editor places a member). Only what analysis
 * may touch moves: members not pinned by an editor, members still without a fact when
 * `onlyUnplaced`, suggestions still pending (a concurrent accept or dismiss wins over the
 * analysis that read them earlier). Every member it writes loses its further facts
 * (ClaimFactLink, SuggestionFactLink): analysis links them again for the members it places, and
 * a member an editor moved stands in the editor's fact only. An editor's placement (`pin`) that
 * leaves a member in its fact (confirming the fact) keeps its entries there and its further
 * facts. When an editor's placement takes the last member filed under a fact out of it, the fact
 * loses its further members too: the editor emptied it. Returns the facts that lost further
 * members, whose summaries the caller refreshes too.
 */
export async function placeMembers(
  tx: Tx,
  placements: { id: string; kind: MemberKind; factId: string | null; entries?: number[] }[],
  options: { onlyUnplaced: boolean; pin?: boolean },
): Promise<string[]> {
  const unlinked = new Set<string>();
  const allIds = placements.map((placement) => placement.id);
  // where an editor's placement finds the members: a member it leaves in its fact (confirming
  // it, or the part of a split that stays) keeps its entries there and its further facts
  const before = options.pin
    ? await tx.$queryRaw<{ id: string; factId: string }[]>`
        SELECT id, "factId" FROM "Claim" WHERE id = ANY(${allIds}::uuid[]) AND "factId" IS NOT NULL
        UNION ALL SELECT id, "factId" FROM "ClaimSuggestion" WHERE id = ANY(${allIds}::uuid[]) AND "factId" IS NOT NULL`
    : [];
  const factBefore = new Map(before.map((row) => [row.id, row.factId]));
  for (const kind of ["claim", "suggestion"] as const) {
    const rows = placements.filter((placement) => placement.kind === kind);
    if (rows.length === 0) continue;
    const ids = rows.map((row) => row.id);
    const factIds = rows.map((row) => row.factId);
    const entries = rows.map((row) => entriesLiteral(row.factId === null ? [] : row.entries));
    const kept = rows.map((row) => row.factId !== null && factBefore.get(row.id) === row.factId);
    const pin = options.pin ?? false;
    const guard = options.pin
      ? Prisma.empty
      : options.onlyUnplaced
        ? Prisma.sql`AND m."factId" IS NULL AND NOT m."factPinned"`
        : Prisma.sql`AND NOT m."factPinned"`;
    if (kind === "claim") {
      const rows = await tx.$queryRaw<{ factId: string }[]>`
        WITH placed AS (
          UPDATE "Claim" AS m SET "factId" = p.fact_id, "factPinned" = (m."factPinned" OR ${pin}),
            "factEntries" = CASE WHEN p.kept THEN m."factEntries" ELSE p.entries::int[] END
          FROM unnest(${ids}::uuid[], ${factIds}::uuid[], ${entries}::text[], ${kept}::boolean[]) AS p(id, fact_id, entries, kept)
          WHERE m.id = p.id ${guard}
          RETURNING m.id, p.kept)
        DELETE FROM "ClaimFactLink" l USING placed WHERE l."claimId" = placed.id AND NOT placed.kept RETURNING l."factId"`;
      for (const row of rows) unlinked.add(row.factId);
    } else {
      const rows = await tx.$queryRaw<{ factId: string }[]>`
        WITH placed AS (
          UPDATE "ClaimSuggestion" AS m SET "factId" = p.fact_id, "factPinned" = (m."factPinned" OR ${pin}),
            "factEntries" = CASE WHEN p.kept THEN m."factEntries" ELSE p.entries::int[] END
          FROM unnest(${ids}::uuid[], ${factIds}::uuid[], ${entries}::text[], ${kept}::boolean[]) AS p(id, fact_id, entries, kept)
          WHERE m.id = p.id AND m.state = 'PENDING' ${guard}
          RETURNING m.id, p.kept)
        DELETE FROM "SuggestionFactLink" l USING placed WHERE l."suggestionId" = placed.id AND NOT placed.kept RETURNING l."factId"`;
      for (const row of rows) unlinked.add(row.factId);
    }
  }
  if (before.length > 0) {
    const emptied = [...new Set(before.map((row) => row.factId))];
    const rows = await tx.$queryRaw<{ factId: string }[]>`
      WITH emptied AS (
        SELECT f.id FROM "Fact" f WHERE f.id = ANY(${emptied}::uuid[])
          AND NOT EXISTS (SELECT 1 FROM "Claim" c WHERE c."factId" = f.id) AND NOT EXISTS (SELECT 1 FROM "ClaimSuggestion" s WHERE s."factId" = f.id)),
        claims AS (DELETE FROM "ClaimFactLink" l USING emptied WHERE l."factId" = emptied.id RETURNING l."factId"),
        suggestions AS (DELETE FROM "SuggestionFactLink" l USING emptied WHERE l."factId" = emptied.id RETURNING l."factId")
      SELECT "factId" FROM claims UNION SELECT "factId" FROM suggestions`;
    for (const row of rows) unlinked.add(row.factId);
  }
  return [...unlinked];
}

/** Takes the given members (claims or suggestions) out of every further fact; returns those facts, for a summary refresh. */
export async function dropFurtherLinks(tx: Tx, memberIds: string[]): Promise<string[]> {
  if (memberIds.length === 0) return [];
  const rows = await tx.$queryRaw<{ factId: string }[]>`
    WITH claims AS (DELETE FROM "ClaimFactLink" WHERE "claimId" = ANY(${memberIds}::uuid[]) RETURNING "factId"),
      suggestions AS (DELETE FROM "SuggestionFactLink" WHERE "suggestionId" = ANY(${memberIds}::uuid[]) RETURNING "factId")
    SELECT "factId" FROM claims UNION SELECT "factId" FROM suggestions`;
  return [...new Set(rows.map((row) => row.factId))];
}

/**
 * Adds further facts of members (never their primary one, never for a member an editor
 * placed, only within its story): a member already linked to a fact gains the entries given.
 * `kind` may be left out when not known (the member is looked for as both).
 * Returns the facts that gained further members.
 */
export async function linkMembers(tx: Tx, links: { id: string; kind?: MemberKind; factId: string; entries: number[] }[]): Promise<string[]> {
  const changed = new Set<string>();
  for (const kind of ["claim", "suggestion"] as const) {
    // (a member of unknown kind is tried in both tables: ids never collide)
    const rows = links.filter((link) => (link.kind ?? kind) === kind);
    if (rows.length === 0) continue;
    const ids = rows.map((row) => row.id);
    const factIds = rows.map((row) => row.factId);
    const entries = rows.map((row) => entriesLiteral(row.entries));
    const added =
      kind === "claim"
        ? await tx.$queryRaw<{ factId: string }[]>`
            INSERT INTO "ClaimFactLink" ("claimId", "factId", entries)
            SELECT l.id, l.fact_id, l.entries::int[] FROM unnest(${ids}::uuid[], ${factIds}::uuid[], ${entries}::text[]) AS l(id, fact_id, entries)
              JOIN "Claim" c ON c.id = l.id AND NOT c."factPinned" AND c."factId" IS NOT NULL AND c."factId" <> l.fact_id
              JOIN "Fact" f ON f.id = l.fact_id AND f."storyId" = c."storyId"
            ON CONFLICT ("claimId", "factId") DO UPDATE SET entries = ${unionEntries(LINK_TABLES[0].link)}
            RETURNING "factId"`
        : await tx.$queryRaw<{ factId: string }[]>`
            INSERT INTO "SuggestionFactLink" ("suggestionId", "factId", entries)
            SELECT l.id, l.fact_id, l.entries::int[] FROM unnest(${ids}::uuid[], ${factIds}::uuid[], ${entries}::text[]) AS l(id, fact_id, entries)
              JOIN "ClaimSuggestion" s ON s.id = l.id AND s.state = 'PENDING' AND NOT s."factPinned" AND s."factId" IS NOT NULL AND s."factId" <> l.fact_id
              JOIN "Report" r ON r.id = s."reportId"
              JOIN "Fact" f ON f.id = l.fact_id AND f."storyId" = r."storyId"
            -- (a suggestion being accepted or dismissed is waited for, then seen decided)
            FOR SHARE OF s
            ON CONFLICT ("suggestionId", "factId") DO UPDATE SET entries = ${unionEntries(LINK_TABLES[1].link)}
            RETURNING "factId"`;
    for (const row of added) changed.add(row.factId);
  }
  return [...changed];
}

/**
 * Points the further links of a fact merged away (`fromFactId`) at the fact kept (`intoFactId`):
 * a claim linked to both keeps one link, and a claim filed under the kept fact keeps none (a
 * claim is never a further member of its own primary fact). Call it before refreshFactSummaries,
 * which deletes the emptied fact and with it any link still pointing there.
 */
export async function mergeFurtherLinks(tx: Tx, fromFactId: string, intoFactId: string): Promise<void> {
  for (const { link, member, table } of LINK_TABLES) {
    await tx.$executeRaw`
      INSERT INTO ${link} (${member}, "factId", entries, "createdAt")
      SELECT l.${member}, ${intoFactId}::uuid, l.entries, l."createdAt" FROM ${link} l JOIN ${table} m ON m.id = l.${member}
      WHERE l."factId" = ${fromFactId}::uuid AND m."factId" IS DISTINCT FROM ${intoFactId}::uuid
      ON CONFLICT (${member}, "factId") DO UPDATE SET entries = ${unionEntries(link)}`;
    await tx.$executeRaw`DELETE FROM ${link} WHERE "factId" = ${fromFactId}::uuid`;
  }
}

/**
 * Deletes the links to the given facts that no longer hold: from a member outside any fact,
 * filed under the linked fact itself, a claim no longer in its report's text (orphaned or
 * retired), a suggestion no longer pending, or from a killed report. (A member an editor moved
 * lost its links as it moved; one whose fact an editor confirmed keeps them.) Only the linked facts' sources change, so refreshing them is enough.
 * An embargoed report's claims keep theirs: they count again once the embargo lifts.
 */
async function pruneFurtherLinks(tx: Tx, factIds: string[]): Promise<void> {
  if (factIds.length === 0) return;
  await tx.$executeRaw`
    DELETE FROM "ClaimFactLink" l USING "Claim" c JOIN "Report" r ON r.id = c."reportId"
    WHERE l."factId" = ANY(${factIds}::uuid[]) AND c.id = l."claimId" AND (
      c."factId" IS NULL OR c."factId" = l."factId" OR c."anchorState" NOT IN ('ANCHORED', 'FUZZY') OR r."killedAt" IS NOT NULL)`;
  await tx.$executeRaw`
    DELETE FROM "SuggestionFactLink" l USING "ClaimSuggestion" s JOIN "Report" r ON r.id = s."reportId"
    WHERE l."factId" = ANY(${factIds}::uuid[]) AND s.id = l."suggestionId" AND (
      s."factId" IS NULL OR s."factId" = l."factId" OR s.state <> 'PENDING' OR r."killedAt" IS NOT NULL)`;
}

/** The facts the given members (claims or suggestions) stand in besides their primary one. */
export async function furtherFactIdsOf(tx: Tx, memberIds: string[]): Promise<string[]> {
  if (memberIds.length === 0) return [];
  const rows = await tx.$queryRaw<{ factId: string }[]>`
    SELECT "factId" FROM "ClaimFactLink" WHERE "claimId" = ANY(${memberIds}::uuid[])
    UNION SELECT "factId" FROM "SuggestionFactLink" WHERE "suggestionId" = ANY(${memberIds}::uuid[])`;
  return rows.map((row) => row.factId);
}

/**
 * Further members of the given facts: claims and pending suggestions filed under another fact
 * that state these as well (ClaimFactLink, SuggestionFactLink), placed in a citable report.
 * `factId` is the linked fact, not the primary one, and `entries` those it states it with.
 */
export async function loadFurtherMembers(tx: Tx, factIds: string[]): Promise<MemberRow[]> {
  if (factIds.length === 0) return [];
  const rows = await tx.$queryRaw<(MemberRow & { linkedFactId: string; linkedEntries: number[] })[]>`
    SELECT ${MEMBER_COLUMNS.claim}, l."factId" AS "linkedFactId", COALESCE(l.entries, '{}') AS "linkedEntries"
    FROM "ClaimFactLink" l JOIN "Claim" c ON c.id = l."claimId" JOIN "Report" r ON r.id = c."reportId" LEFT JOIN "Source" src ON src.id = r."sourceId"
    WHERE l."factId" = ANY(${factIds}::uuid[]) AND ${PLACED_CLAIM}
    UNION ALL
    SELECT ${MEMBER_COLUMNS.suggestion}, l."factId" AS "linkedFactId", COALESCE(l.entries, '{}') AS "linkedEntries"
    FROM "SuggestionFactLink" l JOIN "ClaimSuggestion" s ON s.id = l."suggestionId" JOIN "Report" r ON r.id = s."reportId"
      JOIN "ReportVersion" v ON v.id = s."reportVersionId" LEFT JOIN "Source" src ON src.id = r."sourceId"
    WHERE l."factId" = ANY(${factIds}::uuid[]) AND ${CURRENT_SUGGESTION}
    ORDER BY 1, "linkedFactId"`;
  return rows.map(({ linkedFactId, linkedEntries, ...row }) => ({ ...row, factId: linkedFactId, entries: linkedEntries }));
}

/** Inserts empty facts for a story and returns their ids (summaries follow in refreshFactSummaries). */
export async function createFacts(tx: Tx, storyId: string, ids: string[], options: { locked?: boolean } = {}): Promise<void> {
  if (ids.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "Fact" (id, "storyId", statement, locked, "updatedAt")
    SELECT id, ${storyId}::uuid, '', ${options.locked ?? false}, now() FROM unnest(${ids}::uuid[]) AS t(id)`;
}

const STATEMENT_MAX = 1000;
const ABOUT_MAX = 120;
const DETAIL_MAX = 1000;

/**
 * Recomputes what the Facts tab sorts and shows (statement, outlets, counts, conflicts) for the
 * given facts of a story from their current members, and deletes those left empty unless an
 * explainer cites them. Call it with the story's facts locked, after every change of membership,
 * in the same transaction: it first deletes the further links to these facts that no longer hold.
 */
export async function refreshFactSummaries(tx: Tx, storyId: string, factIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(factIds)];
  if (ids.length === 0) return;
  const own = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Fact" WHERE id = ANY(${ids}::uuid[]) AND "storyId" = ${storyId}::uuid`;
  const factIdsOfStory = own.map((row) => row.id);
  // every change of membership ends here: links to these facts that it made stale go first
  await pruneFurtherLinks(tx, factIdsOfStory);
  const members = await loadFactMembers(tx, factIdsOfStory);
  await ensureFeatures(tx, members);
  // further members (claims and suggestions filed under another fact that state this one too)
  // count among the fact's outlets and in its conflicts; its claim count is of primary members
  const further = await loadFurtherMembers(tx, factIdsOfStory);
  await ensureFeatures(tx, further);
  // a member from a garbled passage stays in its fact but is no outlet's word for it until an
  // editor has checked the original
  const uncounted = await uncountedGarbledMembers(tx, [...new Set([...members, ...further].map((member) => member.id))]);
  const byFact = new Map<string, MemberRow[]>(factIdsOfStory.map((id) => [id, []]));
  for (const member of members) byFact.get(member.factId!)?.push(member);
  const furtherByFact = new Map<string, MemberRow[]>();
  for (const member of further) {
    let list = furtherByFact.get(member.factId!);
    if (!list) furtherByFact.set(member.factId!, (list = []));
    list.push(member);
  }

  const summaries: { id: string; statement: string; about: string; sources: string[]; sourceCount: number; claimCount: number; conflictCount: number; conflictKinds: string[] }[] = [];
  const conflicts: { factId: string; kind: string; claimIds: string[]; detail: string }[] = [];
  const empty: string[] = [];
  for (const [factId, factMembers] of byFact) {
    const alsoStating = furtherByFact.get(factId) ?? [];
    // a fact stays while a member stands in it, filed under it or further (the toll that two
    // leads state beside their event)
    if (factMembers.length === 0 && alsoStating.length === 0) {
      empty.push(factId);
      summaries.push({ id: factId, statement: "", about: "", sources: [], sourceCount: 0, claimCount: 0, conflictCount: 0, conflictKinds: [] });
      continue;
    }
    const summary = summarizeFact([...factMembers, ...alsoStating].map(toFeaturedClaim), { readable: (claim) => !uncounted.has(claim.id) });
    const counted =
      uncounted.size === 0 ? summary.sources : independentSources([...factMembers, ...alsoStating].filter((member) => !uncounted.has(member.id)).map(toFeaturedClaim));
    const sources = [...new Set(counted)].sort((a, b) => a.localeCompare(b));
    summaries.push({
      id: factId,
      statement: summary.statement.slice(0, STATEMENT_MAX),
      about: summary.about.slice(0, ABOUT_MAX),
      sources,
      sourceCount: sources.length,
      claimCount: factMembers.length,
      conflictCount: summary.conflicts.length,
      conflictKinds: [...new Set(summary.conflicts.map((item) => item.kind))].sort(),
    });
    for (const item of summary.conflicts) conflicts.push({ factId, kind: item.kind, claimIds: item.claimIds, detail: item.detail.slice(0, DETAIL_MAX) });
  }

  await tx.$executeRaw`
    UPDATE "Fact" AS f SET statement = u.statement, about = u.about, sources = ARRAY(SELECT jsonb_array_elements_text(u.sources)),
      "sourceCount" = u."sourceCount", "claimCount" = u."claimCount", "conflictCount" = u."conflictCount",
      "conflictKinds" = ARRAY(SELECT jsonb_array_elements_text(u."conflictKinds"))::"ConflictKind"[],
      version = f.version + 1, "updatedAt" = now()
    FROM jsonb_to_recordset(${JSON.stringify(summaries)}::jsonb)
      AS u(id uuid, statement text, about text, sources jsonb, "sourceCount" int, "claimCount" int, "conflictCount" int, "conflictKinds" jsonb)
    WHERE f.id = u.id`;
  await tx.$executeRaw`DELETE FROM "FactConflict" WHERE "factId" = ANY(${factIdsOfStory}::uuid[])`;
  if (conflicts.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "FactConflict" (id, "factId", kind, "claimIds", detail)
      SELECT gen_random_uuid(), c."factId", c.kind::"ConflictKind", ARRAY(SELECT jsonb_array_elements_text(c."claimIds"))::uuid[], c.detail
      FROM jsonb_to_recordset(${JSON.stringify(conflicts)}::jsonb) AS c("factId" uuid, kind text, "claimIds" jsonb, detail text)`;
  }
  if (empty.length > 0) {
    // an explainer citing the fact keeps it (Citation restricts the delete); it shows as empty
    await tx.$executeRaw`
      DELETE FROM "Fact" f WHERE f.id = ANY(${empty}::uuid[]) AND NOT EXISTS (SELECT 1 FROM "Citation" ci WHERE ci."factId" = f.id)`;
  }
}
