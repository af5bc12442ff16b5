import { EmptyState } from "@/components/ui/states";
import { requireActorForPage } from "@/lib/auth/current-actor";

export default async function StoryReportsPage() {
  await requireActorForPage();
  return (
    <EmptyState title="No reports in this story yet">
      Wire reports imported for this story will be listed here with their source, time, version and claim count.
    </EmptyState>
  );
}
