import { describe, expect, it } from "vitest";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import type { ExplainerDoc } from "./document-read";
import { aggregateFactStatus, attributionPhrases, attributionSubject, checkWritingRules } from "./writing-rules";

const A = "0190a8a2-1111-7000-8000-00000000000a";

function docCiting(status: ClaimStatus, attributed: boolean, attribution = "") {
  const doc: ExplainerDoc = {
    type: "doc",
    content: [
      {
        type: "bulletList",
        content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Text " }, { type: "citation", attrs: { claimId: A, factId: null, attributed, attribution } }] }] }],
      },
    ],
  };
  return checkWritingRules(doc, new Map([[`claim:${A}`, { status, sourceCount: 1 }]])).map((problem) => problem.kind);
}

describe("writing rules", () => {
  it("lets verified claims be stated as fact and everything else only attributed", () => {
    expect(docCiting("VERIFIED", false)).toEqual([]);
    for (const status of ["UNVERIFIED", "IN_PROGRESS", "DISPUTED", "UNVERIFIABLE"] as const) {
      expect(docCiting(status, false)).toEqual(["needs_attribution"]);
      expect(docCiting(status, true, "according to two army sources")).toEqual([]);
    }
    expect(docCiting("FALSE", false)).toEqual(["false_as_fact"]);
    expect(docCiting("FALSE", true, "Northgate reported this; the desk found it to be false")).toEqual([]);
    expect(docCiting("UNVERIFIED", true, "  ")).toEqual(["empty_attribution"]);
  });

  it("offers phrases from the claim's attribution, its outlet and its source count", () => {
    expect(attributionSubject("two army sources said")).toBe("two army sources");
    expect(attributionSubject("said a military spokesman")).toBe("a military spokesman");
    expect(attributionPhrases({ status: "UNVERIFIED", attribution: "two army sources said", outlets: ["Northgate Wire"], sourceCount: 1 })).toEqual([
      "according to two army sources",
      "Northgate Wire reported; this could not be independently verified",
    ]);
    expect(attributionPhrases({ status: "DISPUTED", attribution: null, outlets: ["Meridian", "Atlas"], sourceCount: 2 })).toContain("according to two outlets; other sources dispute this");
    expect(attributionPhrases({ status: "FALSE", attribution: null, outlets: ["Courier"], sourceCount: 1 })[0]).toBe("Courier reported this; the desk found it to be false");
  });

  it("aggregates a fact: false beats disputed beats all-verified", () => {
    expect(aggregateFactStatus(["VERIFIED", "FALSE", "DISPUTED"])).toBe("FALSE");
    expect(aggregateFactStatus(["VERIFIED", "DISPUTED"])).toBe("DISPUTED");
    expect(aggregateFactStatus(["VERIFIED", "VERIFIED"])).toBe("VERIFIED");
    expect(aggregateFactStatus(["VERIFIED", "UNVERIFIED"])).toBe("UNVERIFIED");
    expect(aggregateFactStatus([])).toBe("UNVERIFIED");
  });
});
