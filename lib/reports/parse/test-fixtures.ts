import { readFileSync } from "node:fs";
import path from "node:path";
import { parseUpload } from "./parse-upload";
import { type ParsedReport, type ParseResult } from "./types";

/** Test helpers: fixtures are read from disk exactly as an upload would deliver them. */
export const FIXTURES_DIR = path.join(__dirname, "fixtures");

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES_DIR, name)));
}

export function parseFixture(name: string, contentType?: string): ParseResult {
  return parseUpload({ name: path.basename(name), bytes: fixtureBytes(name), contentType });
}

/** The reports of a fixture that must parse; fails the test with the parser's error otherwise. */
export function reportsOf(name: string, contentType?: string): ParsedReport[] {
  const result = parseFixture(name, contentType);
  if (!result.ok) throw new Error(`expected ${name} to parse, got: ${result.error}`);
  return result.reports;
}

/** The error of a fixture that must be rejected. */
export function errorOf(name: string, contentType?: string): string {
  const result = parseFixture(name, contentType);
  if (result.ok) throw new Error(`expected ${name} to be rejected, got ${result.reports.length} report(s)`);
  return result.error;
}

export function textUpload(name: string, text: string, contentType?: string): ParseResult {
  return parseUpload({ name, bytes: new TextEncoder().encode(text), contentType });
}
