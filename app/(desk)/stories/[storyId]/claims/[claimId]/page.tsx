import type { Metadata } from "next";
import Link from "next/link";
import { ClaimStatusBadge } from "@/components/claims/status-badge";
import { Badge } from "@/components/ui/badge";
import { Timestamp } from "@/components/ui/relative-time";
import { requireActorForPage } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { getClaim } from "@/lib/claims/get-claim";
import { listBoardClaims } from "@/lib/claims/list-board-claims";
import { CLAIM_STATUS_META } from "@/lib/claims/status-meta";
import { orNotFound } from "@/lib/http/page-data";
import { listActiveMembers } from "@/lib/people/list-people";
import { listReports } from "@/lib/reports/list-reports";
import { AcknowledgeFlag, ConfirmReading, AddEvidenceForm, AnchorResolution, AssigneeSelect, CommentForm, StatusForm } from "./claim-forms";

export const metadata: Metadata = { title: "Claim" };

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section aria-label={title} className="rounded-lg border border-line bg-white p-4" data-testid={testId}>
      <h2 className="mb-3 text-sm font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export default async function ClaimPage({ params }: { params: Promise<{ storyId: string; claimId: string }> }) {
  const actor = await requireActorForPage();
  const { storyId, claimId } = await params;
  const claim = await orNotFound(() => getClaim(actor, storyId, claimId));
  const [members, board, reports] = await Promise.all([listActiveMembers(actor), listBoardClaims(actor, storyId, {}), listReports(actor, storyId, {})]);
  const claimOptions = board.claims.filter((other) => other.id !== claim.id).map((other) => ({ id: other.id, label: `${other.report.source ?? "?"}: ${other.statement.slice(0, 80)}` }));
  const reportOptions = reports.reports.filter((report) => report.id !== claim.report.id).map((report) => ({ id: report.id, label: `${report.source?.name ?? "?"}: ${report.headline.slice(0, 80)}` }));
  const canVerify = can(actor.role, "claim.verify");

  return (
    <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="min-w-0 space-y-5">
        <div className="rounded-lg border border-line bg-white p-5">
          <div className="mb-2 flex flex-wrap items-center gap-2">
            <ClaimStatusBadge status={claim.status} />
            {claim.anchorState === "ORPHANED" ? <Badge tone="danger">Orphaned: its text left the report</Badge> : null}
            {claim.anchorState === "FUZZY" ? <Badge tone="warn">Re-attached to changed wording</Badge> : null}
            {claim.anchorState === "RETIRED" ? <Badge>Retired</Badge> : null}
            {claim.singleSource ? (
              <span data-testid="claim-single-source" title="No other outlet carries this claim in a fact of the story">
                <Badge tone="warn">Reported by one source</Badge>
              </span>
            ) : null}
            {claim.tags.map((tag) => (
              <Badge key={`${tag.kind}-${tag.value}`}>
                <span className="text-muted">{tag.kind.toLowerCase()}</span> {tag.value}
              </Badge>
            ))}
          </div>
          {claim.facts.length > 0 ? <ClaimFacts storyId={storyId} facts={claim.facts} /> : null}
          {claim.flagReason ? (
            <div role="alert" className="mb-3 flex flex-wrap items-center justify-between gap-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="claim-flag">
              <span>Flagged: {claim.flagReason}</span>
              {can(actor.role, "claim.verify") ? <AcknowledgeFlag claimId={claim.id} version={claim.version} /> : null}
            </div>
          ) : null}
          {claim.garbled ? (
            <div
              role={claim.garbled.confirmedAt ? undefined : "alert"}
              className={`mb-3 flex flex-wrap items-center justify-between gap-2 rounded-md border px-3 py-2 text-sm ${claim.garbled.confirmedAt ? "border-line bg-paper text-muted" : "border-amber-300 bg-amber-50 text-amber-950"}`}
              data-testid="claim-garbled"
            >
              {claim.garbled.confirmedAt ? (
                <span>
                  Taken from a passage that reads as machine-translated or garbled ({claim.garbled.reasons.join("; ")}); {claim.garbled.confirmedBy?.name ?? "an editor"} checked the original{" "}
                  <Timestamp value={claim.garbled.confirmedAt} />.
                </span>
              ) : (
                <span>
                  Check the original: this passage reads as machine-translated or garbled — {claim.garbled.reasons.join("; ")}. It does not count as corroboration until an editor confirms it.
                </span>
              )}
              {!claim.garbled.confirmedAt && canVerify ? <ConfirmReading claimId={claim.id} version={claim.version} /> : null}
            </div>
          ) : null}
          <h1 className="text-xl font-semibold" data-testid="claim-statement">
            {claim.statement}
          </h1>
          {claim.attribution ? <p className="mt-1 text-sm text-muted">Attribution: {claim.attribution}</p> : null}
          <figure className="mt-4 rounded-md bg-paper p-3">
            <blockquote className="font-serif">
              <span className="text-muted">…{claim.prefix}</span>
              <mark className="bg-yellow-100 px-0.5">{claim.exact}</mark>
              <span className="text-muted">{claim.suffix}…</span>
            </blockquote>
            <figcaption className="mt-2 text-xs text-muted">
              {claim.report.source ?? "Unknown source"},{" "}
              <Link className="text-accent hover:underline" href={`/stories/${storyId}/reports/${claim.report.id}?v=${claim.reportVersion}`}>
                {claim.report.headline}
              </Link>{" "}
              (version {claim.reportVersion}
              {claim.report.currentVersion > claim.reportVersion ? ` of ${claim.report.currentVersion}` : ""})
            </figcaption>
          </figure>
        </div>

        {claim.anchorState === "ORPHANED" || claim.anchorState === "FUZZY" ? (
          <section aria-label="Placement" className="rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="claim-placement">
            <h2 className="mb-1 text-sm font-semibold text-amber-900">
              {claim.anchorState === "ORPHANED" ? "This claim lost its place in the report" : "The report's wording changed under this claim"}
            </h2>
            <p className="mb-3 text-sm text-amber-900">
              {claim.anchorState === "ORPHANED"
                ? "A newer version of the report no longer contains the quoted words. Re-attach the claim to the words that now carry it, or retire it."
                : "A newer version changed some of the quoted words. Check that the claim still holds for the new wording."}
            </p>
            {can(actor.role, "claim.tag") ? (
              <AnchorResolution
                claimId={claim.id}
                version={claim.version}
                anchorState={claim.anchorState}
                reattachHref={`/stories/${storyId}/reports/${claim.report.id}?reattach=${claim.id}`}
              />
            ) : null}
          </section>
        ) : null}

        <Section title={`Evidence (${claim.evidence.length})`} testId="claim-evidence">
          {claim.evidence.length === 0 ? (
            <p className="text-sm text-muted">No evidence yet. Verified, false and disputed need at least one piece.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {claim.evidence.map((item) => (
                <li key={item.id} className="rounded border border-line p-2">
                  <Badge>{item.kind.toLowerCase()}</Badge>{" "}
                  {item.url ? (
                    <a href={item.url} className="text-accent underline" rel="noopener noreferrer nofollow" target="_blank">
                      {item.title ?? item.url}
                    </a>
                  ) : null}
                  {item.relatedClaim ? (
                    <Link className="text-accent hover:underline" href={`/stories/${storyId}/claims/${item.relatedClaim.id}`}>
                      {item.relatedClaim.statement}
                    </Link>
                  ) : null}
                  {item.relatedReport ? (
                    <Link className="text-accent hover:underline" href={`/stories/${storyId}/reports/${item.relatedReport.id}`}>
                      {item.relatedReport.headline}
                    </Link>
                  ) : null}
                  {item.note ? <p className="mt-1 whitespace-pre-wrap">{item.note}</p> : null}
                  <p className="mt-1 text-xs text-muted">
                    {item.addedBy.name} · <Timestamp value={item.createdAt} />
                  </p>
                </li>
              ))}
            </ul>
          )}
          {canVerify ? (
            <details className="mt-3">
              <summary className="cursor-pointer text-sm font-medium text-accent">Add evidence</summary>
              <div className="mt-2">
                <AddEvidenceForm claimId={claim.id} claims={claimOptions} reports={reportOptions} />
              </div>
            </details>
          ) : null}
        </Section>

        <Section title={`Comments (${claim.comments.length})`}>
          <ul className="mb-3 space-y-2 text-sm">
            {claim.comments.map((comment) => (
              <li key={comment.id} className="rounded border border-line p-2">
                <p className="text-xs text-muted">
                  <span className="font-medium text-ink">{comment.author.name}</span> · <Timestamp value={comment.createdAt} />
                </p>
                <p className="mt-1 whitespace-pre-wrap">{comment.body}</p>
              </li>
            ))}
          </ul>
          <CommentForm storyId={storyId} claimId={claim.id} />
        </Section>
      </div>

      <aside className="space-y-5">
        {canVerify ? (
          <Section title="Verification">
            <StatusForm
              key={claim.version}
              claimId={claim.id}
              version={claim.version}
              status={claim.status}
              hasEvidence={claim.evidence.length > 0}
              claims={claimOptions}
              reports={reportOptions}
            />
          </Section>
        ) : null}
        <Section title="Assignment">
          <AssigneeSelect key={claim.version} claimId={claim.id} version={claim.version} assigneeId={claim.assignee?.id ?? null} members={members.map((member) => ({ id: member.id, label: member.name }))} />
        </Section>
        <Section title="History" testId="claim-history">
          <ol className="space-y-2 text-sm">
            {claim.history.map((entry) => (
              <li key={entry.id}>
                <p>
                  <span className="font-medium">{entry.actor.name}</span>{" "}
                  {entry.fromStatus ? `${CLAIM_STATUS_META[entry.fromStatus].label} → ` : "tagged as "}
                  {CLAIM_STATUS_META[entry.toStatus].label}
                </p>
                {entry.rationale ? <p className="text-muted">“{entry.rationale}”</p> : null}
                <p className="text-xs text-muted">
                  <Timestamp value={entry.createdAt} />
                </p>
              </li>
            ))}
          </ol>
        </Section>
      </aside>
    </div>
  );
}

/** The fact a claim is filed under, and the further facts it states as well. */
function ClaimFacts({ storyId, facts }: { storyId: string; facts: { id: string; statement: string; primary: boolean }[] }) {
  const link = (fact: { id: string; statement: string }) => (
    <Link key={fact.id} className="text-ink underline decoration-slate-400 underline-offset-2 hover:decoration-ink" href={`/stories/${storyId}/facts/${fact.id}`}>
      {fact.statement.length > 100 ? `${fact.statement.slice(0, 99)}…` : fact.statement || "(no statement)"}
    </Link>
  );
  const primary = facts.filter((fact) => fact.primary);
  const further = facts.filter((fact) => !fact.primary);
  return (
    <div className="mb-3 space-y-0.5 text-sm text-muted" data-testid="claim-facts">
      {primary.length > 0 ? <p>Fact: {primary.map(link)}</p> : null}
      {further.length > 0 ? (
        <p data-testid="claim-also-in" title="This claim states these facts as well; it counts among their sources">
          Also in:{" "}
          {further.map((fact, index) => (
            <span key={fact.id}>
              {index > 0 ? " · " : null}
              {link(fact)}
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}
