import { EmptyState } from "@/components/ui/states";
import { requireActorForPage } from "@/lib/auth/current-actor";

export default async function StoryExplainersPage() {
  await requireActorForPage();
  return (
    <EmptyState title="No explainers yet">
      “What to know” explainers built from this story&apos;s verified claims will be listed here.
    </EmptyState>
  );
}
