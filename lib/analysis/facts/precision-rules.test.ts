import { describe, expect, it } from "vitest";
import { extractClaimFeatures } from "./features";
import { cannotLinkReason, prepareClaim } from "./similarity";
import type { FeaturedClaim } from "./types";

let next = 0;
/** A claim as its own one-sentence report (of a story in `country`, when given). */
function claim(text: string, country?: string | null): FeaturedClaim {
  const reportId = `r${++next}`;
  const input = { id: `c${++next}`, reportId, start: 0, end: text.length, text };
  return { ...input, source: `Outlet ${next}`, features: extractClaimFeatures(input, { id: reportId, source: `Outlet ${next}`, text, publishedAt: "2026-04-21T12:00:00Z", ...(country !== undefined ? { country } : {}) }) };
}

const measures = (text: string) => claim(text).features.quantities.map((q) => q.measure);
const veto = (a: string, b: string, country?: string | null) => cannotLinkReason(prepareClaim(claim(a, country), 0, new Map(), 10), prepareClaim(claim(b, country), 1, new Map(), 10));

describe("claims that state different facts are kept apart", () => {
  it("reads a measured rise as a change, not as the level it reaches", () => {
    expect(measures("The Velka lake rose by more than two metres during the night.")).toEqual(["length:change"]);
    expect(measures("By noon the canal had risen 6 feet above its banks.")).toEqual(["length:change"]);
    expect(measures("Mud was up to two metres deep in the harbour streets.")).toEqual(["length"]);
    expect(veto("The Velka lake rose by more than two metres during the night.", "Mud was up to two metres deep in the harbour streets.")).toBe("different qty:");
    expect(veto("The Velka lake rose by more than two metres during the night.", "Overnight the lake climbed some two metres, the port authority said.")).toBeNull();
  });

  it("reads a count given as part of a toll as a part, not as the toll", () => {
    expect(measures("Among the dead were at least eight whose bus left the mountain road, police said.").at(-1)).toBe("killed:part");
    expect(measures("The clinic in Ostrava admitted 31 of the injured, its director said.")).toEqual(["wounded:part"]);
    expect(measures("Twenty-two people died in the landslide, including four from the coast.")).toEqual(["killed", "killed:part"]);
    // a part that names its own group is told apart by the group, and stays a count of the measure
    expect(measures("Thirty people were killed, including 12 soldiers.")).toEqual(["killed", "killed"]);
    expect(veto("The clinic in Ostrava admitted 31 of the injured, its director said.", "More than 200 people were injured in the blast, the ministry said.")).toBe("different qty:");
    expect(veto("Twenty-two people died in the landslide, the governor said.", "The landslide killed 22 people, rescuers said.")).toBeNull();
  });

  it("reads a place's size as a setting of the claim, never as a count of what befell people", () => {
    expect(measures("In Osk, a village of several thousand people in the hills east of Tarvel, the school fell in.")).toEqual(["population"]);
    expect(measures("Tarvel, a town of about 12,000, lost its market hall.")).toEqual(["population"]);
    // keyed by the place it is the size of
    const sized = claim("The quake hit Osk and Tarvel, a town of about 12,000.").features;
    expect(sized.quantities[0]!.group).toBe(sized.entities.find((e) => e.text === "Tarvel")!.key);
    // the size is never the claim's statement
    expect(claim("In Osk, a village of several thousand people, the school fell in.").features.mainTopics).not.toContain("qty:population");
    // a team of that many is not a place
    expect(measures("A team of 40 rescuers flew in from Varesh.")).not.toContain("population");
  });

  it("keeps a quake a whole magnitude away apart, and agencies' estimates of one quake together", () => {
    const main = "The agency measured the quake at magnitude 6.1, at a depth of 9 km.";
    expect(veto("The strongest, of magnitude 4.9, came at noon and brought down two houses.", main)).toBe("another quake");
    expect(veto("The local institute put the magnitude at 6,4 in its first bulletin.", main)).toBeNull();
    // a claim that gives both quakes can be about either
    expect(veto("The magnitude 6.1 quake was followed by a magnitude 4.9 aftershock.", "The strongest aftershock measured magnitude 4.9.")).toBeNull();
  });

  it("keeps a year that only anchors a comparison apart from an event of that year", () => {
    expect(claim("It is the heaviest snowfall in the valley since 1987.").features.years).toEqual(["since:1987"]);
    expect(claim("In 1987, an avalanche in the valley killed 14 skiers.").features.years).toEqual(["1987"]);
    expect(veto("It is the heaviest snowfall in the valley since 1987.", "In 1987, an avalanche in the valley killed 14 skiers.")).toBe("past year");
    expect(veto("It is the heaviest snowfall in the valley since 1987.", "This is the worst snow the valley has had since 1987, forecasters said.")).toBeNull();
  });

  it("reads a year that starts a lasting state as dating nothing, and a count since it as a running total", () => {
    expect(claim("The Kour front has fought for autonomy since 2009, its leaders say.").features.years).toEqual(["from:2009"]);
    // "protest" and "unrest" are no superlatives
    expect(claim("The protest movement has fought for autonomy since 2009.").features.years).toEqual(["from:2009"]);
    expect(claim("It was the heaviest snowfall in the valley since 1987.").features.years).toEqual(["since:1987"]);
    expect(veto("The Kour front has fought for autonomy since 2009.", "The Kour front is fighting the government for autonomy for the south.")).toBeNull();
    expect(claim("The conflict has killed more than 20,000 people since 2009.").features.wider).toBe(true);
  });

  it("reads a year that describes a participant as dating nothing", () => {
    expect(claim("A caller demanded the release of Idris Kamal, a militant commander jailed for life in 2019, the station said.").features.years).toEqual([]);
    expect(claim("The order came from the governor, who took office in 2021.").features.years).toEqual([]);
    expect(veto("A caller demanded the release of Idris Kamal, a militant commander jailed for life in 2019.", "The gunmen demanded the release of their jailed leader, Idris Kamal.")).toBeNull();
    // a year of the claim's own event still dates it
    expect(claim("In 2019, gunmen stormed the same hotel, killing 12.").features.years).toEqual(["2019"]);
    expect(claim("Gunmen stormed the same hotel in 2019, killing 12.").features.years).toEqual(["2019"]);
  });

  it("keeps an event dated to an earlier month or year apart from the story's, but not a thing made then", () => {
    expect(claim("The crossing was closed for two days last month during a customs dispute.").features.years).toEqual(["earlier"]);
    expect(veto("The crossing was closed for two days last month during a customs dispute.", "The crossing was closed on Tuesday as the fighting spread.")).toBe("past year");
    expect(claim("Police questioned the firm that built the school seven years ago.").features.years).toEqual([]);
    expect(claim("A similar attack on the market two years ago killed nine people.").features.years).toEqual(["earlier"]);
  });

  it("keeps an item the writer sets apart out of the story's facts", () => {
    expect(claim("Separately, a fire killed three people in a warehouse in the capital.").features.aside).toBe(true);
    expect(claim("Also in the news of the region: the mayor opened a new bridge last week.").features.aside).toBe(true);
    expect(claim("The mayor separately said the bridge would reopen on Friday.").features.aside).toBe(false);
    expect(veto("Separately, a fire killed three people in a warehouse in the capital.", "Three people were killed when the ferry capsized.")).toBe("separate item");
    expect(veto("Separately, a fire killed three people in a warehouse in the capital.", "In a separate incident, a warehouse fire in the capital killed three.")).toBeNull();
  });

  it("keeps a possibility without a figure apart from a count reported as done", () => {
    expect(claim("\"Climbers may still be trapped on the ridge,\" the guide told reporters.").features.hedged).toBe(true);
    expect(claim("Officials said the number of dead was likely to rise.").features.hedged).toBe(true);
    expect(claim("Nine people were still missing on the ridge.").features.hedged).toBe(false);
    expect(veto("\"Climbers may still be trapped on the ridge,\" the guide told reporters.", "Nine people were still missing on the ridge.")).toBe("possibility vs count");
    expect(veto("\"We cannot rule out that climbers are still trapped,\" the guide said.", "\"Climbers may still be trapped on the ridge,\" the guide told reporters.")).toBeNull();
    // a hedged figure is still a figure: it may state the same count with less certainty
    expect(veto("As many as nine climbers may have died on the ridge.", "Nine climbers died on the ridge.")).toBeNull();
  });

  it("keeps a report of no harm apart from a figure of harm", () => {
    expect(claim("Across the border in Norvania the storm was felt, but no damage was reported, the ministry said.").features.nil).toBe(true);
    expect(claim("A warehouse roof fell in but nobody was inside at the time.").features.nil).toBe(true);
    expect(claim("The storm damaged 230 houses in the valley.").features.nil).toBe(false);
    expect(veto("In Norvania the storm was felt widely, but no damage was reported.", "The storm damaged 230 houses in the valley.")).toBe("absence vs figure");
    expect(veto("In Norvania the storm was felt widely, but no damage was reported.", "There were no reports of damage in Norvania, officials said.")).toBeNull();
  });

  it("reads a number joined to a name by a hyphen as a designation, not a count", () => {
    expect(measures("An An-124 carrying 35 engineers landed at the airfield.")).toEqual(["n:engineer"]);
  });

  it("reads hostages let go as a count of the freed, and a duration as time, not what a verb near it did", () => {
    expect(measures("More than 120 hostages were released at dawn.")).toEqual(["rescued"]);
    expect(measures("Around 130 hostages were freed when soldiers entered the building.")).toEqual(["rescued"]);
    expect(measures("The gunmen were holding some 140 people inside.")).toEqual(["detained"]);
    expect(measures("The attackers took about 140 guests and staff hostage.")).toEqual(["detained"]);
    expect(measures("Approximately 140 persons were in the hands of the gunmen.")).toEqual(["detained"]);
    expect(measures("Rescuers freed a boy who had been trapped for some 13 hours.")).toEqual(["n:hour"]);
    expect(claim("Around 130 hostages were freed when soldiers entered the building.").features.quantities[0]!.group).toBe("");
    // the release is this number's own words, not another's in the clause
    expect(measures("Some 30 hostages were still being held after 12 hostages were released.")).toEqual(["detained", "rescued"]);
    expect(measures("Special forces stormed the hotel, freeing 126 hostages.")).toEqual(["rescued"]);
  });

  it("reads how many attackers there were as the size of the force, whatever word follows", () => {
    expect(measures("About a dozen gunmen armed with rifles drove up to the gate.")).toEqual(["force"]);
    expect(measures("There were nine attackers in all, the minister told reporters.")).toEqual(["force"]);
    expect(measures("The attackers numbered nine, according to the ministry.")).toEqual(["force"]);
    expect(measures("Ten attackers took part, according to local media.")).toEqual(["force"]);
    expect(veto("About a dozen gunmen armed with rifles drove up to the gate.", "There were nine attackers in all, the minister said.")).toBeNull();
  });

  it("reads a rise by a share as a statement of its own, and taking to the streets as a crowd", () => {
    expect(measures("Thousands marched against a 30 percent rise in bread prices.").at(-1)).toBe("percent:change");
    expect(measures("The government raised the price of bread by 30 percent.")).toEqual(["percent:change"]);
    expect(measures("The reservoir was 97 percent full.")).toEqual(["percent"]);
    expect(measures("Tens of thousands of people took to the streets of the capital.")).toEqual(["crowd"]);
  });

  it("reads 'six of the attackers' as a count, and 'two of the sources' as who speaks", () => {
    expect(measures("Six of the attackers were killed, a government spokesman told state television.")).toEqual(["killed"]);
    expect(measures("Two of the army's sources said the town had fallen.")).toEqual([]);
  });

  it("reads a translation's 'lost the life' as deaths and 'the arrest of 640' as detained", () => {
    expect(measures("According to the ministry, six persons lost the life in the events of the day.")).toEqual(["killed"]);
    expect(measures("The ministry announced the arrest of 640 persons for the acts of sabotage.")).toEqual(["detained"]);
  });

  it("reads 'has fallen to' as a change of a figure, not as deaths", () => {
    expect(measures("The number of climbers still missing has fallen to 6 from 11.")[0]).toBe("missing");
    expect(measures("Eleven fallen firefighters were honoured at the ceremony.")).toEqual(["killed"]);
  });

  it("reads 'a family of four' as the size of one unit, not a toll", () => {
    const [size] = measures("A family of four, two parents and two boys, drowned when their boat overturned.");
    expect(size).toMatch(/^size:/u);
    expect(measures("The boat carried a crew of 7 from the island.")[0]).toMatch(/^size:/u);
    // the noun after the number is what is counted
    expect(measures("A team of 40 rescuers searched the rubble.")).toEqual(["n:rescuer"]);
    expect(veto("A family of four drowned when their boat overturned near the pier.", "Nine people died in the storm, the coastguard said.")).toBe("different qty:");
  });

  it("keeps a toll placed in another country than the story's apart from the story's toll", () => {
    expect(claim("Two people died and 27 were hurt in Arica province of Chile.", "PER").features.elsewhere).toBe(true);
    expect(claim("Two people have been killed in Chile's Arica region, the Chilean ministry said.", "PER").features.elsewhere).toBe(true);
    expect(claim("At least 14 people have been killed in Peru's Tacna region.", "PER").features.elsewhere).toBe(false);
    // who speaks is not where it happened
    expect(claim("Fourteen people died in the quake, Chile's seismology service said.", "PER").features.elsewhere).toBe(false);
    expect(veto("Two people died and 27 were hurt in Arica province of Chile.", "The quake killed at least 14 people, the ministry said.", "PER")).toBe("elsewhere");
    expect(veto("Two people died in Chile's Arica region.", "Two people were killed in Arica province of Chile.", "PER")).toBeNull();
  });

  it("keeps the toll of a bombing apart from the toll of fighting", () => {
    expect(veto("In the capital, a car bomb killed four people at a bus station on Friday evening.", "At least 31 people were killed in the fighting for the town, the monitor said.")).toBe("another cause");
    expect(veto("A suicide bomber killed 12 people at a checkpoint outside Varna.", "Heavy clashes killed 12 soldiers near Varna on Friday.")).toBe("another cause");
    // a toll that names no cause, or both, is left to the other evidence
    expect(veto("In the capital, a car bomb killed four people at a bus station on Friday evening.", "Four people were killed, police said.")).toBeNull();
    expect(veto("A car bomb and heavy fighting killed 31 people in the town.", "At least 31 people were killed in the fighting for the town.")).toBeNull();
    expect(veto("A car bomb killed four people at the station.", "The bomb blast at the station killed four, police said.")).toBeNull();
  });

  it("keeps an outage of power apart from roads cut, whatever verb both use", () => {
    const main = (text: string) => claim(text).features.mainTopics;
    expect(main("Varna's electricity was cut on Monday morning, residents said.")).toContain("out:power");
    expect(main("The town was plunged into darkness within the hour.")).toContain("out:power");
    expect(main("The city is staying without the electricity from the morning.")).toContain("out:power");
    expect(main("Drivers say the main highway from Orsk to the north has been cut near Varna.")).toContain("out:road");
    expect(main("Heavy rain cut the only road link to the capital overnight.")).toContain("out:road");
    // power named for what it does, and power seized, are no outage
    expect(claim("The dam supplies most of the province's electricity.").features.topics).not.toContain("out:power");
    expect(claim("The colonel came to power in a coup in 2019.").features.topics).not.toContain("out:power");
    expect(veto("Varna's electricity was cut on Monday morning, residents said.", "Drivers say the main highway from Orsk to Varna has been cut.")).toBe("different out:");
    expect(veto("Varna's electricity was cut on Monday morning, residents said.", "Power is out across the town.")).toBeNull();
    // the networks and the airport are two more things an outage is of
    expect(main("Mobile phone networks in the town went down on Monday night.")).toContain("out:network");
    expect(main("The mobile connection in Varna is not working from the night of Monday.")).toContain("out:network");
    expect(main("All flights at Varna airport remain suspended for commercial traffic.")).toEqual(["out:airport"]);
    expect(veto("Mobile internet was cut across the country overnight.", "Electricity was cut across the town.")).toBe("different out:");
    // a time reference to an outage is no statement of it
    expect(claim("Video shared before the internet went down showed smoke over the rooftops.").features.topics).not.toContain("out:network");
    // a curfew is a measure of its own, whatever else the sentence adds
    expect(main("A night curfew from 8pm to 6am has been imposed on the capital.")).toContain("ev:curfew");
  });

  it("does not take a place's size for a figure that an absence would contradict", () => {
    // "nobody was inside" against a sentence whose only number is the village's size
    expect(veto("A two-storey school building in Vardo partly collapsed but nobody was inside at the time.", "In Vardo, a village of several thousand people, residents said the second floor of the local school had collapsed.")).toBeNull();
    expect(veto("No casualties were reported in Vardo.", "Four people were killed in Vardo.")).toBe("absence vs figure");
  });

  it("keeps a change of control on one day apart from one on another", () => {
    expect(veto("Gunmen seized the Palace Hotel in Varna on Tuesday evening.", "Special forces stormed the Palace Hotel in Varna at dawn on Wednesday.")).toBe("another day");
    // only a named day counts: "yesterday" or "before dawn" is dated by the report's own time
    expect(veto("Gunmen seized the Palace Hotel in Varna yesterday evening.", "Gunmen stormed the Palace Hotel in Varna on Sunday night.")).toBeNull();
    expect(veto("Gunmen seized the Palace Hotel in Varna before dawn.", "Gunmen stormed the Palace Hotel in Varna early on Thursday.")).toBeNull();
    // a claim that names no day, or names both, may be either
    expect(veto("Gunmen seized the Palace Hotel in Varna on Tuesday evening.", "Gunmen stormed the Palace Hotel in Varna.")).toBeNull();
    expect(veto("Gunmen stormed the Palace Hotel in Varna on Tuesday evening and held it early on Wednesday.", "Special forces stormed the Palace Hotel in Varna at dawn on Wednesday.")).toBeNull();
    // counts are compared by their own measures, not by the day
    expect(veto("Four people were killed in Varna on Tuesday.", "Four people died in Varna on Wednesday, police said.")).toBeNull();
  });

  it("keeps where a place lies apart from what happened there", () => {
    expect(veto("Varna lies about 40 km north of Orsk, the regional capital.", "Drivers say the main road from Orsk to the north has been cut near Varna.")).toBe("location vs event");
    expect(veto("The town sits roughly 25 miles north of the regional capital, Orsk.", "Power in Varna was cut on Monday morning, residents said.")).toBe("location vs event");
    // two claims that say how far it lies are one fact, whatever the units
    expect(veto("Varna lies about 40 km north of Orsk, the regional capital.", "The town sits roughly 25 miles north of the regional capital, Orsk.")).toBeNull();
    // the site of an event is the event's own setting, not the place's geography
    expect(veto("The epicentre is located 22 km southeast of Varna.", "The quake struck near Varna at dawn.")).toBeNull();
  });

  it("keeps two running totals apart when one starts years back and the other days back", () => {
    const start = (text: string) => claim(text).features.widerStart;
    expect(start("The conflict has killed more than 20,000 people since 2009, according to independent estimates.")).toBe("years");
    expect(start("Some 5,000 people have died in the valley over the past six years.")).toBe("years");
    expect(start("More than 400 people have died since the offensive began three weeks ago.")).toBe("days");
    // the report is dated 21 April: April 9 is days back
    expect(start("Some 410 people have been killed in the valley since the militia began its push on April 9.")).toBe("days");
    // a start the words do not place ("since the war began") says nothing either way
    expect(start("The monitor counts 2,100 dead since the start of the war.")).toBeUndefined();
    expect(veto("The conflict has killed more than 20,000 people since 2009.", "More than 400 people have died since the offensive began three weeks ago.")).toBe("another period");
    expect(veto("The conflict has killed more than 20,000 people since 2009.", "The monitor counts 2,100 dead since the start of the war.")).toBeNull();
    expect(veto("Some 410 people have been killed since the militia began its push on April 9.", "More than 400 people have died since the offensive began three weeks ago.")).toBeNull();
  });

  it("keeps a running total since an older start apart from the day's toll", () => {
    // the report is dated 21 April: "since April 9" began well before the day's fighting
    expect(claim("Some 410 people have been killed in the valley since the militia began its push on April 9, the monitor said.").features.wider).toBe(true);
    expect(claim("More than 400 people have died since the offensive began three weeks ago.").features.wider).toBe(true);
    expect(claim("The monitor counts 2,100 dead since the start of the war.").features.wider).toBe(true);
    // a month with no day, other than the report's own, and a tally of the year are running totals
    expect(claim("Militant attacks have killed more than 230 people in the country since January.").features.wider).toBe(true);
    expect(claim("Some 230 people have been killed in militant attacks across the country this year.").features.wider).toBe(true);
    expect(claim("The militia has held the valley since April, the monitor said.").features.wider).toBe(false);
    // a series of days ("the protests", "the unrest") began before the day's events
    expect(claim("The Observatory said at least 27 people had been killed since the protests began.").features.wider).toBe(true);
    expect(claim("The group had documented 27 deaths in total since the movement started.").features.wider).toBe(true);
    // a weekday is the event's own start as often as not, and an assault with no date is the day's
    expect(claim("At least 17 civilians have been killed in Dorvik since Monday night.").features.wider).toBe(false);
    expect(claim("Seventeen civilians have died since the assault on Dorvik began, a doctor said.").features.wider).toBe(false);
    expect(veto("Some 410 people have been killed in the valley since the militia began its push on April 9.", "At least 17 civilians were killed in Dorvik, the hospital said.")).toBe("wider frame");
    expect(veto("Some 410 people have been killed since the militia began its push on April 9.", "The monitor says more than 400 people have died since the offensive began almost two weeks ago.")).toBeNull();
    // "since then" takes its start from the sentence before
    const report = "The militia began its push on the valley on April 2. More than 400 people have been killed since then, the monitor says.";
    const since = report.indexOf("More than");
    expect(extractClaimFeatures({ id: "t", reportId: "rt", start: since, end: report.length, text: report.slice(since) }, { id: "rt", source: "Outlet", text: report, publishedAt: "2026-04-21T12:00:00Z" }).wider).toBe(true);
    const recent = "Shelling of Dorvik began on Monday night. Seventeen civilians have been killed since then, a doctor said.";
    const sinceRecent = recent.indexOf("Seventeen");
    expect(extractClaimFeatures({ id: "t2", reportId: "rt2", start: sinceRecent, end: recent.length, text: recent.slice(sinceRecent) }, { id: "rt2", source: "Outlet", text: recent, publishedAt: "2026-04-21T12:00:00Z" }).wider).toBe(false);
    // without the report's date, a calendar date is an older start (a recent day is named by its weekday)
    const undated = (text: string) => extractClaimFeatures({ id: "u", reportId: "ru", start: 0, end: text.length, text }, { id: "ru", source: "Outlet", text }).wider;
    expect(undated("Some 410 people have been killed since the militia began its push on April 9.")).toBe(true);
    expect(undated("At least 17 civilians have been killed since Monday night.")).toBe(false);
    // a share and a duration are no tallies: a rise "in force since March 1" is the rise itself
    expect(veto("She said the 40 percent increase, in force since March 1, would be frozen for three months.", "On March 1 the government raised the price of petrol and diesel by 40 percent.")).toBeNull();
    expect(veto("She said the 40 percent increase, in force since March 1, would be frozen for three months.", "The prime minister said the 40pc increase would be frozen for three months.")).toBeNull();
  });

  it("keeps an event of another month than the report's apart from the story's", () => {
    // the report is dated 21 April
    expect(claim("Special forces staged a hostage-rescue exercise at the port only in January, state television reported at the time.").features.years).toContain("earlier");
    expect(claim("Gunmen stormed the hotel in April, the ministry said.").features.years ?? []).not.toContain("earlier");
    expect(claim("The hotel, built in January, was full.").features.years ?? []).not.toContain("earlier");
    // a report with no year in its dateline still gives its month
    const text = "BEIT HARUN, March 11 (Meridian Wire) - Special forces staged a rescue exercise at the port in January.";
    const at = text.indexOf("Special");
    expect(extractClaimFeatures({ id: "m", reportId: "rm", start: at, end: text.length, text: text.slice(at) }, { id: "rm", source: "Meridian Wire", text }).years).toContain("earlier");
    expect(veto("Special forces staged a hostage-rescue exercise at the port only in January.", "Special forces stormed the hotel at the port at dawn on Wednesday.")).toBe("past year");
  });

  it("keeps what befell one person apart from a count of people it befell", () => {
    expect(veto("Opposition leader Karim Ben Salah was detained at his home before dawn, his party said.", "The interior ministry says 640 people have been arrested in the capital today.")).toBe("one person vs a count");
    expect(veto("Opposition leader Karim Ben Salah was detained at his home before dawn, his party said.", "Karim Bensalah, the best-known opposition figure, was taken from his home before dawn.")).toBeNull();
    // a count of people with no one person named is compared as usual
    expect(veto("Police detained dozens of protesters near the square.", "The interior ministry says 640 people have been arrested in the capital today.")).toBeNull();
  });

  it("keeps means held ready apart from the action done", () => {
    expect(veto("Army helicopters were on standby to evacuate the badly injured.", "The badly injured were flown out by army helicopter.")).toBe("readiness vs action");
    expect(veto("Army helicopters were on standby in the valley.", "Two army helicopters stood by at the airfield.")).toBeNull();
  });
});
