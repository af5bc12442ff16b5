"use client";
import { useDeferredValue, useEffect, useMemo, useState } from "react";
import { ClaimStatusBadge } from "@/components/claims/status-badge";
import { CLAIM_STATUS_META, CLAIM_STATUS_ORDER } from "@/lib/claims/status-meta";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import type { CitationTarget } from "@/lib/explainers/citation-targets";
import { CITATION_DRAG_TYPE } from "./citation-node";
import { matchTargets } from "./citation-command";
import { searchCitationKeys } from "./citation-search";

type KindFilter = "all" | "claim" | "fact";

/**
 * The story's claims and facts, searchable and filterable. Cite one with its button (at the
 * cursor), by dragging it into the text, or with "/" in the editor.
 */
export function CitationPanel({
  storyId,
  targets,
  citedKeys,
  onCite,
  disabled,
}: {
  storyId: string;
  targets: readonly CitationTarget[];
  citedKeys: ReadonlySet<string>;
  onCite: (target: CitationTarget) => void;
  disabled?: boolean;
}) {
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState<ClaimStatus | "ALL">("ALL");
  const [kind, setKind] = useState<KindFilter>("all");
  const deferredQuery = useDeferredValue(query);
  // the desk's answer for a query (it knows every spelling of a name); until it arrives, or if
  // it cannot be reached, the loaded words are matched here
  const [found, setFound] = useState<{ query: string; keys: string[] } | null>(null);
  useEffect(() => {
    const trimmed = deferredQuery.trim();
    if (!trimmed) return;
    const abort = new AbortController();
    void searchCitationKeys(storyId, trimmed, abort.signal).then((keys) => {
      if (keys) setFound({ query: trimmed, keys });
    });
    return () => abort.abort();
  }, [storyId, deferredQuery]);
  const shown = useMemo(() => {
    const filtered = targets.filter((target) => (status === "ALL" || target.status === status) && (kind === "all" || target.kind === kind));
    const trimmed = deferredQuery.trim();
    if (trimmed && found?.query === trimmed) {
      const byKey = new Map(filtered.map((target) => [target.key, target]));
      return found.keys.flatMap((key) => byKey.get(key) ?? []).slice(0, 200);
    }
    return matchTargets(filtered, deferredQuery, 200);
  }, [targets, status, kind, deferredQuery, found]);
  const facts = targets.filter((target) => target.kind === "fact").length;

  return (
    <section aria-labelledby="citation-panel-title" className="flex min-h-0 flex-col rounded-lg border border-line bg-white">
      <div className="space-y-2 border-b border-line p-3">
        <h2 id="citation-panel-title" className="text-sm font-semibold">
          Claims and facts <span className="font-normal text-muted">({targets.length - facts} claims, {facts} facts)</span>
        </h2>
        <input
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="Search statements, quotes, outlets"
          aria-label="Search claims and facts"
          className="h-8 w-full rounded-md border border-line px-2 text-sm"
        />
        <div className="flex gap-2">
          <select aria-label="Filter by status" value={status} onChange={(event) => setStatus(event.target.value as ClaimStatus | "ALL")} className="h-8 flex-1 rounded-md border border-line bg-white px-1 text-sm">
            <option value="ALL">Any status</option>
            {CLAIM_STATUS_ORDER.map((value) => (
              <option key={value} value={value}>
                {CLAIM_STATUS_META[value].label}
              </option>
            ))}
          </select>
          <select aria-label="Claims or facts" value={kind} onChange={(event) => setKind(event.target.value as KindFilter)} className="h-8 flex-1 rounded-md border border-line bg-white px-1 text-sm">
            <option value="all">Claims and facts</option>
            <option value="claim">Claims only</option>
            <option value="fact">Facts only</option>
          </select>
        </div>
        <p className="text-xs text-muted">Click Cite, drag an item into a bullet, or type “/” in the text.</p>
      </div>
      {targets.length === 0 ? (
        <p className="p-3 text-sm text-muted">This story has no claims yet. Tag claims in its reports first.</p>
      ) : shown.length === 0 ? (
        <p className="p-3 text-sm text-muted" role="status">
          Nothing matches these filters.
        </p>
      ) : (
        <ul aria-label="Citable claims and facts" className="min-h-0 flex-1 divide-y divide-line overflow-auto">
          {shown.map((target) => (
            <li
              key={target.key}
              draggable={!disabled}
              onDragStart={(event) => {
                event.dataTransfer.setData(CITATION_DRAG_TYPE, target.key);
                event.dataTransfer.setData("text/plain", target.statement);
                event.dataTransfer.effectAllowed = "copy";
              }}
              className="group flex gap-2 p-3 hover:bg-paper"
              data-citation-target={target.key}
            >
              <div className="min-w-0 flex-1 cursor-grab active:cursor-grabbing">
                <p className="text-sm">{target.statement}</p>
                <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-muted">
                  <ClaimStatusBadge status={target.status} />
                  <span>{target.kind === "fact" ? "Fact" : "Claim"}</span>
                  <span>
                    · {target.sourceCount} source{target.sourceCount === 1 ? "" : "s"}
                  </span>
                  {target.quotes[0] ? <span className="truncate">· {target.kind === "fact" ? [...new Set(target.quotes.map((quote) => quote.outlet))].join(", ") : target.quotes[0].outlet}</span> : null}
                  {citedKeys.has(target.key) ? <span className="font-medium text-ok">· cited</span> : null}
                </div>
                {target.attribution ? <p className="mt-0.5 text-xs text-muted italic">{target.attribution}</p> : null}
              </div>
              <button
                type="button"
                disabled={disabled}
                onClick={() => onCite(target)}
                aria-label={`Cite: ${target.statement}`}
                className="h-7 shrink-0 self-start rounded-md border border-line bg-white px-2 text-xs font-medium hover:border-accent hover:text-accent disabled:opacity-50"
              >
                Cite
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
