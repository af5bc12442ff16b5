import { EmptyState } from "@/components/ui/states";
import { requireActorForPage } from "@/lib/auth/current-actor";

export default async function StoryFactsPage() {
  await requireActorForPage();
  return (
    <EmptyState title="No facts grouped yet">
      Facts group claims from different outlets that state the same thing, and flag where they conflict.
    </EmptyState>
  );
}
