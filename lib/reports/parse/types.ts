/**
 * What every ingest format is parsed into. Parsers are pure (no database, no Next imports) so
 * they run the same from the upload route, the HTTP API, the CLI and tests.
 */

/** One report as a parser found it, before the domain layer validates and stores it. */
export type ParsedReport = {
  /** agency or outlet; null when the file does not say (the upload form supplies a default) */
  source: string | null;
  /** ninjs `uri`, NewsML-G2 guid, feed item guid or link; null when there is none */
  externalId: string | null;
  /** ninjs `version` / NewsML-G2 `version` attribute, when given (informational) */
  sourceVersion: string | null;
  headline: string;
  byline: string | null;
  dateline: string | null;
  language: string | null;
  url: string | null;
  publishedAt: Date | null;
  sourceUpdatedAt: Date | null;
  /** canonical body text, one entry per paragraph, whitespace collapsed, no markup */
  paragraphs: string[];
  /** sanitized HTML of the body when the source had markup, else null */
  html: string | null;
};

export type UploadedFile = {
  /** file name as uploaded, used in messages ("report.xml: line 12: ...") */
  name: string;
  bytes: Uint8Array;
  /** Content-Type as sent, possibly with a charset parameter */
  contentType?: string | null;
};

export type ParseFormat = "text" | "markdown" | "html" | "ninjs" | "newsml-g2" | "rss" | "atom";

export type ParseResult =
  | { ok: true; format: ParseFormat; reports: ParsedReport[] }
  | { ok: false; format: ParseFormat | null; error: string };
