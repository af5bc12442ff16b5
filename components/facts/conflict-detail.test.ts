import { describe, expect, it } from "vitest";
import { conflictDetailView, type ConflictDetailView } from "./conflict-detail";

/** The detail as stored, written back from its view: nothing may be lost or reordered. */
function rejoin(view: ConflictDetailView): string {
  const body = view.groups.map((group) => group.map((side) => (side.outlets === null ? side.value : `${side.value} (${side.outlets})`)).join(" vs ")).join("; ");
  return view.heading === null ? body : `${view.heading}: ${body}`;
}

describe("a conflict's detail laid out as sides", () => {
  it("gives each number its outlets, an outlet named with parentheses included", () => {
    const detail = "Killed (soldiers): twelve (Sada Talvar (English service)) vs at least 17 (Talvar Civilian Monitor) vs 14 (Northgate News Agency)";
    const view = conflictDetailView(detail);
    expect(view.heading).toBe("Killed (soldiers)");
    expect(view.groups).toEqual([
      [
        { value: "twelve", outlets: "Sada Talvar (English service)" },
        { value: "at least 17", outlets: "Talvar Civilian Monitor" },
        { value: "14", outlets: "Northgate News Agency" },
      ],
    ]);
    expect(rejoin(view)).toBe(detail);
  });

  it("keeps a heading that says 'vs' whole and splits only what follows it", () => {
    const detail = "Completed vs ongoing: taken (Atlas World Service, The Continental Ledger) vs denied (Northgate News Agency)";
    const view = conflictDetailView(detail);
    expect(view.heading).toBe("Completed vs ongoing");
    expect(view.groups[0]!.map((side) => side.value)).toEqual(["taken", "denied"]);
    expect(rejoin(view)).toBe(detail);
  });

  it("never splits inside a quotation, and makes one group per pair of quotes", () => {
    const detail = 'Quoted wording differs: "we hold the bridge; the army vs the militia" (Meridian) vs "the bridge is open" (Atlas); "we hold it" (Meridian) vs "it fell" (Courier)';
    const view = conflictDetailView(detail);
    expect(view.groups).toHaveLength(2);
    expect(view.groups[0]![0]).toEqual({ value: '"we hold the bridge; the army vs the militia"', outlets: "Meridian" });
    expect(view.groups[1]!.map((side) => side.outlets)).toEqual(["Meridian", "Courier"]);
    expect(rejoin(view)).toBe(detail);
  });

  it("keeps a value's own parentheses in the value, the last group naming the outlets", () => {
    const view = conflictDetailView("Attributed to: Dravenian Armed Forces (DAF) (Northgate News Agency) vs Rebel sources (Atlas World Service)");
    expect(view.groups[0]![0]).toEqual({ value: "Dravenian Armed Forces (DAF)", outlets: "Northgate News Agency" });
  });

  it("shows text it cannot read as sides as it is, without a heading or outlets", () => {
    expect(conflictDetailView("two figures disagree")).toEqual({ heading: null, groups: [[{ value: "two figures disagree", outlets: null }]] });
    expect(conflictDetailView("Credited: (Atlas)").groups[0]![0]).toEqual({ value: "(Atlas)", outlets: null });
    expect(conflictDetailView("Killed: unbalanced (Atlas").groups[0]![0]).toEqual({ value: "unbalanced (Atlas", outlets: null });
    expect(conflictDetailView("")).toEqual({ heading: null, groups: [[{ value: "", outlets: null }]] });
  });
});
