import { describe, expect, it } from "vitest";
import { LABELLED_REPORTS } from "./fixtures/labelled-claims";
import { splitSentences } from "./sentences";
import { claimFacets, quoteHash, suggestClaims } from "./suggest-claims";

describe("suggesting check-worthy sentences", () => {
  it("suggests a short count with its own verb, from a bulleted list, starting after the mark", () => {
    const text = "Harrow flood, day two.\n\nHOW MANY ARE AFFECTED\n- 22 people are missing.\n- Five, she said.\n- The reservoir was 97% full.";
    const suggested = suggestClaims(text).map((s) => s.text);
    expect(suggested).toContain("22 people are missing.");
    expect(suggested).toContain("The reservoir was 97% full.");
    expect(suggested).not.toContain("Five, she said.");
  });

  it("never suggests a question: a Q&A subhead or a writer's question states nothing to check", () => {
    const text = [
      "Militia fighters entered the market town of Vessa on Tuesday, residents said.",
      "WHAT DOES THE MILITIA WANT?",
      "Where, residents ask, were the reinforcements the army promised on Sunday?",
      "The militia says it wants the provincial governor to resign.",
    ].join("\n");
    expect(suggestClaims(text).map((s) => s.text)).toEqual([
      "Militia fighters entered the market town of Vessa on Tuesday, residents said.",
      "The militia says it wants the provincial governor to resign.",
    ]);
  });

  it("never suggests the headline, byline or masthead above a story, and suggests a bare casualty figure", () => {
    const text = [
      "Tanker hijacked off Kefalora with 21 sailors aboard",
      "By Anna Pell, The Continental Ledger",
      "KEFALORA - Pirates hijacked the tanker Sea Orla off Kefalora on Monday, two maritime security sources said.",
      "About 150 people were hurt.",
      "The army soldiers are sent by government for help of the saving.",
    ].join("\n");
    const texts = suggestClaims(text).map((s) => s.text);
    expect(texts).toEqual([
      "Pirates hijacked the tanker Sea Orla off Kefalora on Monday, two maritime security sources said.",
      "About 150 people were hurt.",
      "The army soldiers are sent by government for help of the saving.",
    ]);
  });

  it("suggests the claim of a wire lead without its dateline, with the reasons it scored", () => {
    const text =
      "VARESH, Dec 3 (Northgate) — Fighters of the Eastern Liberation Command seized the Tel Hamra crossing and were advancing toward Deir al-Marun, two army sources said.";
    const [suggestion, ...rest] = suggestClaims(text);
    expect(rest).toEqual([]);
    expect(suggestion!.text).toMatch(/^Fighters of the Eastern Liberation Command seized .* two army sources said\.$/);
    expect(text.slice(suggestion!.start, suggestion!.end)).toBe(suggestion!.text);
    expect(suggestion!.reasons).toEqual(expect.arrayContaining(["attribution", "event"]));
    expect(suggestion!.score).toBeGreaterThan(0.8);
    expect(suggestion!.score).toBeLessThanOrEqual(1);
  });

  it("trims datelines, live-blog times and bulletin labels, but not a dash inside an ordinary sentence", () => {
    const text = [
      "HALVEK, Dravenia, Dec 3 (Meridian) - Rebel fighters took control of the town, residents said.",
      "Dair Marun – Sada Talvar: The forces of command were entering the city, according to witnesses.",
      "14:55 GMT — Halvek municipality now says more than 6,000 people have arrived.",
      "CASUALTIES: TCM has recorded 6 civilian deaths in Qaryat Nour.",
      "Rebels — who crossed the Sarhan at dawn — seized the bridge, two army sources said.",
      "VARESH, 9 December 2026 / Ostra Daily / - Divers pulled two fishermen alive from the capsized trawler on Tuesday.",
      "TARVEL, Dec 9 /Lindmark/. The coast guard said 12 crew were still missing.",
      "PORT OSKAR, October 13 (Lindmark) – The toll rose to 19 on Monday evening, the health ministry said.",
    ].join("\n\n");
    expect(suggestClaims(text).map((suggestion) => suggestion.text)).toEqual([
      "Rebel fighters took control of the town, residents said.",
      "The forces of command were entering the city, according to witnesses.",
      "Halvek municipality now says more than 6,000 people have arrived.",
      "TCM has recorded 6 civilian deaths in Qaryat Nour.",
      "Rebels — who crossed the Sarhan at dawn — seized the bridge, two army sources said.",
      "Divers pulled two fishermen alive from the capsized trawler on Tuesday.",
      "The coast guard said 12 crew were still missing.",
      "The toll rose to 19 on Monday evening, the health ministry said.",
    ]);
  });

  it("leaves out boilerplate: no comment, could not verify, credits, corrections notes and share lines", () => {
    const text = [
      "The defence ministry in Varesh did not respond to a request for comment.",
      "Northgate could not independently verify the reports.",
      "-- Reporting by Dario Fenn in Halvek and Imre Soltani in Varesh; Editing by Catherine Abell",
      "(Corrects number of soldiers killed in paragraph 3 to 12 from 21)",
      "Share this article | Follow the Herald for updates",
      "The crossing carries the last road bridge over the Sarhan south of the provincial capital Halvek.",
    ].join("\n\n");
    expect(suggestClaims(text)).toEqual([]);
  });

  it("catches transliterated places, number words and event verbs", () => {
    const text = "Government troops pulled out of Tell Abyad ez-Zahra overnight. Dozens of families fled on foot, an aid worker said.";
    expect(suggestClaims(text).map((suggestion) => suggestion.text)).toEqual([
      "Government troops pulled out of Tell Abyad ez-Zahra overnight.",
      "Dozens of families fled on foot, an aid worker said.",
    ]);
  });

  it("gives the same answer every time", () => {
    const text = LABELLED_REPORTS[0]!.paragraphs.join("\n\n");
    expect(suggestClaims(text)).toEqual(suggestClaims(text));
  });

  it("hashes a quote the same whatever its spacing, case or compatibility characters", () => {
    expect(quoteHash("Rebels  seized\nthe bridge.")).toBe(quoteHash(" rebels seized the BRIDGE. "));
    expect(quoteHash("ﬁve killed")).toBe(quoteHash("five killed"));
    expect(quoteHash("Rebels seized the bridge.")).toMatch(/^[0-9a-f]{64}$/);
    expect(quoteHash("Rebels seized the bridge.")).not.toBe(quoteHash("Rebels seized the town."));
  });

  it("covers at least 90% of the labelled claim sentences while suggesting well under every sentence", () => {
    let sentences = 0;
    let labelled = 0;
    let covered = 0;
    let suggested = 0;
    let suggestedNonClaims = 0;
    for (const report of LABELLED_REPORTS) {
      const text = report.paragraphs.join("\n\n");
      const all = splitSentences(text);
      const suggestions = suggestClaims(text);
      for (const label of report.claims) {
        // a label that matches no sentence or several is a fixture error, not a miss
        expect(all.filter((sentence) => sentence.text.includes(label)), `${report.key}: "${label}"`).toHaveLength(1);
      }
      for (const sentence of all) {
        const isClaim = report.claims.some((label) => sentence.text.includes(label));
        const isSuggested = suggestions.some((suggestion) => suggestion.start >= sentence.start && suggestion.end <= sentence.end);
        sentences += 1;
        if (isClaim) labelled += 1;
        if (isClaim && isSuggested) covered += 1;
        if (isSuggested) suggested += 1;
        if (isSuggested && !isClaim) suggestedNonClaims += 1;
      }
    }
    const coverage = covered / labelled;
    const share = suggested / sentences;
    const precision = (suggested - suggestedNonClaims) / suggested;
    console.log(
      `claim suggestion on ${LABELLED_REPORTS.length} labelled reports: ${covered}/${labelled} labelled claim sentences covered (${(coverage * 100).toFixed(1)}%), ` +
        `${suggested}/${sentences} sentences suggested (${(share * 100).toFixed(1)}%), precision ${(precision * 100).toFixed(1)}%`,
    );
    expect(coverage).toBeGreaterThanOrEqual(0.9);
    // well under every sentence: headings, bylines, scene-setting and quotes without a statement
    // stay out (75.0% here once short counted statements such as "22 people are missing." count)
    expect(share).toBeLessThan(0.8);
  });
});

describe("background statements", () => {
  it("suggests a statement in the present tense, and never takes a plural noun for its verb", () => {
    const text = "Tarvel sits in one of the most active seismic zones of the coast, where the shelf pushes into the bay.";
    expect(suggestClaims(text).map((s) => s.text)).toEqual([text]);
  });
});

describe("claim facets", () => {
  const facets = (text: string) => claimFacets({ start: 0, end: text.length, text }).map((f) => f.text);

  it("splits a sentence at each statement it makes: a participle clause, a coordinated clause with its own subject and verb, a semicolon", () => {
    expect(facets("An earthquake struck the valley before dawn, killing at least nine people and injuring about 40.")).toEqual(["An earthquake struck the valley before dawn", "killing at least nine people", "injuring about 40."]);
    expect(facets("The ministry opened the spillway gates on Sunday, and the river rose two metres within an hour.")).toEqual(["The ministry opened the spillway gates on Sunday", "the river rose two metres within an hour."]);
    expect(facets("The line is closed; buses replace trains until Friday.")).toEqual(["The line is closed", "buses replace trains until Friday."]);
  });

  it("keeps a coordinated phrase without a verb of its own, and a compound subject, in one facet", () => {
    expect(facets("Rescuers searched the school, and the houses around it.")).toEqual(["Rescuers searched the school, and the houses around it."]);
    expect(facets("The mayor and the governor visited the shelters on Monday.")).toEqual(["The mayor and the governor visited the shelters on Monday."]);
    // "with" and a list of what came is part of the clause; "with" a count and its state is a statement
    expect(facets("The 30-member Ostra team, with four dogs, flew in from Varesh on Monday.")).toHaveLength(1);
    expect(facets("The toll rose to 31, with 112 people injured in the blast.")).toEqual(["The toll rose to 31", "with 112 people injured in the blast."]);
  });

  it("splits at a second passive predicate of the same subject when it gives a measure, and keeps one without a measure whole", () => {
    expect(facets("The agency said the tremor had a magnitude of 5.8 and was centred 14 km north of Tarvel at a depth of 9 km.")).toEqual([
      "The agency said the tremor had a magnitude of 5.8",
      "was centred 14 km north of Tarvel at a depth of 9 km.",
    ]);
    // a description of a participant ("is owned by a chain") states no second fact to group
    expect(facets("The 90-room hotel opened in 2012 and is owned by a coastal chain.")).toHaveLength(1);
    // a progressive or a copula with a place is the same statement's state, not a passive
    expect(facets("The ferry's captain was found alive and is being questioned by police in Tarvel since 2 p.m.")).toHaveLength(1);
    expect(facets("At least 40 were wounded and are in hospital in Tarvel, 12 of them in a serious state.")).toHaveLength(1);
  });

  it("splits at a coordinated clause whose subject runs to several words", () => {
    expect(facets("The Ostra team had flown in by noon, and a Lindmark aircraft with divers and a field hospital was expected in the evening.")).toEqual([
      "The Ostra team had flown in by noon",
      "a Lindmark aircraft with divers and a field hospital was expected in the evening.",
    ]);
  });
});
