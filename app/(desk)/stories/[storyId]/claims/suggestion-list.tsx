"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type KeyboardEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { acceptSuggestionAction, dismissSuggestionAction } from "./actions";

export type SuggestionItem = { id: string; text: string; score: number; report?: { id: string; headline: string; source: string | null } };

/**
 * Sentences the desk proposes as claims. Accept turns one into a claim (origin "suggested");
 * dismiss hides it for good, also in later versions of the report. Keyboard: focus an item,
 * then A accepts and D dismisses.
 */
export function SuggestionList({ storyId, suggestions, canDecide, showReport = false }: { storyId: string; suggestions: SuggestionItem[]; canDecide: boolean; showReport?: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [gone, setGone] = useState<Set<string>>(new Set());
  const visible = suggestions.filter((suggestion) => !gone.has(suggestion.id));

  function decide(id: string, accept: boolean, mergeInto?: string) {
    startTransition(async () => {
      const result = accept ? await acceptSuggestionAction({ storyId, suggestionId: id, mergeInto }) : await dismissSuggestionAction({ storyId, suggestionId: id });
      if (result.ok) {
        setGone((current) => new Set(current).add(id));
        toast.success(mergeInto ? "Suggestion merged into the existing claim" : accept ? "Claim created from the suggestion" : "Suggestion dismissed");
      } else if (result.fieldErrors.overlappingClaimId) {
        // the same words are a claim already: offer to merge rather than make a second one
        const overlapping = result.fieldErrors.overlappingClaimId;
        toast.error(result.error, { duration: 15_000, action: { label: "Merge into it", onClick: () => decide(id, true, overlapping) } });
      } else toast.error(result.error);
      router.refresh();
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLLIElement>, id: string) {
    if (!canDecide || event.target !== event.currentTarget) return;
    if (event.key === "a" || event.key === "A") {
      event.preventDefault();
      decide(id, true);
    } else if (event.key === "d" || event.key === "D") {
      event.preventDefault();
      decide(id, false);
    }
  }

  if (visible.length === 0) return <p className="text-sm text-muted">No open suggestions.</p>;
  return (
    <ul className="space-y-2" aria-label="Suggested claims" aria-busy={pending}>
      {visible.map((suggestion) => (
        <li
          key={suggestion.id}
          tabIndex={0}
          data-suggestion={suggestion.id}
          onKeyDown={(event) => onKeyDown(event, suggestion.id)}
          className="rounded-md border border-dashed border-slate-300 bg-white p-2 text-sm focus:border-accent focus:outline-none"
        >
          <p className="font-serif">{suggestion.text}</p>
          {showReport && suggestion.report ? (
            <p className="mt-1 text-xs text-muted">
              {suggestion.report.source ?? "Unknown source"} ·{" "}
              <Link className="hover:underline" href={`/stories/${storyId}/reports/${suggestion.report.id}`}>
                {suggestion.report.headline}
              </Link>
            </p>
          ) : null}
          {canDecide ? (
            <div className="mt-2 flex gap-2">
              <Button size="sm" onClick={() => decide(suggestion.id, true)} aria-keyshortcuts="A">
                Accept <kbd className="text-xs text-muted">A</kbd>
              </Button>
              <Button size="sm" variant="ghost" onClick={() => decide(suggestion.id, false)} aria-keyshortcuts="D">
                Dismiss <kbd className="text-xs text-muted">D</kbd>
              </Button>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
