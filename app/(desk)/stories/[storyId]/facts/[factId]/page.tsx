import Link from "next/link";
import { ConflictBadges, OutletCount } from "@/components/facts/conflict-badges";
import { CONFLICT_META } from "@/components/facts/conflict-meta";
import { ConflictSides } from "@/components/facts/conflict-sides";
import { quoteSegments, setAside } from "@/components/facts/quote-diff";
import { ClaimStatusBadge } from "@/components/claims/status-badge";
import { Badge } from "@/components/ui/badge";
import { Timestamp } from "@/components/ui/relative-time";
import { requireActorForPage } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { getFact } from "@/lib/facts/get-fact";
import { orNotFound } from "@/lib/http/page-data";
import { FactStatusControl } from "./fact-status-control";
import { FactWorkbench, type WorkbenchMember } from "./fact-workbench";

export default async function FactPage({ params }: { params: Promise<{ storyId: string; factId: string }> }) {
  const actor = await requireActorForPage();
  const { storyId, factId } = await params;
  const fact = await orNotFound(() => getFact(actor, storyId, factId));
  const base = fact.members[0]?.quote ?? null;
  const conflictsOf = new Map<string, string[]>();
  for (const item of fact.conflicts) for (const id of item.claimIds) conflictsOf.set(id, [...(conflictsOf.get(id) ?? []), CONFLICT_META[item.kind].label]);
  const members: WorkbenchMember[] = fact.members.map((member, index) => ({
    id: member.id,
    kind: member.kind,
    status: member.status,
    source: member.source,
    reportId: member.reportId,
    headline: member.headline,
    publishedAt: member.publishedAt?.toISOString() ?? null,
    attribution: member.attribution,
    pinned: member.pinned,
    segments: setAside(quoteSegments(index === 0 ? null : base, member.quote), member.stated),
    conflicts: conflictsOf.get(member.id) ?? [],
    alsoIn: member.alsoIn,
  }));
  const kinds = [...new Set(fact.conflicts.map((item) => item.kind))];

  return (
    <div className="space-y-5">
      <nav aria-label="Back" className="text-sm">
        <Link href={`/stories/${storyId}/facts`} className="text-muted hover:text-ink hover:underline">
          ← All facts
        </Link>
      </nav>
      <header className="space-y-2">
        {fact.about ? <p className="text-xs font-medium uppercase tracking-wide text-muted">{fact.about}</p> : null}
        <h2 className="font-serif text-xl leading-snug">{fact.statement || "(no statement)"}</h2>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <OutletCount count={fact.sourceCount} sources={fact.sources} />
          <span className="text-muted">{fact.sources.join(" · ")}</span>
          <ConflictBadges kinds={kinds} />
          {fact.state === "CONFIRMED" ? <Badge tone="ok">✓ Confirmed{fact.confirmedBy ? ` by ${fact.confirmedBy}` : ""}</Badge> : <Badge>Suggested by the desk</Badge>}
        </div>
      </header>

      <FactStatusControl
        storyId={storyId}
        factId={fact.id}
        version={fact.version}
        status={fact.status.status}
        editorStatus={fact.status.editorStatus}
        breakdown={fact.status.breakdown}
        untaggedCount={members.filter((member) => member.kind === "suggestion").length}
        canEdit={can(actor.role, "fact.edit")}
      />

      {fact.conflicts.length > 0 ? (
        <section aria-labelledby="conflicts-heading" className="rounded-lg border border-red-200 bg-red-50/60 p-3">
          <h3 id="conflicts-heading" className="text-sm font-semibold text-red-900">
            Where the outlets disagree
          </h3>
          <ul className="mt-2 space-y-2.5 text-sm">
            {fact.conflicts.map((item, index) => (
              <li key={index} data-conflict-kind={item.kind}>
                <ConflictSides label={CONFLICT_META[item.kind].label} detail={item.detail} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <FactWorkbench
        storyId={storyId}
        fact={{ id: fact.id, version: fact.version, state: fact.state }}
        members={members}
        otherFacts={fact.otherFacts}
        canEdit={can(actor.role, "fact.edit")}
      />

      {fact.furtherMembers.length > 0 ? (
        <section aria-labelledby="further-heading" className="space-y-2" data-testid="fact-further-members">
          <h3 id="further-heading" className="text-sm font-semibold">
            {fact.furtherMembers.length === 1
              ? "Also stated in 1 sentence filed under another fact"
              : `Also stated in ${fact.furtherMembers.length} sentences filed under other facts`}
          </h3>
          <p className="text-xs text-muted">
            {fact.furtherMembers.length === 1 ? "This sentence states this fact along with another one; its outlet counts" : "These sentences state this fact along with another one; their outlets count"}{" "}
            among this fact&apos;s sources.
          </p>
          <ul className="grid grid-cols-[repeat(auto-fill,minmax(17rem,1fr))] gap-3">
            {fact.furtherMembers.map((member) => (
              <li key={member.id} data-further-member={member.id} className="flex flex-col rounded-lg border border-dashed border-line bg-white p-3">
                <div className="flex items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="font-semibold text-ink">{member.source}</p>
                    <p className="text-xs text-muted">{member.publishedAt ? <Timestamp value={member.publishedAt.toISOString()} /> : "time not given"}</p>
                  </div>
                  <span className="shrink-0" title={member.status ? undefined : "A sentence the desk suggests as a claim; nobody has tagged or checked it yet"}>
                    {member.status ? <ClaimStatusBadge status={member.status} /> : <Badge>Suggested claim</Badge>}
                  </span>
                </div>
                <blockquote className="mt-2 flex-1 font-serif text-[15px] leading-relaxed">
                  {setAside([{ text: member.quote, differs: false, number: false }], member.stated).map((segment, segmentIndex) => (
                    <span key={segmentIndex} className={segment.aside ? "text-muted" : undefined}>
                      {segment.text}
                    </span>
                  ))}
                </blockquote>
                {member.stated ? <p className="mt-1 text-xs text-muted">The words in grey state its other fact.</p> : null}
                <p className="mt-1 truncate text-xs">
                  <Link className="text-muted hover:text-ink hover:underline" href={member.kind === "claim" ? `/stories/${storyId}/claims/${member.id}` : `/stories/${storyId}/reports/${member.reportId}`}>
                    {member.headline}
                  </Link>
                </p>
                <p className="mt-1 text-xs text-muted">
                  Filed under:{" "}
                  <Link className="text-ink underline decoration-slate-400 underline-offset-2 hover:decoration-ink" href={`/stories/${storyId}/facts/${member.primaryFact.id}`}>
                    {member.primaryFact.statement || "(no statement)"}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
