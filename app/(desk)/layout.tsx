import Link from "next/link";
import type { ReactNode } from "react";
import { NavLink } from "@/components/shell/nav-link";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { requireActorForPage } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { unreadNotificationCount } from "@/lib/notifications/notifications";
import { roleLabel } from "@/lib/people/role-label";

export const dynamic = "force-dynamic";

/** The signed-in shell. Every page below also calls requireActorForPage, since layouts do not re-run on client navigation. */
export default async function DeskLayout({ children }: { children: ReactNode }) {
  const actor = await requireActorForPage();
  const unread = await unreadNotificationCount(actor);
  return (
    <div className="min-h-screen">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="bg-ink text-white">
        <div className="mx-auto flex min-h-14 max-w-7xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2">
          <Link href="/stories" className="font-serif text-lg font-bold tracking-tight">
            Wiredesk
          </Link>
          <nav aria-label="Main" className="flex flex-wrap items-center gap-1">
            <NavLink href="/stories">Stories</NavLink>
            <NavLink href="/my-claims">My claims</NavLink>
            <NavLink href="/review">Review queue</NavLink>
            {can(actor.role, "people.manage") ? <NavLink href="/people">People</NavLink> : null}
            {can(actor.role, "audit.read_all") ? <NavLink href="/audit">Audit log</NavLink> : null}
            {can(actor.role, "api_token.manage") ? <NavLink href="/settings/api-tokens">Settings</NavLink> : null}
          </nav>
          <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
            <Link
              href="/notifications"
              className="rounded-md px-2 py-1 text-slate-200 hover:bg-white/10"
              data-testid="notifications-link"
            >
              {/* the accessible name is the visible text plus a hidden word, so it starts with what is
                  shown ("Notifications 3 unread"): an aria-label that differs from it fails WCAG 2.5.3 */}
              Notifications
              {unread > 0 ? (
                <>
                  {" "}
                  <span className="rounded-full bg-amber-400 px-1.5 text-xs font-semibold text-ink">{unread}</span>
                  <span className="sr-only"> unread</span>
                </>
              ) : null}
            </Link>
            <span data-testid="signed-in-as">
              <span className="font-medium">{actor.name}</span>
              <span className="ml-2 rounded bg-white/15 px-1.5 py-0.5 text-xs">{roleLabel(actor.role)}</span>
            </span>
            <div className="[&_button]:text-slate-200 [&_button:hover]:bg-white/10">
              <SignOutButton />
            </div>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6 break-words [overflow-wrap:anywhere]">
        {children}
      </main>
    </div>
  );
}
