import { describe, expect, it } from "vitest";
import { collabConnectSources, createNonce, deskContentSecurityPolicy, scriptFreeContentSecurityPolicy } from "./content-security-policy";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split("; ").map((directive) => {
    const [name = "", ...sources] = directive.split(" ");
    return [name, sources] as const;
  }));
}

describe("the desk's Content-Security-Policy", () => {
  const policy = (development = false) => directives(deskContentSecurityPolicy({ nonce: "abc123==", connectSources: ["ws://desk.example:3001"], development }));

  it("lets only scripts with this response's nonce run, and what they load", () => {
    expect(policy().get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
  });

  it("never allows eval in production, only in development", () => {
    expect(policy(false).get("script-src")).not.toContain("'unsafe-eval'");
    expect(policy(true).get("script-src")).toContain("'unsafe-eval'");
  });

  it("lets the page reach its own origin and the co-editing websocket, nothing else", () => {
    expect(policy().get("connect-src")).toEqual(["'self'", "ws://desk.example:3001"]);
  });

  it("cannot be framed, load plugins, change its base or post forms elsewhere", () => {
    const parsed = policy();
    expect(parsed.get("default-src")).toEqual(["'self'"]);
    expect(parsed.get("frame-ancestors")).toEqual(["'none'"]);
    expect(parsed.get("object-src")).toEqual(["'none'"]);
    expect(parsed.get("base-uri")).toEqual(["'self'"]);
    expect(parsed.get("form-action")).toEqual(["'self'"]);
    expect(parsed.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(parsed.get("img-src")).toEqual(["'self'", "data:", "https:"]);
    expect(parsed.get("font-src")).toEqual(["'self'"]);
  });
});

describe("where the co-editing websocket may connect", () => {
  it("is the page's host on the collaboration port, over ws or wss", () => {
    expect(collabConnectSources({ hostHeader: "Desk.Example.org:3000", port: 3001 })).toEqual(["ws://desk.example.org:3001", "wss://desk.example.org:3001"]);
    expect(collabConnectSources({ hostHeader: "[::1]:3000", port: 3001 })).toEqual(["ws://[::1]:3001", "wss://[::1]:3001"]);
  });

  it("is the public URL's origin when one is configured", () => {
    expect(collabConnectSources({ hostHeader: "desk.example.org", port: 3001, publicUrl: "wss://desk.example.org/collab" })).toEqual(["wss://desk.example.org"]);
  });

  it("is nowhere when the Host header could inject a directive", () => {
    expect(collabConnectSources({ hostHeader: "evil; script-src *", port: 3001 })).toEqual([]);
    expect(collabConnectSources({ hostHeader: null, port: 3001 })).toEqual([]);
  });
});

describe("nonces", () => {
  it("are fresh for every response and base64 of 16 random bytes", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("the policy of pages without scripts", () => {
  it("lets nothing run or connect, and allows only inline styles and images", () => {
    const parsed = directives(scriptFreeContentSecurityPolicy());
    expect(parsed.get("default-src")).toEqual(["'none'"]);
    expect(parsed.has("script-src")).toBe(false);
    expect(parsed.get("style-src")).toEqual(["'unsafe-inline'"]);
    expect(parsed.get("frame-ancestors")).toEqual(["'none'"]);
  });
});
