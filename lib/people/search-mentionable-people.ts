import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import type { Role } from "@/lib/generated/prisma/enums";
import { ZMentionQuery } from "./schemas";

/** How many people the @mention menu offers at once. */
export const MENTION_SUGGESTION_LIMIT = 8;

export type MentionablePerson = { id: string; name: string; role: Role };

/**
 * Active desk members whose name (any word of it) or email starts with what was typed after "@",
 * for the mention menu of comments and notes. Only people who may write comments may look them up
 * (a viewer comments nowhere), and a desk API token never does. Emails are matched, not returned.
 */
export async function searchMentionablePeople(actor: Actor, input: unknown): Promise<MentionablePerson[]> {
  assertCan(actor, "claim.tag");
  if (actor.apiTokenId) throw forbidden();
  const { query } = parseInput(ZMentionQuery, input ?? {});
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const people = await db.user.findMany({
    where: {
      active: true,
      ...(words.length > 0
        ? {
            OR: [
              { name: { startsWith: query, mode: "insensitive" as const } },
              { name: { contains: ` ${words[0]}`, mode: "insensitive" as const } },
              { email: { startsWith: query, mode: "insensitive" as const } },
            ],
          }
        : {}),
    },
    select: { id: true, name: true, role: true },
    orderBy: { name: "asc" },
    take: 50,
  });
  // several words ("ana li"): every typed word must start a word of the name, in order
  const fits = (name: string) => {
    if (words.length < 2) return true;
    const nameWords = name.toLowerCase().split(/\s+/);
    let at = 0;
    for (const word of words) {
      while (at < nameWords.length && !nameWords[at]!.startsWith(word)) at += 1;
      if (at === nameWords.length) return false;
      at += 1;
    }
    return true;
  };
  const lower = query.toLowerCase();
  return people
    .filter((person) => fits(person.name))
    // whole-name prefix first, then the rest by name
    .sort((a, b) => Number(b.name.toLowerCase().startsWith(lower)) - Number(a.name.toLowerCase().startsWith(lower)) || a.name.localeCompare(b.name))
    .slice(0, MENTION_SUGGESTION_LIMIT);
}
