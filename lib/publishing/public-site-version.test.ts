import { describe, expect, it } from "vitest";
import { PublicSiteVersionReader } from "./public-site-version";

/** A query whose answers the test releases by hand, recording when each was sent. */
function controlledQuery() {
  const pending: { resolve: (value: bigint) => void; reject: (error: Error) => void }[] = [];
  const query = () => new Promise<bigint>((resolve, reject) => pending.push({ resolve, reject }));
  return { query, pending };
}

describe("reading the public site version", () => {
  it("a caller that arrives while a query is in flight gets the next query's answer, shared with everyone who arrived meanwhile", async () => {
    const { query, pending } = controlledQuery();
    const reader = new PublicSiteVersionReader(query);
    const early = reader.read();
    // the publish commits after the first query's snapshot; these callers arrive after it returned
    const late = [reader.read(), reader.read(), reader.read()];
    expect(pending).toHaveLength(1);
    pending[0]!.resolve(1n);
    expect(await early).toBe(1n);
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(pending).toHaveLength(2);
    pending[1]!.resolve(2n);
    expect(await Promise.all(late)).toEqual([2n, 2n, 2n]);
    expect(reader.queries).toBe(2);
  });

  it("a failed query fails only its own callers; the next callers get a fresh query", async () => {
    const { query, pending } = controlledQuery();
    const reader = new PublicSiteVersionReader(query);
    const first = reader.read();
    const second = reader.read();
    pending[0]!.reject(new Error("connection reset"));
    await expect(first).rejects.toThrow("connection reset");
    await new Promise((resolve) => setImmediate(resolve));
    pending[1]!.resolve(7n);
    expect(await second).toBe(7n);
    const third = reader.read();
    pending[2]!.resolve(8n);
    expect(await third).toBe(8n);
  });
});
