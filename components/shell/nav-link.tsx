"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

/** A navigation link that marks itself as the current page for screen readers and the eye. */
export function NavLink({ href, children, exact = false }: { href: string; children: string; exact?: boolean }) {
  const pathname = usePathname();
  const current = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={cn(
        "rounded-md px-2.5 py-1.5 text-sm font-medium",
        current ? "bg-white/15 text-white" : "text-slate-300 hover:bg-white/10 hover:text-white",
      )}
    >
      {children}
    </Link>
  );
}

/** Tabs rendered as links (each tab is its own URL, so reload and back work). */
export function TabLink({ href, children }: { href: string; children: string }) {
  const pathname = usePathname();
  // a report or claim page sits under its tab, which stays marked as the current one
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={cn(
        "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
        current ? "border-accent text-accent" : "border-transparent text-muted hover:border-line hover:text-ink",
      )}
    >
      {children}
    </Link>
  );
}
