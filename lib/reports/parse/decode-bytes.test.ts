import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeUploadBytes } from "./decode-bytes";
import { parseUpload } from "./parse-upload";
import { errorOf, reportsOf } from "./test-fixtures";

function encoded(text: string, charset: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, charset));
}

describe("charsets", () => {
  it("decodes a windows-1252 file when the Content-Type declares it", () => {
    const report = reportsOf("cp1252-report.txt", "text/plain; charset=windows-1252")[0]!;
    expect(report.headline).toBe("Curfew declared in Oskel");
    expect(report.byline).toBe("Ilse Marrow");
    expect(report.paragraphs[1]).toBe("The order, signed by Governor René Falk, bans “all movement” between 8 p.m. and 6 a.m. – cafés must close at 7.");
  });

  it("rejects the same windows-1252 file without a declared charset, saying which charset to declare", () => {
    expect(errorOf("cp1252-report.txt")).toMatch(/^cp1252-report\.txt: line 5: byte 0x97 is not valid UTF-8 and no charset is declared; .*windows-1252/);
  });

  it("reads UTF-16 with a byte-order mark", () => {
    const report = reportsOf("utf16le-bom.txt")[0]!;
    expect(report.headline).toBe("Bridge at Tarn reported destroyed");
    expect(report.paragraphs[1]).toBe("Villagers in Brisk, 9 km away, said the blast sounded “like thunder”; Δ marks the bridge on old maps.");
  });

  it("reads UTF-16BE with a byte-order mark and UTF-8 with one", () => {
    const text = "Ceasefire holds\n\nThe ceasefire held overnight, both sides said.";
    const utf16be = new Uint8Array([0xfe, 0xff, ...encoded(text, "utf16be")]);
    expect(decodeUploadBytes(utf16be).text).toBe(text);
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(decodeUploadBytes(utf8)).toEqual({ text, charset: "utf-8" });
  });

  it("follows the XML declaration's encoding", () => {
    const feed = `<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Café Gazette</title><item><title>Müller’s report</title><description>Grüße aus Oskel — “quoted”.</description></item></channel></rss>`;
    const result = parseUpload({ name: "latin1.xml", bytes: encoded(feed, "windows-1252") });
    expect(result).toMatchObject({ ok: true, reports: [{ source: "Café Gazette", headline: "Müller’s report", paragraphs: ["Grüße aus Oskel — “quoted”."] }] });
  });

  it("follows an HTML <meta charset> and an http-equiv Content-Type", () => {
    const body = "<p>Le cessez-le-feu a été respecté à Varesh, selon les témoins sur place.</p>";
    for (const meta of ['<meta charset="windows-1252">', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">']) {
      const page = `<!DOCTYPE html><html><head>${meta}<title>Cessez-le-feu</title></head><body><article>${body}</article></body></html>`;
      const result = parseUpload({ name: "page.html", bytes: encoded(page, "iso-8859-15") });
      expect(result).toMatchObject({ ok: true, reports: [{ paragraphs: ["Le cessez-le-feu a été respecté à Varesh, selon les témoins sur place."] }] });
    }
  });

  it("lets the Content-Type charset win over the document's own declaration", () => {
    const page = '<html><head><meta charset="utf-8"></head><body><p>Koi8 text: Привет из Вареша.</p></body></html>';
    expect(decodeUploadBytes(encoded(page, "koi8-r"), "text/html; charset=KOI8-R").text).toContain("Привет из Вареша");
  });

  it("rejects an unknown charset from the Content-Type by name", () => {
    const result = parseUpload({ name: "a.txt", bytes: new TextEncoder().encode("Text"), contentType: "text/plain; charset=x-martian" });
    expect(result).toEqual({
      ok: false,
      format: null,
      code: "invalid",
      error: 'a.txt: unknown charset "x-martian" declared in the Content-Type; save the file as UTF-8 or declare a supported charset such as windows-1252',
    });
  });

  it("rejects a file that declares UTF-8 but is not", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?>\n<rss><channel><title>Caf'), 0xe9, ...new TextEncoder().encode("</title></channel></rss>")]);
    const result = parseUpload({ name: "liar.xml", bytes });
    expect(!result.ok && result.error).toMatch(/^liar\.xml: line 2: byte 0xE9 is not valid UTF-8, although the XML declaration declares UTF-8/);
  });
});
