"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { reanalyzeStoryAction } from "./actions";

/** Queues a re-grouping of the story; editors' placements and confirmed facts stay as they are. */
export function ReanalyzeButton({ storyId }: { storyId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      size="sm"
      variant="ghost"
      pending={pending}
      title="Group again every claim an editor has not placed; confirmed, split and merged facts stay as they are"
      onClick={() =>
        startTransition(async () => {
          const result = await reanalyzeStoryAction({ storyId });
          if (result.ok) toast.success("Re-analysis queued");
          else toast.error(result.error);
          router.refresh();
        })
      }
    >
      ↻ Re-analyse story
    </Button>
  );
}
