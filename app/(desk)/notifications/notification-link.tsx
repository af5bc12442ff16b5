"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { markReadAction } from "./actions";

/** Opening a notification marks it read (the navigation does not wait for it). */
export function NotificationLink({ id, href, unread, children }: { id: string; href: string; unread: boolean; children: ReactNode }) {
  return (
    <Link
      href={href}
      className="hover:text-accent hover:underline"
      onClick={() => {
        if (unread) void markReadAction(id);
      }}
    >
      {children}
    </Link>
  );
}
