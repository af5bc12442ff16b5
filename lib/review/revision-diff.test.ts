import { describe, expect, it } from "vitest";
import { diffDocumentLines, diffRevisions } from "./revision-diff";
import type { ExplainerDoc } from "@/lib/explainers/document";

const CLAIM_A = "0190a8a2-1111-7000-8000-00000000000a";
const CLAIM_B = "0190a8a2-1111-7000-8000-00000000000b";

function doc(bullets: [string, string, boolean?][]): ExplainerDoc {
  return {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "What we know" }] },
      {
        type: "bulletList",
        content: bullets.map(([text, claimId, attributed]) => ({
          type: "listItem" as const,
          content: [{ type: "paragraph" as const, content: [{ type: "text" as const, text }, { type: "citation" as const, attrs: { claimId, factId: null, attributed: attributed ?? false, attribution: attributed ? "according to the army" : "" } }] }],
        })),
      },
    ],
  };
}

describe("revision diff", () => {
  it("word-diffs an edited bullet but shows a rewritten one as removed and added", () => {
    const lines = diffDocumentLines("## What we know\n- Rebels seized the crossing.\n- At least 21 soldiers were killed.", "## What we know\n- Rebels seized the crossing on Thursday.\n- More than 5,000 people fled.")!;
    expect(lines.map((line) => line.kind)).toEqual(["same", "changed", "removed", "added"]);
    expect(lines[1]!.parts).toContainEqual({ kind: "added", text: " on Thursday" });
  });

  it("lists citations added, removed and stated differently", () => {
    const diff = diffRevisions({ title: "T", dek: "", content: doc([["One", CLAIM_A]]) }, { title: "T", dek: "", content: doc([["One", CLAIM_A, true], ["Two", CLAIM_B]]) });
    expect(diff.citationsAdded.map((citation) => citation.claimId)).toEqual([CLAIM_B]);
    expect(diff.citationsRemoved).toEqual([]);
    expect(diff.citationsChanged).toEqual([expect.objectContaining({ claimId: CLAIM_A, attributed: true, form: "ATTRIBUTED", before: { attributed: false, attribution: "", form: "FACT" } })]);
  });

  it("treats a first revision as all new", () => {
    const diff = diffRevisions(null, { title: "Title", dek: "Dek", content: doc([["One", CLAIM_A]]) });
    expect(diff.body?.every((line) => line.kind === "added")).toBe(true);
    expect(diff.citationsAdded).toHaveLength(1);
  });
});
