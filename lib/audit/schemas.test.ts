import { describe, expect, it } from "vitest";
import { ZAuditQuery } from "./schemas";
import { AUDIT_ACTIONS } from "./audit-actions";

describe("audit log filters", () => {
  it("keeps a real day and drops a day that does not exist, rather than failing the page", () => {
    expect(ZAuditQuery.parse({ from: "2026-03-04", to: "2026-02-28" })).toMatchObject({ from: "2026-03-04", to: "2026-02-28" });
    expect(ZAuditQuery.parse({ from: "2026-99-99", to: "2026-02-30" })).toMatchObject({ from: undefined, to: undefined });
    expect(ZAuditQuery.parse({ from: "\u0000", actorId: "not-a-uuid", action: "DROP TABLE" })).toMatchObject({ from: undefined, actorId: undefined, action: undefined });
  });
});

describe("audit action catalogue", () => {
  it("filters by an action in the catalogue and ignores one that is not", () => {
    expect(ZAuditQuery.parse({ action: "story.create" }).action).toBe("story.create");
    expect(ZAuditQuery.parse({ action: "story.explode" }).action).toBeUndefined();
  });

  it("names every action as area.verb with a label", () => {
    for (const [action, label] of Object.entries(AUDIT_ACTIONS)) {
      expect(action).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(label.length).toBeGreaterThan(0);
    }
  });
});
