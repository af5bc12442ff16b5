import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ZAddComment, ZEditClaim, ZEvidence, ZSetClaimStatus, ZTagClaim } from "@/lib/claims/schemas";
import { ZCreateExplainer, ZSaveExplainerDraft } from "@/lib/explainers/schemas";
import { parseInput } from "@/lib/errors/parse-input";
import { isDomainError } from "@/lib/errors/domain-errors";
import { findUnstorableInput, hasUnstorableCharacters, MAX_INPUT_DEPTH, withoutUnstorableCharacters } from "./unstorable-text";
import { hasInvisibleCharacters, stripInvisibleCharacters } from "./invisible-characters";

const id = () => crypto.randomUUID();

function deepObject(levels: number): unknown {
  let value: unknown = "leaf";
  for (let i = 0; i < levels; i++) value = { next: value };
  return value;
}

describe("text PostgreSQL cannot store", () => {
  it.each([
    ["a NUL byte", "rebels\u0000 seized"],
    ["a lone high surrogate", "rebels \ud83d seized"],
    ["a lone low surrogate", "rebels \ude00 seized"],
    ["a reversed pair", "\ude00\ud83d"],
  ])("%s is found", (_case, text) => {
    expect(hasUnstorableCharacters(text)).toBe(true);
    expect(hasUnstorableCharacters(withoutUnstorableCharacters(text))).toBe(false);
  });

  it("whole emoji, accents and other scripts are fine", () => {
    for (const text of ["👨‍👩‍👧 family", "Zürich", "خبر عاجل", "日本語", "tab\tand\nnewline"]) expect(hasUnstorableCharacters(text)).toBe(false);
  });

  it("is found anywhere in an input, also in object keys, with the path to it", () => {
    expect(findUnstorableInput({ a: [1, { b: "ok" }, { c: "x\u0000" }] })).toEqual({ problem: "unstorable_text", path: ["a", 2, "c"] });
    expect(findUnstorableInput({ ["k\ud800"]: 1 })).toEqual({ problem: "unstorable_text", path: ["k\ud800"] });
    expect(findUnstorableInput({ a: ["fine"], b: null, c: 3 })).toBeNull();
  });

  it("absurd nesting is refused without overflowing the stack", () => {
    expect(findUnstorableInput(deepObject(100_000))?.problem).toBe("too_deep");
    expect(findUnstorableInput(deepObject(MAX_INPUT_DEPTH - 1))).toBeNull();
  });

  it("every domain input with such text is refused as invalid, naming the field", () => {
    const attempt = (input: unknown) => {
      try {
        parseInput(ZAddComment, input);
        return null;
      } catch (error) {
        if (!isDomainError(error)) throw error;
        return error;
      }
    };
    const nul = attempt({ claimId: id(), body: "see \u0000 here" });
    expect(nul?.kind).toBe("invalid");
    expect(nul?.fieldErrors.body).toMatch(/cannot store/);
    expect(attempt({ claimId: id(), body: "\ud800" })?.fieldErrors.body).toMatch(/cannot store/);
    expect(attempt(deepObject(500))?.message).toMatch(/nested too deeply/);
  });
});

describe("invisible and bidi-control characters", () => {
  it.each([
    ["a zero-width space inside a word", "ver\u200Bified", "verified"],
    ["a right-to-left override that shows a word reversed", "status: \u202Edeifirev\u202C", "status: deifirev"],
    ["bidi isolates", "\u2066a\u2069 \u2067b\u2069 \u2068c\u2069", "a b c"],
    ["left-to-right and right-to-left marks", "14\u200E killed\u200F", "14 killed"],
    ["a byte-order mark and a word joiner", "\uFEFFtwo\u2060 sources", "two sources"],
    ["a soft hyphen", "re\u00ADbels", "rebels"],
    ["Unicode tag characters smuggling ASCII", "hello\u{E0069}\u{E0067}\u{E006E}", "hello"],
    ["joiners outside any word", "\u200D14 killed \u200C", "14 killed "],
  ])("%s is stripped", (_case, text, expected) => {
    expect(hasInvisibleCharacters(text)).toBe(true);
    expect(stripInvisibleCharacters(text)).toBe(expected);
  });

  it.each([
    ["a Persian word with a non-joiner", "می\u200Cخواهم"],
    ["an emoji family joined by ZWJ", "👨\u200D👩\u200D👧"],
    ["the flag of Scotland (a tag sequence)", "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"],
    ["plain Arabic", "قال مسؤولون"],
  ])("%s is kept as written", (_case, text) => {
    expect(stripInvisibleCharacters(text)).toBe(text);
  });

  const hidden = "two police\u200B sources \u202Esaid\u202C";

  it("claims: statement, attribution, evidence notes, rationale and comments are stored without them", () => {
    const tagged = ZTagClaim.parse({ storyId: id(), reportId: id(), reportVersion: 1, start: 0, end: 5, statement: `Rebels ${hidden}`, attribution: hidden });
    expect(tagged.statement).toBe("Rebels two police sources said");
    expect(tagged.attribution).toBe("two police sources said");
    const edited = ZEditClaim.parse({ claimId: id(), version: 1, statement: "\u200BA", attribution: "\u2067B\u2069", tags: [{ kind: "PLACE", value: "Kel\u200Bmore" }] });
    expect([edited.statement, edited.attribution, edited.tags[0]?.value]).toEqual(["A", "B", "Kelmore"]);
    expect(ZEvidence.parse({ kind: "NOTE", note: `Called ${hidden}` })).toEqual({ kind: "NOTE", note: "Called two police sources said" });
    expect(ZSetClaimStatus.parse({ claimId: id(), version: 1, status: "VERIFIED", rationale: "\u202Ebad" }).rationale).toBe("bad");
    expect(ZAddComment.parse({ claimId: id(), body: "ok\u200B" }).body).toBe("ok");
  });

  it("a statement made only of invisible characters counts as empty", () => {
    const result = ZTagClaim.safeParse({ storyId: id(), reportId: id(), reportVersion: 1, start: 0, end: 5, statement: "\u200B\u202E\u2066" });
    expect(result.success).toBe(false);
    expect(z.prettifyError(result.error!)).toMatch(/Write the claim/);
  });

  it("explainers: title, dek, text and citation phrases are stored without them, and emptied text nodes are dropped", () => {
    expect(ZCreateExplainer.parse({ storyId: id(), title: "\u202EWhat to know\u202C" }).title).toBe("What to know");
    const saved = ZSaveExplainerDraft.parse({
      storyId: id(),
      explainerId: id(),
      version: 1,
      title: "Title\u200B",
      dek: "\u2066Dek\u2069",
      content: {
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [
              { type: "text", text: "Rebels \u202Edeziesx\u202C the town" },
              { type: "text", text: "\u200B\u200B", marks: [{ type: "bold" }] },
              { type: "citation", attrs: { claimId: id(), factId: null, attributed: true, attribution: "police\u200B said" } },
            ],
          },
        ],
      },
    });
    expect(saved.title).toBe("Title");
    expect(saved.dek).toBe("Dek");
    const paragraph = saved.content.content[0] as { content: { type: string; text?: string; attrs?: { attribution: string } }[] };
    expect(paragraph.content.map((node) => node.type)).toEqual(["text", "citation"]);
    expect(paragraph.content[0]?.text).toBe("Rebels deziesx the town");
    expect(paragraph.content[1]?.attrs?.attribution).toBe("police said");
  });
});
