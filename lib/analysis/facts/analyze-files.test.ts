import { describe, expect, it } from "vitest";
import { analyzeFiles, decodeReportFile, outletOf, publishedAtOf } from "./analyze-files";

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

  it("gives byte-identical output for the same input", () => {
    const files = [
      { file: "wire.txt", text: WIRE },
      { file: "broadsheet.txt", text: BROADSHEET },
    ];
    expect(JSON.stringify(analyzeFiles(files))).toBe(JSON.stringify(analyzeFiles(files)));
  });
});
