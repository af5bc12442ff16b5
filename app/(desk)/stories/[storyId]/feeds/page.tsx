import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Timestamp } from "@/components/ui/relative-time";
import { EmptyState } from "@/components/ui/states";
import { requireActorForPage } from "@/lib/auth/current-actor";
import { actorCan } from "@/lib/auth/permissions";
import { listFeedSources, type FeedSourceView } from "@/lib/feeds/list-feed-sources";
import { FEED_KIND_LABELS } from "@/lib/feeds/schemas";
import { orNotFound } from "@/lib/http/page-data";
import { AddFeedSourceDialog, PauseFeedSourceButton, RemoveFeedSourceButton } from "./feed-source-controls";

export const metadata: Metadata = { title: "Feeds" };

const HEALTH: Record<FeedSourceView["health"], { label: string; tone: "ok" | "danger" | "neutral" | "accent" }> = {
  healthy: { label: "Working", tone: "ok" },
  failing: { label: "Failing", tone: "danger" },
  new: { label: "Waiting for first poll", tone: "accent" },
  paused: { label: "Paused", tone: "neutral" },
};

const OUTCOME_LABELS: Record<string, string> = {
  imported: "imported",
  new_version: "new version",
  duplicate: "already here",
  held: "held (embargo)",
  killed: "killed",
  rejected: "refused",
};

function summarize(source: FeedSourceView): string {
  const counts = new Map<string, number>();
  for (const result of source.lastResults) counts.set(result.outcome, (counts.get(result.outcome) ?? 0) + 1);
  return [...counts].map(([outcome, count]) => `${count} ${OUTCOME_LABELS[outcome] ?? outcome}`).join(", ");
}

function SourceCard({ storyId, source, canManage }: { storyId: string; source: FeedSourceView; canManage: boolean }) {
  const health = HEALTH[source.health];
  const refused = source.lastResults.filter((result) => result.outcome === "rejected");
  return (
    <li className="rounded-lg border border-line bg-white p-4" data-testid={`feed-source-${source.id}`} aria-label={source.name}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="flex flex-wrap items-center gap-2 font-medium text-ink">
            {source.name}
            <Badge tone={health.tone}>{health.label}</Badge>
          </h2>
          <p className="mt-0.5 text-xs text-muted">
            {FEED_KIND_LABELS[source.kind]} · every {source.intervalMinutes} min
            {source.defaultSource ? ` · outlet when unnamed: ${source.defaultSource}` : ""}
          </p>
          <p className="mt-1 font-mono text-xs break-all text-ink">{source.location}</p>
        </div>
        {canManage ? (
          <div className="flex shrink-0 gap-2">
            <PauseFeedSourceButton storyId={storyId} source={{ id: source.id, name: source.name, paused: source.paused, version: source.version }} />
            <RemoveFeedSourceButton storyId={storyId} source={{ id: source.id, name: source.name }} />
          </div>
        ) : null}
      </div>
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-xs text-muted">Last success</dt>
          <dd>{source.lastSuccessAt ? <Timestamp value={source.lastSuccessAt} /> : "Never"}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Items taken</dt>
          <dd>{source.itemsTaken.toLocaleString("en")}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted">{source.paused ? "Polling" : "Next poll"}</dt>
          <dd>{source.paused ? "Paused" : <Timestamp value={source.nextPollAt} />}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Last poll result</dt>
          <dd>{source.lastResults.length > 0 ? summarize(source) : "Nothing fetched yet"}</dd>
        </div>
      </dl>
      {source.lastError ? (
        <div className={`mt-3 rounded-md border px-3 py-2 text-sm ${source.health === "failing" ? "border-danger/30 bg-red-50 text-danger" : "border-line bg-paper text-muted"}`}>
          <span className="font-medium">{source.health === "failing" ? `Failing (${source.consecutiveFailures} in a row), backing off: ` : "Last error: "}</span>
          {source.lastError}
          {source.lastErrorAt ? (
            <span className="block text-xs">
              <Timestamp value={source.lastErrorAt} />
            </span>
          ) : null}
        </div>
      ) : null}
      {refused.length > 0 ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-muted">{refused.length === 1 ? "1 item refused in the last poll" : `${refused.length} items refused in the last poll`}</summary>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {refused.map((result, index) => (
              <li key={index}>{result.reason}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}

export default async function StoryFeedsPage({ params }: { params: Promise<{ storyId: string }> }) {
  const actor = await requireActorForPage();
  const { storyId } = await params;
  const sources = await orNotFound(() => listFeedSources(actor, storyId));
  const canManage = actorCan(actor, "feed.manage");
  return (
    <section aria-labelledby="feeds-heading" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="feeds-heading" className="text-lg font-semibold">
            Feed sources
          </h2>
          <p className="text-sm text-muted">Wire feeds this story subscribes to. New items and new versions arrive as reports without an upload.</p>
        </div>
        {canManage ? <AddFeedSourceDialog storyId={storyId} /> : null}
      </div>
      {sources.length === 0 ? (
        <EmptyState title="No feed sources yet">
          {canManage ? "Add an agency's RSS or Atom feed, a ninjs or NewsML-G2 endpoint, or a watched folder, and the desk imports what arrives." : "Editors can subscribe this story to agency feeds."}
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {sources.map((source) => (
            <SourceCard key={source.id} storyId={storyId} source={source} canManage={canManage} />
          ))}
        </ul>
      )}
    </section>
  );
}
