import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const run = (...args: string[]) => spawnSync(tsx, ["scripts/analyze.ts", ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });

describe("npm run analyze", () => {
  it("prints the claims and facts of two fixture reports as JSON", () => {
    const a = "lib/analysis/fixtures/facts/reports/northgate-0412.txt";
    const b = "lib/analysis/fixtures/facts/reports/meridian-0745.txt";
    const result = run(a, b);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout) as { claims: { id: string; file: string }[]; facts: { id: string; claimIds: string[]; sources: string[]; conflicts: { kind: string }[] }[] };
    expect(new Set(out.claims.map((c) => c.file))).toEqual(new Set([a, b]));
    expect(out.facts.length).toBeGreaterThan(0);
    expect(out.facts.some((f) => f.sources.join() === "Meridian,Northgate" && f.conflicts.some((c) => c.kind === "NUMBER"))).toBe(true);
  }, 60_000);

  it("explains usage without files and refuses missing, empty or binary files", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "analyze-"));
    writeFileSync(path.join(dir, "empty.txt"), "");
    writeFileSync(path.join(dir, "image.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d]));
    const usage = run();
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/Usage: npm run analyze -- FILE/);
    const missing = run(path.join(dir, "nope.txt"));
    expect([missing.status, missing.stderr]).toEqual([1, `analyze: cannot read ${path.join(dir, "nope.txt")}: no such file\n`]);
    expect(run(path.join(dir, "empty.txt")).stderr).toMatch(/empty file/);
    const binary = run(path.join(dir, "image.png"));
    expect([binary.status, binary.stdout]).toEqual([1, ""]);
    expect(binary.stderr).toMatch(/binary file/);
  }, 60_000);
});
