/**
 * Who may do what: one table from role to allowed actions. Every domain function checks it;
 * pages only hide what this table would refuse anyway. Unknown roles are denied everything.
 */
import type { Role } from "@/lib/generated/prisma/enums";
import { forbidden } from "@/lib/errors/domain-errors";

export const ACTIONS = [
  "story.read",
  "story.create",
  "story.update",
  "story.archive",
  "report.import",
  "report.correct",
  "feed.manage",
  "claim.tag",
  "claim.verify",
  "tag.edit",
  "fact.edit",
  "explainer.edit",
  "explainer.submit",
  "explainer.publish",
  "revision.review",
  "people.read",
  "people.manage",
  "audit.read_all",
  "api_token.manage",
] as const;

export type Action = (typeof ACTIONS)[number];

const EDITOR_ACTIONS = [
  "story.read",
  "story.create",
  "story.update",
  "story.archive",
  "report.import",
  "report.correct",
  "feed.manage",
  "claim.tag",
  "claim.verify",
  "tag.edit",
  "fact.edit",
  "explainer.edit",
  "explainer.submit",
  "explainer.publish",
] as const satisfies readonly Action[];

export const PERMISSIONS = {
  VIEWER: ["story.read"],
  EDITOR: EDITOR_ACTIONS,
  REVIEWER: [...EDITOR_ACTIONS, "revision.review"],
  ADMIN: ACTIONS,
} as const satisfies Record<Role, readonly Action[]>;

/** What a desk API token may do, whatever the role of the admin who created it. */
export const API_TOKEN_ACTIONS = ["story.read", "report.import"] as const satisfies readonly Action[];

/**
 * Who is acting, as the domain layer sees them, loaded from the database on every request.
 * When an API token acts, `id` is the person who created the token (they answer for it) and
 * `apiTokenId` names the token; the token's own, narrower permissions then apply.
 */
export type Actor = { id: string; role: Role; name: string; email: string; apiTokenId?: string };

/** True when `role` may perform `action`; roles missing from the table may do nothing. */
export function can(role: string, action: Action): boolean {
  if (!Object.hasOwn(PERMISSIONS, role)) return false;
  const allowed: readonly Action[] = PERMISSIONS[role as Role];
  return allowed.includes(action);
}

/** True when this actor (person or API token) may perform the action. */
export function actorCan(actor: Pick<Actor, "role" | "apiTokenId">, action: Action): boolean {
  if (actor.apiTokenId && !(API_TOKEN_ACTIONS as readonly Action[]).includes(action)) return false;
  return can(actor.role, action);
}

/** Throws a forbidden DomainError unless the actor may perform the action. */
export function assertCan(actor: Pick<Actor, "role" | "apiTokenId">, action: Action): void {
  if (!actorCan(actor, action)) throw forbidden();
}
