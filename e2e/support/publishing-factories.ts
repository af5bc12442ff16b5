/**
 * Approved explainers for the publishing tests, written straight to the test database in the
 * shape the review half leaves them (revision with citation snapshots, approved by a reviewer).
 */
import { readFileSync } from "node:fs";
import { PEOPLE_FILE } from "./auth";
import { buildStoryWithReport, database } from "./factories";
import { buildExplainerInReview, type CitedBullet } from "./explainer-factories";

type People = Record<"ADMIN" | "REVIEWER" | "EDITOR", { id: string; name: string; email: string }>;

export function people(): People {
  return JSON.parse(readFileSync(PEOPLE_FILE, "utf8")) as People;
}

const TEXT = [
  "TALVAR, Mar 4 (Northgate) — The Lorvan ferry resumed service across the estuary on Tuesday, the harbour authority said.",
  "The operator plans 14 crossings a day, a spokesperson said.",
  "Two army sources said soldiers had taken positions on the pier.",
].join("\n\n");

export type ApprovedExplainer = { storyId: string; explainerId: string; slug: string; revisionId: string; claimIds: string[]; title: string };

/** A story with three claims (two verified, one not) and an explainer whose revision is approved. */
export async function buildApprovedExplainer(options: { title?: string; source?: string } = {}): Promise<ApprovedExplainer> {
  const { EDITOR: editor, REVIEWER: reviewer } = people();
  const story = await buildStoryWithReport(editor, {
    title: `Ferry story ${Date.now()}`,
    source: options.source ?? `Northgate News ${Date.now().toString(36)}`,
    text: TEXT,
    claims: [
      { start: TEXT.indexOf("The Lorvan"), end: TEXT.indexOf(", the harbour"), statement: "The Lorvan ferry resumed service on Tuesday", status: "VERIFIED" },
      { start: TEXT.indexOf("The operator"), end: TEXT.indexOf(", a spokesperson"), statement: "The operator plans 14 crossings a day", status: "VERIFIED" },
      { start: TEXT.indexOf("soldiers"), end: TEXT.indexOf(" on the pier") + 12, statement: "Soldiers took positions on the pier", status: "UNVERIFIED" },
    ],
  });
  const bullets: CitedBullet[] = [
    { text: "The ferry resumed service on Tuesday.", claimId: story.claimIds[0]! },
    { text: "Fourteen crossings a day are planned.", claimId: story.claimIds[1]! },
    { text: "Soldiers have taken positions on the pier,", claimId: story.claimIds[2]!, attributed: true, attribution: "according to two army sources" },
  ];
  const title = options.title ?? `What to know about the Lorvan ferry ${Date.now().toString(36)}`;
  const { explainerId, revisionId } = await buildExplainerInReview({
    storyId: story.storyId,
    authorId: editor.id,
    title,
    bullets,
    statuses: { [story.claimIds[2]!]: "UNVERIFIED" },
  });
  await approve(explainerId, revisionId, reviewer.id);
  const slug = (await database().query<{ slug: string }>(`SELECT slug FROM "Explainer" WHERE id = $1`, [explainerId])).rows[0]!.slug;
  return { storyId: story.storyId, explainerId, slug, revisionId, claimIds: story.claimIds, title };
}

/** Marks a revision approved, as the reviewer's decision would. */
export async function approve(explainerId: string, revisionId: string, reviewerId: string): Promise<void> {
  await database().query(`INSERT INTO "Review" (id, "revisionId", "reviewerId", decision, comment) VALUES (gen_random_uuid(), $1, $2, 'APPROVED', 'Internal: fine by the standards desk.')`, [
    revisionId,
    reviewerId,
  ]);
  await database().query(`UPDATE "Explainer" SET state = 'APPROVED', "approvedRevisionId" = $1, "needsReReview" = false, version = version + 1 WHERE id = $2`, [revisionId, explainerId]);
}

export async function explainerVersion(explainerId: string): Promise<number> {
  return (await database().query<{ version: number }>(`SELECT version FROM "Explainer" WHERE id = $1`, [explainerId])).rows[0]!.version;
}

export async function publishingRow(explainerId: string): Promise<{ state: string; publishedRevisionId: string | null; version: number }> {
  const result = await database().query<{ state: string; publishedRevisionId: string | null; version: number }>(
    `SELECT state, "publishedRevisionId", version FROM "Explainer" WHERE id = $1`,
    [explainerId],
  );
  return result.rows[0]!;
}
