/**
 * Decides whether the production build is current: a hash over the sources that go into it.
 * `npm start` rebuilds only when that hash changed since the last build.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const INPUTS = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.js", "package-lock.json", "tsconfig.json", "postcss.config.mjs", "instrumentation.ts", "proxy.ts"];
const SKIP = new Set(["node_modules", ".next", "generated"]);
export const STAMP_FILE = ".next/wiredesk-build-stamp";

function walk(entry: string, hash: ReturnType<typeof createHash>): void {
  if (!existsSync(entry)) return;
  const stat = statSync(entry);
  if (stat.isDirectory()) {
    for (const child of readdirSync(entry).sort()) if (!SKIP.has(child)) walk(path.join(entry, child), hash);
    return;
  }
  if (/\.test\.tsx?$/.test(entry)) return;
  hash.update(entry);
  hash.update(readFileSync(entry));
}

export function sourceHash(): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) walk(input, hash);
  return hash.digest("hex");
}

export function buildIsCurrent(): boolean {
  return existsSync(".next/BUILD_ID") && existsSync(STAMP_FILE) && readFileSync(STAMP_FILE, "utf8") === sourceHash();
}
