import { describe, expect, it } from "vitest";
import { analyzeFiles, decodeReportFile, featureFiles, outletOf, publishedAtOf } from "./analyze-files";

const WIRE = [
  "VARESH, Dec 9 (Northgate) — Rebels captured the Ain Sorra dam before dawn on Wednesday and were advancing on Qasr al-Habib, two army officers said.",
  "At least 14 soldiers were killed in the assault, the officers said.",
].join("\n\n");
const BROADSHEET = [
  "HALVEK, Dravenia, Dec 9 (Meridian) - Rebel fighters seized the Ain Sorra dam on Wednesday, a rebel spokesman said.",
  "The spokesman said 11 government soldiers had been killed.",
].join("\n\n");

describe("the analyze command's core", () => {
  it("finds the outlet in a dateline credit, a named dateline, a byline or a masthead, else uses the file name", () => {
    expect(outletOf("a.txt", WIRE)).toBe("Northgate");
    expect(outletOf("a.txt", "Qasr Al Habeeb – Sada Talvar: The forces entered the town.")).toBe("Sada Talvar");
    expect(outletOf("a.txt", "Rebels seize dam\n\nBy Miriam Holt, Atlas World Service\n\nRebels seized the dam.")).toBe("Atlas World Service");
    expect(outletOf("a.txt", "EASTBANK HERALD | Wednesday 9 December 2026\n\nThe town fell.")).toBe("EASTBANK HERALD");
    expect(outletOf("reports/ledger-live.txt", "14:22 GMT — The UN called for a corridor.")).toBe("ledger-live");
  });

  it("dates a report from its dateline, borrowing the year from the opening lines, or leaves it unknown", () => {
    expect(publishedAtOf("EASTBANK HERALD | Wednesday 9 December 2026 | Updated 5.10pm")).toBe("2026-12-09");
    // a year in the story's prose is not the report's
    expect(publishedAtOf("Rebels take the dam\nBy Ann Lee, KBN News\nMarch 11, 4:12 PM ET\n\nThe front, a separatist group that has been fighting for autonomy since 2009, took the dam on Tuesday.")).toBeNull();
    expect(publishedAtOf("Flash Update (as of 15:00 local, 9 December 2026)\n\nVARESH, Dec 10 (Northgate) — ...")).toBe("2026-12-09");
    expect(publishedAtOf(WIRE)).toBeNull();
    expect(publishedAtOf("Rebels seized the dam.")).toBeNull();
  });

  it("refuses binary, non-UTF-8 and empty files with a message naming the file", () => {
    expect(() => decodeReportFile("x.bin", new Uint8Array([65, 0, 66]))).toThrow(/x\.bin: binary file/);
    expect(() => decodeReportFile("x.txt", new Uint8Array([0xff, 0xfe, 0xfd]))).toThrow(/x\.txt: not valid UTF-8/);
    expect(() => decodeReportFile("x.txt", new TextEncoder().encode("  \n\n "))).toThrow(/x\.txt: empty file/);
    expect(decodeReportFile("x.txt", new TextEncoder().encode("\uFEFFRebels seized the dam."))).toBe("Rebels seized the dam.");
  });

  it("numbers claims in file order, indexes each file's text exactly, and groups facts across the files", () => {
    const out = analyzeFiles([
      { file: "wire.txt", text: WIRE },
      { file: "broadsheet.txt", text: BROADSHEET },
    ]);
    expect(out.claims.map((c) => c.id)).toEqual(out.claims.map((_, i) => `c${i + 1}`));
    for (const claim of out.claims) {
      const text = claim.file === "wire.txt" ? WIRE : BROADSHEET;
      expect(text.slice(claim.start, claim.end)).toBe(claim.text);
      expect(Object.keys(claim)).toEqual(["id", "file", "start", "end", "text", "score"]);
    }
    const toll = out.facts.find((fact) => fact.claimIds.some((id) => out.claims.find((c) => c.id === id)!.text.includes("14 soldiers")));
    expect(toll).toBeDefined();
    expect(toll!.sources).toEqual(["Meridian", "Northgate"]);
    expect(toll!.conflicts.find((c) => c.kind === "NUMBER")?.detail).toBe("Killed (soldiers): At least 14 (Northgate) vs 11 (Meridian)");
    expect(out.facts.every((fact, i) => fact.id === `f${i + 1}` && fact.claimIds.length >= 2)).toBe(true);
  });

  it("works on an event it was not written for: two outlets on an earthquake", () => {
    const a = [
      "MERANO BAY, June 4 (Kestrel Wire) - A magnitude 6.4 earthquake struck off the coast of Merano Bay early on Thursday, killing at least 32 people and injuring more than 200, civil protection officials said.",
      '"We are still pulling people out of the rubble," regional governor Alma Ferrant told reporters.',
    ].join("\n\n");
    const b = [
      "Quake kills dozens on Merano coast\n\nBy Lena Ostrova, Harbourline News",
      "At least 41 people were killed when a 6.2-magnitude earthquake hit the Merano coast before dawn on Thursday, the regional governor said.",
      '"We are still getting people out from under the rubble," Governor Alma Ferrant said.',
    ].join("\n\n");
    const out = analyzeFiles([
      { file: "a.txt", text: a },
      { file: "b.txt", text: b },
    ]);
    const kinds = out.facts.map((fact) => fact.conflicts.map((c) => c.kind));
    expect(out.facts.every((fact) => fact.sources.join() === "Harbourline News,Kestrel Wire")).toBe(true);
    // the lead is in the toll's fact and in the magnitude's (each its own number conflict)
    const numbers = out.facts.flatMap((fact) => fact.conflicts).filter((c) => c.kind === "NUMBER").map((c) => c.detail);
    expect(numbers).toContain("Killed (civilians): at least 32 (Kestrel Wire) vs At least 41 (Harbourline News)");
    expect(numbers).toContain("Magnitude: 6.4 (Kestrel Wire) vs 6.2 (Harbourline News)");
    expect(kinds.some((k) => k.includes("WORDING"))).toBe(true);
  });

  it("gives byte-identical output for the same input", () => {
    const files = [
      { file: "wire.txt", text: WIRE },
      { file: "broadsheet.txt", text: BROADSHEET },
    ];
    expect(JSON.stringify(analyzeFiles(files))).toBe(JSON.stringify(analyzeFiles(files)));
  });

  it("reads the story's country across its reports, and a sentence placed in another one makes each of its facets elsewhere", () => {
    const files = [
      { file: "a.txt", text: "LIMA, Dec 9 (Northgate) — A strong earthquake struck southern Peru on Wednesday, killing at least 14 people, Peru's civil defence said.\n\nTwo people died and 27 were hurt in Arica province of Chile, a senior doctor told the Herald." },
      { file: "b.txt", text: "TACNA, Peru, Dec 9 (Meridian) - The quake killed 14 people in Peru's Tacna region and injured 80, officials said." },
    ];
    const { featured } = featureFiles(files);
    const abroad = featured.filter((f) => f.text.includes("27 were hurt") || f.text.startsWith("Two people died"));
    expect(abroad.length).toBeGreaterThan(0);
    expect(abroad.every((f) => f.features.elsewhere)).toBe(true);
    const home = featured.filter((f) => /\b14\b/u.test(f.text));
    expect(home.length).toBeGreaterThan(0);
    expect(home.every((f) => !f.features.elsewhere)).toBe(true);
  });
});
