/**
 * Explainers for browser tests, written with the app's Prisma client in the shape lib/explainers
 * writes them: Tiptap JSON content, revisions with authors and citation snapshots. Not through
 * saveExplainerDraft and submitRevision: some specs need revisions the writing rules would
 * refuse today (a claim whose status changed since), and submission first stores the live
 * co-edited document.
 */
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { createExplainer } from "@/lib/explainers/create-explainer";
import { saveExplainerDraft } from "@/lib/explainers/save-explainer-draft";

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

/** A draft explainer with the given text, started and saved by `authorId` as in the editor (no shared document stored yet). */
export async function buildDraftExplainer(input: { storyId: string; authorId: string; title: string; dek: string; content: unknown }): Promise<string> {
  const author = await db.user.findUniqueOrThrow({ where: { id: input.authorId }, select: { id: true, name: true, email: true, role: true } });
  const { id } = await createExplainer(author, { storyId: input.storyId, title: input.title });
  await saveExplainerDraft(author, { storyId: input.storyId, explainerId: id, version: 1, title: input.title, dek: input.dek, content: input.content });
  return id;
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
  const dek = "A dek under test.";
  const explainer = await db.explainer.create({
    data: {
      storyId: input.storyId,
      slug: `e2e-${randomBytes(5).toString("hex")}`,
      title: input.title,
      dek,
      state: "IN_REVIEW",
      content: explainerDoc(input.bullets) as Prisma.InputJsonValue,
      createdById: input.authorId,
      editorIdsSinceApproval: [],
    },
    select: { id: true },
  });
  let number = 0;
  const addRevision = async (bullets: readonly CitedBullet[], message: string): Promise<string> => {
    number += 1;
    const revision = await db.explainerRevision.create({
      data: {
        explainerId: explainer.id,
        number,
        title: input.title,
        dek,
        content: explainerDoc(bullets) as Prisma.InputJsonValue,
        message,
        createdById: input.authorId,
        authors: { create: { userId: input.authorId } },
        citations: {
          create: bullets.map((bullet, position) => ({
            claimId: bullet.claimId,
            attributed: bullet.attributed ?? false,
            attribution: bullet.attribution ?? "",
            form: bullet.attributed ? "ATTRIBUTED" : "FACT",
            status: (input.statuses?.[bullet.claimId] ?? "VERIFIED") as ClaimStatus,
            sourceCount: 1,
            position,
          })),
        },
      },
      select: { id: true },
    });
    return revision.id;
  };
  if (input.approvedBullets) {
    const approvedId = await addRevision(input.approvedBullets, "First version");
    await db.review.create({ data: { revisionId: approvedId, reviewerId: input.approvedById ?? input.authorId, decision: "APPROVED", comment: "Fine." } });
    await db.explainer.update({ where: { id: explainer.id }, data: { approvedRevisionId: approvedId } });
  }
  const revisionId = await addRevision(input.bullets, "Ready for a look");
  return { explainerId: explainer.id, revisionId };
}

export async function explainerRow(id: string): Promise<{ state: string; content: unknown; version: number; approvedRevisionId: string | null }> {
  return db.explainer.findUniqueOrThrow({ where: { id }, select: { state: true, content: true, version: true, approvedRevisionId: true } });
}
