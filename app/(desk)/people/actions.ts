"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { toActionResult, formFields, type ActionResult } from "@/lib/http/action-result";
import { createPerson } from "@/lib/people/create-person";
import { issuePasswordLink } from "@/lib/people/password-links";
import { changeRole, setPersonActive } from "@/lib/people/update-person-access";

export type CreatedPerson = { name: string; email: string; setPasswordToken: string | null };

export async function createPersonAction(_prev: unknown, form: unknown): Promise<ActionResult<CreatedPerson>> {
  return toActionResult(async () => {
    const { person, setPasswordToken } = await createPerson(
      await requireActor(),
      formFields(form, ["name", "email", "role", "credential", "password"]),
    );
    revalidatePath("/people");
    return { name: person.name, email: person.email, setPasswordToken };
  });
}

export async function changeRoleAction(input: unknown): Promise<ActionResult<null>> {
  return toActionResult(async () => {
    await changeRole(await requireActor(), input);
    revalidatePath("/people");
    return null;
  });
}

export async function setPersonActiveAction(input: unknown): Promise<ActionResult<null>> {
  return toActionResult(async () => {
    await setPersonActive(await requireActor(), input);
    revalidatePath("/people");
    return null;
  });
}

export async function issuePasswordLinkAction(input: unknown): Promise<ActionResult<{ token: string }>> {
  return toActionResult(async () => issuePasswordLink(await requireActor(), input));
}
