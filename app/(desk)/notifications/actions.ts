"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { toActionResult, type ActionResult } from "@/lib/http/action-result";
import { markNotificationsRead } from "@/lib/notifications/notifications";

export async function markAllReadAction(): Promise<ActionResult<null>> {
  return toActionResult(async () => {
    await markNotificationsRead(await requireActor(), { all: true });
    revalidatePath("/", "layout");
    return null;
  });
}

export async function markReadAction(id: unknown): Promise<ActionResult<null>> {
  return toActionResult(async () => {
    await markNotificationsRead(await requireActor(), { ids: [id] });
    revalidatePath("/", "layout");
    return null;
  });
}
