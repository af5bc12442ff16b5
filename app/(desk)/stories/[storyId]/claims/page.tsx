import Link from "next/link";
import { ClaimStatusBadge } from "@/components/claims/status-badge";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/states";
import { requireActorForPage } from "@/lib/auth/current-actor";
import { listBoardClaims } from "@/lib/claims/list-board-claims";
import { BOARD_SORTS } from "@/lib/claims/schemas";
import { CLAIM_STATUS_ORDER } from "@/lib/claims/status-meta";
import { orNotFound } from "@/lib/http/page-data";
import { listActiveMembers } from "@/lib/people/list-people";
import { countSuggestions, listSuggestions } from "@/lib/claims/suggestions";
import { can } from "@/lib/auth/permissions";
import { ClaimsBoard } from "./claims-board";
import { SuggestionList } from "./suggestion-list";

const SORT_LABELS: Record<(typeof BOARD_SORTS)[number], string> = { updated: "Recently changed", created: "Recently tagged", status: "Status", report: "Report time" };
const control = "h-9 rounded-md border border-line bg-white px-2 text-sm";

export default async function StoryClaimsPage({
  params,
  searchParams,
}: {
  params: Promise<{ storyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorForPage();
  const { storyId } = await params;
  const raw = await searchParams;
  const [board, members, strongest, suggestionCount] = await Promise.all([
    orNotFound(() => listBoardClaims(actor, storyId, raw)),
    listActiveMembers(actor),
    listSuggestions(actor, storyId, { strongest: 50 }),
    countSuggestions(actor, storyId),
  ]);
  const { query } = board;
  const base = `/stories/${storyId}/claims`;
  const link = (overrides: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...query, page: undefined, ...overrides })) if (value !== undefined && value !== "" && key !== "page") params.set(key, String(value));
    if (overrides.page) params.set("page", overrides.page);
    return `${base}?${params}`;
  };
  const filtered = Boolean(query.status || query.assignee || query.source || query.tag || query.q || query.anchor);
  const allCount = Object.values(board.counts).reduce((sum, count) => sum + count, 0);

  return (
    <div className="space-y-4">
      <nav aria-label="Claims by status" className="flex flex-wrap gap-1">
        <Link href={link({ status: undefined })} aria-current={!query.status ? "page" : undefined} className={cn("rounded-md border px-2.5 py-1 text-sm", !query.status ? "border-ink bg-ink text-white" : "border-line bg-white hover:bg-paper")}>
          All <span className="tabular-nums">{allCount}</span>
        </Link>
        {CLAIM_STATUS_ORDER.map((status) => (
          <Link
            key={status}
            href={link({ status })}
            aria-current={query.status === status ? "page" : undefined}
            className={cn("flex items-center gap-1 rounded-md border px-1.5 py-1 text-sm", query.status === status ? "border-ink ring-2 ring-ink/30" : "border-transparent hover:border-line")}
          >
            <ClaimStatusBadge status={status} />
            <span className="tabular-nums">{board.counts[status] ?? 0}</span>
          </Link>
        ))}
      </nav>

      <form role="search" action={base} className="flex flex-wrap items-end gap-2 rounded-lg border border-line bg-white p-3">
        {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
        <div className="flex flex-col gap-1">
          <label htmlFor="claims-q" className="text-xs font-medium text-muted">
            Search claims
          </label>
          <input id="claims-q" name="q" defaultValue={query.q ?? ""} className={cn(control, "w-56")} placeholder="words in statement or quote" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="claims-assignee" className="text-xs font-medium text-muted">
            Assignee
          </label>
          <select id="claims-assignee" name="assignee" defaultValue={query.assignee ?? ""} className={control}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="none">Nobody</option>
            {board.assignees.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="claims-source" className="text-xs font-medium text-muted">
            Source
          </label>
          <select id="claims-source" name="source" defaultValue={query.source ?? ""} className={control}>
            <option value="">All sources</option>
            {board.sources.map((source) => (
              <option key={source.id} value={source.id}>
                {source.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="claims-tag" className="text-xs font-medium text-muted">
            Tag
          </label>
          <select id="claims-tag" name="tag" defaultValue={query.tag ?? ""} className={control}>
            <option value="">Any tag</option>
            {board.tags.map((tag) => (
              <option key={`${tag.kind}-${tag.value}`} value={tag.value}>
                {tag.value} ({tag.kind.toLowerCase()})
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="claims-anchor" className="text-xs font-medium text-muted">
            Anchoring
          </label>
          <select id="claims-anchor" name="anchor" defaultValue={query.anchor ?? ""} className={control}>
            <option value="">Any</option>
            <option value="orphaned">Orphaned</option>
            <option value="fuzzy">Wording changed</option>
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="claims-sort" className="text-xs font-medium text-muted">
            Sort by
          </label>
          <select id="claims-sort" name="sort" defaultValue={query.sort} className={control}>
            {BOARD_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClasses("primary")}>
          Apply
        </button>
        {filtered ? (
          <Link href={base} className={buttonClasses("ghost")}>
            Clear
          </Link>
        ) : null}
      </form>

      {suggestionCount > 0 ? (
        <details className="rounded-lg border border-dashed border-slate-300 bg-white p-3" data-testid="board-suggestions">
          <summary className="cursor-pointer text-sm font-medium">
            {suggestionCount} suggested claim{suggestionCount === 1 ? "" : "s"} from the reports
            {suggestionCount > strongest.length ? ` (the ${strongest.length} strongest shown)` : ""}
          </summary>
          <div className="mt-3 max-h-[28rem] overflow-y-auto">
            <SuggestionList
              storyId={storyId}
              suggestions={strongest.map((suggestion) => ({ id: suggestion.id, text: suggestion.text, score: suggestion.score, report: { id: suggestion.reportId, headline: suggestion.report.headline, source: suggestion.report.source } }))}
              canDecide={can(actor.role, "claim.tag")}
              showReport
            />
          </div>
        </details>
      ) : null}

      {board.claims.length === 0 ? (
        filtered ? (
          <EmptyState title="No claims match these filters">Clear a filter to see more.</EmptyState>
        ) : (
          <EmptyState title="No claims tagged yet">Open a report and select text to tag the checkable claims in it.</EmptyState>
        )
      ) : (
        <ClaimsBoard storyId={storyId} claims={board.claims} members={members.map(({ id, name }) => ({ id, name }))} />
      )}

      {board.pageCount > 1 ? (
        <nav aria-label="Pages" className="flex items-center justify-between text-sm">
          <span className="text-muted">
            Page {board.page} of {board.pageCount} · {board.total} claims
          </span>
          <span className="flex gap-2">
            {board.page > 1 ? (
              <Link className={buttonClasses("secondary", "sm")} href={link({ page: String(board.page - 1) })}>
                Previous
              </Link>
            ) : null}
            {board.page < board.pageCount ? (
              <Link className={buttonClasses("secondary", "sm")} href={link({ page: String(board.page + 1) })}>
                Next
              </Link>
            ) : null}
          </span>
        </nav>
      ) : null}
    </div>
  );
}
