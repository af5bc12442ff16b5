"use client";
import { useEffect, useRef } from "react";

/** A live desk event as the server event stream sends it (lib/live/desk-events.ts). */
export type DeskEventMessage = { storyId: string; kind: "claim_status" | "review"; explainerId?: string | null; claimIds?: string[] };

/**
 * Calls `onEvent` for each live event of the story (a claim's status changed, a review action
 * happened), from /api/stories/<id>/events. The browser's EventSource reconnects by itself.
 * While the stream is live, the page's root element carries data-desk-events="live" (browser
 * tests wait for it instead of sleeping).
 */
export function useDeskEvents(storyId: string, onEvent: (event: DeskEventMessage) => void): void {
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(`/api/stories/${storyId}/events`);
    const root = document.documentElement;
    source.addEventListener("live", () => root.setAttribute("data-desk-events", "live"));
    source.addEventListener("error", () => root.removeAttribute("data-desk-events"));
    source.addEventListener("change", (message) => {
      try {
        handler.current(JSON.parse((message as MessageEvent<string>).data) as DeskEventMessage);
      } catch {
        // a malformed message is ignored; the next one carries the news again
      }
    });
    return () => {
      source.close();
      root.removeAttribute("data-desk-events");
    };
  }, [storyId]);
}
