import { describe, expect, it } from "vitest";
import { quoteSegments, setAside } from "./quote-diff";

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

describe("the part of a sentence that states the fact", () => {
  const quote = "A strong earthquake shook the Tarvel valley on Friday, killing nine people in Ostrin.";
  const toll = { start: quote.indexOf("killing"), end: quote.length };

  it("sets the rest of the sentence aside, splitting segments at its bounds and keeping the text whole", () => {
    const segments = setAside(quoteSegments(null, quote), toll);
    expect(segments.map((segment) => segment.text).join("")).toBe(quote);
    expect(segments.filter((segment) => !segment.aside).map((segment) => segment.text).join("")).toBe("killing nine people in Ostrin.");
    // the figure stays marked as a number inside the stated part
    expect(segments.find((segment) => segment.text === "nine")).toMatchObject({ number: true, aside: false });
  });

  it("leaves the segments as they are when the whole sentence states the fact", () => {
    const segments = quoteSegments(null, quote);
    expect(setAside(segments, null)).toEqual(segments);
  });
});
