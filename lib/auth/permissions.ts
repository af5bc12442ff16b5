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
  "claim.tag",
  "claim.verify",
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
  "claim.tag",
  "claim.verify",
  "fact.edit",
  "explainer.edit",
  "explainer.submit",
  "explainer.publish",
] as const satisfies readonly Action[];

export const PERMISSIONS = {
  EDITOR: EDITOR_ACTIONS,
  REVIEWER: [...EDITOR_ACTIONS, "revision.review"],
  ADMIN: ACTIONS,
} as const satisfies Record<Role, readonly Action[]>;

/** The acting person as the domain layer sees them: loaded from the database on every request. */
export type Actor = { id: string; role: Role; name: string; email: string };

/** True when `role` may perform `action`; roles missing from the table may do nothing. */
export function can(role: string, action: Action): boolean {
  if (!Object.hasOwn(PERMISSIONS, role)) return false;
  const allowed: readonly Action[] = PERMISSIONS[role as Role];
  return allowed.includes(action);
}

/** Throws a forbidden DomainError unless the actor's role allows the action. */
export function assertCan(actor: Pick<Actor, "role">, action: Action): void {
  if (!can(actor.role, action)) throw forbidden();
}
