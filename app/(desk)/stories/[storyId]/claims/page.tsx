import { EmptyState } from "@/components/ui/states";
import { requireActorForPage } from "@/lib/auth/current-actor";

export default async function StoryClaimsPage() {
  await requireActorForPage();
  return (
    <EmptyState title="No claims tagged yet">
      Claims tagged in this story&apos;s reports will appear here with their verification status.
    </EmptyState>
  );
}
