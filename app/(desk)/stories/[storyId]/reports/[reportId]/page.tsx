import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Timestamp } from "@/components/ui/relative-time";
import { requireActorForPage } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { getClaim } from "@/lib/claims/get-claim";
import { listOrphanedClaims, listReportClaims } from "@/lib/claims/list-report-claims";
import { listSuggestions } from "@/lib/claims/suggestions";
import { SuggestionList } from "../../claims/suggestion-list";
import { listActiveMembers } from "@/lib/people/list-people";
import { isDomainError } from "@/lib/errors/domain-errors";
import { orNotFound } from "@/lib/http/page-data";
import { isUuid } from "@/lib/http/uuid";
import { getReport } from "@/lib/reports/get-report";
import { listReports } from "@/lib/reports/list-reports";
import { diffReportText, diffStats } from "@/lib/reports/text-diff";
import { MetadataForm } from "./metadata-form";
import { ReportText } from "./report-text";

export const metadata: Metadata = { title: "Report" };

function Meta({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-muted uppercase">{label}</dt>
      <dd className="text-sm break-words">{children}</dd>
    </div>
  );
}

export default async function ReportReaderPage({
  params,
  searchParams,
}: {
  params: Promise<{ storyId: string; reportId: string }>;
  searchParams: Promise<{ v?: string; from?: string; to?: string; reattach?: string }>;
}) {
  const actor = await requireActorForPage();
  const { storyId, reportId } = await params;
  const query = await searchParams;
  const asNumber = (value?: string) => (value && /^\d{1,6}$/.test(value) ? Number(value) : undefined);
  const report = await orNotFound(() => getReport(actor, storyId, reportId, asNumber(query.v)));
  const shown = report.shown;
  const comparing = asNumber(query.from) !== undefined && asNumber(query.to) !== undefined;
  const diff = comparing
    ? await (async () => {
        const [from, to] = await Promise.all([
          getReport(actor, storyId, reportId, asNumber(query.from)),
          getReport(actor, storyId, reportId, asNumber(query.to)),
        ]);
        const parts = diffReportText(`${from.shown.headline}\n\n${from.shown.bodyText}`, `${to.shown.headline}\n\n${to.shown.bodyText}`) ?? [];
        return { from: from.shown.version, to: to.shown.version, parts, stats: diffStats(parts), tooDifferent: parts.length === 0 && from.shown.bodyText !== to.shown.bodyText };
      })()
    : null;
  const [others, claims, members, orphans, suggestions] = await Promise.all([
    listReports(actor, storyId, {}).then((list) => list.reports.filter((other) => other.id !== report.id)),
    listReportClaims(actor, storyId, report.id),
    listActiveMembers(actor),
    listOrphanedClaims(actor, storyId, report.id),
    listSuggestions(actor, storyId, { reportId: report.id }),
  ]);
  // suggestions are for the current version only (the list already is)
  const shownSuggestions = shown.version === report.currentVersion ? suggestions : [];
  // highlights belong to the version their anchors index; older versions are shown plain
  const shownClaims = claims.filter((claim) => claim.reportVersion === shown.version);
  const held = report.embargoedUntil !== null && report.embargoedUntil > new Date();
  const tagging = can(actor.role, "claim.tag") && shown.version === report.currentVersion && !held && !report.killedAt;
  const reattachClaim =
    isUuid(query.reattach)
      ? await getClaim(actor, storyId, query.reattach).catch((error: unknown) => {
          // a stale or foreign link just shows the report without the re-attach bar
          if (isDomainError(error) && error.kind === "not_found") return null;
          throw error;
        })
      : null;
  const reattach = reattachClaim && reattachClaim.report.id === report.id ? { claimId: reattachClaim.id, version: reattachClaim.version, statement: reattachClaim.statement } : null;
  const base = `/stories/${storyId}/reports/${report.id}`;

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <article className="min-w-0 rounded-lg border border-line bg-white p-6">
        <p className="mb-1 text-sm font-medium text-accent">{report.source ?? "Unknown source"}</p>
        <h2 className="font-serif text-2xl leading-snug font-bold">{shown.headline}</h2>
        {shown.dek ? (
          <p className="mt-1 font-serif text-lg leading-snug text-ink/80" data-testid="report-dek">
            {shown.dek}
          </p>
        ) : null}
        <p className="mt-1 text-sm text-muted">
          {[shown.byline, shown.dateline].filter(Boolean).join(" · ")}
          {shown.publishedAt ? (
            <>
              {shown.byline || shown.dateline ? " · " : ""}
              <Timestamp value={shown.publishedAt} />
            </>
          ) : null}
        </p>
        {shown.credit ? <p className="mt-1 text-sm text-muted">Credits {shown.credit} (a source of this report, not its outlet)</p> : null}
        {report.killedAt ? (
          <div role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="killed-banner">
            <p className="font-semibold">
              Killed by the source <Timestamp value={report.killedAt} />. Do not use this report.
            </p>
            {report.killNote ? <p>{report.killNote}</p> : null}
            {report.claimCount > 0 ? <p>Its {report.claimCount} claim{report.claimCount === 1 ? " is" : "s are"} flagged for an editor, and explainers citing them need re-review.</p> : null}
          </div>
        ) : null}
        {held ? (
          <p role="status" className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="embargo-banner">
            Held under embargo until <Timestamp value={report.embargoedUntil!} />. It is not listed, analysed or citable before then.
          </p>
        ) : null}
        {shown.isCorrection ? (
          <p role="status" className="mt-3 rounded-md border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900" data-testid="correction-note">
            Version {shown.version} is a correction from the source: {shown.correctionNote}
          </p>
        ) : null}
        {report.versions.length > 1 && shown.version !== report.currentVersion ? (
          <p role="status" className="mt-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            You are reading version {shown.version}. The latest is version {report.currentVersion}.{" "}
            <Link className="underline" href={base}>
              Read the latest
            </Link>
          </p>
        ) : null}

        {diff ? (
          <section aria-label={`Changes from version ${diff.from} to version ${diff.to}`} className="mt-5">
            <div className="mb-3 flex items-center justify-between">
              <h3 className="font-semibold">
                Changes from version {diff.from} to version {diff.to}
              </h3>
              <span className="text-sm text-muted">
                <span className="text-green-800">+{diff.stats.added} words</span> · <span className="text-red-800">−{diff.stats.removed} words</span>
              </span>
            </div>
            {diff.tooDifferent ? (
              <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                These versions are too different to compare word by word. Read each version on its own.
              </p>
            ) : null}
            <div className="font-serif text-[1.05rem] leading-relaxed whitespace-pre-wrap" data-testid="version-diff">
              {diff.parts.map((part, index) =>
                part.kind === "same" ? (
                  <span key={index}>{part.text}</span>
                ) : part.kind === "added" ? (
                  <ins key={index} className="bg-green-100 text-green-900 no-underline decoration-green-700 underline-offset-2 [text-decoration-line:underline]">
                    {part.text}
                  </ins>
                ) : (
                  <del key={index} className="bg-red-100 text-red-900">
                    {part.text}
                  </del>
                ),
              )}
            </div>
            <p className="mt-3 text-xs text-muted">Added words are underlined in green; removed words are struck through in red.</p>
          </section>
        ) : (
          <div className="mt-5">
            {shown.garbledPassages.length > 0 ? (
              <section aria-label="Passages to check against the original" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="garbled-passages">
                <h3 className="mb-1 font-semibold">
                  Check the original: {shown.garbledPassages.length === 1 ? "one passage reads" : `${shown.garbledPassages.length} passages read`} as machine-translated or garbled
                </h3>
                <p className="mb-2">Claims taken from these do not count as corroboration until an editor confirms them on the claim.</p>
                <ul className="space-y-1.5">
                  {shown.garbledPassages.map((passage) => (
                    <li key={`${passage.start}-${passage.end}`}>
                      <q className="font-serif">{shown.bodyText.slice(passage.start, passage.end)}</q> <span className="text-amber-900">— {passage.reasons.join("; ")}</span>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <ReportText
              storyId={storyId}
              reportId={report.id}
              reportVersion={shown.version}
              text={shown.bodyText}
              paragraphKinds={shown.paragraphKinds}
              claims={shownClaims.map(({ id, start, end, status, statement, anchorState }) => ({ id, start, end, status, statement, anchorState }))}
              canTag={tagging}
              members={members.map(({ id, name }) => ({ id, name }))}
              reattach={reattach}
              suggestions={shownSuggestions.map(({ id, start, end }) => ({ id, start, end }))}
            />
          </div>
        )}
      </article>

      <aside className="space-y-5">
        <section aria-label="Versions" className="rounded-lg border border-line bg-white p-4">
          <h3 className="mb-2 text-sm font-semibold">Versions</h3>
          <ol className="space-y-1">
            {report.versions.map((entry) => (
              <li key={entry.version}>
                <Link
                  href={`${base}?v=${entry.version}`}
                  aria-current={!diff && entry.version === shown.version ? "page" : undefined}
                  className={cn("flex items-center justify-between rounded px-2 py-1 text-sm hover:bg-paper", !diff && entry.version === shown.version && "bg-blue-50 font-medium")}
                >
                  <span>
                    Version {entry.version}
                    {entry.isCorrection ? (
                      <Badge tone="accent" className="ml-1.5">
                        Correction
                      </Badge>
                    ) : null}
                  </span>
                  <span className="text-xs text-muted">
                    <Timestamp value={entry.createdAt} />
                  </span>
                </Link>
                {entry.isCorrection && entry.correctionNote ? <p className="px-2 text-xs text-muted">{entry.correctionNote}</p> : null}
              </li>
            ))}
          </ol>
          {report.versions.length > 1 ? (
            <form action={base} className="mt-3 space-y-2 border-t border-line pt-3">
              <p className="text-xs font-medium text-muted">Compare versions</p>
              <div className="flex items-center gap-2 text-sm">
                <label className="sr-only" htmlFor="compare-from">
                  From version
                </label>
                <select id="compare-from" name="from" defaultValue={diff?.from ?? report.versions.at(-2)?.version} className="h-8 rounded border border-line px-1">
                  {report.versions.map((entry) => (
                    <option key={entry.version} value={entry.version}>
                      v{entry.version}
                    </option>
                  ))}
                </select>
                →
                <label className="sr-only" htmlFor="compare-to">
                  To version
                </label>
                <select id="compare-to" name="to" defaultValue={diff?.to ?? report.currentVersion} className="h-8 rounded border border-line px-1">
                  {report.versions.map((entry) => (
                    <option key={entry.version} value={entry.version}>
                      v{entry.version}
                    </option>
                  ))}
                </select>
                <button type="submit" className={buttonClasses("secondary", "sm")}>
                  Show changes
                </button>
              </div>
            </form>
          ) : null}
        </section>

        <section aria-label="Details" className="rounded-lg border border-line bg-white p-4">
          <dl className="space-y-2">
            <Meta label="Source">{report.source ?? "Unknown"}</Meta>
            {report.externalId ? <Meta label="External id"><code className="text-xs">{report.externalId}</code></Meta> : null}
            {shown.language ? <Meta label="Language">{shown.language}</Meta> : null}
            {shown.url ? (
              <Meta label="Link">
                <a href={shown.url} className="text-accent underline" rel="noopener noreferrer nofollow" target="_blank">
                  {shown.url}
                </a>
              </Meta>
            ) : null}
            {shown.sourceUpdatedAt ? <Meta label="Updated by source"><Timestamp value={shown.sourceUpdatedAt} /></Meta> : null}
            <Meta label="Imported">
              <Timestamp value={shown.createdAt} /> · {shown.apiToken ? `API token “${shown.apiToken}”` : (shown.importedBy ?? "system")} ·{" "}
              <Badge>{shown.channel.toLowerCase()}</Badge>
            </Meta>
            {shown.credit ? <Meta label="Credit">{shown.credit}</Meta> : null}
            <Meta label="Claims">{report.claimCount}</Meta>
          </dl>
          {can(actor.role, "report.correct") ? (
            <div className="mt-3 border-t border-line pt-3">
              <MetadataForm
                key={report.version}
                storyId={storyId}
                reportId={report.id}
                version={report.version}
                values={{
                  headline: report.current.headline,
                  dek: report.current.dek ?? "",
                  source: report.source ?? "",
                  byline: report.current.byline ?? "",
                  dateline: report.current.dateline ?? "",
                  publishedAt: report.current.publishedAt?.toISOString() ?? "",
                  language: report.current.language ?? "",
                }}
              />
            </div>
          ) : null}
        </section>

        {shownSuggestions.length > 0 ? (
          <section aria-label="Suggested claims" className="rounded-lg border border-line bg-white p-4" data-testid="reader-suggestions">
            <h3 className="text-sm font-semibold">Suggested claims ({shownSuggestions.length})</h3>
            <p className="mb-2 text-xs text-muted">Sentences with attributions, numbers, names or events. Dotted underline in the text.</p>
            <div className="max-h-96 overflow-y-auto">
              <SuggestionList storyId={storyId} suggestions={shownSuggestions.map(({ id, text, score }) => ({ id, text, score }))} canDecide={can(actor.role, "claim.tag")} />
            </div>
          </section>
        ) : null}

        {orphans.length > 0 ? (
          <section aria-label="Orphaned claims" className="rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="orphaned-claims">
            <h3 className="text-sm font-semibold text-amber-900">Claims that lost their place ({orphans.length})</h3>
            <p className="mt-1 text-xs text-amber-900">Their text is gone from the latest version. Re-attach or retire each one.</p>
            <ul className="mt-2 space-y-1 text-sm">
              {orphans.map((orphan) => (
                <li key={orphan.id}>
                  <Link className="text-accent hover:underline" href={`/stories/${storyId}/claims/${orphan.id}`}>
                    {orphan.statement}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {others.length > 0 ? (
          <form action={`/stories/${storyId}/reports/compare`} className="space-y-2 rounded-lg border border-line bg-white p-4">
            <input type="hidden" name="a" value={report.id} />
            <label htmlFor="compare-with" className="block text-sm font-semibold">
              Compare side by side with
            </label>
            <select id="compare-with" name="b" className="h-9 w-full rounded-md border border-line px-2 text-sm">
              {others.map((other) => (
                <option key={other.id} value={other.id}>
                  {other.source?.name ?? "Unknown"}: {other.headline.slice(0, 60)}
                </option>
              ))}
            </select>
            <button type="submit" className={buttonClasses("secondary", "sm")}>
              Compare
            </button>
          </form>
        ) : null}
      </aside>
    </div>
  );
}
