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
  /** the standfirst between headline and story ("Both sides say they hold the post"); not body text */
  dek: string | null;
  /** canonical body text, one entry per paragraph, whitespace collapsed, no markup */
  paragraphs: string[];
  /**
   * What each paragraph is, index for index: running text, a list item or a sub-head. The text
   * stays in `paragraphs` exactly as written (bullet marks included), so claim anchors into the
   * body are the same whatever the structure.
   */
  paragraphKinds: ParagraphKind[];
  /** sanitized HTML of the body when the source had markup, else null */
  html: string | null;
  /** "date" when the source gives a day without a time: publishedAt is then that day's UTC midnight */
  publishedPrecision: "instant" | "date";
  /** what the item is: ordinary text, or a notice an editor must act on rather than read as news */
  kind: ReportKind;
  /** when an embargoed item may be published, if the source says */
  embargoedUntil: Date | null;
  /** an agency the text credits ("Orrin News Agency reported"): a source of the report, not its outlet */
  credit: string | null;
  /** what the parser could not find or had to assume, in words an editor understands */
  warnings: string[];
};

export type ParagraphKind = "paragraph" | "bullet" | "subhead";

/** Every paragraph read as running text: for formats that carry no structure. */
export function plainKinds(paragraphs: readonly string[]): ParagraphKind[] {
  return paragraphs.map(() => "paragraph");
}

/** A body's paragraph kinds when its parser read them (sanitized markup), else all running text. */
export function kindsOf(body: { paragraphs: readonly string[]; kinds?: readonly ParagraphKind[] }): ParagraphKind[] {
  return body.kinds && body.kinds.length === body.paragraphs.length ? [...body.kinds] : plainKinds(body.paragraphs);
}

/** The reports of a multi-item file, and why any item was left out ("item 3: empty body"). */
export type ParsedItems = { reports: ParsedReport[]; skipped: string[] };

/** A kill notice withdraws an earlier report; a correction replaces one; an embargoed item is held. */
export type ReportKind = "text" | "kill" | "correction" | "embargoed";

export type UploadedFile = {
  /** file name as uploaded, used in messages ("report.xml: line 12: ...") */
  name: string;
  bytes: Uint8Array;
  /** Content-Type as sent, possibly with a charset parameter */
  contentType?: string | null;
};

export type ParseFormat =
  | "text"
  | "markdown"
  | "html"
  | "ninjs"
  | "newsml-g2"
  | "nitf"
  | "newsml1"
  | "anpa1312"
  | "iptc7901"
  | "rss"
  | "atom";

/** Why a file was refused: "unsupported" (not a text report), "empty", "malformed", "too-large", or "invalid". */
export type ParseErrorCode = "unsupported" | "empty" | "malformed" | "too-large" | "invalid";

export type ParseResult =
  /** `skipped`: items of a feed or message left out, each with its reason; the rest still import */
  | { ok: true; format: ParseFormat; reports: ParsedReport[]; skipped: string[] }
  | { ok: false; format: ParseFormat | null; error: string; code: ParseErrorCode };
