import type { Metadata } from "next";
import Link from "next/link";
import { ClaimStatusBadge } from "@/components/claims/status-badge";
import { DocumentView } from "@/components/explainers/document-view";
import { Badge } from "@/components/ui/badge";
import { Timestamp } from "@/components/ui/relative-time";
import { requireActorForPage } from "@/lib/auth/current-actor";
import { EXPLAINER_STATE_META } from "@/lib/claims/status-meta";
import type { ExplainerState } from "@/lib/generated/prisma/enums";
import { orNotFound } from "@/lib/http/page-data";
import type { DiffPart } from "@/lib/reports/text-diff";
import { getRevisionForReview } from "@/lib/review/review-queue";
import type { CitationChange, DiffLine } from "@/lib/review/revision-diff";
import type { CitationTarget } from "@/lib/explainers/citation-targets";
import { DecisionForm } from "./decision-form";
import { ReReviewFlags } from "./re-review-flags";
import { LiveRefresh } from "@/components/live/live-refresh";
import type { CitationForm } from "@/lib/explainers/document-read";

export const metadata: Metadata = { title: "Review a revision" };

function Diff({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.kind === "added" ? (
          <ins key={index} className="bg-green-100 text-green-900 no-underline">
            <span className="sr-only">[added: </span>
            {part.text}
            <span className="sr-only">]</span>
          </ins>
        ) : part.kind === "removed" ? (
          <del key={index} className="bg-red-100 text-red-900">
            <span className="sr-only">[removed: </span>
            {part.text}
            <span className="sr-only">]</span>
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

const LINE_STYLE: Record<DiffLine["kind"], string> = {
  same: "border-transparent",
  changed: "border-amber-400",
  added: "border-green-600",
  removed: "border-red-600",
};
const LINE_LABEL: Record<DiffLine["kind"], string> = { same: "", changed: "Edited: ", added: "Added: ", removed: "Removed: " };

/** The document diff line by line: section titles as headings, bullets with a bar in the margin. */
function LineDiff({ lines }: { lines: readonly DiffLine[] }) {
  return (
    <div className="space-y-0.5">
      {lines.map((line, index) => {
        const first = line.parts[0];
        const heading = first?.text.startsWith("## ");
        // the "## " and "- " markers from documentText are layout, not content
        const parts = first ? [{ ...first, text: first.text.replace(/^(## |- )/, heading ? "" : "• ") }, ...line.parts.slice(1)] : [];
        return (
          <p key={index} className={`border-l-4 pl-2 ${LINE_STYLE[line.kind]} ${heading ? "mt-3 font-semibold" : ""}`}>
            {line.kind !== "same" ? <span className="sr-only">{LINE_LABEL[line.kind]}</span> : null}
            <Diff parts={parts} />
          </p>
        );
      })}
    </div>
  );
}

const FORM_WORDS: Record<CitationForm, string> = { FACT: "stated as fact", ATTRIBUTED: "attributed", BOTH_SIDES: "one side of a dispute", DEBUNKED: "debunked" };

function citedAs(citation: { form: CitationForm; attribution: string }): string {
  return citation.form === "FACT" ? FORM_WORDS.FACT : `${FORM_WORDS[citation.form]}${citation.attribution ? `: “${citation.attribution}”` : ""}`;
}

function CitationRow({ change, targets }: { change: CitationChange; targets: ReadonlyMap<string, CitationTarget> }) {
  const target = targets.get(change.key);
  return (
    <li className="flex flex-wrap items-center gap-2 text-sm">
      {target ? <ClaimStatusBadge status={target.status} /> : <Badge tone="danger">Missing</Badge>}
      <span>{target?.statement ?? "A claim or fact no longer in this story"}</span>
      <span className="text-muted">
        {`— ${citedAs(change)}`}
        {change.before ? ` (was ${citedAs(change.before)})` : ""}
      </span>
    </li>
  );
}

export default async function ReviewRevisionPage({ params }: { params: Promise<{ explainerId: string }> }) {
  const actor = await requireActorForPage();
  const { explainerId } = await params;
  const review = await orNotFound(() => getRevisionForReview(actor, explainerId));
  const { explainer, revision, diff, base } = review;
  const targets = new Map(review.targets.map((target) => [target.key, target]));
  const stateMeta = EXPLAINER_STATE_META[explainer.state as ExplainerState];
  const unchanged = diff.stats.added === 0 && diff.stats.removed === 0 && diff.citationsAdded.length + diff.citationsRemoved.length + diff.citationsChanged.length === 0;

  return (
    <div className="space-y-5">
      <LiveRefresh storyId={explainer.storyId} explainerId={explainer.id} />
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link href="/review" className="hover:text-ink hover:underline">
          Review queue
        </Link>{" "}
        / {explainer.storyTitle}
      </nav>
      <header className="space-y-1">
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
          {revision.title} <Badge tone={stateMeta.tone}>{stateMeta.label}</Badge>
          {explainer.needsReReview ? <Badge tone="danger">Needs re-review</Badge> : null}
        </h1>
        <p className="text-sm text-muted">
          Revision {revision.number}, submitted by {revision.submittedBy} on <Timestamp value={revision.createdAt} />. Written since the last approval by {revision.authors.join(", ")}.{" "}
          <Link className="text-accent underline" href={`/stories/${explainer.storyId}/explainers/${explainer.id}`}>
            Open in the editor
          </Link>
        </p>
        {revision.message ? (
          <p className="rounded border border-line bg-white p-2 text-sm">
            <span className="text-muted">Message: </span>
            {revision.message}
          </p>
        ) : null}
        {explainer.reReviewReason ? <p className="rounded border border-red-200 bg-red-50 p-2 text-sm">{explainer.reReviewReason}</p> : null}
      </header>

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-5">
          <section aria-labelledby="diff-title" className="rounded-lg border border-line bg-white p-4">
            <h2 id="diff-title" className="text-lg font-semibold">
              Changes {base ? `since the ${base.kind} revision ${base.number}` : "(first revision: everything is new)"}
            </h2>
            <p className="mb-3 text-sm text-muted">
              {unchanged ? "No changes in text or citations." : `${diff.stats.added} words added, ${diff.stats.removed} removed.`}
            </p>
            <dl className="space-y-3">
              <div>
                <dt className="text-xs font-medium text-muted uppercase">Title</dt>
                <dd className="font-serif text-lg">
                  <Diff parts={diff.title} />
                </dd>
              </div>
              <div>
                <dt className="text-xs font-medium text-muted uppercase">Dek</dt>
                <dd>
                  <Diff parts={diff.dek} />
                </dd>
              </div>
              <div>
                <dt className="text-xs font-medium text-muted uppercase">Text</dt>
                <dd className="font-serif leading-relaxed" data-testid="text-diff">
                  {diff.body ? <LineDiff lines={diff.body} /> : <p className="text-muted">The texts are too different to compare word by word; read the revision below.</p>}
                </dd>
              </div>
            </dl>
          </section>

          <section aria-labelledby="citations-title" className="rounded-lg border border-line bg-white p-4" data-testid="citation-changes">
            <h2 id="citations-title" className="text-lg font-semibold">
              Citations
            </h2>
            {diff.citationsAdded.length + diff.citationsRemoved.length + diff.citationsChanged.length === 0 ? <p className="text-sm text-muted">No citations added or removed.</p> : null}
            {diff.citationsAdded.length > 0 ? (
              <>
                <h3 className="mt-2 text-sm font-semibold text-ok">Added ({diff.citationsAdded.length})</h3>
                <ul className="mt-1 space-y-1">
                  {diff.citationsAdded.map((change) => (
                    <CitationRow key={change.key} change={change} targets={targets} />
                  ))}
                </ul>
              </>
            ) : null}
            {diff.citationsRemoved.length > 0 ? (
              <>
                <h3 className="mt-3 text-sm font-semibold text-danger">Removed ({diff.citationsRemoved.length})</h3>
                <ul className="mt-1 space-y-1">
                  {diff.citationsRemoved.map((change) => (
                    <CitationRow key={change.key} change={change} targets={targets} />
                  ))}
                </ul>
              </>
            ) : null}
            {diff.citationsChanged.length > 0 ? (
              <>
                <h3 className="mt-3 text-sm font-semibold text-warn">Stated differently ({diff.citationsChanged.length})</h3>
                <ul className="mt-1 space-y-1">
                  {diff.citationsChanged.map((change) => (
                    <CitationRow key={change.key} change={change} targets={targets} />
                  ))}
                </ul>
              </>
            ) : null}
          </section>

          <section aria-labelledby="revision-title" className="rounded-lg border border-line bg-white p-4">
            <h2 id="revision-title" className="mb-2 text-lg font-semibold">
              Revision {revision.number} as submitted
            </h2>
            {revision.dek ? <p className="mb-3 text-muted">{revision.dek}</p> : null}
            <DocumentView doc={revision.content} targets={review.targets} />
          </section>
        </div>

        <aside className="space-y-4">
          <section aria-labelledby="decide-title" className="rounded-lg border border-line bg-white p-4">
            <h2 id="decide-title" className="mb-2 text-lg font-semibold">
              Your decision
            </h2>
            <DecisionForm
              ids={{ storyId: explainer.storyId, explainerId: explainer.id, revisionId: revision.id }}
              approveBlockedReason={review.approveBlockedReason}
              mayDecide={review.mayDecide}
              waiting={explainer.state === "IN_REVIEW"}
            />
            {explainer.state !== "IN_REVIEW" ? <p className="mt-2 text-sm text-muted">This revision is not waiting for review ({stateMeta.label.toLowerCase()}).</p> : null}
          </section>
          {review.reReviewFlags.length > 0 ? (
            <section aria-labelledby="rereview-title" className="rounded-lg border border-line bg-white p-4" data-testid="re-review">
              <h2 id="rereview-title" className="mb-2 text-lg font-semibold">
                Re-review
              </h2>
              <ReReviewFlags ids={{ storyId: explainer.storyId, explainerId: explainer.id }} flags={review.reReviewFlags} version={explainer.version} mayAcknowledge={review.mayDecide} />
            </section>
          ) : null}
          {review.reviews.length > 0 ? (
            <section aria-labelledby="history-title" className="rounded-lg border border-line bg-white p-4">
              <h2 id="history-title" className="mb-2 text-sm font-semibold">
                Earlier decisions
              </h2>
              <ul className="space-y-2 text-sm">
                {review.reviews.map((row) => (
                  <li key={row.id} className="border-l-2 border-line pl-2">
                    <p className="text-xs text-muted">
                      Revision {row.revisionNumber} · {row.decision === "APPROVED" ? "Approved" : "Changes requested"} by {row.reviewer}
                    </p>
                    {row.comment ? <p className="whitespace-pre-wrap">{row.comment}</p> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
