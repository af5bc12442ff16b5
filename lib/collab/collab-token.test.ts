import { describe, expect, it } from "vitest";
import { explainerDocumentName, explainerIdOf, issueCollabToken, verifyCollabToken } from "./collab-token";

const secret = "s".repeat(40);
const userId = "0191e0a4-7c1e-7c2a-9a1b-4e5f6a7b8c9d";
const explainerId = "0191e0a4-7c1e-7c2a-9a1b-000000000001";
const doc = explainerDocumentName(explainerId);

describe("collaboration tokens", () => {
  it("accepts a fresh token for its own document and tells its mode", () => {
    const { token } = issueCollabToken({ doc, userId, mode: "read" }, secret);
    const check = verifyCollabToken(token, doc, secret);
    expect(check).toEqual({ ok: true, payload: expect.objectContaining({ sub: userId, mode: "read", doc }) });
  });

  it("refuses a token scoped to another document", () => {
    const { token } = issueCollabToken({ doc, userId, mode: "write" }, secret);
    const other = explainerDocumentName("0191e0a4-7c1e-7c2a-9a1b-000000000002");
    expect(verifyCollabToken(token, other, secret)).toEqual({ ok: false, reason: "wrong-document" });
  });

  it("refuses an expired token", () => {
    const now = Date.UTC(2026, 10, 21, 12);
    const { token } = issueCollabToken({ doc, userId, mode: "write", now, ttlSeconds: 60 }, secret);
    expect(verifyCollabToken(token, doc, secret, now + 59_000).ok).toBe(true);
    expect(verifyCollabToken(token, doc, secret, now + 60_000)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a token whose payload was edited to upgrade read to write", () => {
    const { token } = issueCollabToken({ doc, userId, mode: "read" }, secret);
    const [payload, signature] = token.split(".") as [string, string];
    const decoded = JSON.parse(Buffer.from(payload, "base64url").toString());
    const forged = Buffer.from(JSON.stringify({ ...decoded, mode: "write" })).toString("base64url");
    expect(verifyCollabToken(`${forged}.${signature}`, doc, secret)).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("refuses a token signed with another secret, and garbage", () => {
    const { token } = issueCollabToken({ doc, userId, mode: "write" }, "t".repeat(40));
    expect(verifyCollabToken(token, doc, secret).ok).toBe(false);
    for (const junk of ["", ".", "abc", "a.b.c", `${"x".repeat(3000)}.y`]) {
      expect(verifyCollabToken(junk, doc, secret).ok).toBe(false);
    }
  });

  it("maps document names to explainer ids and rejects anything else", () => {
    expect(explainerIdOf(doc)).toBe(explainerId);
    expect(explainerIdOf("explainer:../../etc")).toBeNull();
    expect(explainerIdOf(`story:${explainerId}`)).toBeNull();
  });
});
