"use client";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useDeskEvents } from "@/components/live/use-desk-events";
import type { CitationTarget } from "@/lib/explainers/citation-targets";

/**
 * The citation targets as the editor's plugins read them (rule highlights, "/" menu, drops):
 * one box per editor, refilled when a live status change re-reads them.
 */
export class LiveTargets {
  constructor(public current: ReadonlyMap<string, CitationTarget>) {}
  replace(next: ReadonlyMap<string, CitationTarget>): void {
    this.current = next;
  }
}

export type LiveCitationTargets = {
  /** the story's claims and facts a bullet can cite, as last read */
  targets: readonly CitationTarget[];
  /** the same by citation key, for the checks and the panel */
  targetMap: ReadonlyMap<string, CitationTarget>;
  /** the box the editor's plugins read; the document refills it from `targetMap` */
  liveTargets: LiveTargets;
};

/**
 * The story's citation targets, kept current while the editor is open: a claim's status change
 * anywhere on the desk re-reads them (the checks and highlights follow), and a change to this
 * explainer by someone else (a review, a publication) reloads the page's data.
 */
export function useLiveCitationTargets(explainer: { id: string; storyId: string; targets: CitationTarget[] }): LiveCitationTargets {
  const router = useRouter();
  const [targets, setTargets] = useState(explainer.targets);
  const targetMap = useMemo(() => new Map(targets.map((target) => [target.key, target])), [targets]);
  const [liveTargets] = useState(() => new LiveTargets(targetMap));
  useDeskEvents(explainer.storyId, (event) => {
    if (event.kind !== "claim_status") {
      if (event.explainerId === explainer.id) router.refresh();
      return;
    }
    void fetch(`/api/stories/${explainer.storyId}/citation-targets`, { cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<{ targets: CitationTarget[] }>) : null))
      .then((body) => {
        if (body) setTargets(body.targets);
      })
      .catch(() => undefined);
  });
  return { targets, targetMap, liveTargets };
}
