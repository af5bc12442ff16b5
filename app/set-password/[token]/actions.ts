"use server";
import { toActionResult, formFields, type ActionResult } from "@/lib/http/action-result";
import { setPasswordWithToken } from "@/lib/people/password-links";

export async function setPasswordAction(_prev: unknown, form: unknown): Promise<ActionResult<{ email: string }>> {
  return toActionResult(() => setPasswordWithToken(formFields(form, ["token", "password", "confirm"])));
}
