import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState, PageHeader } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/relative-time";
import { requireActorForPage } from "@/lib/auth/current-actor";
import { listReviewQueue } from "@/lib/review/review-queue";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewQueuePage() {
  const actor = await requireActorForPage();
  const { waiting, reReview } = await listReviewQueue(actor);
  return (
    <>
      <PageHeader title="Review queue" description="Explainer revisions waiting for a second pair of eyes, oldest first." />
      {waiting.length === 0 ? (
        <EmptyState title="Nothing is waiting for review">Revisions submitted for review will appear here, oldest first.</EmptyState>
      ) : (
        <Table caption="Revisions waiting for review">
          <thead>
            <tr>
              <Th>Explainer</Th>
              <Th>Story</Th>
              <Th>Revision</Th>
              <Th>Written by</Th>
              <Th>Submitted</Th>
              <Th>You</Th>
            </tr>
          </thead>
          <tbody>
            {waiting.map((row) => (
              <tr key={row.revisionId}>
                <Td>
                  <Link href={`/review/${row.explainerId}`} className="font-medium text-accent hover:underline">
                    {row.title}
                  </Link>
                  {row.message ? <p className="mt-0.5 text-xs text-muted">“{row.message}”</p> : null}
                </Td>
                <Td>{row.storyTitle}</Td>
                <Td>#{row.revisionNumber}</Td>
                <Td>{row.authors.join(", ")}</Td>
                <Td>
                  <Timestamp value={row.submittedAt} />
                </Td>
                <Td>{row.canApprove ? <Badge tone="accent">Can review</Badge> : <Badge>You wrote part of it</Badge>}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {reReview.length > 0 ? (
        <section aria-labelledby="rereview-title" className="mt-6">
          <h2 id="rereview-title" className="mb-2 text-lg font-semibold">
            Needs re-review
          </h2>
          <ul className="space-y-2">
            {reReview.map((row) => (
              <li key={row.explainerId} className="rounded-lg border border-red-200 bg-white p-3 text-sm">
                <Link href={`/stories/${row.storyId}/explainers/${row.explainerId}`} className="font-medium text-accent hover:underline">
                  {row.title}
                </Link>
                <p className="text-muted">{row.reason}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
