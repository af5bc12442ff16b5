import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { isDatabaseUnavailable } from "@/lib/db/prisma-errors";
import { markDatabaseUnreachable } from "@/lib/db/availability";
import { unavailablePagePath, REQUEST_PATH_HEADER } from "@/lib/http/unavailable-path";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-errors";
import { authOptions } from "./options";
import type { Actor } from "./permissions";

export type SessionState = { actor: Actor } | { actor: null; reason: "signed_out" | "deactivated" };

/**
 * The signed-in person, read from the database once per request: a deactivated person or a
 * deleted account counts as signed out, and the role is always the current one.
 */
export const getSessionState = cache(async (): Promise<SessionState> => {
  const session = await getServerSession(authOptions());
  const { userId, signedInAt = 0 } = (session as { userId?: string; signedInAt?: number } | null) ?? {};
  if (!userId) return { actor: null, reason: "signed_out" };
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, name: true, email: true, active: true, sessionsValidAfter: true },
  });
  if (!user) return { actor: null, reason: "signed_out" };
  // a password change ends every session that began before it
  if (user.sessionsValidAfter && signedInAt < user.sessionsValidAfter.getTime()) return { actor: null, reason: "signed_out" };
  if (!user.active) return { actor: null, reason: "deactivated" };
  return { actor: { id: user.id, role: user.role, name: user.name, email: user.email } };
});

/**
 * For pages: the actor, or a redirect to the sign-in form saying why. An unreachable database
 * sends the browser to the 503 page (a server component cannot answer 503 itself), which
 * comes back here once the database answers again.
 */
export async function requireActorForPage(): Promise<Actor> {
  let state: SessionState;
  try {
    state = await getSessionState();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    markDatabaseUnreachable();
    redirect(unavailablePagePath((await headers()).get(REQUEST_PATH_HEADER)));
  }
  if (state.actor) return state.actor;
  redirect(state.reason === "deactivated" ? "/login?reason=deactivated" : "/login");
}

/** For server actions and route handlers: the actor, or an unauthenticated DomainError. */
export async function requireActor(): Promise<Actor> {
  const state = await getSessionState();
  if (state.actor) return state.actor;
  throw new DomainError(
    "unauthenticated",
    state.reason === "deactivated" ? "Your account has been deactivated." : "Please sign in again.",
  );
}
