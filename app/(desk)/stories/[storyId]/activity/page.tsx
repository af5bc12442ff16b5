import Link from "next/link";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonClasses } from "@/components/ui/button";
import { listStoryActivity } from "@/lib/audit/list-audit-events";
import { requireActorForPage } from "@/lib/auth/current-actor";
import { orNotFound } from "@/lib/http/page-data";

export default async function StoryActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ storyId: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  const actor = await requireActorForPage();
  const { storyId } = await params;
  const { cursor } = await searchParams;
  const { events, nextCursor } = await orNotFound(() => listStoryActivity(actor, storyId, cursor));
  return (
    <>
      <AuditTable events={events} showStory={false} caption="Story activity, newest first" />
      <div className="mt-4 flex gap-2">
        {cursor ? (
          <Link className={buttonClasses("secondary", "sm")} href={`/stories/${storyId}/activity`}>
            Newest
          </Link>
        ) : null}
        {nextCursor ? (
          <Link className={buttonClasses("secondary", "sm")} href={`/stories/${storyId}/activity?cursor=${nextCursor}`}>
            Older
          </Link>
        ) : null}
      </div>
    </>
  );
}
