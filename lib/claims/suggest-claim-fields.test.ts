import { describe, expect, it } from "vitest";
import { attributionOf, candidateTags, sentenceAround, suggestClaimFields } from "./suggest-claim-fields";

const TEXT =
  "VARESH, Dec 3 (Northgate) — Fighters of the Eastern Liberation Command seized the Tel Hamra crossing early on Thursday and were advancing toward Deir al-Marun, two army sources said. The ministry did not comment.";

describe("prefilling the tag-claim form", () => {
  it("finds the sentence around a selection", () => {
    const start = TEXT.indexOf("seized");
    expect(sentenceAround(TEXT, start, start + 6).text).toMatch(/^VARESH.*two army sources said\.$/);
  });

  it("takes the attribution from the end of the sentence", () => {
    expect(attributionOf("Rebels seized the bridge, two army sources said.")).toBe("two army sources said");
    expect(attributionOf("At least 15 people were killed, according to a spokesman for the ELC.")).toBe("according to a spokesman for the ELC");
    expect(attributionOf("Residents told Northgate that the shelling stopped.")).toBe("Residents told");
    expect(attributionOf("The bridge was closed.")).toBeNull();
  });

  it("proposes places after place words and actors otherwise, keeping transliterated names whole", () => {
    const tags = candidateTags("Fighters of the Eastern Liberation Command were advancing toward Deir al-Marun near Halvek.");
    expect(tags).toContainEqual({ kind: "PLACE", value: "Deir al-Marun" });
    expect(tags).toContainEqual({ kind: "PLACE", value: "Halvek" });
    expect(tags).toContainEqual({ kind: "ACTOR", value: "Eastern Liberation Command" });
  });

  it("leaves out datelines, months, outlet credits and possessives", () => {
    const tags = candidateTags("HALVEK, Dravenia, Dec 3 (Meridian) - Rebel fighters took control of the town of Deir el-Marun in Dravenia's eastern Talvar province after crossing the Sarhan River.");
    const values = tags.map((tag) => tag.value);
    expect(values).not.toContain("Dec");
    expect(values).not.toContain("Meridian");
    expect(values).not.toContain("Rebel");
    expect(values).toContain("Dravenia");
    expect(tags).toContainEqual({ kind: "PLACE", value: "Deir el-Marun" });
    expect(tags).toContainEqual({ kind: "PLACE", value: "Sarhan River" });
  });

  it("does not read a leading adjective as an attribution", () => {
    expect(attributionOf("DISPLACEMENT: An estimated 4,200 people have left Deir al-Marun since early morning.")).toBeNull();
  });

  it("uses the selected words as the first draft of the statement", () => {
    const start = TEXT.indexOf("Fighters");
    const end = TEXT.indexOf(", two army");
    const suggestion = suggestClaimFields(TEXT, start, end);
    expect(suggestion.statement).toBe(TEXT.slice(start, end));
    expect(suggestion.attribution).toBe("two army sources said");
  });
});
