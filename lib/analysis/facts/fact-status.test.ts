import { describe, expect, it } from "vitest";
import { deriveFactStatus } from "./fact-status";

describe("a fact's status from all its claims", () => {
  it("shows verified claims beside a false one as disputed, with the breakdown", () => {
    expect(deriveFactStatus(["verified", "verified", "verified", "false"])).toEqual({ status: "disputed", breakdown: "3 verified, 1 false: disputed", derived: true });
  });
  it("is verified when checked claims agree and the rest are unchecked", () => {
    expect(deriveFactStatus(["verified", "unverified"]).status).toBe("verified");
  });
  it("is false only when every claim is false", () => {
    expect(deriveFactStatus(["false", "false"]).status).toBe("false");
    expect(deriveFactStatus(["false", "unverified"]).status).toBe("disputed");
  });
  it("lets an editor's explicit status win, keeping the breakdown", () => {
    const s = deriveFactStatus(["verified", "false"], "verified");
    expect(s.status).toBe("verified");
    expect(s.derived).toBe(false);
    expect(s.breakdown).toContain("1 verified, 1 false");
  });
});
