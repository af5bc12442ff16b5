import { describe, expect, it } from "vitest";
import { diffReportText, diffStats } from "./text-diff";

describe("comparing two versions of a report", () => {
  it("marks a corrected number as one word removed and one added", () => {
    const parts = diffReportText("At least 21 soldiers were killed.", "At least 12 soldiers were killed.")!;
    expect(parts.filter((part) => part.kind === "removed").map((part) => part.text.trim())).toEqual(["21"]);
    expect(parts.filter((part) => part.kind === "added").map((part) => part.text.trim())).toEqual(["12"]);
    expect(diffStats(parts)).toEqual({ added: 1, removed: 1 });
  });

  it("reports no change for identical text", () => {
    expect(diffStats(diffReportText("Same text.", "Same text.")!)).toEqual({ added: 0, removed: 0 });
  });

  it("rebuilds both texts from the parts", () => {
    const before = "Rebels seized the bridge.\n\nThe army denied it.";
    const after = "Rebels advanced toward the bridge.\n\nThe army denied it on Tuesday.";
    const parts = diffReportText(before, after)!;
    expect(parts.filter((part) => part.kind !== "added").map((part) => part.text).join("")).toBe(before);
    expect(parts.filter((part) => part.kind !== "removed").map((part) => part.text).join("")).toBe(after);
  });
});
