import { describe, expect, it } from "vitest";
import { countryCounts, countryMentions, mainCountry, mainCountryOfCounts, placedCountries, placedElsewhere } from "./countries";

describe("countries named in a report", () => {
  it("finds names, official names and the people's name of a country", () => {
    const codes = (text: string) => countryMentions(text).map((m) => m.code);
    expect(codes("Landslides hit Peru and the Republic of Chile.")).toEqual(["PER", "CHL"]);
    expect(codes("Tajik and Kazakh teams flew in.")).toEqual(["TJK", "KAZ"]);
    // a country's name is written capitalised: "chad" or "turkey" in lower case are words
    expect(codes("They ate turkey with chad.")).toEqual([]);
    expect(codes("USGS and Peruvian seismologists disagreed.")).toEqual(["PER"]);
  });

  it("takes the country the reports name most as the story's", () => {
    expect(mainCountry(["A quake struck Peru on Monday.", "In Peru, 12 died; Chile felt it.", "Peru's president visited."])).toBe("PER");
    expect(mainCountry(["The river burst its banks overnight."])).toBeNull();
  });

  it("adds up each report's stored counts to the same main country as the texts themselves", () => {
    const texts = ["Chile's army flew in; Peru sent pumps.", "In Peru, 12 died.", "Chile and Peru signed a pact; Chilean crews stayed."];
    expect(countryCounts(texts[2]!)).toEqual([["CHL", 2], ["PER", 1]]);
    expect(mainCountryOfCounts(texts.map(countryCounts))).toBe(mainCountry(texts));
    // a tie goes to the country named first, across reports in their order
    expect(mainCountryOfCounts([countryCounts("Peru and Chile."), countryCounts("Chile, then Peru.")])).toBe("PER");
    expect(mainCountryOfCounts([countryCounts("Chile, then Peru."), countryCounts("Peru and Chile.")])).toBe("CHL");
    expect(mainCountryOfCounts([countryCounts("No country here."), []])).toBeNull();
  });

  it("reads where a statement is placed, not who speaks or who is named", () => {
    expect([...placedCountries("Two people died in Chile's Arica region, officials said.")]).toEqual(["CHL"]);
    expect([...placedCountries("Two people died and 27 were hurt in Arica province of Chile.")]).toEqual(["CHL"]);
    expect([...placedCountries("Four died in the Chilean town of Arica.")]).toEqual(["CHL"]);
    // a country as a speaker, a donor or a people is not where the statement happens
    expect([...placedCountries("Chile sent 40 rescuers and two dogs.")]).toEqual([]);
    expect([...placedCountries("Two Chilean citizens were among the dead.")]).toEqual([]);
    const text = "Nine people died, Chile's emergencies ministry said.";
    expect([...placedCountries(text, [text.indexOf("Chile"), text.length])]).toEqual([]);
  });

  it("calls a statement placed in another country than the story's elsewhere", () => {
    expect(placedElsewhere("Two people died in Chile's Arica region.", "PER")).toBe(true);
    expect(placedElsewhere("Twelve people died in Peru's Tacna region.", "PER")).toBe(false);
    // a statement that places itself in the story's country as well is the story's own
    expect(placedElsewhere("The quake killed 12 in Peru and two in Chile.", "PER")).toBe(false);
    expect(placedElsewhere("Two people died in Chile's Arica region.", null)).toBe(false);
  });
});
