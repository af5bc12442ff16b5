import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { personSelect, type PersonRow } from "./person-view";

/** Everyone on the desk, active people first (admins only). */
export async function listPeople(actor: Actor): Promise<PersonRow[]> {
  assertCan(actor, "people.read");
  return db.user.findMany({ select: personSelect, orderBy: [{ active: "desc" }, { name: "asc" }] });
}

/** Active people for pickers (assignees, audit filters); any signed-in member may list them. */
export async function listActiveMembers(actor: Actor): Promise<{ id: string; name: string; role: PersonRow["role"] }[]> {
  assertCan(actor, "story.read");
  return db.user.findMany({ where: { active: true }, select: { id: true, name: true, role: true }, orderBy: { name: "asc" } });
}
