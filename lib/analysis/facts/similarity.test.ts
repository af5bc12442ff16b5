import { describe, expect, it } from "vitest";
import { extractClaimFeatures } from "./features";
import { LINK_THRESHOLD } from "./assign";
import { cannotLinkReason, documentFrequencies, prepareClaim, similarity, similarityParts } from "./similarity";
import { concept, stem } from "./normalize";
import type { FeaturedClaim } from "./types";

function claim(id: string, reportId: string, text: string): FeaturedClaim {
  const input = { id, reportId, start: 0, end: text.length, text };
  return { ...input, source: reportId, features: extractClaimFeatures(input, { id: reportId, source: reportId, text, publishedAt: "2026-11-20T12:00:00Z" }) };
}

function prepared(...claims: FeaturedClaim[]) {
  const df = documentFrequencies(claims);
  return claims.map((c, i) => prepareClaim(c, i, df, claims.length));
}

describe("pairwise evidence", () => {
  it("takes one event at one clock time as one statement, and a clock time alone as little", () => {
    const [a, b, c] = prepared(
      claim("a", "r1", "The tremor struck at 4:17 a.m. local time, when most people were at home asleep."),
      claim("b", "r2", "The quake hit at 4:17 a.m. local time near the town of Uzgen."),
      claim("c", "r3", "Schools stayed shut and lessons will resume at 4:17 p.m. on Thursday."),
    );
    expect(similarityParts(a!, b!).topic).toBeGreaterThanOrEqual(0.8);
    expect(similarityParts(a!, c!).topic).toBeLessThan(0.8);
  });

  it("weighs a shared named kind of statement like a shared count, and the bare disaster less", () => {
    const [a, b, c, d] = prepared(
      claim("a", "r1", "The suspension was announced by the prime minister in a televised address."),
      claim("b", "r2", "Shortly before 4 p.m. the prime minister announced the increase would be suspended."),
      claim("c", "r3", "The earthquake struck southern Varna before dawn."),
      claim("d", "r4", "An earthquake shook the valley on Tuesday, residents said."),
    );
    expect(similarityParts(a!, b!).topic).toBeGreaterThanOrEqual(0.8);
    expect(similarityParts(c!, d!).topic).toBeLessThan(0.8);
  });

  it("does not take two counts whose measure is only guessed from a nearby word for two quantities", () => {
    const [a, b] = prepared(
      claim("a", "r1", "Army helicopters lifted about 240 people from rooftops during the day."),
      claim("b", "r2", "Army helicopters have lifted about 240 people from roofs."),
    );
    expect(similarityParts(a!, b!).clash).toBe(false);
  });

  it("never links two claims by the names they share alone", () => {
    const [a, b, c] = prepared(
      claim("a", "r1", "The Tarvel Geological Institute issued an orange alert for economic losses."),
      claim("b", "r2", "The Tarvel Geological Institute measured the quake at magnitude 6.2 at a depth of 10 km."),
      claim("c", "r3", "The Tarvel Geological Institute put the quake's magnitude at 6.1."),
    );
    expect(similarity(a!, b!)).toBeLessThan(LINK_THRESHOLD);
    // what they say about the names still links
    expect(similarity(b!, c!)).toBeGreaterThanOrEqual(LINK_THRESHOLD);
  });

  it("finds two quotations alike by what they say, not by a name both contain", () => {
    const [a, b, c] = prepared(
      claim("a", "r1", "\"Vessa is free,\" the militia's spokesman said in a video."),
      claim("b", "r2", "\"Everyone still in Vessa must stay indoors tonight,\" the governor said."),
      claim("c", "r3", "\"Vessa is free now,\" a militia commander told reporters."),
    );
    expect(similarityParts(a!, b!).topic).toBeLessThan(0.5);
    expect(similarityParts(a!, c!).topic).toBeGreaterThanOrEqual(0.5);
  });

  it("never vetoes on a measure guessed from the word beside a number", () => {
    // "from rooftops" and "from roofs": the counted thing is read off a nearby word, not known
    const [a, b] = prepared(
      claim("a", "r1", "Army helicopters lifted about 240 people from rooftops during the day."),
      claim("b", "r2", "Army helicopters have lifted about 240 people from roofs."),
    );
    expect(cannotLinkReason(a!, b!)).toBeNull();
  });

  it("ties two counts of differently named people or things by their figure", () => {
    const [a, b, c] = prepared(
      claim("a", "r1", "A Lindmark aircraft carrying 60 rescuers and a field hospital landed in Tarvel."),
      claim("b", "r2", "Lindmark flew 60 specialists and a mobile hospital to Tarvel on Monday."),
      claim("c", "r3", "Lindmark flew 40 specialists and a mobile hospital to Tarvel on Monday."),
    );
    const same = similarityParts(a!, b!);
    expect(same.clash).toBe(false);
    expect(same.topic).toBeGreaterThan(0);
    expect(similarityParts(a!, c!).topic).toBe(0);
  });

  it("does not take the year a thing was built for the year of the claim's event", () => {
    const [a, b] = prepared(
      claim("a", "r1", "Prosecutors opened a criminal case into the collapse of the school, which was completed in 2019."),
      claim("b", "r2", "Investigators opened a case into the firm that built the school seven years ago."),
    );
    expect(cannotLinkReason(a!, b!)).toBeNull();
    const [c, d] = prepared(claim("c", "r1", "In 2008 a quake killed 75 people in the valley."), claim("d", "r2", "The quake killed 75 people in the valley."));
    expect(cannotLinkReason(c!, d!)).toBe("past year");
  });

  it("stems a gerund's plural to its verb", () => {
    expect(stem("warnings")).toBe(stem("warned"));
    expect(stem("buildings")).toBe(stem("building"));
    expect(stem("things")).toBe("thing");
    // a measure put off, in plain words or as an idiom
    expect(["suspended", "suspension", "froze", "frozen", "shelved"].map((w) => concept(stem(w)))).toEqual(Array(5).fill("~suspend"));
    expect(claim("x", "rx", "The government backed down on the fuel price rise.").features.tokens).toContain("~suspend");
    // a noun or verb in -ly is not an adverb
    expect(stem("supply")).toBe(stem("supplies"));
    expect(stem("family")).toBe(stem("families"));
    expect(stem("quickly")).toBe("quick");
  });

  it("still vetoes two known measures that differ", () => {
    const [a, b] = prepared(claim("a", "r1", "The storm killed 12 people in the port."), claim("b", "r2", "The storm injured 40 people in the port."));
    expect(cannotLinkReason(a!, b!)).toBe("different qty:");
  });

  it("keeps a toll in one place apart from a toll in another, but not a reading of the event itself", () => {
    const [tollA, tollB, magA, magB] = prepared(
      claim("a", "r1", "Nine people were killed in Tarvel."),
      claim("b", "r2", "Nine people were killed in Oskar Bay."),
      claim("c", "r3", "The earthquake measured magnitude 5.8 near Tarvel, the survey said."),
      claim("d", "r4", "The earthquake, of magnitude 5.8, was felt across the Oskar Bay coast."),
    );
    const tolls = similarityParts(tollA!, tollB!);
    const readings = similarityParts(magA!, magB!);
    expect(readings.rules).toBeGreaterThan(tolls.rules);
    expect(readings.rules).toBeGreaterThan(0.4);
  });

  it("counts those who perished as killed", () => {
    const topics = claim("a", "r1", "As a result of the flood 17 persons perished.").features.mainTopics;
    expect(topics).toContain("qty:killed");
  });
});
