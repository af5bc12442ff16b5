"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { markAllReadAction } from "./actions";

export function MarkAllRead() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      pending={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await markAllReadAction();
          if (!result.ok) toast.error(result.error);
          router.refresh();
        })
      }
    >
      Mark all as read
    </Button>
  );
}
