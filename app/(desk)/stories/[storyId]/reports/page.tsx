import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/relative-time";
import { requireActorForPage } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { orNotFound } from "@/lib/http/page-data";
import { listHeldReports, listReports } from "@/lib/reports/list-reports";
import { ImportPanel } from "./import-panel";

/** Renders ts_headline's «match» markers as <mark>, with everything else as plain text. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/(«[^»]*»)/);
  return (
    <p className="mt-1 text-xs text-muted">
      …
      {parts.map((part, index) =>
        part.startsWith("«") ? (
          <mark key={index} className="rounded bg-yellow-100 px-0.5 text-ink">
            {part.slice(1, -1)}
          </mark>
        ) : (
          <span key={index}>{part}</span>
        ),
      )}
      …
    </p>
  );
}

export default async function StoryReportsPage({
  params,
  searchParams,
}: {
  params: Promise<{ storyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActorForPage();
  const { storyId } = await params;
  const { reports, sources, query } = await orNotFound(async () => listReports(actor, storyId, await searchParams));
  const held = await orNotFound(() => listHeldReports(actor, storyId));
  const filtered = Boolean(query.q || query.source);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <form role="search" className="flex flex-wrap items-end gap-2" action={`/stories/${storyId}/reports`}>
          <div className="flex flex-col gap-1">
            <label htmlFor="report-source" className="text-xs font-medium text-muted">
              Source
            </label>
            <select id="report-source" name="source" defaultValue={query.source ?? ""} className="h-9 rounded-md border border-line bg-white px-2 text-sm">
              <option value="">All sources</option>
              {sources.map((source) => (
                <option key={source.id} value={source.id}>
                  {source.name} ({source.count})
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="report-search" className="text-xs font-medium text-muted">
              Search text
            </label>
            <input id="report-search" name="q" defaultValue={query.q ?? ""} placeholder='e.g. bridge "at least 15"' className="h-9 w-72 rounded-md border border-line bg-white px-3 text-sm" />
          </div>
          <button type="submit" className={buttonClasses("secondary")}>
            Apply
          </button>
          {filtered ? (
            <Link href={`/stories/${storyId}/reports`} className={buttonClasses("ghost")}>
              Clear
            </Link>
          ) : null}
        </form>
        {can(actor.role, "report.import") ? <ImportPanel storyId={storyId} /> : null}
      </div>

      {held.length > 0 ? (
        <section aria-label="Held under embargo" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="held-reports">
          <h2 className="font-semibold text-amber-900">Held under embargo ({held.length})</h2>
          <p className="text-xs text-amber-900">Stored, but not listed, analysed or citable until their time.</p>
          <ul className="mt-1 space-y-0.5">
            {held.map((report) => (
              <li key={report.id}>
                <Link href={`/stories/${storyId}/reports/${report.id}`} className="font-medium hover:underline">
                  {report.headline}
                </Link>{" "}
                <span className="text-muted">
                  · {report.source ?? "Unknown source"} · until <Timestamp value={report.embargoedUntil} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {reports.length === 0 ? (
        filtered ? (
          <EmptyState title="No reports match">Try other words, or clear the filters.</EmptyState>
        ) : (
          <EmptyState title="No reports in this story yet">Import wire reports: paste text, or upload files and feeds.</EmptyState>
        )
      ) : (
        <Table caption={`${reports.length} reports`}>
          <thead>
            <tr>
              <Th>Report</Th>
              <Th>Source</Th>
              <Th>Published</Th>
              <Th className="text-right">Version</Th>
              <Th className="text-right">Claims</Th>
            </tr>
          </thead>
          <tbody>
            {reports.map((report) => (
              <tr key={report.id} className="hover:bg-slate-50">
                <Td>
                  <Link href={`/stories/${storyId}/reports/${report.id}`} className="font-medium text-ink hover:text-accent hover:underline">
                    {report.headline}
                  </Link>
                  {report.killedAt ? (
                    <Badge tone="danger" className="ml-2">
                      Killed
                    </Badge>
                  ) : null}
                  {report.byline ? <p className="text-xs text-muted">{report.byline}</p> : null}
                  {report.snippet ? <Snippet text={report.snippet} /> : null}
                </Td>
                <Td className="whitespace-nowrap">{report.source?.name ?? <span className="text-muted">Unknown</span>}</Td>
                <Td className="whitespace-nowrap text-muted">{report.publishedAt ? <Timestamp value={report.publishedAt} /> : "—"}</Td>
                <Td className="text-right">{report.currentVersion > 1 ? <Badge tone="accent">v{report.currentVersion}</Badge> : <span className="text-muted">v1</span>}</Td>
                <Td className="text-right tabular-nums">{report.claimCount}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
