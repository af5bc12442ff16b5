import { describe, expect, it } from "vitest";
import { findEntities } from "./entities";
import { documentFrequencies, prepareClaim, similarityParts } from "./similarity";
import { extractClaimFeatures } from "./features";
import type { FeaturedClaim } from "./types";

const keys = (text: string) => findEntities(text, text).map((e) => e.key);

function claim(id: string, text: string): FeaturedClaim {
  const input = { id, reportId: id, start: 0, end: text.length, text };
  return { ...input, source: id, features: extractClaimFeatures(input, { id, source: id, text, publishedAt: "2026-06-02T12:00:00Z" }) };
}

// invented groups and places
describe("entities named by their own name", () => {
  it("types a group its sentence calls a group as an organisation, keyed so its transliterations meet", () => {
    expect(keys("Saraya al-Wadi, an armed group active in the east, claimed the ambush.")).toEqual([keys("The Saraya el-Wadi group claimed the ambush.")[0]]);
    expect(keys("The group Sarayah Wadi said it carried out the ambush.")).toEqual(keys("The Saraya el-Wadi group claimed the ambush."));
    expect(keys("The Saraya el-Wadi group claimed the ambush.")[0]).toMatch(/^org:/u);
    // a body whose name says what it is still meets its acronym by initials
    expect(keys("Fighters of the Eastern Liberation Command (ELC) seized the ridge.")).toEqual(["org:elc", "org:elc"]);
  });

  it("parts a place's possessive from the name that follows it", () => {
    expect(keys("A strong earthquake struck Veldoria's Oskar region at dawn.")).toEqual([keys("It struck Veldoria.")[0], keys("It struck Oskar.")[0]]);
    expect(keys("Units of Dravenia's Eastern Liberation Command took the ridge.")).toEqual([keys("It reached Dravenia.")[0], "org:elc"]);
    // a possessive the report also writes as a word is part of one name
    const report = "The Workers' Defence League said workers had fled.";
    expect(findEntities(report, report).map((e) => e.text)).toEqual(["Workers' Defence League"]);
  });

  it("matches a name whatever kind each outlet's wording made it", () => {
    const texts = ["Saraya al-Wadi, an armed group, claimed responsibility for the ambush.", "Saraya al-Wadi has claimed responsibility for the ambush."];
    const claims = texts.map((t, i) => claim(`c${i}`, t));
    expect(new Set(claims.map((c) => c.features.entities[0]!.kind)).size).toBe(2);
    const df = documentFrequencies(claims);
    const [a, b] = claims.map((c, i) => prepareClaim(c, i, df, claims.length));
    expect(similarityParts(a!, b!).ent).toBe(1);
  });

  it("keys a person by surname with its particles, and types a name set beside a noun for a person", () => {
    expect(keys("Opposition leader Karim Ben Salah was detained at dawn.")).toEqual(keys("Karim Bensalah, the country's best-known opposition figure, was detained."));
    expect(keys("Opposition leader Karim Ben-Salah was freed late on Tuesday.")[0]).toBe(keys("Opposition leader Karim Ben Salah was detained at dawn.")[0]);
    expect(keys("Karim Bensalah, the country's best-known opposition figure, was detained.")[0]).toMatch(/^actor:/u);
    // a surname alone keeps its particle too; a place described by its people stays a place
    expect(keys("Ben Salah was freed.")[0]!.split(":")[1]).toBe(keys("Opposition leader Karim Ben Salah was detained at dawn.")[0]!.split(":")[1]);
    // what an organisation is for is part of its name; "of" may name a real place
    expect(keys("The Qalmara Observatory for Human Rights said 27 people had been killed.")).toEqual(keys("The Qalmara Observatory said 27 people had been killed."));
    expect(keys("He leads the opposition Movement for Renewal.").filter((k) => !k.startsWith("org:"))).toEqual([]);
    expect(keys("The Emergencies Ministry of Kyrgyzstan said the toll rose.").some((k) => k.startsWith("place:"))).toBe(true);
    // a lower-case particle keeps the name whole, and an age after a name makes it a person
    expect(keys("Karim ben Salah, 54, leads the opposition and is a critic of President Omar Valdi.")[0]).toBe(keys("Opposition leader Karim Ben Salah was detained at dawn.")[0]);
    expect(keys("Residents of Vessa, a town of farmers and traders, fled.")[0]).toMatch(/^place:/u);
    expect(keys("Residents of the Harsa network of villages fled.")[0]).toMatch(/^place:/u);
  });

  it("gives a sentence that opens with he or she the person the sentence before named", () => {
    const report = "Opposition leader Karim Ben Salah spoke at the rally on Monday. He was detained at his home before dawn.";
    const start = report.indexOf("He was");
    const features = extractClaimFeatures({ id: "p", reportId: "rp", start, end: report.length, text: report.slice(start) }, { id: "rp", source: "Outlet", text: report });
    expect(features.entities.map((e) => e.key)).toEqual(keys("Opposition leader Karim Ben Salah spoke."));
  });

  it("credits an attack to the group that claims it, and never reads the claim as who says so", () => {
    const agents = (text: string) => claim("x", text).features.events.filter((e) => e.cls === "ATTACK").map((e) => e.agent);
    expect(agents("Saraya al-Wadi, an armed group active in the east, claimed responsibility for the ambush.")).toContain(keys("The Saraya el-Wadi group claimed the ambush.")[0]);
    expect(agents("The ambush was carried out by the Eastern Liberation Command (ELC), according to social media posts.")).toContain("org:elc");
    expect(claim("y", "The Saraya el-Wadi group claimed the ambush in a statement.").features.attribution).toBeNull();
    expect(claim("z", "The rebels claimed they had taken the town.").features.attribution?.speaker).toBe("The rebels");
  });

  it("keys a building by its name, not by the word for what kind of building it is", () => {
    expect(keys("Gunmen seized the Al-Marjan Palace Hotel on Tuesday.")[0]).toBe(keys("The gunmen burst into the El-Marjan Palace on Tuesday night.")[0]);
    expect(keys("Armed men took over the El Marjan hotel on Tuesday evening.")[0]).toBe(keys("Gunmen seized the Al-Marjan Palace Hotel on Tuesday.")[0]);
  });
});

