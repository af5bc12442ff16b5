import { conflictDetailView } from "./conflict-detail";

/**
 * One conflict's sides side by side: each value in bold with the outlets that carry it, "vs"
 * between them, one line per pair when the detail lists several. The heading is left out when it
 * only repeats the badge's label.
 */
export function ConflictSides({ label, detail }: { label: string; detail: string }) {
  const view = conflictDetailView(detail);
  const heading = view.heading && view.heading.toLowerCase() !== label.toLowerCase() ? view.heading : null;
  return (
    <>
      <p>
        <span className="font-semibold">{label}</span>
        {heading ? <span className="text-red-950">: {heading}</span> : null}
      </p>
      {view.groups.map((group, groupIndex) => (
        <p key={groupIndex} className="mt-1 flex flex-wrap items-baseline gap-x-1.5 gap-y-1">
          {group.map((side, sideIndex) => (
            // "vs" stays with the side it introduces, so a wrapped line never ends on it
            <span key={sideIndex} className="inline-flex max-w-full items-baseline gap-x-1.5">
              {sideIndex > 0 ? <span className="text-xs text-red-900">vs</span> : null}
              <span className="min-w-0 rounded border border-red-200 bg-white px-1.5 py-0.5">
                <span className="font-semibold text-ink">{side.value}</span>
                {side.outlets ? <span className="text-muted"> · {side.outlets}</span> : null}
              </span>
            </span>
          ))}
        </p>
      ))}
    </>
  );
}
