import Link from "next/link";
import { ConflictBadges, OutletCount } from "@/components/facts/conflict-badges";
import { CONFLICT_META } from "@/components/facts/conflict-meta";

import { quoteSegments } from "@/components/facts/quote-diff";
import { Badge } from "@/components/ui/badge";
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
    segments: quoteSegments(index === 0 ? null : base, member.quote),
    conflicts: conflictsOf.get(member.id) ?? [],
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
        canEdit={can(actor.role, "fact.edit")}
      />

      {fact.conflicts.length > 0 ? (
        <section aria-labelledby="conflicts-heading" className="rounded-lg border border-red-200 bg-red-50/60 p-3">
          <h3 id="conflicts-heading" className="text-sm font-semibold text-red-900">
            Where the outlets disagree
          </h3>
          <ul className="mt-1 space-y-1 text-sm">
            {fact.conflicts.map((item, index) => (
              <li key={index} data-conflict-kind={item.kind}>
                <span className="font-medium">{CONFLICT_META[item.kind].label}:</span> {item.detail}
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
    </div>
  );
}
