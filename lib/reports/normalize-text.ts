import { createHash } from "node:crypto";
import { escapeHtml } from "@/lib/text/escape-html";
import { normalizeParagraphs } from "./parse/text-normalize";

/**
 * Canonical plain text of a report: paragraphs trimmed, inner whitespace collapsed, joined by a
 * blank line. Claim anchors index into exactly this string, so it must be deterministic.
 */
export function canonicalText(paragraphs: readonly string[]): string {
  return normalizeParagraphs(paragraphs).join("\n\n");
}

/** The key that makes one outlet of "Reuters" and " reuters ": case and spacing do not count. */
export function sourceKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Hash used for "same content" checks: case and whitespace do not make a new version. */
export function contentHash(headline: string, text: string): string {
  const normalized = `${headline}\n${text}`.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
  return createHash("sha256").update(normalized).digest("hex");
}


/** HTML for display of plain-text paragraphs: every character escaped, one <p> per paragraph. */
export function paragraphsToHtml(text: string): string {
  return text
    .split("\n\n")
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join("\n");
}
