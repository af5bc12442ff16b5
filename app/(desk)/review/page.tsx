import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/states";
import { requireActorForPage } from "@/lib/auth/current-actor";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewQueuePage() {
  await requireActorForPage();
  return (
    <>
      <PageHeader title="Review queue" description="Explainer revisions waiting for a second pair of eyes." />
      <EmptyState title="Nothing is waiting for review">Revisions submitted for review will appear here, oldest first.</EmptyState>
    </>
  );
}
