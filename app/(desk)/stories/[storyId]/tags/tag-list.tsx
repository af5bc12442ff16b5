"use client";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { StoryTag } from "@/lib/tags/list-story-tags";
import { mergeTagsAction, splitTagAliasAction } from "./actions";

const KIND_LABEL: Record<StoryTag["kind"], string> = {
  PLACE: "Places",
  ACTOR: "People",
  ORGANIZATION: "Organisations and armed groups",
  OUTLET: "Outlets",
  OTHER: "Other",
};

/** The story's tags by kind, each with its spellings; editors merge and split them here. */
export function TagList({ storyId, tags, canEdit }: { storyId: string; tags: StoryTag[]; canEdit: boolean }) {
  if (tags.length === 0) return <p className="text-sm text-muted">No claim of this story carries a tag yet.</p>;
  const kinds = (Object.keys(KIND_LABEL) as StoryTag["kind"][]).filter((kind) => tags.some((tag) => tag.kind === kind));
  return (
    <div className="space-y-5">
      {kinds.map((kind) => {
        const ofKind = tags.filter((tag) => tag.kind === kind);
        return (
          <section key={kind} aria-label={KIND_LABEL[kind]}>
            <h3 className="mb-2 text-sm font-semibold">{KIND_LABEL[kind]}</h3>
            <ul className="divide-y divide-line rounded-lg border border-line bg-white">
              {ofKind.map((tag) => (
                <TagRow key={tag.id} storyId={storyId} tag={tag} others={ofKind.filter((other) => other.id !== tag.id)} canEdit={canEdit} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function TagRow({ storyId, tag, others, canEdit }: { storyId: string; tag: StoryTag; others: StoryTag[]; canEdit: boolean }) {
  const id = useId();
  const [into, setInto] = useState("");
  const [pending, startTransition] = useTransition();
  const merge = () =>
    startTransition(async () => {
      const target = others.find((other) => other.id === into);
      if (!target) return;
      const result = await mergeTagsAction({ storyId, tagId: tag.id, version: tag.version, intoTagId: target.id, intoVersion: target.version });
      if (result.ok) toast.success(`“${tag.name}” merged into “${target.name}”`);
      else toast.error(result.error);
    });
  const split = (aliasId: string, value: string) =>
    startTransition(async () => {
      const result = await splitTagAliasAction({ storyId, tagId: tag.id, version: tag.version, aliasId });
      if (result.ok) toast.success(`“${value}” is a tag of its own now`);
      else toast.error(result.error);
    });
  return (
    <li className="flex flex-wrap items-start gap-x-4 gap-y-2 px-3 py-2 text-sm" data-testid="story-tag">
      <div className="min-w-48 flex-1">
        <p className="font-medium">
          {tag.name} <span className="font-normal text-muted">· {tag.claimCount === 1 ? "1 claim" : `${tag.claimCount} claims`}</span>
        </p>
        <ul aria-label={`Spellings of ${tag.name}`} className="mt-1 flex flex-wrap gap-1.5">
          {tag.aliases.map((alias) => (
            <li key={alias.id} className="inline-flex items-center gap-1 rounded-full border border-line bg-paper px-2 py-0.5 text-xs">
              <span>{alias.value}</span>
              <span className="text-muted">({alias.claimCount})</span>
              {canEdit && tag.aliases.length > 1 ? (
                <button
                  type="button"
                  className="ml-0.5 rounded px-1 text-muted hover:bg-white hover:text-ink disabled:opacity-50"
                  aria-label={`Split “${alias.value}” off into a tag of its own`}
                  disabled={pending}
                  onClick={() => split(alias.id, alias.value)}
                >
                  Split
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
      {canEdit && others.length > 0 ? (
        <form
          className="flex items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            merge();
          }}
        >
          <label htmlFor={`${id}-into`} className="text-muted">
            Merge into
          </label>
          <select id={`${id}-into`} value={into} onChange={(event) => setInto(event.target.value)} className="h-8 max-w-56 rounded-md border border-line bg-white px-1" disabled={pending}>
            <option value="">Choose a tag…</option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {other.name}
              </option>
            ))}
          </select>
          <Button type="submit" size="sm" disabled={!into} pending={pending}>
            Merge
          </Button>
        </form>
      ) : null}
    </li>
  );
}
