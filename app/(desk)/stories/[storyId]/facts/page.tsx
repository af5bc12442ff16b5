import Link from "next/link";
import { AnalysisProgress } from "@/components/facts/analysis-progress";
import { ClaimStatusBadge } from "@/components/claims/status-badge";
import { ConflictBadges, OutletCount } from "@/components/facts/conflict-badges";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/states";
import { requireActorForPage } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { FACT_LIST_LIMIT, getAnalysisProgress, listFacts } from "@/lib/facts/list-facts";
import { FACT_FILTERS, FACT_SORTS, type FactFilter, type FactSort } from "@/lib/facts/schemas";
import { orNotFound } from "@/lib/http/page-data";
import { ReanalyzeButton } from "./reanalyze-button";

const SORT_LABELS: Record<FactSort, string> = {
  most_sources: "Most outlets",
  least_sources: "Fewest outlets",
  conflicts: "Most conflicts",
  newest: "Newest",
};
const FILTER_LABELS: Record<FactFilter, string> = {
  corroborated: "Two or more outlets",
  conflicts: "With conflicts",
  single_source: "Reported by one outlet",
  confirmed: "Confirmed",
  suggested: "Suggested",
  all: "All",
};

export default async function StoryFactsPage({
  params,
  searchParams,
}: {
  params: Promise<{ storyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorForPage();
  const { storyId } = await params;
  const raw = await searchParams;
  const [list, progress] = await Promise.all([
    orNotFound(() => listFacts(actor, storyId, { sort: raw.sort, filter: raw.filter })),
    orNotFound(() => getAnalysisProgress(actor, storyId)),
  ]);
  const base = `/stories/${storyId}/facts`;
  const link = (overrides: { sort?: FactSort; filter?: FactFilter }) => {
    const query = new URLSearchParams({ sort: overrides.sort ?? list.sort, filter: overrides.filter ?? list.filter });
    return `${base}?${query}`;
  };
  const chip = (active: boolean) =>
    cn("rounded-md border px-2.5 py-1 text-sm focus-visible:outline-2 focus-visible:outline-accent", active ? "border-ink bg-ink text-white" : "border-line bg-white hover:bg-paper");

  return (
    <div className="space-y-4">
      <AnalysisProgress reports={progress.reports} pending={progress.pending} reanalysing={progress.reanalysing} />
      {progress.outdated && !progress.reanalysing && can(actor.role, "fact.edit") ? (
        <div role="note" className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <p>
            These facts were grouped by an earlier version of the desk&apos;s analysis. Re-analyse to group them again with the current one; facts an editor confirmed, split or merged
            stay as they are.
          </p>
          <ReanalyzeButton storyId={storyId} />
        </div>
      ) : null}
      {progress.failed.length > 0 ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          <p className="font-medium">Analysis failed for {progress.failed.length === 1 ? "one report" : `${progress.failed.length} reports`}; their claims are not grouped yet.</p>
          <ul className="mt-1 list-disc pl-5">
            {progress.failed.map((report) => (
              <li key={report.reportId}>
                <Link className="underline" href={`/stories/${storyId}/reports/${report.reportId}`}>
                  {report.headline}
                </Link>
                : {report.error}
              </li>
            ))}
          </ul>
          {can(actor.role, "fact.edit") ? (
            <div className="mt-1 flex items-center gap-2">
              Try again: <ReanalyzeButton storyId={storyId} />
            </div>
          ) : null}
        </div>
      ) : null}

      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav aria-label="Filter facts" className="flex flex-wrap gap-1">
          {FACT_FILTERS.map((filter) => (
            <Link key={filter} href={link({ filter })} aria-current={list.filter === filter ? "page" : undefined} className={chip(list.filter === filter)}>
              {FILTER_LABELS[filter]}
            </Link>
          ))}
        </nav>
        <div className="flex flex-wrap items-center gap-2">
          <nav aria-label="Sort facts" className="flex flex-wrap items-center gap-1 text-sm">
            <span className="text-muted">Sort:</span>
            {FACT_SORTS.map((sort) => (
              <Link key={sort} href={link({ sort })} aria-current={list.sort === sort ? "true" : undefined} className={chip(list.sort === sort)}>
                {SORT_LABELS[sort]}
              </Link>
            ))}
          </nav>
        </div>
      </div>

      {list.facts.length === 0 ? (
        progress.reports === 0 ? (
          <EmptyState title="No facts yet">Import reports: the desk groups what different outlets say into facts and flags where they conflict.</EmptyState>
        ) : progress.pending > 0 ? (
          <EmptyState title="Grouping the reports…">Facts appear here as the analysis of each report finishes.</EmptyState>
        ) : (
          <EmptyState title={list.filter === "all" ? "No facts grouped yet" : list.filter === "corroborated" ? "No fact carried by two outlets yet" : `No facts match “${FILTER_LABELS[list.filter]}”`}>
            {list.filter === "all" ? (
              "None of the reports' claims have been grouped."
            ) : (
              <>
                {list.filter === "corroborated" ? "What one outlet alone reports waits until another carries it. " : null}
                <Link className="underline" href={link({ filter: list.filter === "corroborated" ? "single_source" : "all" })}>
                  {list.filter === "corroborated" ? "Show what one outlet reports" : "Show all facts"}
                </Link>
              </>
            )}
          </EmptyState>
        )
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm text-muted">
              {list.total > FACT_LIST_LIMIT ? `Showing the first ${FACT_LIST_LIMIT} of ${list.total} facts.` : `${list.total} ${list.total === 1 ? "fact" : "facts"}.`} An outlet
              counts once, however many of its reports carry the fact.
            </p>
            {can(actor.role, "fact.edit") && !progress.outdated ? <ReanalyzeButton storyId={storyId} /> : null}
          </div>
          <ol className="divide-y divide-line rounded-lg border border-line bg-white" aria-label="Facts">
            {list.facts.map((fact) => (
              <li key={fact.id} data-fact={fact.id} className="grid gap-x-4 gap-y-1.5 px-3 py-2.5 hover:bg-paper md:grid-cols-[minmax(0,1fr)_minmax(12rem,26rem)]">
                <div className="min-w-0">
                  {fact.about ? <p className="text-[11px] font-medium uppercase tracking-wide text-muted">{fact.about}</p> : null}
                  <Link href={`${base}/${fact.id}`} className="font-serif text-[15px] leading-snug text-ink hover:underline focus-visible:outline-2 focus-visible:outline-accent">
                    {fact.statement || "(no statement)"}
                  </Link>
                  <p className="mt-0.5 truncate text-xs text-muted" title={fact.sources.join(", ")}>
                    {fact.sources.join(" · ")}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-1.5 md:justify-end">
                  <OutletCount count={fact.sourceCount} sources={fact.sources} />
                  {fact.claimCount > 0 ? (
                    <span className="text-xs text-muted tabular-nums">
                      {fact.claimCount} {fact.claimCount === 1 ? "claim" : "claims"}
                    </span>
                  ) : null}
                  {fact.furtherClaimCount > 0 ? (
                    // short on purpose: the row is crowded; the title, the hidden text and the
                    // fact page's section on these sentences say what the number counts
                    <Link
                      href={`${base}/${fact.id}`}
                      className="text-xs text-muted tabular-nums underline decoration-dotted underline-offset-2 hover:text-ink"
                      data-further-claims={fact.furtherClaimCount}
                      title={`Also stated in ${fact.furtherClaimCount} ${fact.furtherClaimCount === 1 ? "sentence" : "sentences"} filed under other facts; their outlets count among this fact's.`}
                    >
                      {/* a fact only sentences filed elsewhere state (the toll two leads give beside their event) */}
                      {fact.claimCount > 0 ? `+${fact.furtherClaimCount} from other facts` : `${fact.furtherClaimCount} ${fact.furtherClaimCount === 1 ? "sentence" : "sentences"} from other facts`}
                      <span className="sr-only">
                        : also stated in {fact.furtherClaimCount} {fact.furtherClaimCount === 1 ? "sentence" : "sentences"} filed under other facts
                      </span>
                    </Link>
                  ) : null}
                  <span data-fact-status={fact.status.status} title={fact.status.breakdown}>
                    <ClaimStatusBadge status={fact.status.status} />
                  </span>
                  <ConflictBadges kinds={fact.conflictKinds} />
                  {fact.state === "CONFIRMED" ? <Badge tone="ok">✓ Confirmed</Badge> : fact.locked ? <Badge>Grouped by an editor</Badge> : null}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
