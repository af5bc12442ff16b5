/**
 * Bulk seed for the stories-list benchmark: set-based `INSERT ... SELECT` over generate_series,
 * with every value from this file passed as a bind parameter (arrays for word lists), never
 * spliced into the SQL text. How many rows each story gets comes from hashes of its (unique)
 * title, so row counts are the same on every run; timestamps use random() (seeded).
 */
import type pg from "pg";
import { STORY_LIST_PAGE_SIZE } from "../../lib/stories/schemas";
import type { AuditAction, AuditEntityType } from "../../lib/audit/audit-actions";

export type SeedOptions = {
  stories: number;
  editor: { email: string; name: string; passwordHash: string };
};

export type SeedResult = {
  rows: Record<string, number>;
  ms: number;
  editor: { id: string; email: string; name: string; role: "EDITOR" };
  /** a title that must appear on /stories (page 1, default filters) */
  firstPageTitle: string;
  /** a title that must appear on /stories?page=10 */
  page10Title: string;
  /** a word to search for, and a title on the first page of its results */
  searchWord: string;
  searchTitle: string;
  activeStories: number;
};

const EVENTS = [
  "Earthquake", "Flooding", "Wildfire", "Port strike", "Bridge collapse", "Election dispute", "Cyberattack",
  "Train derailment", "Heatwave", "Chemical leak", "Ferry sinking", "Power outage", "Landslide", "Drought",
  "Mine accident", "Dam breach", "Protest march", "Factory fire", "Airport closure", "Storm surge",
];
const PLACES = [
  "Lisbon", "Valparaiso", "Izmir", "Cebu", "Mombasa", "Gdansk", "Leeds", "Porto Alegre", "Osaka", "Tbilisi",
  "Accra", "Halifax", "Da Nang", "Cordoba", "Tromso", "Antwerp", "Kochi", "Tijuana", "Brno", "Perth",
  "Nantes", "Arequipa", "Tangier", "Durban", "Bergen",
];
const OUTLETS = ["Reuters", "Associated Press", "AFP", "dpa", "EFE", "ANSA", "Kyodo", "PA Media"];
const SENTENCES = [
  "Emergency services said at least twelve people had been taken to hospital by late afternoon, two of them in serious condition.",
  "A spokesperson for the regional government told reporters the situation was under control but asked residents to stay indoors.",
  "Witnesses described a loud noise shortly before the first calls reached the fire brigade, according to local broadcaster footage.",
  "The transport ministry said all services on the affected line would remain suspended until engineers had inspected the tracks.",
  "Officials have not confirmed the cause, and an investigation has been opened by the public prosecutor's office on Tuesday.",
  "Police said roads around the harbour would stay closed overnight and advised drivers to use the northern ring road instead.",
  "The mayor said temporary shelters had been opened in three schools and that more than four hundred people had registered.",
  "Power was restored to most of the district within six hours, the grid operator said, though some streets remain without supply.",
  "A union representative said workers had raised safety concerns about the site repeatedly over the past two years.",
  "The company said in a statement that it was cooperating fully with the authorities and would not comment further for now.",
  "Forecasters expect conditions to ease by the weekend, but warned that another band of heavy rain could arrive on Thursday.",
  "Hospital officials said they had called in additional staff and postponed non-urgent operations to free up beds.",
  "Regional television showed rescue teams working through the night under floodlights as relatives waited behind a cordon.",
  "The interior minister is expected to visit the area on Wednesday morning, her office said without giving further details.",
  "Preliminary figures from the statistics office put the number of damaged buildings at around two hundred and fifty.",
  "Neighbouring countries have offered assistance, and a team of specialists was due to land at the military airfield overnight.",
];
const CLAIM_STATUSES = [
  "UNVERIFIED", "UNVERIFIED", "UNVERIFIED", "UNVERIFIED", "IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS",
  "VERIFIED", "VERIFIED", "VERIFIED", "DISPUTED", "FALSE", "UNVERIFIABLE",
];
const EXPLAINER_STATES = ["DRAFT", "DRAFT", "IN_REVIEW", "CHANGES_REQUESTED", "APPROVED", "PUBLISHED", "PUBLISHED", "UNPUBLISHED"];
// actions from the catalogue (lib/audit/audit-actions.ts), so the audit page's filter finds them
const AUDIT_ACTIONS: [action: AuditAction, entityType: AuditEntityType][] = [
  ["report.import", "report"],
  ["report.new_version", "report"],
  ["claim.tag", "claim"],
  ["claim.set_status", "claim"],
  ["claim.assign", "claim"],
  ["claim.add_evidence", "claim"],
  ["fact.confirm", "fact"],
  ["explainer.save_draft", "explainer"],
  ["explainer.submit", "explainer"],
  ["story.rename", "story"],
];
const EMPTY_DOC = JSON.stringify({ type: "doc", content: [{ type: "bulletList", content: [] }] });

/** SQL for a stable non-negative bigint hash of a text expression (code, not data). */
const h = (expr: string) => `abs(hashtext(${expr})::bigint)`;

export async function seedStories(client: pg.Client, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const rows: Record<string, number> = {};
  const count = (table: string, result: pg.QueryResult) => (rows[table] = (rows[table] ?? 0) + (result.rowCount ?? 0));

  let editorId = "";
  await client.query("BEGIN");
  try {
    await client.query("SELECT setseed($1)", [0.4242]);

    const people = [
      { email: options.editor.email, name: options.editor.name, role: "EDITOR" },
      { email: "bench-editor-2@wiredesk.test", name: "Bench Editor Two", role: "EDITOR" },
      { email: "bench-editor-3@wiredesk.test", name: "Bench Editor Three", role: "EDITOR" },
      { email: "bench-reviewer@wiredesk.test", name: "Bench Reviewer", role: "REVIEWER" },
      { email: "bench-admin@wiredesk.test", name: "Bench Admin", role: "ADMIN" },
    ];
    const users = await client.query<{ id: string; email: string }>(
      `INSERT INTO "User" ("id", "email", "name", "role", "passwordHash", "updatedAt")
       SELECT gen_random_uuid(), u.email, u.name, u.role::"Role", $4, now()
         FROM unnest($1::text[], $2::text[], $3::text[]) AS u(email, name, role)
       RETURNING "id", "email"`,
      [people.map((p) => p.email), people.map((p) => p.name), people.map((p) => p.role), options.editor.passwordHash],
    );
    count("User", users);
    const userIds = users.rows.map((row) => row.id);
    editorId = users.rows.find((row) => row.email === options.editor.email)!.id;

    const sources = await client.query<{ id: string }>(
      `INSERT INTO "Source" ("id", "name", "nameKey")
       SELECT gen_random_uuid(), name, lower(name) FROM unnest($1::text[]) AS name
       RETURNING "id"`,
      [OUTLETS],
    );
    count("Source", sources);
    const sourceIds = sources.rows.map((row) => row.id);

    // Stories: last activity spread over the past 120 days, created up to 30 days before that;
    // every tenth story archived.
    count(
      "Story",
      await client.query(
        `INSERT INTO "Story" ("id", "title", "description", "status", "createdById", "createdAt", "updatedAt", "lastActivityAt")
         SELECT gen_random_uuid(),
                format('%s in %s %s', ev, pl, lpad(i::text, 4, '0')),
                format('Desk coverage of the %s in %s: wire reports, claims under verification and explainers.', lower(ev), pl),
                (CASE WHEN i % 10 = 0 THEN 'ARCHIVED' ELSE 'ACTIVE' END)::"StoryStatus",
                ($4::uuid[])[1 + i % cardinality($4::uuid[])],
                last_at - created_before, last_at, last_at
           FROM (
             SELECT i,
                    ($2::text[])[1 + i % cardinality($2::text[])] AS ev,
                    ($3::text[])[1 + (i / cardinality($2::text[])) % cardinality($3::text[])] AS pl,
                    date_trunc('milliseconds', now() - random() * interval '120 days') AS last_at,
                    random() * interval '30 days' + interval '1 hour' AS created_before
               FROM generate_series(1, $1::int) AS i
           ) s`,
        [options.stories, EVENTS, PLACES, userIds],
      ),
    );

    // Reports: 2-6 per story, each from one of the outlets; 1 in 3 has a second version.
    count(
      "Report",
      await client.query(
        `INSERT INTO "Report" ("id", "storyId", "sourceId", "contentHash", "currentVersion", "headline", "publishedAt", "createdAt", "updatedAt")
         SELECT gen_random_uuid(), s."id",
                ($1::uuid[])[1 + (${h(`s."title" || ':src:' || r`)} % cardinality($1::uuid[]))::int],
                encode(sha256(convert_to(s."id"::text || ':report:' || r, 'UTF8')), 'hex'),
                CASE WHEN ${h(`s."title" || ':ver:' || r`)} % 3 = 0 THEN 2 ELSE 1 END,
                format('%s: latest on the %s (report %s)', s."title", lower(split_part(s."title", ' in ', 1)), r),
                t, t, t
           FROM "Story" s
          CROSS JOIN LATERAL generate_series(1, 2 + (${h(`s."title" || ':reports'`)} % 5)::int) AS r
          CROSS JOIN LATERAL (SELECT s."createdAt" + (s."lastActivityAt" - s."createdAt") * (r / 8.0) AS t) ts`,
        [sourceIds],
      ),
    );

    // Report versions: 4 invented paragraphs (~450 chars) per version.
    count(
      "ReportVersion",
      await client.query(
        `INSERT INTO "ReportVersion" ("id", "reportId", "version", "headline", "bodyText", "bodyHtml", "byline", "dateline",
                                      "language", "publishedAt", "contentHash", "channel", "importedById", "createdAt")
         SELECT gen_random_uuid(), b.rid, b.v, b.headline, b.body,
                '<p>' || replace(b.body, E'\\n\\n', '</p><p>') || '</p>',
                'Staff reporters', upper(split_part(b.headline, ' ', 3)), 'en', b.published,
                encode(sha256(convert_to(b.rid::text || ':' || b.v || ':' || b.body, 'UTF8')), 'hex'),
                'SEED', ($2::uuid[])[1 + (${h(`b.rid::text || ':imp'`)} % cardinality($2::uuid[]))::int],
                b.published + (b.v - 1) * interval '45 minutes'
           FROM (
             SELECT r."id" AS rid, v, r."headline", r."publishedAt" AS published,
                    array_to_string(ARRAY[
                      ($1::text[])[1 + (${h(`r."id"::text || v || 'a'`)} % cardinality($1::text[]))::int],
                      ($1::text[])[1 + (${h(`r."id"::text || v || 'b'`)} % cardinality($1::text[]))::int],
                      ($1::text[])[1 + (${h(`r."id"::text || v || 'c'`)} % cardinality($1::text[]))::int],
                      ($1::text[])[1 + (${h(`r."id"::text || v || 'd'`)} % cardinality($1::text[]))::int]
                    ], E'\\n\\n') AS body
               FROM "Report" r
              CROSS JOIN LATERAL generate_series(1, r."currentVersion") AS v
           ) b`,
        [SENTENCES, userIds],
      ),
    );

    // Claims: 5-20 per story, anchored to a span of the current version of one of its reports.
    count(
      "Claim",
      await client.query(
        `INSERT INTO "Claim" ("id", "storyId", "reportId", "reportVersionId", "exact", "prefix", "suffix", "start", "end",
                              "statement", "status", "origin", "assigneeId", "createdById", "createdAt", "updatedAt")
         SELECT gen_random_uuid(), c.story_id, rv."reportId", rv."id",
                substr(rv."bodyText", p.st + 1, p.len),
                substr(rv."bodyText", p.st - least(32, p.st) + 1, least(32, p.st)),
                substr(rv."bodyText", p.st + p.len + 1, 32),
                p.st, p.st + p.len,
                substr(rv."bodyText", p.st + 1, p.len),
                ($2::text[])[1 + (c.hv % cardinality($2::text[]))::int]::"ClaimStatus",
                (CASE WHEN c.hv % 4 = 0 THEN 'SUGGESTED' ELSE 'TAGGED' END)::"ClaimOrigin",
                CASE WHEN c.hv % 3 = 0 THEN NULL ELSE ($1::uuid[])[1 + (c.hv / 7 % cardinality($1::uuid[]))::int] END,
                ($1::uuid[])[1 + (c.hv / 11 % cardinality($1::uuid[]))::int],
                c.at, c.at
           FROM (
             SELECT s."id" AS story_id, x.rvids, n,
                    ${h(`s."title" || ':claim:' || n`)} AS hv,
                    s."createdAt" + (s."lastActivityAt" - s."createdAt") * (0.3 + n / 40.0) AS at
               FROM "Story" s
              CROSS JOIN LATERAL (
                SELECT array_agg(rv."id" ORDER BY rv."id") AS rvids
                  FROM "Report" r
                  JOIN "ReportVersion" rv ON rv."reportId" = r."id" AND rv."version" = r."currentVersion"
                 WHERE r."storyId" = s."id"
              ) x
              CROSS JOIN LATERAL generate_series(1, 5 + (${h(`s."title" || ':claims'`)} % 16)::int) AS n
           ) c
           JOIN "ReportVersion" rv ON rv."id" = c.rvids[1 + (c.hv % cardinality(c.rvids))::int]
          CROSS JOIN LATERAL (
            SELECT (c.hv / 13 % greatest(1, length(rv."bodyText") - 80))::int AS st, (30 + c.hv % 40)::int AS len
          ) p`,
        [userIds, CLAIM_STATUSES],
      ),
    );

    // One status change for every claim that has left UNVERIFIED.
    count(
      "ClaimStatusChange",
      await client.query(
        `INSERT INTO "ClaimStatusChange" ("id", "claimId", "fromStatus", "toStatus", "rationale", "actorId", "createdAt")
         SELECT gen_random_uuid(), c."id", 'UNVERIFIED', c."status", $1, c."createdById", c."updatedAt"
           FROM "Claim" c WHERE c."status" <> 'UNVERIFIED'`,
        ["Checked against the agency's own correction log and a second outlet."],
      ),
    );

    // Explainers: 0-3 per story in assorted states.
    count(
      "Explainer",
      await client.query(
        `INSERT INTO "Explainer" ("id", "storyId", "slug", "title", "dek", "state", "content", "publishedAt", "createdById", "createdAt", "updatedAt")
         SELECT gen_random_uuid(), e.story_id, 'bench-' || e.story_id || '-' || e.n,
                format('What we know about the %s', e.title), 'The verified facts so far, and what is still unclear.',
                e.state::"ExplainerState", $3::jsonb,
                CASE WHEN e.state IN ('PUBLISHED', 'UNPUBLISHED') THEN e.at END,
                ($1::uuid[])[1 + (${h(`e.story_id::text || ':exp:' || e.n`)} % cardinality($1::uuid[]))::int],
                e.at, e.at
           FROM (
             SELECT s."id" AS story_id, s."title", n,
                    ($2::text[])[1 + (${h(`s."title" || ':state:' || n`)} % cardinality($2::text[]))::int] AS state,
                    s."createdAt" + (s."lastActivityAt" - s."createdAt") * (0.5 + n / 10.0) AS at
               FROM "Story" s
              CROSS JOIN LATERAL generate_series(1, (${h(`s."title" || ':explainers'`)} % 4)::int) AS n
           ) e`,
        [userIds, EXPLAINER_STATES, EMPTY_DOC],
      ),
    );

    // Audit events: 15-25 per story, the newest at the story's lastActivityAt.
    count(
      "AuditEvent",
      await client.query(
        `INSERT INTO "AuditEvent" ("id", "actorId", "action", "entityType", "entityId", "storyId", "after", "createdAt")
         SELECT gen_random_uuid(),
                ($1::uuid[])[1 + (${h(`s."title" || ':actor:' || a`)} % cardinality($1::uuid[]))::int],
                ($2::text[])[k], ($3::text[])[k], s."id", s."id",
                jsonb_build_object('seq', a, 'note', $4::text),
                s."lastActivityAt" - (a - 1) * ((s."lastActivityAt" - s."createdAt") / 26)
           FROM "Story" s
          CROSS JOIN LATERAL generate_series(1, 15 + (${h(`s."title" || ':audits'`)} % 11)::int) AS a
          CROSS JOIN LATERAL (SELECT 1 + (${h(`s."title" || ':action:' || a`)} % cardinality($2::text[]))::int AS k) pick`,
        [userIds, AUDIT_ACTIONS.map(([action]) => action), AUDIT_ACTIONS.map(([, entityType]) => entityType), "bench seed"],
      ),
    );

    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
  await client.query("ANALYZE");
  const ms = performance.now() - started;

  // What the pages must show, computed with the list's own order and filters.
  const pageTitle = async (offset: number, search?: string) => {
    const result = await client.query<{ title: string }>(
      `SELECT "title" FROM "Story"
        WHERE "status" = 'ACTIVE' AND ($2::text IS NULL OR "title" ILIKE '%' || $2 || '%')
        ORDER BY "lastActivityAt" DESC, "id" DESC OFFSET $1 LIMIT 1`,
      [offset, search ?? null],
    );
    const title = result.rows[0]?.title;
    if (!title) throw new Error(`Seed check: no active story at offset ${offset}${search ? ` for "${search}"` : ""}.`);
    return title;
  };
  const searchWord = EVENTS[1]!.toLowerCase();
  const active = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Story" WHERE "status" = 'ACTIVE'`);

  return {
    rows,
    ms,
    editor: { id: editorId, email: options.editor.email, name: options.editor.name, role: "EDITOR" },
    firstPageTitle: await pageTitle(0),
    page10Title: await pageTitle(9 * STORY_LIST_PAGE_SIZE),
    searchWord,
    searchTitle: await pageTitle(0, searchWord),
    activeStories: active.rows[0]!.n,
  };
}
