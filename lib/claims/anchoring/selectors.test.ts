import { describe, expect, it } from "vitest";
import { describeAnchor } from "./selectors";
import { CASUALTIES, LEAD, REPORT_V1, spanOf } from "./wire-fixtures";

describe("describeAnchor", () => {
  it("quotes the span with 32 characters of context on each side", () => {
    const { start, end } = spanOf(REPORT_V1, "At least 21 civilians were killed");
    const anchor = describeAnchor(REPORT_V1, start, end);
    expect(anchor.position).toEqual({ start, end });
    expect(anchor.quote.exact).toBe("At least 21 civilians were killed");
    expect(anchor.quote.prefix).toBe(REPORT_V1.slice(start - 32, start));
    expect(anchor.quote.prefix.endsWith("two army sources said.\n\n")).toBe(true);
    expect(anchor.quote.suffix).toBe(" in shelling near el-Maroun, the");
  });

  it("clips the context at the start and end of the text", () => {
    const first = describeAnchor(REPORT_V1, 0, LEAD.length);
    expect(first.quote.prefix).toBe("");
    expect(first.quote.suffix).toBe(REPORT_V1.slice(LEAD.length, LEAD.length + 32));
    const last = describeAnchor(REPORT_V1, REPORT_V1.length - 10, REPORT_V1.length);
    expect(last.quote.suffix).toBe("");
    expect(describeAnchor(CASUALTIES, 3, 8, 5).quote).toEqual({ prefix: "At ", exact: "least", suffix: " 21 c" });
  });

  it("rejects empty, reversed, out-of-bounds and fractional ranges with a RangeError", () => {
    expect(() => describeAnchor(LEAD, 5, 5)).toThrow(RangeError);
    expect(() => describeAnchor(LEAD, 6, 5)).toThrow(RangeError);
    expect(() => describeAnchor(LEAD, -1, 5)).toThrow(RangeError);
    expect(() => describeAnchor(LEAD, 0, LEAD.length + 1)).toThrow(RangeError);
    expect(() => describeAnchor(LEAD, 0.5, 5)).toThrow(RangeError);
    expect(() => describeAnchor("", 0, 0)).toThrow(RangeError);
  });

  it("never cuts an emoji in half, in the quote or in its context", () => {
    const text = "Crowds cheered 🎉 in Tel Harra.";
    const emoji = text.indexOf("🎉");
    expect(() => describeAnchor(text, emoji + 1, text.length)).toThrow(RangeError);
    expect(() => describeAnchor(text, 0, emoji + 1)).toThrow(RangeError);
    // 2 units of context before "in" would start inside the emoji: the prefix drops that half
    const inAt = text.indexOf("in Tel");
    expect(describeAnchor(text, inAt, inAt + 2, 2).quote.prefix).toBe(" ");
    expect(describeAnchor(text, inAt, inAt + 2, 3).quote.prefix).toBe("🎉 ");
    expect(describeAnchor(text, 0, emoji - 1, 2).quote.suffix).toBe(" ");
    expect(describeAnchor(text, emoji, emoji + 2).quote.exact).toBe("🎉");
  });
});
