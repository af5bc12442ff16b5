"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { toast } from "sonner";
import { ClaimStatusBadge } from "@/components/claims/status-badge";
import type { QuoteSegment } from "@/components/facts/quote-diff";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Timestamp } from "@/components/ui/relative-time";
import type { ClaimStatus, FactState } from "@/lib/generated/prisma/enums";
import { confirmFactAction, mergeFactsAction, moveFactMemberAction, splitFactAction } from "../actions";

export type WorkbenchMember = {
  id: string;
  kind: "claim" | "suggestion";
  status: ClaimStatus | null;
  source: string;
  reportId: string;
  headline: string;
  publishedAt: string | null;
  attribution: string | null;
  pinned: boolean;
  segments: QuoteSegment[];
  /** labels of the conflicts this claim takes part in */
  conflicts: string[];
  /** further facts this claim states as well */
  alsoIn: { id: string; statement: string }[];
};

type OtherFact = { id: string; statement: string; sourceCount: number; version: number };

const OUT_OF_FACTS = "none";

/**
 * A fact's claims side by side, each against the first (words it lacks marked, numbers in
 * bold), with the editor's decisions: confirm (C), split the ticked claims into a new fact (S),
 * merge another fact into this one, move one claim elsewhere. Every control is a native button,
 * checkbox or select, so the keyboard reaches all of it.
 */
export function FactWorkbench({
  storyId,
  fact,
  members,
  otherFacts,
  canEdit,
}: {
  storyId: string;
  fact: { id: string; version: number; state: FactState };
  members: WorkbenchMember[];
  otherFacts: OtherFact[];
  canEdit: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [mergeWith, setMergeWith] = useState("");
  const [moveTargets, setMoveTargets] = useState<Record<string, string>>({});

  function run(work: () => Promise<{ ok: true } | { ok: false; error: string }>, success: string, after?: () => void) {
    startTransition(async () => {
      const result = await work();
      if (result.ok) {
        toast.success(success);
        setChosen(new Set());
        after?.();
      } else toast.error(result.error);
      router.refresh();
    });
  }

  const confirm = () => run(() => confirmFactAction({ storyId, factId: fact.id, version: fact.version }), "Fact confirmed");
  const split = () =>
    run(
      async () => {
        const result = await splitFactAction({ storyId, factId: fact.id, version: fact.version, memberIds: [...chosen] });
        if (result.ok) router.push(`/stories/${storyId}/facts/${result.data.newFactId}`);
        return result;
      },
      `Split: ${chosen.size} ${chosen.size === 1 ? "claim" : "claims"} moved to a new fact`,
    );
  const merge = () => {
    const other = otherFacts.find((candidate) => candidate.id === mergeWith);
    if (!other) return;
    run(() => mergeFactsAction({ storyId, factId: fact.id, version: fact.version, otherFactId: other.id, otherVersion: other.version }), "Facts merged", () => setMergeWith(""));
  };
  const move = (member: WorkbenchMember) => {
    const target = moveTargets[member.id];
    if (!target) return;
    startTransition(async () => {
      const result = await moveFactMemberAction({ storyId, memberId: member.id, fromFactId: fact.id, fromVersion: fact.version, toFactId: target === OUT_OF_FACTS ? null : target });
      if (!result.ok) {
        toast.error(result.error);
        router.refresh();
        return;
      }
      toast.success(target === OUT_OF_FACTS ? "Claim taken out of the fact" : "Claim moved");
      if (result.data.fromFactRemains) {
        router.refresh();
        return;
      }
      // the fact had no other claims and is gone: go where the claim went, or to the facts list
      toast.info("This fact had no other claims left, so it was removed.");
      router.push(result.data.factId ? `/stories/${storyId}/facts/${result.data.factId}` : `/stories/${storyId}/facts`);
    });
  };

  useEffect(() => {
    if (!canEdit) return;
    function onKeyDown(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (event.metaKey || event.ctrlKey || event.altKey || target?.closest("input[type=text], textarea, select, [contenteditable=true]")) return;
      if ((event.key === "c" || event.key === "C") && fact.state !== "CONFIRMED") {
        event.preventDefault();
        document.getElementById("confirm-fact")?.click();
      } else if ((event.key === "s" || event.key === "S") && chosen.size > 0) {
        event.preventDefault();
        document.getElementById("split-fact")?.click();
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [canEdit, fact.state, chosen.size]);

  const splitPossible = chosen.size > 0 && chosen.size < members.length;

  return (
    <div className="space-y-4" aria-busy={pending}>
      {canEdit ? (
        <div className="flex flex-wrap items-center gap-2 rounded-lg border border-line bg-white p-2.5">
          {fact.state !== "CONFIRMED" ? (
            <Button id="confirm-fact" variant="primary" size="sm" pending={pending} onClick={confirm} aria-keyshortcuts="C">
              Confirm fact <kbd className="text-xs opacity-80">C</kbd>
            </Button>
          ) : null}
          <Button id="split-fact" size="sm" disabled={!splitPossible || pending} onClick={split} aria-keyshortcuts="S">
            Split {chosen.size > 0 ? `${chosen.size} ticked` : "ticked claims"} into a new fact <kbd className="text-xs text-muted">S</kbd>
          </Button>
          {otherFacts.length > 0 ? (
            <span className="flex min-w-0 flex-wrap items-center gap-1.5">
              <label htmlFor="merge-with" className="text-sm text-muted">
                Merge with
              </label>
              <select id="merge-with" value={mergeWith} onChange={(event) => setMergeWith(event.target.value)} className="h-8 min-w-0 max-w-72 flex-1 rounded-md border border-line bg-white px-2 text-sm sm:flex-none">
                <option value="">choose a fact…</option>
                {otherFacts.map((other) => (
                  <option key={other.id} value={other.id}>
                    {`(${other.sourceCount}) ${truncate(other.statement, 80)}`}
                  </option>
                ))}
              </select>
              <Button size="sm" disabled={!mergeWith || pending} onClick={merge}>
                Merge
              </Button>
            </span>
          ) : null}
          {chosen.size > 0 && !splitPossible ? <span className="text-sm text-muted">Leave at least one claim in this fact.</span> : null}
        </div>
      ) : null}

      <ol aria-label="Claims in this fact" className="grid grid-cols-[repeat(auto-fill,minmax(17rem,1fr))] gap-3">
        {members.map((member, index) => (
          <li
            key={member.id}
            data-member={member.id}
            className={cn("flex flex-col rounded-lg border bg-white p-3", member.conflicts.length > 0 ? "border-red-300" : "border-line", chosen.has(member.id) && "ring-2 ring-accent")}
          >
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                <p className="font-semibold text-ink">{member.source}</p>
                <p className="text-xs text-muted">{member.publishedAt ? <Timestamp value={member.publishedAt} /> : "time not given"}</p>
              </div>
              <span className="shrink-0" title={member.status ? undefined : "A sentence the desk suggests as a claim; nobody has tagged or checked it yet"}>
                {member.status ? <ClaimStatusBadge status={member.status} /> : <Badge>Suggested claim</Badge>}
              </span>
            </div>
            <blockquote className="mt-2 flex-1 font-serif text-[15px] leading-relaxed">
              {member.segments.map((segment, segmentIndex) => (
                <span
                  key={segmentIndex}
                  className={cn(
                    segment.differs && "rounded-sm bg-amber-100",
                    segment.number && "font-bold underline decoration-2 underline-offset-2",
                    segment.aside && "text-muted",
                  )}
                >
                  {segment.text}
                </span>
              ))}
            </blockquote>
            {index === 0 && members.length > 1 ? <p className="mt-1 text-xs text-muted">Other claims are compared with this one; words it lacks are marked.</p> : null}
            {member.segments.some((segment) => segment.aside) ? <p className="mt-1 text-xs text-muted">The words in grey state another fact.</p> : null}
            {member.attribution ? <p className="mt-1 text-xs text-muted">Attribution: {member.attribution}</p> : null}
            {member.conflicts.length > 0 ? <p className="mt-1 text-xs font-medium text-red-800">⚠ {[...new Set(member.conflicts)].join(", ")}</p> : null}
            <p className="mt-1 truncate text-xs">
              <Link className="text-muted hover:text-ink hover:underline" href={member.kind === "claim" ? `/stories/${storyId}/claims/${member.id}` : `/stories/${storyId}/reports/${member.reportId}`}>
                {member.headline}
              </Link>
              {member.pinned ? <span className="ml-1 text-muted" title="Placed by an editor; re-analysis leaves it here">· placed by editor</span> : null}
            </p>
            {member.alsoIn.length > 0 ? <AlsoIn storyId={storyId} facts={member.alsoIn} /> : null}
            {canEdit ? (
              <div className="mt-2 flex flex-wrap items-center gap-2 border-t border-line pt-2 text-sm">
                <label className="flex items-center gap-1.5">
                  <input
                    type="checkbox"
                    checked={chosen.has(member.id)}
                    onChange={(event) =>
                      setChosen((current) => {
                        const next = new Set(current);
                        if (event.target.checked) next.add(member.id);
                        else next.delete(member.id);
                        return next;
                      })
                    }
                  />
                  Tick to split off
                </label>
                <span className="flex items-center gap-1">
                  <label className="sr-only" htmlFor={`move-${member.id}`}>
                    Move this claim to
                  </label>
                  <select
                    id={`move-${member.id}`}
                    value={moveTargets[member.id] ?? ""}
                    onChange={(event) => setMoveTargets((current) => ({ ...current, [member.id]: event.target.value }))}
                    className="h-7 max-w-40 rounded-md border border-line bg-white px-1 text-xs"
                  >
                    <option value="">Move to…</option>
                    <option value={OUT_OF_FACTS}>Out of any fact</option>
                    {otherFacts.map((other) => (
                      <option key={other.id} value={other.id}>
                        {truncate(other.statement, 60)}
                      </option>
                    ))}
                  </select>
                  <Button size="sm" variant="ghost" className="h-7" disabled={!moveTargets[member.id] || pending} onClick={() => move(member)}>
                    Move
                  </Button>
                </span>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The further facts a claim states as well, as links. */
export function AlsoIn({ storyId, facts }: { storyId: string; facts: { id: string; statement: string }[] }) {
  return (
    <p className="mt-1 text-xs text-muted" data-testid="claim-also-in" title="This sentence states these facts as well; it counts among their sources">
      Also in:{" "}
      {facts.map((other, index) => (
        <span key={other.id}>
          {index > 0 ? " · " : null}
          <Link className="text-ink underline decoration-slate-400 underline-offset-2 hover:decoration-ink" href={`/stories/${storyId}/facts/${other.id}`}>
            {truncate(other.statement || "(no statement)", 80)}
          </Link>
        </span>
      ))}
    </p>
  );
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
