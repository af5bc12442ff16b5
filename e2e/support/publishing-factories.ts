/**
 * Approved explainers for the publishing tests: a revision in review (explainer-factories),
 * approved by a reviewer through approveRevision.
 */
import { readFileSync } from "node:fs";
import { db } from "@/lib/db/client";
import { approveRevision } from "@/lib/review/decide-revision";
import { PEOPLE_FILE } from "./auth";
import { buildStoryWithReport } from "./factories";
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
  const { slug } = await db.explainer.findUniqueOrThrow({ where: { id: explainerId }, select: { slug: true } });
  return { storyId: story.storyId, explainerId, slug, revisionId, claimIds: story.claimIds, title };
}

/** The reviewer approves the revision, as on the review page. */
export async function approve(explainerId: string, revisionId: string, reviewerId: string): Promise<void> {
  const [reviewer, explainer] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: reviewerId }, select: { id: true, name: true, email: true, role: true } }),
    db.explainer.findUniqueOrThrow({ where: { id: explainerId }, select: { storyId: true } }),
  ]);
  await approveRevision(reviewer, { storyId: explainer.storyId, explainerId, revisionId, comment: "Internal: fine by the standards desk." });
}

export async function explainerVersion(explainerId: string): Promise<number> {
  return (await db.explainer.findUniqueOrThrow({ where: { id: explainerId }, select: { version: true } })).version;
}

export async function publishingRow(explainerId: string): Promise<{ state: string; publishedRevisionId: string | null; version: number }> {
  return db.explainer.findUniqueOrThrow({ where: { id: explainerId }, select: { state: true, publishedRevisionId: true, version: true } });
}
