import { describe, expect, it } from "vitest";
import { canonicalText, contentHash, paragraphsToHtml } from "./normalize-text";

describe("canonical report text", () => {
  it("collapses whitespace inside paragraphs and drops empty ones", () => {
    expect(canonicalText(["  Fighters  crossed\tthe river. ", "", "\n", "Second  para."])).toBe("Fighters crossed the river.\n\nSecond para.");
  });

  it("gives the same hash to text that differs only in case and spacing", () => {
    expect(contentHash("Head", "A  b\n\nc")).toBe(contentHash("head", "a b c"));
    expect(contentHash("Head", "12 killed")).not.toBe(contentHash("Head", "21 killed"));
  });

  it("escapes markup so imported text can never inject HTML", () => {
    expect(paragraphsToHtml(`<script>alert("x")</script>\n\nA & B`)).toBe(
      "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>\n<p>A &amp; B</p>",
    );
  });
});
