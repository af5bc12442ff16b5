/**
 * Published-explainer fixtures for the publishing integration tests: a story with two reports
 * from two invented outlets, claims, and an explainer with an approved revision, ready to publish.
 */
import { db, type Prisma } from "@/lib/db/client";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { storeReport } from "@/lib/reports/store-report";
import { buildClaim, buildReportInput, buildStory, uniqueToken, type BuiltUser } from "./factories";

export const text = (value: string) => ({ type: "text", text: value });
export const cite = (claimId: string, attributed = false, attribution = "") => ({ type: "citation", attrs: { claimId, factId: null, attributed, attribution } });
export const bullet = (...content: unknown[]) => ({ type: "listItem", content: [{ type: "paragraph", content }] });

export function documentWith(section: string, bullets: unknown[]): Prisma.InputJsonObject {
  return { type: "doc", content: [{ type: "heading", attrs: { level: 2 }, content: [text(section)] }, { type: "bulletList", content: bullets }] } as Prisma.InputJsonObject;
}

export type PublishingFixture = { storyId: string; explainerId: string; slug: string; claims: { id: string; status: ClaimStatus }[] };
export type PublishingDesk = { editor: BuiltUser; reviewer: BuiltUser };

/** A story with two reports from two outlets, three claims, and an explainer with one approved revision. */
export async function approvedExplainer(desk: PublishingDesk, options: { statuses?: ClaimStatus[]; title?: string } = {}): Promise<PublishingFixture> {
  const { editor } = desk;
  const story = await buildStory(editor.actor);
  const token = uniqueToken();
  const reportA = await storeReport(editor.actor, buildReportInput(story.id, { source: `Northwire ${token}`, publishedAt: "2026-03-04T08:00:00Z" }), "PASTE");
  const reportB = await storeReport(editor.actor, buildReportInput(story.id, { source: `Harbour Post ${token}`, publishedAt: "2026-03-04T09:30:00Z" }), "PASTE");
  const statuses = options.statuses ?? ["VERIFIED", "VERIFIED", "UNVERIFIED"];
  const claims = [];
  for (const [index, status] of statuses.entries()) {
    const claim = await buildClaim({ storyId: story.id, reportId: index % 2 === 0 ? reportA.reportId : reportB.reportId, createdById: editor.id, status });
    await db.claim.update({ where: { id: claim.id }, data: { statement: `Invented statement ${index} ${token}` } });
    claims.push({ id: claim.id, status });
  }
  const content = documentWith("What we know", [
    bullet(text("The ferry crossing reopened on Tuesday"), cite(claims[0]!.id)),
    bullet(text("Fourteen crossings a day are planned"), cite(claims[1]!.id)),
    bullet(text("The army holds the pier"), cite(claims[2]!.id, true, "according to two army sources")),
  ]);
  const title = options.title ?? `What to know about the Lorvan ferry ${token}`;
  const explainer = await db.explainer.create({
    data: { storyId: story.id, slug: `lorvan-ferry-${token}`, title, dek: "Service resumes after the storm.", content, createdById: editor.id },
  });
  await approveRevision(desk, explainer.id, { title, content, claims });
  return { storyId: story.id, explainerId: explainer.id, slug: explainer.slug, claims };
}

/** Stores a new revision of the working copy with its citation snapshots and marks it approved (the review half's job, done directly here). */
export async function approveRevision(desk: PublishingDesk, explainerId: string, input: { title: string; content: unknown; claims: { id: string; status: ClaimStatus }[] }) {
  const count = await db.explainerRevision.count({ where: { explainerId } });
  const revision = await db.explainerRevision.create({
    data: {
      explainerId,
      number: count + 1,
      title: input.title,
      dek: "Service resumes after the storm.",
      content: input.content as object,
      createdById: desk.editor.id,
      citations: {
        create: input.claims.map((claim, position) => ({ claimId: claim.id, status: claim.status, attributed: claim.status !== "VERIFIED", sourceCount: 1, position })),
      },
    },
  });
  await db.review.create({ data: { revisionId: revision.id, reviewerId: desk.reviewer.id, decision: "APPROVED", comment: `Internal reviewer remark ${uniqueToken()}` } });
  await db.explainer.update({ where: { id: explainerId }, data: { state: "APPROVED", approvedRevisionId: revision.id, version: { increment: 1 } } });
  return revision;
}

/** What the publishing verbs take: the explainer, its story and its current version. */
export async function publishTarget(fixture: PublishingFixture) {
  const row = await db.explainer.findUniqueOrThrow({ where: { id: fixture.explainerId }, select: { version: true } });
  return { explainerId: fixture.explainerId, storyId: fixture.storyId, version: row.version };
}
