/**
 * Explainers for browser tests, written straight to the test database (parameterized SQL), in
 * the shape lib/explainers writes them: Tiptap JSON content, revisions with authors and citation
 * snapshots.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { database } from "./factories";

export type CitedBullet = { text: string; claimId: string; attributed?: boolean; attribution?: string };

/** A one-section document, each bullet ending in its citation. */
export function explainerDoc(bullets: readonly CitedBullet[]): unknown {
  return {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "What we know" }] },
      {
        type: "bulletList",
        content: bullets.map((bullet) => ({
          type: "listItem",
          content: [
            {
              type: "paragraph",
              content: [
                { type: "text", text: `${bullet.text} ` },
                { type: "citation", attrs: { claimId: bullet.claimId, factId: null, attributed: bullet.attributed ?? false, attribution: bullet.attribution ?? "" } },
              ],
            },
          ],
        })),
      },
    ],
  };
}

/**
 * An explainer whose working copy is `bullets`, submitted as revision 1 by `authorId` and now in
 * review. Optionally an approved revision 0-style base: `approvedBullets` becomes revision 1
 * (approved) and `bullets` revision 2.
 */
export async function buildExplainerInReview(input: {
  storyId: string;
  authorId: string;
  title: string;
  bullets: readonly CitedBullet[];
  approvedBullets?: readonly CitedBullet[];
  approvedById?: string;
  statuses?: Record<string, string>;
}): Promise<{ explainerId: string; revisionId: string }> {
  const db = database();
  const explainerId = randomUUID();
  const content = JSON.stringify(explainerDoc(input.bullets));
  await db.query(
    `INSERT INTO "Explainer" (id, "storyId", slug, title, dek, state, content, "createdById", "updatedAt", "editorIdsSinceApproval")
     VALUES ($1, $2, $3, $4, 'A dek under test.', 'IN_REVIEW', $5::jsonb, $6, now(), ARRAY[]::uuid[])`,
    [explainerId, input.storyId, `e2e-${randomBytes(5).toString("hex")}`, input.title, content, input.authorId],
  );
  let number = 0;
  const addRevision = async (bullets: readonly CitedBullet[], message: string): Promise<string> => {
    number += 1;
    const revisionId = randomUUID();
    await db.query(
      `INSERT INTO "ExplainerRevision" (id, "explainerId", number, title, dek, content, message, "createdById") VALUES ($1, $2, $3, $4, 'A dek under test.', $5::jsonb, $6, $7)`,
      [revisionId, explainerId, number, input.title, JSON.stringify(explainerDoc(bullets)), message, input.authorId],
    );
    await db.query(`INSERT INTO "ExplainerRevisionAuthor" ("revisionId", "userId") VALUES ($1, $2)`, [revisionId, input.authorId]);
    for (const [position, bullet] of bullets.entries()) {
      await db.query(
        `INSERT INTO "Citation" (id, "revisionId", "claimId", attributed, attribution, form, status, "sourceCount", position) VALUES ($1, $2, $3, $4, $5, $6::"CitationForm", $7::"ClaimStatus", 1, $8)`,
        [randomUUID(), revisionId, bullet.claimId, bullet.attributed ?? false, bullet.attribution ?? "", bullet.attributed ? "ATTRIBUTED" : "FACT", input.statuses?.[bullet.claimId] ?? "VERIFIED", position],
      );
    }
    return revisionId;
  };
  if (input.approvedBullets) {
    const approvedId = await addRevision(input.approvedBullets, "First version");
    await db.query(`INSERT INTO "Review" (id, "revisionId", "reviewerId", decision, comment) VALUES ($1, $2, $3, 'APPROVED', 'Fine.')`, [randomUUID(), approvedId, input.approvedById ?? input.authorId]);
    await db.query(`UPDATE "Explainer" SET "approvedRevisionId" = $1 WHERE id = $2`, [approvedId, explainerId]);
  }
  const revisionId = await addRevision(input.bullets, "Ready for a look");
  return { explainerId, revisionId };
}

export async function explainerRow(id: string): Promise<{ state: string; content: unknown; version: number; approvedRevisionId: string | null }> {
  const result = await database().query<{ state: string; content: unknown; version: number; approvedRevisionId: string | null }>(
    `SELECT state, content, version, "approvedRevisionId" FROM "Explainer" WHERE id = $1`,
    [id],
  );
  const row = result.rows[0];
  if (!row) throw new Error(`no explainer ${id}`);
  return row;
}
