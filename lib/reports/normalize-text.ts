import { createHash } from "node:crypto";

/**
 * Canonical plain text of a report: paragraphs trimmed, inner whitespace collapsed, joined by a
 * blank line. Claim anchors index into exactly this string, so it must be deterministic.
 */
export function canonicalText(paragraphs: readonly string[]): string {
  return paragraphs
    .map((paragraph) => paragraph.normalize("NFC").replace(/\s+/g, " ").trim())
    .filter((paragraph) => paragraph.length > 0)
    .join("\n\n");
}

/** Hash used for "same content" checks: case and whitespace do not make a new version. */
export function contentHash(headline: string, text: string): string {
  const normalized = `${headline}\n${text}`.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
  return createHash("sha256").update(normalized).digest("hex");
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** HTML for display of plain-text paragraphs: every character escaped, one <p> per paragraph. */
export function paragraphsToHtml(text: string): string {
  return text
    .split("\n\n")
    .map((paragraph) => `<p>${paragraph.replace(/[&<>"']/g, (char) => ESCAPES[char]!)}</p>`)
    .join("\n");
}
