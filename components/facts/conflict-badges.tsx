import type { ConflictKind } from "@/lib/generated/prisma/enums";
import { Badge } from "@/components/ui/badge";
import { CONFLICT_META } from "./conflict-meta";

/** One badge per kind of conflict in a fact; the text says the kind, the title what it means. */
export function ConflictBadges({ kinds }: { kinds: ConflictKind[] }) {
  if (kinds.length === 0) return null;
  return (
    <span className="inline-flex flex-wrap gap-1">
      {kinds.map((kind) => (
        <span key={kind} title={CONFLICT_META[kind].meaning} data-conflict={kind}>
          <Badge tone="danger">⚠ {CONFLICT_META[kind].label}</Badge>
        </span>
      ))}
    </span>
  );
}

/** "4 outlets" — independent sources carrying the fact; one outlet is worth a warning colour. */
export function OutletCount({ count, sources }: { count: number; sources: string[] }) {
  return (
    <span title={sources.join(", ")} data-outlets={count}>
      <Badge tone={count >= 3 ? "ok" : count === 2 ? "accent" : "warn"}>
        {count} {count === 1 ? "outlet" : "outlets"}
      </Badge>
    </span>
  );
}
