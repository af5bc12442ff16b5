import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { notifyMentions } from "@/lib/notifications/notifications";
import { ZAddComment } from "./schemas";

type PersonRef = { id: string; name: string };
type Mentionable = PersonRef & { email: string };

/** A comment as the claim panel shows it (the same shape as ClaimDetail["comments"]). */
export type ClaimComment = { id: string; body: string; author: PersonRef; createdAt: Date; mentions: PersonRef[] };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** characters that may sit right before an email's "@", so "ana@example.org" is no mention */
const EMAIL_LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The people a comment mentions. The rule: a mention is "@" at the start of the comment or after
 * a character that cannot belong to an email address, followed by an active person's full name
 * (any case, any run of spaces between its words) or their email (any case), and not followed
 * directly by a letter or digit ("@Ana Limas" does not mention Ana Lima). When several people
 * match at one "@" ("Ana Lima" and "Ana Lima Costa"), the longest match wins. Each person is
 * returned once, in order of first mention.
 */
export function findMentions(body: string, people: readonly Mentionable[]): Mentionable[] {
  if (!body.includes("@") || people.length === 0) return [];
  const patterns = people.map((person) => ({
    person,
    name: new RegExp(person.name.trim().split(/\s+/).map(escapeRegExp).join("\\s+"), "iuy"),
    email: new RegExp(escapeRegExp(person.email), "iuy"),
  }));
  const found = new Map<string, Mentionable>();
  for (let at = body.indexOf("@"); at !== -1; at = body.indexOf("@", at + 1)) {
    if (at > 0 && EMAIL_LOCAL_CHAR.test(body[at - 1]!)) continue;
    let best: { person: Mentionable; length: number } | null = null;
    for (const { person, name, email } of patterns) {
      for (const pattern of [name, email]) {
        pattern.lastIndex = at + 1;
        const match = pattern.exec(body);
        if (!match) continue;
        const next = body[at + 1 + match[0].length];
        if (next !== undefined && WORD_CHAR.test(next)) continue;
        if (!best || match[0].length > best.length) best = { person, length: match[0].length };
      }
    }
    if (best && !found.has(best.person.id)) found.set(best.person.id, best.person);
  }
  return [...found.values()];
}

/**
 * Adds a comment to a claim. "@Full Name" or "@email" mentions of active people (see
 * findMentions) are stored with the comment and notify each mentioned person except the author.
 */
export async function addComment(actor: Actor, input: unknown): Promise<ClaimComment> {
  assertCan(actor, "story.read");
  assertCan(actor, "claim.tag");
  const data = parseInput(ZAddComment, input);
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: data.claimId }, select: { id: true, storyId: true, statement: true } });
    if (!claim) throw notFound("That claim");
    const people = data.body.includes("@")
      ? await tx.user.findMany({ where: { active: true }, select: { id: true, name: true, email: true } })
      : [];
    const mentioned = findMentions(data.body, people);
    const comment = await tx.comment.create({
      data: {
        claimId: claim.id,
        authorId: actor.id,
        body: data.body,
        mentions: { createMany: { data: mentioned.map((person) => ({ userId: person.id })) } },
      },
      select: { id: true, body: true, createdAt: true, author: { select: { id: true, name: true } } },
    });
    await notifyMentions(
      tx,
      actor,
      mentioned.map((person) => person.id),
      { claimId: claim.id, commentId: comment.id, statement: claim.statement },
    );
    await audit(tx, {
      actorId: actor.id,
      apiTokenId: actor.apiTokenId,
      action: "claim.comment",
      entityType: "claim",
      entityId: claim.id,
      storyId: claim.storyId,
      after: { commentId: comment.id, body: comment.body, mentionedIds: mentioned.map((person) => person.id) },
    });
    return { ...comment, mentions: mentioned.map(({ id, name }) => ({ id, name })) };
  });
}
