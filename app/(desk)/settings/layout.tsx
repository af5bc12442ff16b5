import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireActorForPage } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";

/**
 * Desk settings are for admins. Everyone else gets a plain 404 here, before the page streams
 * (a loading boundary would otherwise have sent a 200 already). The domain calls refuse them too.
 */
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const actor = await requireActorForPage();
  if (!can(actor.role, "api_token.manage")) notFound();
  return children;
}
