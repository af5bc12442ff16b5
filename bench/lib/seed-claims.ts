/**
 * Bulk seed for the claims-board benchmark: one story with `claims` claims across `reports`
 * reports, plus `noiseStories` other stories of the same size class so the indexes have to
 * pick the right story. Set-based `INSERT ... SELECT` over generate_series; every value from this
 * file goes in as a bind parameter (arrays for word lists), never spliced into the SQL text.
 * Which sentence, status, assignee or tag a claim gets comes from hashes of its number, so the
 * data is the same on every run.
 */
import type pg from "pg";

export type ClaimSeedOptions = {
  claims: number;
  reports: number;
  noiseStories: number;
  editor: { email: string; name: string };
};

export type ClaimSeedResult = {
  rows: Record<string, number>;
  ms: number;
  storyId: string;
  editor: { id: string; email: string; name: string; role: "EDITOR" };
  /** a word that appears in a few per cent of the story's claims */
  searchWord: string;
};

const OUTLETS = ["Reuters", "Associated Press", "AFP", "dpa", "EFE", "ANSA", "Kyodo", "PA Media"];
const PEOPLE = ["Priya Sandoval", "Omar Haddad", "Lena Fischer", "Tomás Ruiz", "Aiko Tanaka", "Kwame Mensah", "Sara Lindqvist"];
const SENTENCES = [
  "Rebel fighters took control of the eastern crossing early on Monday, two army sources said.",
  "The defence ministry said its forces had repelled an attack on the airbase overnight.",
  "At least 42 civilians were killed in shelling of the old market, according to a monitoring group.",
  "Government troops withdrew from three villages north of the river, residents told reporters.",
  "The hydroelectric dam upstream was still operating normally, an engineer at the site said.",
  "Aid convoys carrying food and medicine were turned back at a checkpoint on the highway.",
  "A spokesperson for the coalition denied that its aircraft had struck the hospital.",
  "Some 3,000 families fled toward the border overnight, the United Nations refugee agency said.",
  "The bridge linking the two districts was damaged but remained passable, local officials said.",
  "Electricity was cut across the province after a substation was hit, state media reported.",
  "Fighters said they had captured a senior commander, a claim that could not be verified.",
  "Schools in the regional capital will stay closed until further notice, the governor announced.",
  "Witnesses described columns of armoured vehicles moving along the coastal road at dawn.",
  "The ceasefire brokered last month collapsed after less than a week, diplomats said.",
  "Water supplies to the city were restored on Thursday after repairs to the main pipeline.",
  "Opposition groups said 17 of their members had been detained in raids across the capital.",
];
const STATEMENTS = [
  "Rebels took the eastern crossing on Monday",
  "The airbase attack was repelled overnight",
  "42 civilians were killed in the market shelling",
  "Troops withdrew from three villages north of the river",
  "The dam upstream is operating normally",
  "Aid convoys were turned back at the highway checkpoint",
  "Coalition aircraft did not strike the hospital",
  "3,000 families fled toward the border overnight",
  "The district bridge is damaged but passable",
  "A substation strike cut the province's electricity",
  "A senior commander was captured",
  "Capital schools stay closed until further notice",
  "Armoured columns moved along the coastal road at dawn",
  "The ceasefire collapsed within a week",
  "City water supplies were restored on Thursday",
  "17 opposition members were detained in raids",
  "The governor imposed a curfew in the old town",
  "Fuel prices doubled in the regional capital",
  "The main hospital is running on generators",
  "Two journalists were injured near the front line",
  "The ferry to the island resumed service",
  "Mobile networks were down across the north",
  "The prime minister called an emergency cabinet meeting",
  "Shelling damaged the grain silos at the port",
  "The border crossing reopened for trucks",
];
const ATTRIBUTIONS = [
  "two army sources said",
  "according to the defence ministry",
  "a monitoring group said",
  "residents told reporters",
  "according to state media",
  "the United Nations refugee agency said",
  "local officials said",
  "diplomats said",
];
const TAGS: [kind: string, value: string][] = [
  ["PLACE", "Deir ez-Zor"], ["PLACE", "Raqqa"], ["PLACE", "Tabqa"], ["PLACE", "Manbij"], ["PLACE", "Aleppo"],
  ["PLACE", "Qamishli"], ["PLACE", "Hasakah"], ["PLACE", "Kobani"], ["ACTOR", "SDF"], ["ACTOR", "Syrian army"],
  ["ACTOR", "Coalition"], ["ORGANIZATION", "UNHCR"], ["ORGANIZATION", "Red Crescent"], ["OTHER", "Casualties"],
];
const CLAIM_STATUSES = [
  "UNVERIFIED", "UNVERIFIED", "UNVERIFIED", "UNVERIFIED", "IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS",
  "VERIFIED", "VERIFIED", "VERIFIED", "DISPUTED", "FALSE", "UNVERIFIABLE",
];

/** SQL for a stable non-negative bigint hash of a text expression (code, not data). */
const h = (expr: string) => `abs(hashtext(${expr})::bigint)`;

export async function seedClaims(client: pg.Client, options: ClaimSeedOptions): Promise<ClaimSeedResult> {
  const started = performance.now();
  const rows: Record<string, number> = {};
  const count = (table: string, result: pg.QueryResult) => (rows[table] = (rows[table] ?? 0) + (result.rowCount ?? 0));

  let editorId = "";
  let storyId = "";
  await client.query("BEGIN");
  try {
    const people = [{ email: options.editor.email, name: options.editor.name }, ...PEOPLE.map((name, i) => ({ email: `bench-${i}@wiredesk.test`, name }))];
    const users = await client.query<{ id: string; email: string }>(
      `INSERT INTO "User" ("id", "email", "name", "role", "updatedAt")
       SELECT gen_random_uuid(), u.email, u.name, 'EDITOR', now() FROM unnest($1::text[], $2::text[]) AS u(email, name)
       RETURNING "id", "email"`,
      [people.map((p) => p.email), people.map((p) => p.name)],
    );
    count("User", users);
    const userIds = users.rows.map((row) => row.id);
    editorId = users.rows.find((row) => row.email === options.editor.email)!.id;

    const sources = await client.query<{ id: string }>(
      `INSERT INTO "Source" ("id", "name", "nameKey") SELECT gen_random_uuid(), name, lower(name) FROM unnest($1::text[]) AS name RETURNING "id"`,
      [OUTLETS],
    );
    count("Source", sources);

    // The measured story is created first; the noise stories share its size.
    const stories = await client.query<{ id: string }>(
      `INSERT INTO "Story" ("id", "title", "createdById", "updatedAt")
       SELECT gen_random_uuid(), format('Bench offensive %s', i), $2::uuid, now()
         FROM generate_series(0, $1::int) AS i
       ORDER BY i
       RETURNING "id", "title"`,
      [options.noiseStories, editorId],
    );
    count("Story", stories);
    storyId = (await client.query<{ id: string }>(`SELECT "id" FROM "Story" WHERE "title" = $1`, ["Bench offensive 0"])).rows[0]!.id;

    count(
      "Report",
      await client.query(
        `INSERT INTO "Report" ("id", "storyId", "sourceId", "contentHash", "headline", "publishedAt", "createdAt", "updatedAt")
         SELECT gen_random_uuid(), s."id", ($2::uuid[])[1 + r % cardinality($2::uuid[])],
                encode(sha256(convert_to(s."id"::text || ':' || r, 'UTF8')), 'hex'),
                format('%s: report %s', s."title", r),
                now() - r * interval '7 minutes', now() - r * interval '7 minutes', now()
           FROM "Story" s CROSS JOIN generate_series(1, $1::int) AS r`,
        [options.reports, sources.rows.map((row) => row.id)],
      ),
    );

    count(
      "ReportVersion",
      await client.query(
        `INSERT INTO "ReportVersion" ("id", "reportId", "version", "headline", "bodyText", "bodyHtml", "contentHash", "channel", "publishedAt")
         SELECT gen_random_uuid(), b.id, 1, b.headline, b.body, '<p>' || replace(b.body, E'\\n\\n', '</p><p>') || '</p>',
                encode(sha256(convert_to(b.id::text || b.body, 'UTF8')), 'hex'), 'SEED', b."publishedAt"
           FROM (
             SELECT r."id", r."headline", r."publishedAt",
                    array_to_string(ARRAY[
                      ($1::text[])[1 + (${h(`r."id"::text || 'a'`)} % cardinality($1::text[]))::int],
                      ($1::text[])[1 + (${h(`r."id"::text || 'b'`)} % cardinality($1::text[]))::int],
                      ($1::text[])[1 + (${h(`r."id"::text || 'c'`)} % cardinality($1::text[]))::int],
                      ($1::text[])[1 + (${h(`r."id"::text || 'd'`)} % cardinality($1::text[]))::int]
                    ], E'\\n\\n') AS body
               FROM "Report" r
           ) b`,
        [SENTENCES],
      ),
    );

    // Claims: report n % reports of the story; the quote is a 30-69 character span of its text.
    count(
      "Claim",
      await client.query(
        `INSERT INTO "Claim" ("id", "storyId", "reportId", "reportVersionId", "exact", "prefix", "suffix", "start", "end",
                              "anchorState", "statement", "attribution", "status", "assigneeId", "createdById", "createdAt", "updatedAt")
         SELECT gen_random_uuid(), c.story_id, rv."reportId", rv."id",
                substr(rv."bodyText", p.st + 1, p.len),
                substr(rv."bodyText", p.st - least(32, p.st) + 1, least(32, p.st)),
                substr(rv."bodyText", p.st + p.len + 1, 32),
                p.st, p.st + p.len,
                (CASE WHEN c.hv % 100 = 0 THEN 'ORPHANED' WHEN c.hv % 50 = 1 THEN 'FUZZY' ELSE 'ANCHORED' END)::"AnchorState",
                ($2::text[])[1 + (c.hv / 3 % cardinality($2::text[]))::int],
                CASE WHEN c.hv % 4 = 0 THEN NULL ELSE ($3::text[])[1 + (c.hv / 5 % cardinality($3::text[]))::int] END,
                ($4::text[])[1 + (c.hv / 7 % cardinality($4::text[]))::int]::"ClaimStatus",
                CASE WHEN c.hv % 3 = 0 THEN NULL ELSE ($1::uuid[])[1 + (c.hv / 11 % cardinality($1::uuid[]))::int] END,
                ($1::uuid[])[1 + (c.hv / 13 % cardinality($1::uuid[]))::int],
                c.at, c.at + (c.hv % 600) * interval '1 minute'
           FROM (
             SELECT s."id" AS story_id, n, x.rvids,
                    ${h(`s."id"::text || ':claim:' || n`)} AS hv,
                    now() - interval '3 days' + n * interval '40 seconds' AS at
               FROM "Story" s
              CROSS JOIN LATERAL (
                SELECT array_agg(rv."id" ORDER BY rv."id") AS rvids
                  FROM "Report" r JOIN "ReportVersion" rv ON rv."reportId" = r."id"
                 WHERE r."storyId" = s."id"
              ) x
              CROSS JOIN generate_series(1, $5::int) AS n
           ) c
           JOIN "ReportVersion" rv ON rv."id" = c.rvids[1 + c.n % cardinality(c.rvids)]
          CROSS JOIN LATERAL (
            SELECT (c.hv / 17 % greatest(1, length(rv."bodyText") - 80))::int AS st, (30 + c.hv % 40)::int AS len
          ) p`,
        [userIds, STATEMENTS, ATTRIBUTIONS, CLAIM_STATUSES, options.claims],
      ),
    );

    // 0-2 tags per claim.
    count(
      "ClaimTag",
      await client.query(
        `INSERT INTO "ClaimTag" ("claimId", "kind", "value")
         SELECT DISTINCT c."id", ($1::text[])[k]::"TagKind", ($2::text[])[k]
           FROM "Claim" c
          CROSS JOIN LATERAL generate_series(1, (${h(`c."id"::text || ':tags'`)} % 3)::int) AS t
          CROSS JOIN LATERAL (SELECT 1 + (${h(`c."id"::text || ':tag:' || t`)} % cardinality($1::text[]))::int AS k) pick`,
        [TAGS.map(([kind]) => kind), TAGS.map(([, value]) => value)],
      ),
    );

    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
  // as autovacuum would leave a table of this age: statistics and a visibility map
  await client.query("VACUUM ANALYZE");
  return {
    rows,
    ms: performance.now() - started,
    storyId,
    editor: { id: editorId, email: options.editor.email, name: options.editor.name, role: "EDITOR" },
    searchWord: "hospital",
  };
}
