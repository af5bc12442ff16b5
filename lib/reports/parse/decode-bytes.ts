import iconv from "iconv-lite";
import { reject } from "./parse-failure";

/** Text of an upload and the charset it was decoded from (for tests and diagnostics). */
export type DecodedText = { text: string; charset: string };

type DeclaredCharset = { label: string; where: string };

// Magic numbers of files editors upload by mistake; naming them beats "not valid UTF-8".
const BINARY_SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: "a PDF document" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: "a ZIP archive (Word and OpenDocument files are ZIP archives)" },
  { bytes: [0x1f, 0x8b], what: "a gzip archive" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: "an old Microsoft Office document" },
  { bytes: [0x52, 0x49, 0x46, 0x46], what: "a RIFF media file" },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: "an executable" },
];

// WHATWG Encoding: browsers (and so every tool that wrote the file) read these labels as
// windows-1252, whose 0x80–0x9F are curly quotes and dashes rather than control characters.
const WINDOWS_1252_ALIASES = new Set(["latin1", "l1", "iso-8859-1", "iso8859-1", "iso_8859-1", "iso-ir-100", "cp819", "ibm819", "us-ascii", "ascii", "ansi_x3.4-1968"]);

/**
 * Decodes uploaded bytes to text. Order of authority: a byte-order mark, then the Content-Type
 * charset, then the XML declaration, then an HTML <meta> charset; with none, the bytes must be
 * UTF-8. Throws ReportParseError for binary files, unknown charsets and invalid UTF-8.
 */
export function decodeUploadBytes(bytes: Uint8Array, contentType?: string | null): DecodedText {
  const binary = BINARY_SIGNATURES.find((signature) => signature.bytes.every((byte, index) => bytes[index] === byte));
  if (binary) reject(`this is ${binary.what}, not a text report`);

  const bom = byteOrderMark(bytes);
  if (bom) return decodeWith(bytes.subarray(bom.length), bom.charset, { label: bom.charset, where: "its byte-order mark" });

  const unmarkedUtf16 = unmarkedUtf16Xml(bytes);
  if (unmarkedUtf16) return decodeWith(bytes, unmarkedUtf16, { label: unmarkedUtf16, where: "its XML declaration" });

  const declared = declaredCharset(bytes, contentType);
  if (declared) return decodeWith(bytes, resolveCharset(declared), declared);
  // A NUL byte never occurs in text in an ASCII-compatible charset: this is some binary format.
  const nul = bytes.subarray(0, 64 * 1024).indexOf(0);
  if (nul >= 0) reject(`binary data (a NUL byte at byte ${nul}), not a text report`);
  return decodeUtf8(bytes, null);
}

function byteOrderMark(bytes: Uint8Array): { charset: string; length: number } | null {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { charset: "utf-8", length: 3 };
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return { charset: "utf-32le", length: 4 };
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return { charset: "utf-32be", length: 4 };
  if (b0 === 0xff && b1 === 0xfe) return { charset: "utf-16le", length: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { charset: "utf-16be", length: 2 };
  return null;
}

// XML 1.0 Appendix F: "<?" in UTF-16 without a BOM still announces the encoding.
function unmarkedUtf16Xml(bytes: Uint8Array): string | null {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0x3c && b1 === 0 && b2 === 0x3f && b3 === 0) return "utf-16le";
  if (b0 === 0 && b1 === 0x3c && b2 === 0 && b3 === 0x3f) return "utf-16be";
  return null;
}

function declaredCharset(bytes: Uint8Array, contentType: string | null | undefined): DeclaredCharset | null {
  const fromHeader = contentType ? /charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1] : undefined;
  if (fromHeader) return { label: fromHeader, where: "the Content-Type" };

  // Declarations are ASCII, so reading the head as Latin-1 finds them whatever the charset.
  const head = iconv.decode(Buffer.from(bytes.subarray(0, 4096)), "latin1");
  const xmlDeclaration = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']\s*([^"'\s]+)\s*["']/i.exec(head);
  if (xmlDeclaration?.[1]) return { label: xmlDeclaration[1], where: "the XML declaration" };

  if (/<(?:!doctype\s+html|html|head|meta)\b/i.test(head)) {
    const meta = /<meta\s[^>]*?charset\s*=\s*["']?\s*([^"'\s;/>]+)/i.exec(head);
    if (meta?.[1]) return { label: meta[1], where: "the HTML <meta> tag" };
  }
  return null;
}

/** The iconv-lite name for a declared charset label; rejects labels iconv-lite cannot decode. */
function resolveCharset(declared: DeclaredCharset): string {
  const label = declared.label.trim().toLowerCase();
  if (WINDOWS_1252_ALIASES.has(label)) return "windows-1252";
  if (label === "utf-8" || label === "utf8" || label === "unicode-1-1-utf-8") return "utf-8";
  // The declaration was readable as ASCII, so the file cannot really be UTF-16/32 (that needs a
  // BOM, handled above); HTML's rule is to read it as UTF-8, and we follow it for XML as well.
  if (/^(?:utf-?(?:16|32)(?:le|be)?|ucs-?2|unicode)$/.test(label)) return "utf-8";
  if (!iconv.encodingExists(label)) {
    reject(`unknown charset "${declared.label}" declared in ${declared.where}; save the file as UTF-8 or declare a supported charset such as windows-1252`);
  }
  return label;
}

function decodeWith(bytes: Uint8Array, charset: string, declared: DeclaredCharset): DecodedText {
  if (charset === "utf-8") return decodeUtf8(bytes, declared);
  return { text: iconv.decode(Buffer.from(bytes), charset, { stripBOM: true }), charset };
}

function decodeUtf8(bytes: Uint8Array, declared: DeclaredCharset | null): DecodedText {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes), charset: "utf-8" };
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const line = lineOfByte(bytes, offset);
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    const problem = `line ${line}: byte 0x${byte} is not valid UTF-8`;
    if (declared) return reject(`${problem}, although ${declared.where} declares UTF-8; fix the file or declare the charset it really uses (for example windows-1252)`);
    return reject(
      `${problem} and no charset is declared; save the file as UTF-8, or declare the charset it uses (for example windows-1252) in the Content-Type, the XML declaration or an HTML <meta charset> tag`,
    );
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    let continuation: number;
    let codePoint: number;
    let minimum: number;
    if (lead >= 0xc2 && lead <= 0xdf) [continuation, codePoint, minimum] = [1, lead & 0x1f, 0x80];
    else if (lead >= 0xe0 && lead <= 0xef) [continuation, codePoint, minimum] = [2, lead & 0x0f, 0x800];
    else if (lead >= 0xf0 && lead <= 0xf4) [continuation, codePoint, minimum] = [3, lead & 0x07, 0x10000];
    else return index;
    for (let step = 1; step <= continuation; step += 1) {
      const next = bytes[index + step];
      if (next === undefined || (next & 0xc0) !== 0x80) return index;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    // overlong forms, surrogates and values past U+10FFFF are all invalid UTF-8
    if (codePoint < minimum || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return index;
    index += continuation + 1;
  }
  return bytes.length;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < bytes.length; index += 1) if (bytes[index] === 0x0a) line += 1;
  return line;
}
