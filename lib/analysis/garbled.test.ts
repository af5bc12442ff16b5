import { describe, expect, it } from "vitest";
import { findGarbledPassages, garbledReasons } from "./garbled";

describe("garbled passages", () => {
  it("flags machine-translated clauses an editor must check against the original", () => {
    const text = [
      "The flood reached the town on Monday, officials said.",
      "As result of the flood 9 persons were lost their lives.",
      "The agency informs that the cause is the rain, the version of sabotage investigators not excluded.",
      "In the valley has happened landslide near the bridge.",
    ].join(" ");
    const passages = findGarbledPassages(text);
    expect(passages).toHaveLength(3);
    expect(text.slice(passages[0]!.start, passages[0]!.end)).toContain("were lost their lives");
    expect(passages[1]!.reasons).toContain("negation without an auxiliary");
  });

  it("flags a passive of a verb that takes no object", () => {
    const text = "The toll is reaching twelve soldiers, and from the civilians were fallen four persons near the mill.";
    const passages = findGarbledPassages(text);
    expect(passages[0]!.reasons).toEqual(["passive of a verb that takes no object"]);
    expect(text.slice(passages[0]!.start, passages[0]!.end)).toContain("were fallen four persons");
    // the active forms, and an adjective after "were", are ordinary English
    expect(findGarbledPassages("Four civilians died near the mill. Two shells had fallen on the market. The villagers were afraid.")).toEqual([]);
  });

  it("leaves ordinary wire English alone", () => {
    const text = "Police said they had not ruled out arson. Rescuers have not reached the village. Two people were killed and 14 hurt, the ministry said. Officials urged residents to stay indoors.";
    expect(findGarbledPassages(text)).toEqual([]);
  });

  it("says why a claim's span is flagged", () => {
    const passages = [{ start: 10, end: 40, reasons: ["broken agreement"] }];
    expect(garbledReasons(passages, { start: 20, end: 30 })).toEqual(["broken agreement"]);
    expect(garbledReasons(passages, { start: 40, end: 50 })).toEqual([]);
  });
});
