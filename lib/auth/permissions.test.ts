import { describe, expect, it } from "vitest";
import { ACTIONS, API_TOKEN_ACTIONS, PERMISSIONS, actorCan, assertCan, can } from "./permissions";

describe("permissions table", () => {
  it("lets an admin do every action", () => {
    for (const action of ACTIONS) expect(can("ADMIN", action)).toBe(true);
  });

  it("keeps people management and the desk audit log from editors and reviewers", () => {
    for (const role of ["EDITOR", "REVIEWER"]) {
      expect(can(role, "people.manage")).toBe(false);
      expect(can(role, "audit.read_all")).toBe(false);
      expect(can(role, "api_token.manage")).toBe(false);
    }
  });

  it("lets only reviewers and admins review revisions", () => {
    expect(can("EDITOR", "revision.review")).toBe(false);
    expect(can("REVIEWER", "revision.review")).toBe(true);
  });

  it("denies unknown roles and prototype keys everything", () => {
    for (const role of ["", "GUEST", "admin", "__proto__", "constructor", "toString"]) {
      for (const action of ACTIONS) expect(can(role, action)).toBe(false);
    }
  });

  it("throws a forbidden domain error when the role lacks the action", () => {
    expect(() => assertCan({ role: "EDITOR" }, "people.manage")).toThrowError(/permission/);
    expect(() => assertCan({ role: "ADMIN" }, "people.manage")).not.toThrow();
  });

  it("gives every role a list (no role forgotten)", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(["ADMIN", "EDITOR", "REVIEWER", "VIEWER"]);
  });

  it("lets a viewer read the desk and change nothing", () => {
    expect(can("VIEWER", "story.read")).toBe(true);
    for (const action of ACTIONS.filter((candidate) => candidate !== "story.read")) expect(can("VIEWER", action)).toBe(false);
  });

  it("limits an API token to reading stories and importing reports, even when an admin made it", () => {
    const token = { role: "ADMIN" as const, apiTokenId: "token-1" };
    expect(actorCan(token, "report.import")).toBe(true);
    expect(actorCan(token, "people.manage")).toBe(false);
    expect(actorCan(token, "story.archive")).toBe(false);
    for (const action of ACTIONS) expect(actorCan(token, action)).toBe((API_TOKEN_ACTIONS as readonly string[]).includes(action));
  });
});
