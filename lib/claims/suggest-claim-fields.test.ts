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
    expect(tags).toContainEqual({ kind: "ORGANIZATION", value: "Eastern Liberation Command" });
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

  it("types names by their head word and the words around them, not by default as actors", () => {
    const tags = candidateTags(
      "Colonel Idris Valcour told Harbour Radio that the Ruritanian column had left Tel Hamra for Kafr Susa, where the Ostrava Relief Council counted 40 families; Velmont reported the same.",
      ["Velmont"],
    );
    expect(tags).toContainEqual({ kind: "ACTOR", value: "Idris Valcour" });
    expect(tags).toContainEqual({ kind: "OUTLET", value: "Harbour Radio" });
    expect(tags).toContainEqual({ kind: "PLACE", value: "Tel Hamra" });
    expect(tags).toContainEqual({ kind: "PLACE", value: "Kafr Susa" });
  });

  it("reads a name after a place noun and 'of', or an article and one name, as a place", () => {
    const tags = candidateTags("Shells struck the covered market of Al-Qassr and the outskirts of Brava Nova, while Harun Osrek said el Kasr was quiet.");
    expect(tags).toContainEqual({ kind: "PLACE", value: "Al-Qassr" });
    expect(tags).toContainEqual({ kind: "PLACE", value: "Brava Nova" });
    expect(tags).toContainEqual({ kind: "PLACE", value: "el Kasr" });
    expect(tags).toContainEqual({ kind: "ACTOR", value: "Harun Osrek" });
  });

  it("keeps demonyms and outlet-plus-weekday fragments out of the tags", () => {
    const tags = candidateTags("Two Ruritanian soldiers and several Dravenians crossed at Ostrel, residents told Northgate Tuesday.");
    const values = tags.map((tag) => tag.value);
    expect(values).not.toContain("Ruritanian");
    expect(values).not.toContain("Dravenians");
    expect(values).not.toContain("Northgate Tuesday");
    expect(tags).toContainEqual({ kind: "OUTLET", value: "Northgate" });
    expect(tags).toContainEqual({ kind: "PLACE", value: "Ostrel" });
  });

  it("types an armed group or body by its head word and an acronym as an organisation", () => {
    const tags = candidateTags("Fighters of the Valdran Mountain Brigade and the ELC shelled the Sarhan River crossing near Brava.");
    expect(tags).toContainEqual({ kind: "ORGANIZATION", value: "Valdran Mountain Brigade" });
    expect(tags).toContainEqual({ kind: "ORGANIZATION", value: "ELC" });
    expect(tags).toContainEqual({ kind: "PLACE", value: "Brava" });
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
