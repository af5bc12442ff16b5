"use client";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { useDeskEvents } from "./use-desk-events";

/**
 * Re-renders the page from the server when a claim of the story changes status or a review
 * action happens (on `explainerId`, when given), so a review page never shows a stale state.
 * Bursts (a bulk change) are coalesced into one refresh.
 */
export function LiveRefresh({ storyId, explainerId }: { storyId: string; explainerId?: string }) {
  const router = useRouter();
  const timer = useRef<number | undefined>(undefined);
  useDeskEvents(storyId, (event) => {
    if (event.kind === "review" && explainerId && event.explainerId !== explainerId) return;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => router.refresh(), 150);
  });
  return null;
}
