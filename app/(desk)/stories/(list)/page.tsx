import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/relative-time";
import { requireActorForPage } from "@/lib/auth/current-actor";
import { CLAIM_STATUS_META, CLAIM_STATUS_ORDER, EXPLAINER_STATE_META, EXPLAINER_STATE_ORDER } from "@/lib/claims/status-meta";
import { listStories } from "@/lib/stories/list-stories";
import { CreateStoryDialog } from "../story-form-dialogs";

export const metadata: Metadata = { title: "Stories" };

export default async function StoriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActorForPage();
  const { stories, total, page, pageCount, query } = await listStories(actor, await searchParams);
  const href = (overrides: Record<string, string | number>) => {
    const params = new URLSearchParams({ status: query.status, ...(query.q ? { q: query.q } : {}), page: String(query.page) });
    for (const [key, value] of Object.entries(overrides)) params.set(key, String(value));
    return `/stories?${params}`;
  };

  return (
    <>
      <PageHeader title="Stories" description="Breaking events the desk is covering, most recent activity first." actions={<CreateStoryDialog />} />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <nav aria-label="Story status" className="flex gap-1 rounded-md border border-line bg-white p-0.5">
          {(["active", "archived"] as const).map((status) => (
            <Link
              key={status}
              href={href({ status, page: 1 })}
              aria-current={query.status === status ? "page" : undefined}
              className={`rounded px-3 py-1 text-sm ${query.status === status ? "bg-ink text-white" : "text-muted hover:text-ink"}`}
            >
              {status === "active" ? "Active" : "Archived"}
            </Link>
          ))}
        </nav>
        <form role="search" className="flex items-center gap-2" action="/stories">
          <input type="hidden" name="status" value={query.status} />
          <label htmlFor="story-search" className="sr-only">
            Search stories by title
          </label>
          <input
            id="story-search"
            name="q"
            defaultValue={query.q}
            placeholder="Search titles"
            className="h-9 w-64 rounded-md border border-line bg-white px-3 text-sm"
          />
          <button className={buttonClasses("secondary")} type="submit">
            Search
          </button>
        </form>
      </div>

      {stories.length === 0 ? (
        <EmptyState title={query.q ? `No ${query.status} stories match “${query.q}”` : query.status === "archived" ? "No archived stories" : "No stories yet"}>
          {query.status === "active" && !query.q ? "Create a story for the event you are covering, then import its wire reports." : null}
        </EmptyState>
      ) : (
        <Table caption={`${total} ${query.status} stories`}>
          <thead>
            <tr>
              <Th>Story</Th>
              <Th className="text-right">Reports</Th>
              <Th>Claims by status</Th>
              <Th>Explainers</Th>
              <Th>Last activity</Th>
            </tr>
          </thead>
          <tbody>
            {stories.map((story) => (
              <tr key={story.id} className="hover:bg-slate-50">
                <Td>
                  <Link href={`/stories/${story.id}/reports`} className="font-medium text-ink hover:text-accent hover:underline">
                    {story.title}
                  </Link>
                  {story.description ? <p className="mt-0.5 line-clamp-1 max-w-md text-xs text-muted">{story.description}</p> : null}
                </Td>
                <Td className="text-right tabular-nums">{story.reportCount}</Td>
                <Td>
                  {story.claimTotal === 0 ? (
                    <span className="text-muted">No claims</span>
                  ) : (
                    <ul className="flex flex-wrap gap-1" aria-label={`${story.claimTotal} claims`}>
                      {CLAIM_STATUS_ORDER.filter((status) => story.claimCounts[status]).map((status) => (
                        <li key={status}>
                          <Badge tone={CLAIM_STATUS_META[status].tone}>
                            {CLAIM_STATUS_META[status].label} <span className="tabular-nums">{story.claimCounts[status]}</span>
                          </Badge>
                        </li>
                      ))}
                    </ul>
                  )}
                </Td>
                <Td>
                  {Object.keys(story.explainerCounts).length === 0 ? (
                    <span className="text-muted">None</span>
                  ) : (
                    <ul className="flex flex-wrap gap-1">
                      {EXPLAINER_STATE_ORDER.filter((state) => story.explainerCounts[state]).map((state) => (
                        <li key={state}>
                          <Badge tone={EXPLAINER_STATE_META[state].tone}>
                            {EXPLAINER_STATE_META[state].label} {story.explainerCounts[state]}
                          </Badge>
                        </li>
                      ))}
                    </ul>
                  )}
                </Td>
                <Td className="whitespace-nowrap text-muted">
                  <Timestamp value={story.lastActivityAt} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      {pageCount > 1 ? (
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
          <span className="text-muted">
            Page {page} of {pageCount} · {total} stories
          </span>
          <span className="flex gap-2">
            {page > 1 ? (
              <Link className={buttonClasses("secondary", "sm")} href={href({ page: page - 1 })}>
                Previous
              </Link>
            ) : null}
            {page < pageCount ? (
              <Link className={buttonClasses("secondary", "sm")} href={href({ page: page + 1 })}>
                Next
              </Link>
            ) : null}
          </span>
        </nav>
      ) : null}
    </>
  );
}
