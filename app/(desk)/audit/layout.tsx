import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireActorForPage } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";

/**
 * Non-admins get a plain 404 here, before the page streams (a loading boundary would otherwise
 * have sent a 200 already). The domain calls refuse them regardless.
 */
export default async function AuditLayout({ children }: { children: ReactNode }) {
  const actor = await requireActorForPage();
  if (!can(actor.role, "audit.read_all")) notFound();
  return children;
}
