import { describe, expect, it } from "vitest";
import { statedPart } from "./stated-part";

const QUOTE = "A strong earthquake shook the Tarvel valley on Friday, killing nine people in Ostrin.";
const TOLL_AT = QUOTE.indexOf("killing");
// two facets; the first read twice (the quake, and its day)
const SPANS: [number, number][] = [
  [0, TOLL_AT - 2],
  [0, TOLL_AT - 2],
  [TOLL_AT, QUOTE.length],
];

describe("the part of a sentence that states a fact", () => {
  it("is the span of the entries the member stands in the fact with", () => {
    expect(statedPart(QUOTE, [2], SPANS)).toEqual({ start: TOLL_AT, end: QUOTE.length });
    expect(statedPart(QUOTE, [0, 1], SPANS)).toEqual({ start: 0, end: TOLL_AT - 2 });
  });

  it("is the whole sentence (null) with one entry, all entries, none stored, or an editor's placement", () => {
    expect(statedPart(QUOTE, [0], null)).toBeNull();
    expect(statedPart(QUOTE, [0, 2], SPANS)).toBeNull();
    expect(statedPart(QUOTE, [], SPANS)).toBeNull();
  });

  it("is the whole sentence when the stored spans no longer fit the quote", () => {
    expect(statedPart("A shorter sentence now.", [2], SPANS)).toBeNull();
    expect(statedPart(QUOTE, [7], SPANS)).toBeNull();
  });
});
