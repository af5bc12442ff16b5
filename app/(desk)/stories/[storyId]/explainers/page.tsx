import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/relative-time";
import { requireActorForPage } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { EXPLAINER_STATE_META } from "@/lib/claims/status-meta";
import { listStoryExplainers } from "@/lib/explainers/list-explainers";
import { orNotFound } from "@/lib/http/page-data";
import { NewExplainerForm } from "./new-explainer-form";

export default async function StoryExplainersPage({ params }: { params: Promise<{ storyId: string }> }) {
  const actor = await requireActorForPage();
  const { storyId } = await params;
  const explainers = await orNotFound(() => listStoryExplainers(actor, storyId));
  const mayCreate = can(actor.role, "explainer.edit");
  return (
    <div className="space-y-4">
      {mayCreate ? <NewExplainerForm storyId={storyId} /> : null}
      {explainers.length === 0 ? (
        <EmptyState title="No explainers yet">
          Start a “What to know” explainer: it opens with four sections to fill in, and every bullet cites this story&apos;s claims.
        </EmptyState>
      ) : (
        <Table caption="Explainers of this story">
          <thead>
            <tr>
              <Th>Title</Th>
              <Th>State</Th>
              <Th>Revisions</Th>
              <Th>Started by</Th>
              <Th>Last change</Th>
            </tr>
          </thead>
          <tbody>
            {explainers.map((explainer) => (
              <tr key={explainer.id}>
                <Td>
                  <Link href={`/stories/${storyId}/explainers/${explainer.id}`} className="font-medium text-accent hover:underline">
                    {explainer.title}
                  </Link>
                </Td>
                <Td>
                  <span className="flex flex-wrap gap-1">
                    <Badge tone={EXPLAINER_STATE_META[explainer.state].tone}>{EXPLAINER_STATE_META[explainer.state].label}</Badge>
                    {explainer.needsReReview ? <Badge tone="danger">Needs re-review</Badge> : null}
                  </span>
                </Td>
                <Td>{explainer.revisions}</Td>
                <Td>{explainer.createdBy}</Td>
                <Td>
                  <Timestamp value={explainer.updatedAt} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
