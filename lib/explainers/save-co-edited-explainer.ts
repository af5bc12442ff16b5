import "server-only";
import * as Y from "yjs";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { actorCan } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { canonicalExplainerDocument } from "@/lib/collab/explainer-schema";
import { readExplainerFields } from "@/lib/collab/explainer-fields";
import { EXPLAINER_TRANSITIONS } from "./workflow";

/**
 * - `unchanged`: the stored state holds everything in this one already;
 * - `state_only`: the Yjs state grew (a document opened for the first time, an edit undone)
 *   but what a reader sees did not: only the state is stored, nothing else changes;
 * - `saved`: the text changed: stored, audited, and back to draft as any edit;
 * - `invalid`: the merged document does not fit the explainer schema (a hand-made message):
 *   nothing is stored;
 * - `missing`: the explainer was deleted meanwhile.
 */
export type CoEditOutcome = { outcome: "unchanged" | "state_only" | "saved" | "invalid" | "missing"; merged: Uint8Array | null };

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

/**
 * Stores the live-edited explainer for the collaboration server, by the same rule as any edit
 * (`EXPLAINER_TRANSITIONS.edit`), in one transaction under the row lock.
 *
 * The stored state is the union of what was stored and what this server holds (Yjs merges
 * without loss), never a replacement: two collaboration servers that lost sight of each other
 * (Redis down) each store their own edits, and neither overwrites the other's. The merged state is
 * returned so the server can apply what it was missing.
 *
 * A real change of the text, title or dek records the people who made it among the authors since
 * approval, makes the explainer a draft again and writes an audit event. Opening a document, or
 * any change that leaves the text as it was, changes neither its state nor its authors. Authors
 * are re-checked against their current role: someone whose edit right was taken away meanwhile is
 * not recorded as an author.
 */
export async function saveCoEditedExplainer(editorIds: readonly string[], input: { explainerId: string; state: Uint8Array }): Promise<CoEditOutcome> {
  return db.$transaction(async (tx) => {
    // a row held by someone else (a submit, another instance) fails the store quickly rather
    // than hanging past the transaction's timeout: the collaboration server retries it
    await tx.$executeRaw`SET LOCAL lock_timeout = '2s'`;
    const rows = await tx.$queryRaw<{ ydoc: Uint8Array | null }[]>`
      SELECT "ydoc" FROM "Explainer" WHERE "id" = ${input.explainerId}::uuid FOR UPDATE`;
    if (rows.length === 0) return { outcome: "missing", merged: null };
    const stored = rows[0]!.ydoc;

    const doc = new Y.Doc();
    let before: Uint8Array | null = null;
    if (stored && stored.length > 0) {
      Y.applyUpdate(doc, stored);
      before = Y.encodeStateAsUpdate(doc);
    }
    Y.applyUpdate(doc, input.state);
    const merged = Y.encodeStateAsUpdate(doc);
    if (before && sameBytes(before, merged)) return { outcome: "unchanged", merged };
    const fields = readExplainerFields(doc);
    if (!fields) return { outcome: "invalid", merged: null };

    const current = await tx.explainer.findUniqueOrThrow({
      where: { id: input.explainerId },
      select: { id: true, storyId: true, title: true, dek: true, content: true, state: true, version: true, editorIdsSinceApproval: true },
    });
    // an emptied title keeps the last one: the column (and the public page) needs one
    const title = fields.title || current.title;
    const textChanged =
      title !== current.title || fields.dek !== current.dek || canonicalExplainerDocument(fields.content) !== canonicalExplainerDocument(current.content);
    if (!textChanged) {
      await tx.explainer.update({ where: { id: current.id }, data: { ydoc: Buffer.from(merged) } });
      return { outcome: "state_only", merged };
    }

    const people = editorIds.length
      ? await tx.user.findMany({ where: { id: { in: [...editorIds] }, active: true }, select: { id: true, role: true } })
      : [];
    const authors = people.filter((person) => actorCan(person, EXPLAINER_TRANSITIONS.edit.permission)).map((person) => person.id);
    const editors = [...new Set([...current.editorIdsSinceApproval, ...authors])];
    const saved = await tx.explainer.update({
      where: { id: current.id },
      data: {
        ydoc: Buffer.from(merged),
        title,
        dek: fields.dek,
        content: fields.content as unknown as Prisma.InputJsonValue,
        editorIdsSinceApproval: editors,
        version: { increment: 1 },
        state: EXPLAINER_TRANSITIONS.edit.to,
      },
      select: { version: true, state: true },
    });
    // the document itself is not copied into the audit log: revisions are its history. Changes
    // that reached this instance from another one (through Redis) may have no known author here.
    await audit(tx, {
      actorId: authors[0] ?? null,
      action: "explainer.co_edit",
      entityType: "explainer",
      entityId: current.id,
      storyId: current.storyId,
      before: { state: current.state, version: current.version, title: current.title },
      after: { state: saved.state, version: saved.version, title, authors },
    });
    return { outcome: "saved", merged };
  });
}
