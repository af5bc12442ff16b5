import type { Metadata } from "next";
import { requireActorForPage } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { orNotFound } from "@/lib/http/page-data";
import { listStoryTags } from "@/lib/tags/list-story-tags";
import { TagList } from "./tag-list";

export const metadata: Metadata = { title: "Tags" };

export default async function StoryTagsPage({ params }: { params: Promise<{ storyId: string }> }) {
  const actor = await requireActorForPage();
  const { storyId } = await params;
  const tags = await orNotFound(() => listStoryTags(actor, storyId));
  return (
    <section aria-labelledby="tags-heading" className="space-y-3">
      <div>
        <h2 id="tags-heading" className="text-lg font-semibold">
          Tags
        </h2>
        <p className="max-w-3xl text-sm text-muted">
          Places, people, organisations and outlets the claims name. Spellings of one name (“al-Qasr”, “El Kasr”) are collapsed into one tag; merge two tags that name the same
          thing, or split off a spelling that names something else.
        </p>
      </div>
      <TagList storyId={storyId} tags={tags} canEdit={can(actor.role, "tag.edit")} />
    </section>
  );
}
