import type { Metadata } from "next";
import { cn } from "@/components/ui/cn";
import { Timestamp } from "@/components/ui/relative-time";
import { EmptyState, PageHeader } from "@/components/ui/states";
import { requireActorForPage } from "@/lib/auth/current-actor";
import { listNotifications } from "@/lib/notifications/notifications";
import { MarkAllRead } from "./mark-all-read";
import { NotificationLink } from "./notification-link";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const actor = await requireActorForPage();
  const notifications = await listNotifications(actor, {});
  const unread = notifications.filter((notification) => !notification.readAt).length;
  return (
    <>
      <PageHeader title="Notifications" description="Mentions and assignments." actions={unread > 0 ? <MarkAllRead /> : undefined} />
      {notifications.length === 0 ? (
        <EmptyState title="No notifications">You are notified when someone mentions you or assigns you a claim.</EmptyState>
      ) : (
        <ul className="divide-y divide-line rounded-lg border border-line bg-white" data-testid="notifications">
          {notifications.map((notification) => (
            <li key={notification.id} className={cn("px-4 py-3 text-sm", !notification.readAt && "bg-blue-50/60")}>
              <p className={cn(!notification.readAt && "font-medium")}>
                {!notification.readAt ? <span className="sr-only">Unread: </span> : null}
                {/* the page each notification leads to (a claim, an explainer's editor, its review) */}
                {notification.href ? (
                  <NotificationLink id={notification.id} unread={!notification.readAt} href={notification.href}>
                    {notification.message}
                  </NotificationLink>
                ) : (
                  notification.message
                )}
              </p>
              <p className="text-xs text-muted">
                <Timestamp value={notification.createdAt} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
