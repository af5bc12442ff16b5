import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors/domain-errors";
import { assertStrongPassword, passwordStrength } from "./password-strength";

describe("password strength", () => {
  it("refuses common and breached passwords and keyboard walks, however long", () => {
    for (const weak of ["password123456", "qwertyuiop12", "1234567890", "iloveyou2026", "letmeinletmein", "aaaaaaaaaaaa"]) {
      expect(passwordStrength(weak).acceptable, weak).toBe(false);
    }
  });

  it("refuses a password made of the person's own name or the desk's", () => {
    expect(passwordStrength("wiredesk2026!").acceptable).toBe(false);
    expect(passwordStrength("Halvorsen2026", ["Marit Halvorsen", "marit.halvorsen@example.org"]).acceptable).toBe(false);
  });

  it("accepts a phrase of unrelated words and a long random string", () => {
    expect(passwordStrength("harbour lantern quietly folds").acceptable).toBe(true);
    expect(passwordStrength("vT7#qL2m!xR9wZ").acceptable).toBe(true);
  });

  it("says why beside the field when it refuses", () => {
    try {
      assertStrongPassword("password123456", []);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const domainError = error as DomainError;
      expect(domainError.kind).toBe("invalid");
      expect(domainError.fieldErrors.password).toMatch(/too easy to guess\. This is similar to a commonly used password\. Use a longer phrase/);
    }
  });
});
