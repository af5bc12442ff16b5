import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { findMentions } from "@/lib/claims/comments";
import { quotedExcerpt } from "@/lib/notifications/notifications";
import { forbidden, notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { isUuid } from "@/lib/http/uuid";
import { ZAddExplainerNote } from "./schemas";

type PersonRef = { id: string; name: string };

/** A note beside the explainer editor, as its notes panel shows it. */
export type ExplainerNote = { id: string; body: string; author: PersonRef; createdAt: string; mentions: PersonRef[] };

/** How many notes the panel lists (the newest). */
export const EXPLAINER_NOTES_LIMIT = 100;

/** The notes on an explainer of a story, oldest first; one of another story is not found. */
export async function listExplainerNotes(actor: Actor, storyId: string, explainerId: string): Promise<ExplainerNote[]> {
  assertCan(actor, "story.read");
  if (!isUuid(storyId) || !isUuid(explainerId)) throw notFound("That explainer");
  const explainer = await db.explainer.findFirst({
    where: { id: explainerId, storyId },
    select: {
      notes: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: EXPLAINER_NOTES_LIMIT,
        select: {
          id: true,
          body: true,
          createdAt: true,
          author: { select: { id: true, name: true } },
          mentions: { select: { user: { select: { id: true, name: true } } } },
        },
      },
    },
  });
  if (!explainer) throw notFound("That explainer");
  return explainer.notes.reverse().map((note) => ({
    id: note.id,
    body: note.body,
    author: note.author,
    createdAt: note.createdAt.toISOString(),
    mentions: note.mentions.map((mention) => mention.user),
  }));
}

/**
 * Adds a note to an explainer (for its writers and reviewers; not published). "@Full Name" or
 * "@email" mentions of active people (the rule of findMentions) are stored with the note and
 * notify each mentioned person except the author; the notification opens the editor.
 */
export async function addExplainerNote(actor: Actor, input: unknown): Promise<ExplainerNote> {
  assertCan(actor, "explainer.edit");
  if (actor.apiTokenId) throw forbidden();
  const data = parseInput(ZAddExplainerNote, input);
  return db.$transaction(async (tx) => {
    const explainer = await tx.explainer.findFirst({ where: { id: data.explainerId, storyId: data.storyId }, select: { id: true, storyId: true, title: true } });
    if (!explainer) throw notFound("That explainer");
    const people = data.body.includes("@") ? await tx.user.findMany({ where: { active: true }, select: { id: true, name: true, email: true } }) : [];
    const mentioned = findMentions(data.body, people);
    const note = await tx.comment.create({
      data: {
        explainerId: explainer.id,
        authorId: actor.id,
        body: data.body,
        mentions: { createMany: { data: mentioned.map((person) => ({ userId: person.id })) } },
      },
      select: { id: true, body: true, createdAt: true, author: { select: { id: true, name: true } } },
    });
    const recipients = mentioned.filter((person) => person.id !== actor.id);
    if (recipients.length > 0) {
      await tx.notification.createMany({
        data: recipients.map((person) => ({
          userId: person.id,
          actorId: actor.id,
          kind: "MENTION" as const,
          explainerId: explainer.id,
          commentId: note.id,
          message: `${actor.name} mentioned you in a note on the explainer ${quotedExcerpt(explainer.title)}`,
        })),
      });
    }
    await audit(tx, {
      actorId: actor.id,
      action: "explainer.note",
      entityType: "explainer",
      entityId: explainer.id,
      storyId: explainer.storyId,
      after: { noteId: note.id, body: note.body, mentionedIds: mentioned.map((person) => person.id) },
    });
    return { ...note, createdAt: note.createdAt.toISOString(), mentions: mentioned.map(({ id, name }) => ({ id, name })) };
  });
}
