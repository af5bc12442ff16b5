"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type KeyboardEvent } from "react";
import { toast } from "sonner";
import { ClaimStatusBadge } from "@/components/claims/status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { BULK_STATUSES } from "@/lib/claims/schemas";
import { CLAIM_STATUS_META } from "@/lib/claims/status-meta";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { bulkAssignAction, bulkStatusAction } from "./actions";

export type BoardClaim = {
  id: string;
  statement: string;
  exact: string;
  status: ClaimStatus;
  anchorState: string;
  attribution: string | null;
  report: { id: string; headline: string; source: string | null };
  assignee: { id: string; name: string } | null;
  tags: { kind: string; value: string }[];
  singleSource: boolean;
};

// keys 1–3 set the statuses that need no evidence on the focused (or selected) claims
const STATUS_KEYS: Record<string, (typeof BULK_STATUSES)[number]> = { "1": "UNVERIFIED", "2": "IN_PROGRESS", "3": "UNVERIFIABLE" };

/**
 * The claims table with selection, bulk assign/status, and keyboard control:
 * ↑/↓ or j/k move, Enter opens, x selects, 1/2/3 set unverified / in progress / unverifiable.
 */
export function ClaimsBoard({ storyId, claims, members }: { storyId: string; claims: BoardClaim[]; members: { id: string; name: string }[] }) {
  const router = useRouter();
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  // the focused claim is remembered by id: a status change re-sorts the list, and a row index
  // would then point at a different claim
  const [focusedId, setFocusedId] = useState<string | null>(claims[0]?.id ?? null);
  const found = claims.findIndex((claim) => claim.id === focusedId);
  const focused = found === -1 ? 0 : found;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [pending, startTransition] = useTransition();

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  function applyStatus(ids: string[], status: (typeof BULK_STATUSES)[number]) {
    startTransition(async () => {
      const result = await bulkStatusAction({ storyId, claimIds: ids, status });
      if (result.ok)
        toast.success(
          `${result.data.updated} claim${result.data.updated === 1 ? "" : "s"} set to ${CLAIM_STATUS_META[status].label.toLowerCase()}` +
            (result.data.skipped ? `; ${result.data.skipped} left as they were (already there, or a verdict that changes only on the claim page)` : ""),
        );
      else toast.error(result.error);
      router.refresh();
    });
  }

  function applyAssignee(ids: string[], assigneeId: string | null) {
    startTransition(async () => {
      const result = await bulkAssignAction({ storyId, claimIds: ids, assigneeId });
      if (result.ok) toast.success(`${result.data.updated} claim${result.data.updated === 1 ? "" : "s"} ${assigneeId ? "assigned" : "unassigned"}`);
      else toast.error(result.error);
      router.refresh();
    });
  }

  function move(to: number) {
    const index = Math.max(0, Math.min(claims.length - 1, to));
    setFocusedId(claims[index]?.id ?? null);
    rows.current[index]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    if ((event.target as HTMLElement).closest("input, select, button, a")) return;
    const claim = claims[focused];
    if (event.key === "ArrowDown" || event.key === "j") return event.preventDefault(), move(focused + 1);
    if (event.key === "ArrowUp" || event.key === "k") return event.preventDefault(), move(focused - 1);
    if (!claim) return;
    if (event.key === "Enter") return event.preventDefault(), router.push(`/stories/${storyId}/claims/${claim.id}`);
    if (event.key === "x" || event.key === " ") return event.preventDefault(), toggle(claim.id);
    const status = STATUS_KEYS[event.key];
    if (status) {
      event.preventDefault();
      applyStatus(selected.size > 0 ? [...selected] : [claim.id], status);
    }
  }

  const allSelected = claims.length > 0 && claims.every((claim) => selected.has(claim.id));
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2 rounded-md border border-line bg-white px-3 py-2 text-sm" role="toolbar" aria-label="Bulk actions">
        <span className="font-medium">{selected.size} selected</span>
        <label className="sr-only" htmlFor="bulk-status">
          Set status of selected claims
        </label>
        <select
          id="bulk-status"
          className="h-8 rounded border border-line bg-white px-1"
          disabled={selected.size === 0 || pending}
          value=""
          onChange={(event) => event.currentTarget.value && applyStatus([...selected], event.currentTarget.value as (typeof BULK_STATUSES)[number])}
        >
          <option value="">Set status…</option>
          {BULK_STATUSES.map((status) => (
            <option key={status} value={status}>
              {CLAIM_STATUS_META[status].label}
            </option>
          ))}
        </select>
        <label className="sr-only" htmlFor="bulk-assign">
          Assign selected claims
        </label>
        <select
          id="bulk-assign"
          className="h-8 rounded border border-line bg-white px-1"
          disabled={selected.size === 0 || pending}
          value=""
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (value) applyAssignee([...selected], value === "none" ? null : value);
          }}
        >
          <option value="">Assign to…</option>
          <option value="none">Nobody</option>
          {members.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </select>
        {selected.size > 0 ? (
          <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
            Clear selection
          </Button>
        ) : null}
        <span className="ml-auto text-xs text-muted">
          Keys: <kbd>↑</kbd>/<kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>x</kbd> select · <kbd>1</kbd> unverified · <kbd>2</kbd> in progress · <kbd>3</kbd> unverifiable
        </span>
      </div>
      <div className="overflow-x-auto rounded-lg border border-line bg-white">
        <table className="w-full border-collapse text-sm" aria-label="Claims" aria-busy={pending}>
          <thead>
            <tr className="bg-slate-50 text-left text-xs tracking-wide text-muted uppercase">
              <th scope="col" className="w-8 border-b border-line px-3 py-2">
                <input
                  type="checkbox"
                  aria-label="Select all claims on this page"
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(claims.map((claim) => claim.id)))}
                />
              </th>
              <th scope="col" className="border-b border-line px-3 py-2">Claim</th>
              <th scope="col" className="border-b border-line px-3 py-2">Status</th>
              <th scope="col" className="border-b border-line px-3 py-2">Source</th>
              <th scope="col" className="border-b border-line px-3 py-2">Assignee</th>
            </tr>
          </thead>
          <tbody onKeyDown={onKeyDown}>
            {claims.map((claim, index) => (
              <tr
                key={claim.id}
                ref={(element) => {
                  rows.current[index] = element;
                }}
                tabIndex={index === focused ? 0 : -1}
                onFocus={() => setFocusedId(claim.id)}
                data-claim-row={claim.id}
                aria-selected={selected.has(claim.id)}
                className={cn("border-b border-line last:border-b-0 focus:bg-blue-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent", selected.has(claim.id) && "bg-blue-50/60")}
              >
                <td className="px-3 py-2 align-top">
                  <input type="checkbox" aria-label={`Select: ${claim.statement}`} checked={selected.has(claim.id)} onChange={() => toggle(claim.id)} />
                </td>
                <td className="px-3 py-2 align-top">
                  <Link href={`/stories/${storyId}/claims/${claim.id}`} className="font-medium text-ink hover:text-accent hover:underline" tabIndex={-1}>
                    {claim.statement}
                  </Link>
                  {claim.attribution ? <p className="text-xs text-muted">{claim.attribution}</p> : null}
                  <div className="mt-1 flex flex-wrap gap-1">
                    {claim.anchorState === "ORPHANED" ? <Badge tone="danger">Orphaned</Badge> : null}
                    {claim.anchorState === "FUZZY" ? <Badge tone="warn">Wording changed</Badge> : null}
                    {claim.anchorState === "RETIRED" ? <Badge>Retired</Badge> : null}
                    {claim.singleSource ? <Badge tone="warn">Reported by one source</Badge> : null}
                    {claim.tags.slice(0, 4).map((tag) => (
                      <Badge key={`${tag.kind}-${tag.value}`}>{tag.value}</Badge>
                    ))}
                  </div>
                </td>
                <td className="px-3 py-2 align-top whitespace-nowrap">
                  <ClaimStatusBadge status={claim.status} />
                </td>
                <td className="px-3 py-2 align-top">
                  <span className="whitespace-nowrap">{claim.report.source ?? "Unknown"}</span>
                  <p className="line-clamp-1 text-xs text-muted">{claim.report.headline}</p>
                </td>
                <td className="px-3 py-2 align-top whitespace-nowrap">{claim.assignee?.name ?? <span className="text-muted">Nobody</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
