import { describe, expect, it } from "vitest";
import { quoteSegments } from "./quote-diff";

describe("quote segments beside the fact's first claim", () => {
  it("marks the words the first claim does not have and keeps the whole quote in order", () => {
    const base = "Rebels seized the Tel Hamra crossing on Thursday.";
    const quote = "Rebels captured the Tel Hamra crossing on Thursday.";
    const segments = quoteSegments(base, quote);
    expect(segments.map((segment) => segment.text).join("")).toBe(quote);
    expect(segments.filter((segment) => segment.differs).map((segment) => segment.text.trim())).toEqual(["captured"]);
  });

  it("marks numbers, digits or words, even where both quotes have them", () => {
    const segments = quoteSegments("At least 12 soldiers died.", "Twelve soldiers died, and 3,000 fled.");
    expect(segments.filter((segment) => segment.number).map((segment) => segment.text)).toEqual(["Twelve", "3,000"]);
  });

  it("shows the first claim itself without differences, and ignores case", () => {
    expect(quoteSegments(null, "Rebels advanced.").some((segment) => segment.differs)).toBe(false);
    expect(quoteSegments("REBELS advanced.", "rebels advanced.").some((segment) => segment.differs)).toBe(false);
  });
});
