import { describe, expect, it } from "vitest";
import { ZAuditQuery } from "./schemas";

describe("audit log filters", () => {
  it("keeps a real day and drops a day that does not exist, rather than failing the page", () => {
    expect(ZAuditQuery.parse({ from: "2026-03-04", to: "2026-02-28" })).toMatchObject({ from: "2026-03-04", to: "2026-02-28" });
    expect(ZAuditQuery.parse({ from: "2026-99-99", to: "2026-02-30" })).toMatchObject({ from: undefined, to: undefined });
    expect(ZAuditQuery.parse({ from: "\u0000", actorId: "not-a-uuid", action: "DROP TABLE" })).toMatchObject({ from: undefined, actorId: undefined, action: undefined });
  });
});
