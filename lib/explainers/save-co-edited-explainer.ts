import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { actorCan } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { canonicalExplainerDocument } from "@/lib/collab/explainer-schema";
import type { ExplainerDoc } from "./document";
import { EXPLAINER_TRANSITIONS } from "./workflow";

export type CoEditedExplainer = {
  explainerId: string;
  /** the shared document's Yjs state, as the collaboration server holds it */
  state: Uint8Array;
  /** the Tiptap JSON, title and dek derived from that state (already read through the schema) */
  content: ExplainerDoc;
  title: string;
  dek: string;
};

/**
 * - `unchanged`: the stored state is this one already;
 * - `state_only`: the Yjs bytes moved (a document opened for the first time, an edit undone)
 *   but what a reader sees did not: only the state is stored, nothing else changes;
 * - `saved`: the text changed: stored, audited, and back to draft as any edit;
 * - `missing`: the explainer was deleted meanwhile.
 */
export type CoEditOutcome = "unchanged" | "state_only" | "saved" | "missing";

function digest(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Stores the live-edited explainer for the collaboration server, by the same rule as any edit
 * (`EXPLAINER_TRANSITIONS.edit`): a real change of its text, title or dek records the people who
 * made it among the authors since approval, makes it a draft again and writes an audit event, in
 * one transaction under the row lock (two collaboration instances storing the same document
 * serialise). Opening a document, or any change that leaves the text as it was, changes neither
 * its state nor its authors. Authors are re-checked against their current role: someone whose
 * edit right was taken away meanwhile is not recorded as an author.
 */
export async function saveCoEditedExplainer(editorIds: readonly string[], input: CoEditedExplainer): Promise<CoEditOutcome> {
  const stateDigest = digest(input.state);
  return db.$transaction(async (tx) => {
    // a row held by someone else (a submit, another instance) fails the store quickly rather
    // than hanging past the transaction's timeout: the collaboration server retries it
    await tx.$executeRaw`SET LOCAL lock_timeout = '2s'`;
    const rows = await tx.$queryRaw<{ ydoc: Uint8Array | null }[]>`
      SELECT "ydoc" FROM "Explainer" WHERE "id" = ${input.explainerId}::uuid FOR UPDATE`;
    if (rows.length === 0) return "missing";
    if (rows[0]!.ydoc && digest(rows[0]!.ydoc) === stateDigest) return "unchanged";
    const current = await tx.explainer.findUniqueOrThrow({
      where: { id: input.explainerId },
      select: { id: true, storyId: true, title: true, dek: true, content: true, state: true, version: true, editorIdsSinceApproval: true },
    });

    // an emptied title keeps the last one: the column (and the public page) needs one
    const title = input.title || current.title;
    const textChanged =
      title !== current.title || input.dek !== current.dek || canonicalExplainerDocument(input.content) !== canonicalExplainerDocument(current.content);
    if (!textChanged) {
      await tx.explainer.update({ where: { id: current.id }, data: { ydoc: Buffer.from(input.state) } });
      return "state_only";
    }

    const people = editorIds.length
      ? await tx.user.findMany({ where: { id: { in: [...editorIds] }, active: true }, select: { id: true, role: true } })
      : [];
    const authors = people.filter((person) => actorCan(person, EXPLAINER_TRANSITIONS.edit.permission)).map((person) => person.id);
    const editors = [...new Set([...current.editorIdsSinceApproval, ...authors])];
    const nextState = EXPLAINER_TRANSITIONS.edit.to;
    const saved = await tx.explainer.update({
      where: { id: current.id },
      data: {
        ydoc: Buffer.from(input.state),
        title,
        dek: input.dek,
        content: input.content as unknown as Prisma.InputJsonValue,
        editorIdsSinceApproval: editors,
        version: { increment: 1 },
        state: nextState,
      },
      select: { version: true, state: true },
    });
    // the document itself is not copied into the audit log: revisions are its history. Changes
    // that reached this instance from another one (through Redis) may have no known author here.
    await recordAuditEvent(tx, {
      actorId: authors[0] ?? null,
      action: "explainer.co_edit",
      entityType: "explainer",
      entityId: current.id,
      storyId: current.storyId,
      before: { state: current.state, version: current.version, title: current.title },
      after: { state: saved.state, version: saved.version, title, authors },
    });
    return "saved";
  });
}
