import Link from "next/link";
import type { ReactNode } from "react";
import { TabLink } from "@/components/shell/nav-link";
import { Badge } from "@/components/ui/badge";
import { requireActorForPage } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { orNotFound } from "@/lib/http/page-data";
import { getStory } from "@/lib/stories/get-story";
import { ArchiveStoryButton, EditStoryDialog } from "../story-form-dialogs";

export default async function StoryLayout({ children, params }: { children: ReactNode; params: Promise<{ storyId: string }> }) {
  const actor = await requireActorForPage();
  const { storyId } = await params;
  const story = await orNotFound(() => getStory(actor, storyId));
  const base = `/stories/${story.id}`;
  const archived = story.status === "ARCHIVED";
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-muted">
        <Link href="/stories" className="hover:text-ink hover:underline">
          Stories
        </Link>{" "}
        / <span aria-current="page">{story.title}</span>
      </nav>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="flex items-center gap-2 text-2xl font-semibold tracking-tight">
            {story.title}
            {archived ? <Badge>Archived</Badge> : null}
          </h1>
          {story.description ? <p className="mt-1 max-w-3xl text-sm text-muted">{story.description}</p> : null}
        </div>
        <div className="flex gap-2">
          {can(actor.role, "story.update") ? (
            <EditStoryDialog story={{ id: story.id, title: story.title, description: story.description, version: story.version }} />
          ) : null}
          {can(actor.role, "story.archive") ? <ArchiveStoryButton story={{ id: story.id, version: story.version, archived }} /> : null}
        </div>
      </div>
      <nav aria-label="Story sections" className="mb-5 flex flex-wrap gap-1 border-b border-line">
        <TabLink href={`${base}/reports`}>{`Reports (${story._count.reports})`}</TabLink>
        <TabLink href={`${base}/claims`}>{`Claims (${story._count.claims})`}</TabLink>
        <TabLink href={`${base}/facts`}>{`Facts (${story._count.facts})`}</TabLink>
        <TabLink href={`${base}/tags`}>Tags</TabLink>
        <TabLink href={`${base}/explainers`}>{`Explainers (${story._count.explainers})`}</TabLink>
        <TabLink href={`${base}/feeds`}>Feeds</TabLink>
        <TabLink href={`${base}/activity`}>Activity</TabLink>
      </nav>
      {children}
    </>
  );
}
