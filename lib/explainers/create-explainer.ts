import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { defaultExplainerDoc } from "./document";
import { ZCreateExplainer } from "./schemas";

/** A URL-safe slug from a title, with a random suffix so titles may repeat across stories. */
export function slugFromTitle(title: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return `${base || "explainer"}-${randomBytes(3).toString("hex")}`;
}

/** Starts an explainer for a story from the four-section template; its creator is its first author. */
export async function createExplainer(actor: Actor, input: unknown): Promise<{ id: string; storyId: string }> {
  assertCan(actor, "explainer.edit");
  const data = parseInput(ZCreateExplainer, input);
  return db.$transaction(async (tx) => {
    const story = await tx.story.findUnique({ where: { id: data.storyId }, select: { id: true } });
    if (!story) throw notFound("That story");
    const explainer = await tx.explainer.create({
      data: {
        storyId: story.id,
        slug: slugFromTitle(data.title),
        title: data.title,
        content: defaultExplainerDoc(),
        createdById: actor.id,
        editorIdsSinceApproval: [actor.id],
      },
      select: { id: true, storyId: true, slug: true },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "explainer.create",
      entityType: "explainer",
      entityId: explainer.id,
      storyId: story.id,
      after: { title: data.title, slug: explainer.slug },
    });
    return { id: explainer.id, storyId: explainer.storyId };
  });
}
