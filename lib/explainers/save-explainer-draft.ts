import "server-only";
import { db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { conflict, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { ZSaveExplainerDraft } from "./schemas";
import { EXPLAINER_TRANSITIONS } from "./workflow";
import { expectVersion, lockedUpdate } from "@/lib/db/optimistic-lock";

export type SavedDraft = { version: number; state: string; savedAt: string; changed: boolean };

/** The conflict a stale save gets: who saved last and when, so the writer knows whom to ask. */
export async function staleExplainerConflict(tx: Tx, explainerId: string): Promise<Error> {
  const last = await tx.auditEvent.findFirst({
    where: { entityType: "explainer", entityId: explainerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { createdAt: true, actor: { select: { name: true } } },
  });
  const who = last?.actor?.name ?? "Someone";
  return conflict(
    `${who} changed this explainer${last ? ` at ${last.createdAt.toISOString().slice(11, 16)} UTC` : ""} after you loaded it. ` +
      "Your text is kept on this device; reload to see theirs, then copy back what you need.",
  );
}

/**
 * Saves the working copy (title, dek, document) if the writer's version is current. Nothing
 * changed → nothing written. A real change records the writer among the authors since the last
 * approval and makes the explainer a draft again (it needs review anew).
 */
export async function saveExplainerDraft(actor: Actor, input: unknown): Promise<SavedDraft> {
  assertCan(actor, EXPLAINER_TRANSITIONS.edit.permission);
  const data = parseInput(ZSaveExplainerDraft, input);
  return db.$transaction(async (tx) => {
    const current = await tx.explainer.findFirst({
      where: { id: data.explainerId, storyId: data.storyId },
      select: { id: true, storyId: true, title: true, dek: true, content: true, state: true, version: true, editorIdsSinceApproval: true, updatedAt: true },
    });
    if (!current) throw notFound("That explainer");
    await expectVersion(current.version, data.version, () => staleExplainerConflict(tx, current.id));

    const unchanged = current.title === data.title && current.dek === data.dek && JSON.stringify(current.content) === JSON.stringify(data.content);
    if (unchanged) return { version: current.version, state: current.state, savedAt: current.updatedAt.toISOString(), changed: false };

    const editors = current.editorIdsSinceApproval.includes(actor.id) ? current.editorIdsSinceApproval : [...current.editorIdsSinceApproval, actor.id];
    const nextState = EXPLAINER_TRANSITIONS.edit.to;
    await lockedUpdate(
      tx.explainer,
      {
        where: { id: current.id },
        version: data.version,
        data: { title: data.title, dek: data.dek, content: data.content as Prisma.InputJsonValue, state: nextState, editorIdsSinceApproval: editors },
      },
      () => staleExplainerConflict(tx, current.id),
    );
    const saved = await tx.explainer.findUniqueOrThrow({ where: { id: current.id }, select: { version: true, state: true, updatedAt: true } });
    // the document itself is not copied into the audit log: revisions are its history
    await audit(tx, {
      actorId: actor.id,
      action: "explainer.save_draft",
      entityType: "explainer",
      entityId: current.id,
      storyId: current.storyId,
      before: { state: current.state, version: current.version, title: current.title },
      after: { state: saved.state, version: saved.version, title: data.title },
    });
    return { version: saved.version, state: saved.state, savedAt: saved.updatedAt.toISOString(), changed: true };
  });
}
