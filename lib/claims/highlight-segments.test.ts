import { describe, expect, it } from "vitest";
import { highlightSegments } from "./highlight-segments";

const TEXT = "Rebels seized the bridge at dawn, two army sources said.\n\nThe army denied it.";

describe("highlight segments for the reader", () => {
  it("keeps the text whole and in order", () => {
    const paragraphs = highlightSegments(TEXT, [{ id: "a", start: 0, end: 24, status: "UNVERIFIED" }]);
    expect(paragraphs.map((paragraph) => paragraph.segments.map((segment) => segment.text).join(""))).toEqual([
      "Rebels seized the bridge at dawn, two army sources said.",
      "The army denied it.",
    ]);
    expect(paragraphs[1]!.start).toBe(TEXT.indexOf("The army"));
  });

  it("marks the covered span with its claim", () => {
    const [first] = highlightSegments(TEXT, [{ id: "a", start: 0, end: 24, status: "UNVERIFIED" }]);
    expect(first!.segments[0]).toEqual({ start: 0, text: "Rebels seized the bridge", claimIds: ["a"], startsClaimIds: ["a"] });
    expect(first!.segments[1]!.claimIds).toEqual([]);
  });

  it("splits overlapping claims into segments covered by one or both", () => {
    const claims = [
      { id: "outer", start: 0, end: 32, status: "VERIFIED" },
      { id: "inner", start: 7, end: 24, status: "DISPUTED" },
    ];
    const [first] = highlightSegments(TEXT, claims);
    expect(first!.segments.slice(0, 3).map((segment) => [segment.text, segment.claimIds])).toEqual([
      ["Rebels ", ["outer"]],
      ["seized the bridge", ["outer", "inner"]],
      [" at dawn", ["outer"]],
    ]);
  });

  it("carries a claim across a paragraph break and clips spans outside the text", () => {
    const start = TEXT.indexOf("two army");
    const paragraphs = highlightSegments(TEXT, [{ id: "long", start, end: TEXT.length + 50, status: "FALSE" }]);
    expect(paragraphs[0]!.segments.at(-1)!.claimIds).toEqual(["long"]);
    expect(paragraphs[1]!.segments.every((segment) => segment.claimIds.includes("long"))).toBe(true);
  });

  it("moves a span that starts or ends on a paragraph break onto the text", () => {
    const breakAt = TEXT.indexOf("\n\n");
    const paragraphs = highlightSegments(TEXT, [{ id: "edge", start: breakAt + 1, end: TEXT.length, status: "UNVERIFIED" }]);
    expect(paragraphs[1]!.segments[0]).toMatchObject({ start: breakAt + 2, startsClaimIds: ["edge"], claimIds: ["edge"] });
    expect(paragraphs[0]!.segments.every((segment) => segment.claimIds.length === 0)).toBe(true);
  });

  it("handles 100 claims on a 3,000-word report", () => {
    const sentence = "Fighters crossed the river near Tel Hamra before dawn, residents said. ";
    const text = Array.from({ length: 40 }, () => sentence.repeat(7).trim()).join("\n\n");
    const claims = Array.from({ length: 100 }, (_, index) => ({ id: `c${index}`, start: index * 150, end: index * 150 + 60, status: "UNVERIFIED" }));
    const paragraphs = highlightSegments(text, claims);
    expect(paragraphs.flatMap((paragraph) => paragraph.segments).filter((segment) => segment.startsClaimIds.length > 0)).toHaveLength(100);
  });
});
