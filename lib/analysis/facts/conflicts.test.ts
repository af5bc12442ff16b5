import { describe, expect, it } from "vitest";
import { findConflicts } from "./conflicts";
import { extractClaimFeatures } from "./features";
import type { ConflictKind, FeaturedClaim } from "./types";

let next = 0;
/** A claim as its own one-sentence report from `source`. */
function claim(text: string, source: string): FeaturedClaim {
  const reportId = `r${++next}`;
  const input = { id: `c${++next}`, reportId, start: 0, end: text.length, text };
  return { ...input, source, features: extractClaimFeatures(input, { id: reportId, source, text, publishedAt: "2026-11-17T12:00:00Z" }) };
}

const kinds = (...texts: [string, string][]) => findConflicts(texts.map(([text, source]) => claim(text, source))).map((c) => c.kind);
const ofKind = (kind: ConflictKind, ...texts: [string, string][]) => findConflicts(texts.map(([text, source]) => claim(text, source))).filter((c) => c.kind === kind);

describe("meaning reversed", () => {
  it("flags a denial that another report turns into its opposite, naming both clauses", () => {
    const [conflict] = ofKind(
      "MEANING",
      ["The harbour authority said a faulty valve was the likely cause and that it had ruled out arson.", "Lindmark Wire"],
      ["The harbour authority informs that the probable reason is the valve faulty, the version of arson investigators not excluded.", "Ostra Online"],
    );
    expect(conflict?.detail).toContain('"that it had ruled out arson" (Lindmark Wire)');
    expect(conflict?.detail).toContain("not excluded");
  });

  it("flags advice given with and without its negation", () => {
    const found = ofKind(
      "MEANING",
      ["Families from the coastal villages should not return to their homes until the storm has passed, the mayor said.", "Lindmark Wire"],
      ["The mayor called the families of coastal villages to return to their homes, not waiting for the storm to pass.", "Ostra Online"],
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.detail).toContain("should not return to their homes");
  });

  it("flags a danger denied in one report and asserted in another", () => {
    expect(
      kinds(
        ["Engineers inspected the sea wall and found no cracks, adding that there was no threat to the harbour district.", "Lindmark Wire"],
        ["The threat to the harbour district from the sea wall is established, informed in the department.", "Ostra Online"],
      ),
    ).toContain("MEANING");
  });

  it("does not flag two reports that both negate, or paraphrase an absence", () => {
    expect(kinds(["The ferry terminal will not reopen before Friday, the port director said.", "Lindmark Wire"], ["The port director said the ferry terminal would not reopen until Friday.", "Ostra Online"])).not.toContain("MEANING");
    expect(kinds(["Power was out across the old town.", "Lindmark Wire"], ["There is no electricity in the old town.", "Ostra Online"])).not.toContain("MEANING");
    expect(kinds(["Thousands of homes lost power in the storm.", "Lindmark Wire"], ["Without power remained thousands of homes after the storm.", "Ostra Online"])).not.toContain("MEANING");
    expect(kinds(["Families were told not to go back into the flooded houses.", "Lindmark Wire"], ["Families said they were afraid to go back into the flooded houses.", "Ostra Online"])).not.toContain("MEANING");
  });

  it("does not read a condition, a bound or 'not only' as a reversal", () => {
    expect(kinds(["Had we not closed the harbour, the fishing boats would have sunk, the director said.", "Lindmark Wire"], ["The director said the harbour was closed to save the fishing boats.", "Ostra Online"])).not.toContain("MEANING");
    expect(kinds(["No more than 40 fishing boats were damaged in the harbour.", "Lindmark Wire"], ["About 40 fishing boats were damaged in the harbour.", "Ostra Online"])).not.toContain("MEANING");
    expect(kinds(["The storm not only flooded the fish market but also cut the coast road.", "Lindmark Wire"], ["The storm flooded the fish market.", "Ostra Online"])).not.toContain("MEANING");
  });

  it("leaves a factual 'not until' to the time it gives, and 'not yet' to a status conflict", () => {
    expect(kinds(["The ferry did not sail until Tuesday morning, the operator said.", "Lindmark Wire"], ["The ferry sailed on Tuesday morning, the operator said.", "Ostra Online"])).not.toContain("MEANING");
    expect(kinds(["The salvage tug has not yet reached the wreck, the coast guard said.", "Lindmark Wire"], ["The salvage tug reached the wreck at dawn, the coast guard said.", "Ostra Online"])).toEqual(["COMPLETION"]);
  });

  it("leaves two parties saying opposite things to an attribution, not a reversed report", () => {
    expect(kinds(["Fishermen said they had received no warning of the storm.", "Lindmark Wire"], ["The coast guard said fishermen had received a warning of the storm.", "Ostra Online"])).not.toContain("MEANING");
  });
});

describe("actor, number and attribution conflicts compare like with like", () => {
  it("finds the credited party after an opening phrase or a subordinator", () => {
    const [conflict] = ofKind(
      "ACTOR",
      ["Late on Sunday, a team of rescuers from Lindmark freed two fishermen trapped in the hull of the capsized trawler.", "Lindmark Wire"],
      ["In the only good news of the day, coast guard rescuers from the Ostra navy pulled two fishermen alive from the capsized trawler.", "Ostra Online"],
      ["There was relief at the quay when Lindmark rescuers freed two fishermen from the trawler.", "Harbour Post"],
    );
    expect(conflict?.detail).toContain("coast guard rescuers from the Ostra navy");
    expect(conflict?.detail).toContain("rescuers from Lindmark");
    expect(conflict?.claimIds).toHaveLength(3);
  });

  it("does not take the subject of a verb of saying for the one who did it", () => {
    expect(
      kinds(
        ["Divers from Lindmark freed two fishermen from the trawler, the ministry's press service reported.", "Lindmark Wire"],
        ["Lindmark divers freed two fishermen from the trawler on Sunday.", "Ostra Online"],
      ),
    ).not.toContain("ACTOR");
  });

  it("takes a speaker that reports its own deed for the one who did it", () => {
    const [conflict] = ofKind(
      "ACTOR",
      ["The coast guard said it had opened an inquiry into the ferry operator's safety record.", "Lindmark Wire"],
      ["The transport ministry said on Monday that it had launched an investigation into the ferry operator.", "Ostra Online"],
    );
    expect(conflict?.detail).toContain('"The coast guard"');
    expect(conflict?.detail).toContain('"The transport ministry"');
    // one speaker quoting what others did is no self-report
    expect(kinds(["The ministry said divers had freed two fishermen.", "Lindmark Wire"], ["The coast guard said divers freed two fishermen.", "Ostra Online"])).not.toContain("ACTOR");
  });

  it("tells a ministry from another state body named for what it does, but not from its own press service", () => {
    expect(
      kinds(
        ["A two-storey school partly collapsed in Tarvel, the emergencies ministry said.", "Lindmark Wire"],
        ["The school in Tarvel partly collapsed, according to the regional education department.", "Ostra Online"],
      ),
    ).toContain("ATTRIBUTION");
    expect(
      kinds(
        ["A two-storey school partly collapsed in Tarvel, the emergencies ministry said.", "Lindmark Wire"],
        ["The school in Tarvel partly collapsed, the ministry's press service said.", "Ostra Online"],
      ),
    ).not.toContain("ATTRIBUTION");
  });

  it("compares percentages only when both name the same whole", () => {
    const [conflict] = ofKind("NUMBER", ["The lake stood at 91 percent of its capacity on Monday.", "Lindmark Wire"], ["The lake reached 94 per cent of capacity on Monday.", "Ostra Online"]);
    expect(conflict?.detail).toBe("Share of capacity: 91 (Lindmark Wire) vs 94 (Ostra Online)");
    expect(kinds(["Turnout in the harbour district was 64 percent.", "Lindmark Wire"], ["Turnout in the harbour district was 58 percent, up from 2019.", "Ostra Online"])).not.toContain("NUMBER");
  });

  it("compares lengths across units, and a change apart from a level", () => {
    expect(kinds(["The ferry sank about 25 miles off the cape.", "Lindmark Wire"], ["The ferry sank 40 km off the cape.", "Ostra Online"])).not.toContain("NUMBER");
    expect(kinds(["The ferry sank about 25 miles off the cape.", "Lindmark Wire"], ["The ferry sank 60 km off the cape.", "Ostra Online"])).toContain("NUMBER");
    expect(kinds(["The lake rose by more than two metres overnight.", "Lindmark Wire"], ["Water in the lake stood four metres deep overnight.", "Ostra Online"])).not.toContain("NUMBER");
  });

  it("flags speakers that can be told apart, not a name and a description or unnamed officials", () => {
    expect(kinds(["Four fishermen drowned off the cape, residents said.", "Lindmark Wire"], ["Four fishermen drowned off the cape, the interior ministry said.", "Ostra Online"])).toContain("ATTRIBUTION");
    expect(kinds(["Four fishermen drowned off the cape, officials said.", "Lindmark Wire"], ["Four fishermen drowned off the cape, the interior ministry said.", "Ostra Online"])).not.toContain("ATTRIBUTION");
    expect(kinds(["Four fishermen drowned off the cape, according to local reports.", "Lindmark Wire"], ["Four fishermen drowned off the cape, the interior ministry said.", "Ostra Online"])).not.toContain("ATTRIBUTION");
    expect(kinds(["A broken mooring line caused the accident, OSK said.", "Lindmark Wire"], ["A broken mooring line caused the accident, the ferry operator said.", "Ostra Online"])).not.toContain("ATTRIBUTION");
  });
});

describe("disaster prose is not read as a change of control", () => {
  const completion = (text: string) => claim(text, "Lindmark Wire").features.completion;

  it("reads a floor or roof that fell in as damage, not a town that fell", () => {
    expect(completion("In Dorvask, the top storey of the old library fell in.")).toBeNull();
    expect(claim("In Dorvask, the top storey of the old library fell in.", "Lindmark Wire").features.eventClass).toBe("DAMAGE");
    expect(completion("The town of Dorvask fell to the rebels on Sunday.")).toBe("completed");
  });

  it("reads 'inside' as entering only when a town or a position is what one is inside", () => {
    expect(completion("A cinema in Dorvask partly collapsed but nobody was inside at the time.")).toBeNull();
    expect(completion("Residents were told not to enter damaged buildings in Dorvask.")).toBeNull();
    expect(completion("Government troops are now inside Dorvask, a commander said.")).toBe("ongoing");
    expect(completion("Government troops entered the town of Dorvask at dawn.")).toBe("ongoing");
  });

  it("reads 'taken' and 'held' as control only with a place as their object or subject", () => {
    expect(completion("Fourteen injured workers in Dorvask were taken to hospital by ambulance.")).toBeNull();
    expect(completion("A memorial service was held in Dorvask on Sunday.")).toBeNull();
    expect(completion("Rebels took the bridge at Dorvask overnight.")).toBe("completed");
    expect(completion("The rebels held Dorvask for three days.")).toBe("completed");
  });

  it("flags no status conflict between a building that collapsed and one whose roof fell in", () => {
    expect(
      kinds(
        ["A two-storey cinema in Dorvask partly collapsed but nobody was inside, the ministry said.", "Lindmark Wire"],
        ["In Dorvask, the top storey of the cinema fell in.", "Ostra Online"],
      ),
    ).not.toContain("COMPLETION");
    // a town taken in one report and still being fought for in another is still a conflict
    expect(kinds(["The town of Dorvask fell to the rebels on Sunday.", "Lindmark Wire"], ["Rebels are advancing on Dorvask from the east.", "Ostra Online"])).toContain("COMPLETION");
  });

  it("does not take a pending phrase in a clause of time or in relayed hearsay for the event's status", () => {
    expect(
      kinds(
        ["The library's roof gave way, but because the storm hit before readers were due to arrive nobody was hurt.", "Lindmark Wire"],
        ["The roof of the library had collapsed, a caretaker said.", "Ostra Online"],
      ),
    ).not.toContain("COMPLETION");
    expect(
      kinds(
        ["Rumours spread online that a second flood wave was heading toward Dorvask.", "Lindmark Wire"],
        ["Patients were evacuated from the Dorvask clinic overnight.", "Ostra Online"],
      ),
    ).not.toContain("COMPLETION");
    expect(kinds(["The relief convoy is due to reach Dorvask this evening.", "Lindmark Wire"], ["The relief convoy reached Dorvask in the afternoon.", "Ostra Online"])).toContain("COMPLETION");
    // a march still on its way against its arrival
    expect(kinds(["Thousands of protesters are marching toward the parliament in Dorvask.", "Lindmark Wire"], ["Marchers reached the parliament in Dorvask around noon.", "Ostra Online"])).toContain("COMPLETION");
  });
});

describe("figures that measure different things are not a number conflict", () => {
  it("compares distances only from the same place", () => {
    expect(kinds(["The epicentre was about 30 km north of Dorvask.", "Lindmark Wire"], ["The epicentre lay some 75 km west of Halbrun.", "Ostra Online"])).not.toContain("NUMBER");
    expect(kinds(["The epicentre was about 30 km north of Dorvask.", "Lindmark Wire"], ["The epicentre was roughly 19 miles north of the town of Dorvask.", "Ostra Online"])).not.toContain("NUMBER");
    const [conflict] = ofKind("NUMBER", ["The epicentre was about 30 km north of Dorvask.", "Lindmark Wire"], ["The epicentre was 60 km north of Dorvask.", "Ostra Online"]);
    expect(conflict?.detail).toContain("Distance from Dorvask");
  });

  it("reads 'the depth of the hypocentre is' as a depth", () => {
    const [conflict] = ofKind("NUMBER", ["The quake struck at a depth of 8 km.", "Lindmark Wire"], ["The depth of the hypocentre is 15 km, the institute said.", "Ostra Online"]);
    expect(conflict?.detail).toBe("Depth: 8 (Lindmark Wire) vs 15 (Ostra Online)");
  });

  it("reads a dozen as a rough count", () => {
    expect(kinds(["Eleven people are still missing after the landslide.", "Lindmark Wire"], ["Rescuers are searching for a dozen people still missing.", "Ostra Online"])).not.toContain("NUMBER");
    expect(kinds(["Twenty people are still missing after the landslide.", "Lindmark Wire"], ["Rescuers are searching for a dozen people still missing.", "Ostra Online"])).toContain("NUMBER");
  });

  it("keeps a combined toll over several places apart from the toll of one of them", () => {
    expect(
      kinds(
        ["Three people died in Halbrun province, the provincial governor said.", "Lindmark Wire"],
        ["Officials said three people also died in Halbrun province, bringing the combined toll across both countries to 31.", "Ostra Online"],
      ),
    ).not.toContain("NUMBER");
  });
});

describe("speakers and commentators are not rival parties", () => {
  it("does not credit a speaker with the deed of the clause they report", () => {
    expect(
      kinds(["Several residents told reporters they had received no storm alert.", "Lindmark Wire"], ["The coast guard said it had warned the harbour six hours ahead.", "Ostra Online"]),
    ).not.toContain("ACTOR");
  });

  it("does not set an expert's assessment against the source that reported the event", () => {
    expect(
      kinds(
        ["A cinema in Dorvask partly collapsed, the ministry said.", "Lindmark Wire"],
        ["Experts say the first two days are decisive for finding survivors under collapsed buildings.", "Ostra Online"],
      ),
    ).not.toContain("ATTRIBUTION");
    // two reporting sources on different sides still disagree
    expect(kinds(["A cinema in Dorvask partly collapsed, the ministry said.", "Lindmark Wire"], ["A cinema in Dorvask partly collapsed, residents said.", "Ostra Online"])).toContain("ATTRIBUTION");
  });
});

describe("counts and states of people held", () => {
  it("counts the object of a verb done to people by that verb, and two such counts conflict", () => {
    const found = ofKind("NUMBER", ["Police arrested four suspected accomplices in raids on the old quarter, the ministry said.", "Lindmark Wire"], ["Police have arrested five suspected accomplices in the old quarter, state TV reports.", "Ostra Online"]);
    expect(found).toHaveLength(1);
    expect(found[0]!.detail).toMatch(/^Detained: four \(Lindmark Wire\) vs five \(Ostra Online\)/u);
  });

  it("compares foreign nationals with foreigners, however each outlet words them", () => {
    const found = ofKind("NUMBER", ["Seven foreign nationals were among the hostages, a security source said.", "Lindmark Wire"], ["Five foreigners were among those held.", "Ostra Online"]);
    expect(found.map((c) => c.detail)).toEqual(["Foreign nationals: Seven (Lindmark Wire) vs Five (Ostra Online)"]);
    expect(ofKind("NUMBER", ["Five foreign nationals were among the hostages.", "Lindmark Wire"], ["Among the hostages were five foreigners.", "Ostra Online"])).toEqual([]);
  });

  it("flags an assault being prepared against one done, and people still held against people freed", () => {
    expect(kinds(["Police sealed off the hotel, with special forces preparing to storm the building.", "Lindmark Wire"], ["Special forces have stormed the hotel, state TV says.", "Ostra Online"])).toContain("COMPLETION");
    const [held] = ofKind("COMPLETION", ["Two engineers from Dornland are still being held, some reports said.", "Lindmark Wire"], ["Dornland said its two citizens were freed and were in good health.", "Ostra Online"]);
    expect(held?.detail).toContain('"are still being held" (Lindmark Wire)');
  });
});

describe("parts of a whole", () => {
  it("compares the part of a partitive, not its whole, across words for one thing", () => {
    expect(ofKind("NUMBER", ["Five of the nine carriages came off the track on the bridge.", "Lindmark Wire"], ["Six of the train's nine cars jumped the tracks on a bridge.", "Ostra Online"]).map((c) => c.detail)).toEqual(["Carriages: Five (Lindmark Wire) vs Six (Ostra Online)"]);
    expect(ofKind("NUMBER", ["Five of the nine carriages came off the track.", "Lindmark Wire"], ["Five carriages overturned.", "Ostra Online"])).toEqual([]);
  });
});

describe("a place's size", () => {
  it("compares the sizes of one place and never those of two places", () => {
    const one = ofKind("NUMBER", ["In Tarvel, a town of about 12,000 people, two houses collapsed.", "Lindmark Wire"], ["Tarvel, a town of some 40,000, lost its market hall.", "Ostra Online"]);
    expect(one.map((c) => c.detail)).toEqual(["Population of Tarvel: about 12,000 (Lindmark Wire) vs some 40,000 (Ostra Online)"]);
    expect(ofKind("NUMBER", ["In Tarvel, a town of about 12,000 people, two houses collapsed.", "Lindmark Wire"], ["In Osk, a village of several thousand people, the school fell in.", "Ostra Online"])).toEqual([]);
  });
});
