import { describe, expect, it } from "vitest";
import {
  assignClaims,
  extractClaimFeatures,
  findNumbers,
  groupClaims,
  independentSources,
  nameKey,
  outletKey,
  resolveDates,
  summarizeFact,
  ANALYSIS_VERSION,
  type FeaturedClaim,
} from "./index";
import { statementReadings } from "./features";

let next = 0;
/** A claim as its own one-sentence report from `source`. */
function claim(text: string, source = "Northgate News Agency", reportId = `r${++next}`, publishedAt = "2026-12-09T12:00:00Z"): FeaturedClaim {
  const input = { id: `c${++next}`, reportId, start: 0, end: text.length, text };
  return { ...input, source, features: extractClaimFeatures(input, { id: reportId, source, text, publishedAt }) };
}

describe("normalisation", () => {
  it("meets transliterations of one place: articles, doubled letters, hyphens, vowels", () => {
    const keys = ["Deir ez-Zor", "Deir el-Zor", "Dayr az Zawr", "DEIR EZZOR"].map(nameKey);
    expect(new Set(keys).size).toBe(1);
    expect(nameKey("Deir al-Marun")).toBe(nameKey("Deir el-Maroun"));
    expect(nameKey("Deir al-Marrun")).toBe(nameKey("Dair Marun"));
    expect(nameKey("Qasr al-Habib")).toBe(nameKey("Kasr el-Habib"));
    expect(nameKey("Halvek")).not.toBe(nameKey("Varesh"));
  });

  it("keys outlets so a short and a full name are one source", () => {
    expect(outletKey("Northgate News Agency")).toBe(outletKey("NORTHGATE"));
    expect(outletKey("The Sarhan Valley Courier")).not.toBe(outletKey("Sarhan Valley Front"));
  });

  it("reads number words, digits, approximations, bounds and ranges", () => {
    const read = (text: string) => findNumbers(text).map(({ value, low, high, bound }) => ({ value, low, high, bound }));
    expect(read("twelve soldiers")).toEqual([{ value: 12, low: 12, high: 12, bound: "exact" }]);
    expect(read("a dozen soldiers")[0]!.value).toBe(12);
    expect(read("two thousands and five hundreds person")[0]!.value).toBe(2500);
    expect(read("1,200 people")[0]!.value).toBe(1200);
    // a comma before one or two digits is a decimal comma, as many languages write it; a list
    // separated by a comma and a space is two numbers
    expect(read("magnitude 6,5, informs the institute").map((n) => n.value)).toEqual([6.5]);
    expect(read("from 6,1 to 6,4").map((n) => [n.low, n.high])).toEqual([[6.1, 6.4]]);
    expect(read("killed 12, wounded 30").map((n) => n.value)).toEqual([12, 30]);
    // thousands grouped by spaces, as a translation writes them, but never a date's day and a count
    expect(read("involved 1 237 people")[0]!.value).toBe(1237);
    expect(read("evacuated 18 500 inhabitants")[0]!.value).toBe(18_500);
    expect(read("on March 17 300 people").map((n) => n.value)).toEqual([17, 300]);
    expect(read("1.2 million people")[0]!.value).toBe(1_200_000);
    expect(read("at least 12 killed")[0]).toEqual({ value: 12, low: 12, high: null, bound: "atLeast" });
    expect(read("between 10 and 15 soldiers")[0]).toEqual({ value: 12.5, low: 10, high: 15, bound: "range" });
    expect(read("about 40 wounded")[0]!.bound).toBe("approx");
    expect(read("dozens of families")[0]!.bound).toBe("atLeast");
    expect(read("a village of several thousand people")[0]).toEqual({ value: 2000, low: 2000, high: 9999, bound: "atLeast" });
    expect(read("a few hundred protesters")[0]).toEqual({ value: 200, low: 200, high: 999, bound: "atLeast" });
  });

  it("resolves dates against the report's date", () => {
    // 9 December 2026 is a Wednesday
    expect(resolveDates("on Tuesday", "2026-12-09T12:00:00Z")).toEqual(["2026-12-08"]);
    expect(resolveDates("yesterday", "2026-12-09T12:00:00Z")).toEqual(["2026-12-08"]);
    expect(resolveDates("on Dec 3", "2026-12-09T12:00:00Z")).toEqual(["2026-12-03"]);
    expect(resolveDates("on 3 December 2025", null)).toEqual(["2025-12-03"]);
    expect(resolveDates("on Tuesday", null)).toEqual([]);
    // the day as an ordinal, as translations write it
    expect(resolveDates("since the third of December", "2026-12-09T12:00:00Z")).toEqual(["2026-12-03"]);
    expect(resolveDates("on the 3rd of December", "2026-12-09T12:00:00Z")).toEqual(["2026-12-03"]);
  });
});

describe("claim features", () => {
  it("reads what each figure measures and on which scale, and who said it", () => {
    const measures = (text: string) => claim(text).features.quantities.map((q) => `${q.text}:${q.measure}`);
    // a count word after another count, past a clause break, is that count's
    expect(measures("The number of people killed by the quake rose to 46, with 312 injured.")).toEqual(["46:killed", "312:wounded"]);
    expect(measures("12 soldiers and 5 civilians were killed.")).toEqual(["12:killed", "5:killed"]);
    // an aftershock's magnitude is another quantity than the quake's, intensity another scale
    expect(measures("A magnitude 5.1 aftershock shook the valley.")).toEqual(["5.1:magnitude:later"]);
    expect(measures("The quake had a magnitude of 6.2 and an intensity of 8.")).toEqual(["6.2:magnitude", "8:intensity"]);
    expect(measures("The institute measured it at magnitude 6.2, and revised its own estimate to 6.4 from 6.5.")).toEqual(["6.2:magnitude", "6.4:magnitude", "6.5:magnitude"]);
    expect(measures("About 18,000 people were forced to leave their homes.")).toEqual(["About 18,000:displaced"]);
    // the missing, however a translation words them
    expect(measures("The fate of 25 persons is unknown, their search continues.")).toEqual(["25:missing"]);
    expect(measures("Nine people have not been accounted for.")).toEqual(["Nine:missing"]);
    // a flow and a height are quantities of their own, not counts; a rise is a change of a height
    expect(measures("The ministry raised the release to 1,800 cubic metres per second.")).toEqual(["1,800:rate"]);
    expect(measures("The river rose by more than four metres in the night.")).toEqual(["more than four:length:change"]);
    // "said the quake had ..." is what was said, not who said it
    expect(claim("The Geological Survey (USGS) said the quake had a magnitude of 6.2.").features.attribution?.speaker).toBe("The Geological Survey");
    // a quoted person is keyed as the entities key them: by surname with its particles
    expect(claim("The party was banned, opposition leader Youssef Ben Tamri said.").features.attribution?.person).toBe(claim("Opposition leader Youssef Bentamri was freed late on Tuesday.").features.entities.find((e) => e.kind === "actor")?.key.slice("actor:".length));
    // an initial's full stop is part of the speaker's name
    expect(claim("The quake struck 14 miles southeast of Uzgen, according to the U.S. Geological Survey.").features.attribution?.speaker).toBe("the U.S. Geological Survey");
    expect(claim("Nine people died, according to the ministry. Rescuers dug on.").features.attribution?.speaker).toBe("the ministry");
    // "said the ministry" closes what was said; after a subject, "said the ..." opens the statement
    expect(claim("Nine people were killed in the clashes, said the ministry.").features.attribution?.speaker).toBe("the ministry");
    expect(claim('"The search goes on without stop," - said the minister to the journalists.').features.attribution?.speaker).toMatch(/^the minister/u);
    expect(claim("She said the 40 percent increase, in force since March 1, would be frozen.").features.attribution?.speaker ?? "").not.toMatch(/increase/u);
    // a name with what the speaker is between commas, then the verb
    const briefed = claim("Boats were working in the flooded streets, Brigadier General Ilyas Varden, the civil defence chief, said.").features.attribution;
    expect(briefed?.speaker).toBe("Brigadier General Ilyas Varden, the civil defence chief");
    expect(briefed?.person).toBeTruthy();
    expect(briefed?.person).toBe(claim("The search goes on, civil defence chief Ilyas Varden said.").features.attribution?.person);
    // (a list of places is not a speaker)
    expect(claim("Power was cut in Varna, Orsk and Tarvel, the ministry said.").features.attribution?.speaker).toBe("the ministry");
    // a partitive counts the noun after its whole, and the whole is no count of its own
    expect(measures("Five of the nine carriages came off the track.")).toEqual(["Five:n:~carriage"]);
    expect(measures("Six of the train's nine cars jumped the tracks.")).toEqual(["Six:n:~carriage"]);
    expect(measures("Six of the attackers were killed.")).toEqual(["Six:killed"]);
    // people taken hostage are counted as held, never as the captors the clause names
    expect(claim("The attackers seized the hotel after shooting the guards, and took about 140 guests and staff hostage.").features.topics).not.toContain("qty:detained|rebel");
    // economic losses are no casualties
    expect(claim("The agency issued an orange alert for economic losses.").features.topics).not.toContain("ev:killed");
    expect(measures("The army admitted losses of 14 men.")).toEqual(["14:killed"]);
    // "40pc" is a share, as British papers write it
    expect(measures("The 40pc increase in petrol prices was suspended.")).toEqual(["40:percent:change"]);
    // and "40 in hundred" is one, as a translation puts it word for word
    expect(measures("They protested against the increase of the price of the fuel of 40 in hundred, which the government decided.")).toEqual(["40:percent:change"]);
  });

  it("gives one reading per statement a claim makes, each with that statement as its main topic", () => {
    const f = claim("The earthquake, of magnitude 6.2, struck at 04:17 local time, killing 23 people.").features;
    const readings = statementReadings(f);
    expect(readings[0]).toBe(f);
    expect(readings.slice(1).map((r) => r.mainTopics.join(" "))).toEqual(expect.arrayContaining(["qty:magnitude", "at:04"]));
    expect(readings.every((r) => r.tokens === f.tokens)).toBe(true);
  });

  it("reads a clause that states two things at once as each of them alone as well, but one change of control as one", () => {
    const f = claim("The quake measured 6.5 at 4.17am, the institute said.").features;
    expect(f.mainTopics).toEqual(["at:04", "qty:magnitude"]);
    expect(statementReadings(f).slice(1).map((r) => r.mainTopics.join(" "))).toEqual(expect.arrayContaining(["at:04", "qty:magnitude"]));
    // each hour of a span alone: another report may give only one end of it
    const curfew = claim("Authorities imposed a curfew in the capital from 8 p.m. to 6 a.m.").features;
    expect(statementReadings(curfew).slice(1).map((r) => r.mainTopics.join(" "))).toEqual(expect.arrayContaining(["at:20", "at:06"]));
    // "the town" and its name are one place changing hands
    const taken = claim("Rebel fighters seized the town of Tal Harun on Tuesday.").features;
    expect(taken.mainTopics.filter((t) => t.startsWith("ctl:")).length).toBeGreaterThan(1);
    expect(statementReadings(taken)).toHaveLength(1);
  });

  it("keys a measure put off as one decision, and takes a change named as a thing for a reference", () => {
    for (const text of ["The government backed down last night on the fuel price rise.", "Prime Minister Salma Ouardi announced the increase would be suspended.", "The suspension was announced in a televised address.", "She said the increase would be frozen for three months."]) {
      expect(claim(text).features.mainTopics, text).toContain("ev:suspend");
    }
    expect(claim("Families prepared to spend the night outdoors in near-freezing temperatures.").features.topics).not.toContain("ev:suspend");
    // "the 40% fuel price rise is suspended" states the suspension; "raised prices by 40%" states the rise
    expect(claim("The prime minister says the 40% fuel price rise is suspended for three months.").features.mainTopics).toEqual(["ev:suspend"]);
    expect(claim("On March 1 the government raised the price of petrol and diesel by 40 percent.").features.mainTopics).toEqual(["qty:percent:change"]);
  });

  it("keys the disaster befalling a place as one event, whatever the verb or word order", () => {
    // (an apposition between commas may part the hazard from its verb)
    for (const text of ["A strong earthquake shook the Oskar Bay coast before dawn.", "The river Tavel flooded the lower town on Monday.", "Today at the territory of Varesh district occurred an earthquake.", "The tremor, measured at 6.5 by the national institute, jolted Varesh province at dawn."]) {
      expect(claim(text).features.topics).toContain("ev:struck");
    }
    // a time reference to the event is not a statement of it
    expect(claim("Rescuers have searched the ruins since the quake struck.").features.topics).not.toContain("ev:struck");
  });

  it("keys damage by what gave way, not by the place a sentence opens with", () => {
    const damage = (text: string) => claim(text).features.mainTopics.filter((t) => t.startsWith("damage:"));
    expect(damage("A two-storey school building in Vardo partly collapsed, the ministry said.")).toEqual(["damage:n:building"]);
    // the place set before the subject is where it happened; "the village school" is a building
    expect(damage("In Vardo, the upper floor of the village school fell in.")).toEqual(["damage:n:building"]);
    expect(damage("In the village Vardo the building of the school was destroyed partly.")).toEqual(["damage:n:building"]);
    // a place that is the subject stays the target
    expect(damage("In the north, the village of Vardo was flattened.")).toEqual([expect.stringMatching(/^damage:place:/u)]);
    // a place inside an apposition before a passive verb is not what gave way
    expect(damage("The Vardo bridge, the town's only road crossing over the Istra, was blown up in the afternoon.")).toEqual([claim("Retreating troops blew up the Vardo bridge on Monday.").features.mainTopics.find((t) => t.startsWith("damage:"))]);
    // control as a noun of its own is no change of control
    expect(claim("Analysts said control of the dam gives the rebels leverage over the province.").features.topics.filter((t) => t.startsWith("ctl:"))).toEqual([]);
    expect(claim("The rebels took control of the dam on Tuesday.").features.topics.some((t) => t.startsWith("ctl:"))).toBe(true);
    expect(claim("The rebels now control the dam, residents said.").features.topics.some((t) => t.startsWith("ctl:"))).toBe(true);
    // a building named by its use is a building, wherever the sentence puts it
    expect(damage("Three residents told the paper that the second floor of the local school had collapsed onto the first.")).toEqual(["damage:n:building"]);
    // a school closed is shut, not damaged; a road closed is cut
    expect(claim("Schools in Vardo region are closed for the rest of the week.").features.topics.filter((t) => t.startsWith("damage:"))).toEqual([]);
    expect(claim("The coast road remained closed on Monday.").features.topics).toContain("out:road");
  });

  it("reads a distance below the surface as a quake's depth", () => {
    const measure = (text: string) => claim(text).features.quantities.map((q) => q.measure);
    expect(measure("It was shallow, about 6 miles below the surface.")).toEqual(["depth"]);
    expect(measure("The quake struck 10 km underground.")).toEqual(["depth"]);
    expect(measure("The quake was centred at a depth of 12 km.")).toEqual(["depth"]);
    expect(measure("The epicentre was 22 km southeast of the town.")).toEqual(["distance"]);
  });

  it("never counts a number joined to a unit by a hyphen", () => {
    expect(claim("A two-storey school building in Tarvel partly collapsed.").features.quantities).toEqual([]);
    expect(claim("Traffic was halted along a 10-km stretch of the coast road.").features.quantities).toEqual([]);
  });

  it("reads a clock time written out in hours and minutes, and never counts it", () => {
    const f = claim("Today, at 04 hours 17 minutes local time, occurred an earthquake.").features;
    expect(f.topics).toContain("at:04");
    expect(f.quantities).toEqual([]);
    // with the minutes unnamed, after "around the"
    const g = claim("In the evening of Tuesday, around the 20 hours 40, the armed persons attacked the hotel.").features;
    expect(g.topics).toContain("at:20");
    expect(g.quantities).toEqual([]);
  });

  it("reads midnight and noon as clock times, and never the time a statement was made", () => {
    const at = (text: string) => claim(text).features.topics.filter((t) => t.startsWith("at:"));
    expect(at("The ministry opened the dam's spillway shortly before midnight on Sunday.")).toEqual(["at:23"]);
    expect(at("The water resources ministry opened the spillway gates at about 11 p.m. on Sunday.")).toEqual(["at:23"]);
    expect(at("Protesters broke through police lines around midday.")).toEqual(["at:12"]);
    expect(at("The convoy left at midnight.")).toEqual(["at:00"]);
    // when it was said, not when what it tells happened
    expect(at("At least four people were killed, the minister said in a televised statement shortly after midnight.")).toEqual([]);
    expect(at("The prime minister announced the curfew in a broadcast at 9 p.m.")).toEqual([]);
  });

  it("takes another event of the same kind for a separate item", () => {
    expect(claim("A separate magnitude 5.1 earthquake hit the Rasht Valley on March 3, causing minor damage.").features.aside).toBe(true);
    expect(claim("A strong earthquake hit the Rasht Valley on Tuesday.").features.aside).toBe(false);
  });

  it("takes a count that describes the subject for a side remark, not the statement", () => {
    const f = claim("A night ferry carrying about 210 passengers ran aground off Tarvel on Friday.").features;
    expect(f.topics).toContain("qty:aboard");
    expect(f.mainTopics).not.toContain("qty:aboard");
    // it is still a statement of its own, in a reading
    expect(statementReadings(f).slice(1).map((r) => r.mainTopics[0])).toContain("qty:aboard");
    // a count that is the subject, or comes after the verb, is what the sentence states
    expect(claim("About 210 passengers were on board the ferry.").features.mainTopics).toContain("qty:aboard");
    expect(claim("The ferry was carrying about 210 passengers.").features.mainTopics).toContain("qty:aboard");
  });

  it("finds what a number counts, the event, its target and its actor, and who said it", () => {
    const f = claim("Fighters of the Eastern Liberation Command seized the Tel Hamra crossing, two army sources said.").features;
    expect(f.v).toBe(ANALYSIS_VERSION);
    expect(f.eventClass).toBe("TAKEN");
    expect(f.completion).toBe("completed");
    expect(f.events[0]!.agent).toBe("org:elc");
    expect(f.quantities).toEqual([]);
    expect(f.attribution).toMatchObject({ speaker: "two army sources", role: "source", side: "gov", count: 2 });
    const toll = claim("At least 21 soldiers were killed and dozens wounded.").features.quantities;
    expect(toll.map((q) => [q.measure, q.group])).toEqual([
      ["killed", "soldier"],
      ["wounded", "soldier"],
    ]);
    expect(claim("Rebels were advancing toward the town of Deir al-Marun.").features.completion).toBe("ongoing");
    expect(claim("The army insists the town remains under its control.").features.completion).toBe("denied");
  });

  it("types a name that opens with a title, or is described as a chief, as a person", () => {
    const kinds = (text: string) => claim(text).features.entities.map((e) => `${e.text}:${e.kind}`);
    expect(kinds("Boats were working in the streets, Brigadier General Samir Othman said.")).toContain("Brigadier General Samir Othman:actor");
    expect(kinds("Search teams will work through the night, Harun Osrek, the civil defence chief, said.")).toContain("Harun Osrek:actor");
    expect(kinds("The river burst its banks near Port Tarvel on Sunday.")).toContain("Port Tarvel:place");
    // a body named for what it does is an organisation
    expect(kinds("Rain will go on, the Tarvel Meteorological Centre forecast.")).toContain("Tarvel Meteorological Centre:org");
  });

  it("keeps only real names in a Title Case headline", () => {
    const report = "Rebels Seize Key Dam As Thousands Flee Qasr Al-Habib\n\nRebels seized the dam near Qasr al-Habib on Wednesday, officials said.";
    const text = "Rebels Seize Key Dam As Thousands Flee Qasr Al-Habib";
    const f = extractClaimFeatures({ id: "h", reportId: "rh", start: 0, end: text.length, text }, { id: "rh", source: "X", text: report });
    expect(f.entities.map((e) => e.text)).toEqual(["Qasr Al-Habib"]);
  });

  it("credits the outlet a report cites as the claim's source", () => {
    const f = claim("The Northgate news agency reported that the crossing fell to the ELC, citing two army sources.", "Atlas World Service").features;
    expect(f.attribution?.outlet).toBe("Northgate news agency");
    expect(claim("Reuters reported that the bridge was destroyed.", "Atlas World Service").features.attribution?.outletKey).toBe("reuters");
  });

  it("is JSON-serialisable and the same every time", () => {
    const text = "About 600 fighters of the ELC took part in the assault on Qasr al-Habib on Tuesday, spokesman Harun Osrek said.";
    const a = claim(text, "Meridian", "r-x");
    const b = claim(text, "Meridian", "r-x");
    expect(JSON.parse(JSON.stringify(a.features))).toEqual(a.features);
    expect(a.features).toEqual(b.features);
  });
});

describe("grouping claims into facts", () => {
  const toll = [
    claim("At least 14 soldiers were killed in the assault, two army officers said.", "Northgate News Agency"),
    claim("Eleven government soldiers had been killed, a rebel spokesman said.", "Meridian Press Service"),
    claim("Seven soldiers were martyred in the fighting, the defence ministry said.", "Varesh Daily Record"),
  ];
  const bridge = [
    claim("Rebels seized the Tel Hamra bridge before dawn, residents said.", "Meridian Press Service"),
    claim("The Tell Hamra crossing fell to rebel fighters early on Thursday.", "Atlas World Service"),
  ];
  const loose = claim("Power was cut across much of Halvek on Thursday morning.", "The Sarhan Valley Courier");

  it("puts claims that state the same thing together and leaves others apart, in input order", () => {
    const groups = groupClaims([toll[0]!, bridge[0]!, toll[1]!, loose, bridge[1]!, toll[2]!]);
    expect(groups).toEqual([{ claimIds: [toll[0]!.id, toll[1]!.id, toll[2]!.id] }, { claimIds: [bridge[0]!.id, bridge[1]!.id] }, { claimIds: [loose.id] }]);
  });

  it("does not chain: a claim that mentions two things does not pull both facts into one", () => {
    const dam = [claim("Rebels captured the Ain Sorra dam before dawn.", "A"), claim("The Ayn Surra dam was under ELC control by 05:00.", "B")];
    const town = [claim("The town of Qasr al-Habib fell to rebel forces on Wednesday.", "C"), claim("Rebels overran the town of Kasr el-Habib, residents said.", "D")];
    const both = claim("Fighters captured the Ain Sorra dam and then overran the town of Qasr al-Habib.", "E");
    const groups = groupClaims([...dam, ...town, both]);
    const ofDam = groups.find((g) => g.claimIds.includes(dam[0]!.id))!;
    expect(ofDam.claimIds).toContain(dam[1]!.id);
    expect(ofDam.claimIds).not.toContain(town[0]!.id);
    expect(groups.find((g) => g.claimIds.includes(town[0]!.id))!.claimIds).toContain(town[1]!.id);
  });

  it("matches a new report against existing facts without regrouping them, and never merges two facts", () => {
    const facts = [
      { id: "f-toll", claims: toll.slice(0, 2), locked: false },
      { id: "f-bridge", claims: bridge.slice(0, 1), locked: true },
    ];
    const added = [toll[2]!, bridge[1]!, loose];
    const result = assignClaims({ facts, added });
    expect(result.joined).toEqual([
      { factId: "f-toll", claimIds: [toll[2]!.id] },
      { factId: "f-bridge", claimIds: [bridge[1]!.id] },
    ]);
    expect(result.created).toEqual([{ claimIds: [loose.id] }]);
    const ids = [...result.joined.flatMap((j) => j.claimIds), ...result.created.flatMap((c) => c.claimIds)];
    expect(ids.sort()).toEqual(added.map((c) => c.id).sort());
  });
});

describe("fact summaries", () => {
  it("counts outlets, not reports, and a cited outlet as that outlet", () => {
    const claims = [
      claim("Rebels seized the Tel Hamra bridge, two army sources said.", "Northgate News Agency"),
      claim("Rebels seized the Tel Hamra bridge, two army sources said.", "Northgate News Agency"),
      claim("The Northgate news agency reported that the Tel Hamra bridge fell to the rebels.", "Atlas World Service"),
      claim("Rebels took the Tel-Hamra bridge, a rebel spokesman said.", "Meridian Press Service"),
    ];
    expect(independentSources(claims)).toEqual(["Meridian Press Service", "Northgate News Agency"]);
  });

  it("flags different figures, completed vs ongoing, a different actor, attribution and quoted wording", () => {
    const conflicts = (claims: FeaturedClaim[]) => summarizeFact(claims).conflicts;
    const numbers = conflicts([claim("At least 12 soldiers were killed, the officers said.", "Northgate"), claim("17 soldiers were killed, a monitor said.", "Meridian Post")]);
    expect(numbers.find((c) => c.kind === "NUMBER")?.detail).toBe("Killed (soldiers): At least 12 (Northgate) vs 17 (Meridian Post)");
    // "at least 12" and 14 can both be true
    expect(conflicts([claim("At least 12 soldiers were killed.", "A"), claim("14 soldiers were killed.", "B")]).some((c) => c.kind === "NUMBER")).toBe(false);
    const completion = conflicts([claim("Rebels seized the town of Deir al-Marun.", "A"), claim("Rebels were advancing toward the town of Deir el-Marun.", "B")]);
    expect(completion.map((c) => c.kind)).toContain("COMPLETION");
    const actor = conflicts([claim("Fighters of the Eastern Liberation Command seized the Tel Hamra bridge.", "A"), claim("Fighters of the Sarhan Valley Front took the Tell Hamra bridge.", "B")]);
    expect(actor.find((c) => c.kind === "ACTOR")?.detail).toMatch(/Eastern Liberation Command \(A\) vs Sarhan Valley Front \(B\)/);
    const attribution = conflicts([claim("Rebels seized the bridge, two army sources said.", "A"), claim("Rebels seized the bridge, a military spokesman said.", "B")]);
    expect(attribution.map((c) => c.kind)).toContain("ATTRIBUTION");
    const wording = conflicts([claim('Osrek said: "our command forces have crossed the river".', "A"), claim('Osrek said: "the supervising forces have crossed the river".', "B")]);
    expect(wording.find((c) => c.kind === "WORDING")?.detail).toBe('Quoted wording differs: "our command" (A) vs "the supervising" (B)');
  });

  it("flags an event given as pending in one report and done in another, naming both phrases", () => {
    const conflicts = (claims: FeaturedClaim[]) => summarizeFact(claims).conflicts;
    const status = conflicts([claim("A cargo plane with 40 medics is due to land in Varesh within the hour.", "A"), claim("A cargo plane carrying 40 medics touched down in Varesh on Tuesday evening.", "B")]);
    expect(status.find((c) => c.kind === "COMPLETION")?.detail).toBe('Pending vs done: "is due to land" (A) vs "touched down" (B)');
    const road = conflicts([claim("The mountain road remains blocked by a landslide.", "A"), claim("The mountain road was cleared and reopened on Tuesday.", "B")]);
    expect(road.map((c) => c.kind)).toContain("COMPLETION");
    // a speaker's "we will" is not the event's status, and two reports that both say it happened agree
    expect(conflicts([claim('"We will keep searching," the mayor said after the plane landed.', "A"), claim("The plane landed on Tuesday.", "B")]).some((c) => c.kind === "COMPLETION")).toBe(false);
    expect(conflicts([claim("The plane landed in Varesh.", "A"), claim("The plane arrived in Varesh.", "B")]).some((c) => c.kind === "COMPLETION")).toBe(false);
  });

  it("flags different credited parties for one rescue, but not two names for one party", () => {
    const conflicts = (claims: FeaturedClaim[]) => summarizeFact(claims).conflicts;
    const credited = conflicts([claim("The first passengers were pulled from the wreck by villagers who came with tractors.", "A"), claim("The first passengers were pulled from the wreck by an army rescue team.", "B")]);
    expect(credited.find((c) => c.kind === "ACTOR")?.detail).toBe('Credited: "villagers" (A) vs "an army rescue team" (B)');
    // a demonym and its country, and a force and its soldiers, are one party
    expect(conflicts([claim("Kazakh rescuers freed a girl from the rubble.", "A"), claim("Rescuers from Kazakhstan freed a girl from the rubble.", "B")]).some((c) => c.kind === "ACTOR")).toBe(false);
    expect(conflicts([claim("Army helicopters lifted 240 people from rooftops.", "A"), claim("Soldiers in army helicopters lifted 240 people off roofs.", "B")]).some((c) => c.kind === "ACTOR")).toBe(false);
  });

  it("reads a claim of responsibility as one statement, and flags two groups claiming it", () => {
    const texts = [
      "Saraya al-Wadi, an armed group active in the east, claimed responsibility in a statement on its channel.",
      "The Saraya el-Wadi group claimed the attack last night in a message circulated online.",
      "The Wadi Brigades (Saraya al-Wadi), an armed group based in the east, said it carried out the attack.",
      "The attack was carried out by the Eastern Marun Liberation Front (EMLF), according to reports on social media.",
    ];
    const claims = texts.map((text, k) => claim(text, `Outlet ${k}`));
    for (const c of claims) expect(c.features.mainTopics).toEqual(["ev:claimed"]);
    const actor = summarizeFact(claims).conflicts.find((c) => c.kind === "ACTOR");
    // one group under two names is one party; the front is another
    expect(actor?.detail).toMatch(/Eastern Marun Liberation Front/u);
    expect(actor?.detail.match(/ vs /gu)).toHaveLength(1);
    expect(summarizeFact(claims.slice(0, 3)).conflicts.some((c) => c.kind === "ACTOR")).toBe(false);
  });

  it("reads a demand as a statement of its own, whatever is demanded after it", () => {
    for (const text of ["The hostage-takers had demanded the release of their jailed commander, Idris Kamal.", "The attackers demanded freedom for Idris Kamal.", "Protesters called for the minister's resignation."]) {
      expect(claim(text).features.mainTopics, text).toEqual(["ev:demand"]);
    }
    expect(claim("More than 120 hostages were released.").features.topics).not.toContain("ev:demand");
  });

  it("reads the start of a series of events as a statement of its own, not when it only dates a count", () => {
    for (const text of ["The protests began on March 3.", "Demonstrations broke out in the south on March 3 and spread within days.", "The front launched its offensive in the valley on March 2."]) {
      expect(claim(text).features.mainTopics, text).toContain("ev:began");
    }
    for (const text of ["At least 27 people had died since the protests began on March 3.", "It said 312 people had been killed since the rebels launched their offensive nine days ago."]) {
      expect(claim(text).features.topics, text).not.toContain("ev:began");
    }
  });

  it("headlines a fact with a sentence that names what it speaks of, not one leaning on the sentence before", () => {
    const s = summarizeFact([claim("He denied that the town had fallen.", "A"), claim("The army denied that Vardo had fallen to the rebels.", "B"), claim("They said the town had not fallen.", "C")]);
    expect(s.statement).toBe("The army denied that Vardo had fallen to the rebels.");
    // when every sentence leans back, one of them still headlines it
    expect(summarizeFact([claim("He denied that the town had fallen.", "A")]).statement).toBe("He denied that the town had fallen.");
  });

  it("takes a count in a clause that only sets the scene for a side remark", () => {
    expect(claim("The president has suspended the fuel price increase, after a day of clashes in which nine people were killed.").features.mainTopics).toEqual(["ev:suspend"]);
    // a toll told as what the event did is still the statement
    expect(claim("A strong earthquake struck the valley at dawn, killing at least 23 people.").features.mainTopics).toContain("qty:killed");
  });

  it("reads an arrest and a release told without a count as two statements", () => {
    expect(claim("Idris Kamal, who leads the Renewal party, was arrested at his home at dawn.").features.mainTopics).toContain("ev:detained");
    expect(claim("He was released late on Tuesday, his lawyer said.").features.mainTopics).toEqual(["ev:released"]);
    expect(claim("His lawyer said Kamal was due to be released on bail later on Tuesday.").features.mainTopics).toEqual(["ev:released"]);
    expect(claim("Kamal was detained at dawn and freed close to midnight, a party official said.").features.topics).toEqual(expect.arrayContaining(["ev:detained", "ev:released"]));
    // another verb, and a count, are other statements
    expect(claim("The party released a statement condemning the arrest.").features.topics).not.toContain("ev:released");
    expect(claim("Police said 640 people had been arrested.").features.topics).not.toContain("ev:detained");
  });

  it("gives a short representative statement", () => {
    const s = summarizeFact([claim("Rebels seized the Tel Hamra bridge.", "A"), claim("The Tel Hamra bridge was seized by rebels before dawn on Thursday.", "B")]);
    expect(s.statement.length).toBeLessThanOrEqual(300);
    expect(["Rebels seized the Tel Hamra bridge.", "The Tel Hamra bridge was seized by rebels before dawn on Thursday."]).toContain(s.statement);
  });
});

describe("a fact's statement", () => {
  it("comes from a readable claim when the one most like the others is a garbled passage", () => {
    // it shares words with both clean claims, so it is the one most like the others
    const garbled = claim("Rebel forces were seized the Tel Hamra border crossing on Thursday, residents said.", "Kestrel Daily");
    const clean = [
      claim("Rebel forces took the Tel Hamra crossing on Thursday, residents said.", "Meridian Press"),
      claim("Rebels seized the Tel Hamra border crossing on Thursday.", "Northgate News Agency"),
    ];
    const all = [garbled, ...clean];
    const readable = (c: FeaturedClaim) => c.id !== garbled.id;
    expect(summarizeFact(all).statement).toBe(garbled.text);
    expect(clean.map((c) => c.text)).toContain(summarizeFact(all, { readable }).statement);
    // the garbled claim still counts in what the summary compares
    expect(summarizeFact(all, { readable }).sources).toEqual(summarizeFact(all).sources);
    // with no readable claim, one of them still gives the statement
    expect(summarizeFact([garbled], { readable }).statement).toBe(garbled.text);
  });
});
