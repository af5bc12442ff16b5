import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES } from "../upload-limits";
import { parseUpload } from "./parse-upload";
import { errorOf, FIXTURES_DIR, fixtureBytes, parseFixture, reportsOf, textUpload } from "./test-fixtures";
import { type ParseResult } from "./types";

// What must never reach a reader's browser, in any casing.
const DANGEROUS_MARKUP = [/<script/i, /onerror/i, /onload/i, /onclick/i, /onmouseover/i, /javascript:/i, /vbscript:/i, /data:/i, /<iframe/i, /<svg/i, /<object/i, /<embed/i, /<form/i, /<style/i, /expression\(/i, /style=/i];

function allFixtureFiles(): string[] {
  const files: string[] = [];
  for (const directory of ["", "hostile"]) {
    for (const name of readdirSync(path.join(FIXTURES_DIR, directory))) {
      const relative = path.join(directory, name);
      if (statSync(path.join(FIXTURES_DIR, relative)).isFile() && name !== "README.md") files.push(relative);
    }
  }
  return files;
}

function outputText(result: ParseResult): string {
  if (!result.ok) return result.error;
  return result.reports.map((report) => JSON.stringify(report)).join("\n");
}

describe("hostile XML", () => {
  it("names the line where a truncated feed ends", () => {
    expect(errorOf("hostile/truncated.xml")).toBe("truncated.xml: line 12: unexpected end of XML (<description> is never closed)");
  });

  // no timing here (benchmarks measure speed): the refusal comes from the DOCTYPE check, before
  // any entity could expand, and an expansion would blow the test's time limit anyway
  it("rejects a billion-laughs bomb without expanding it", () => {
    const result = parseFixture("hostile/billion-laughs.xml");
    expect(result).toMatchObject({ ok: false, format: "newsml-g2" });
    expect(!result.ok && result.error).toBe(
      "billion-laughs.xml: line 2: the DOCTYPE declares entities; entity declarations are refused because they can expand without limit or read local files",
    );
  });

  it("never reads the local file an external entity points to", () => {
    const result = parseFixture("hostile/xxe.xml");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain("the DOCTYPE declares entities");
    expect(outputText(result)).not.toMatch(/root:|\/bin\/|daemon/);
  });

  it("leaves an entity reference without a declaration as literal text and fetches no external DTD", () => {
    const feed = `<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "file:///etc/passwd">
<rss version="2.0"><channel><title>Feed</title>
<item><title>Item</title><description>Before &xxe; after</description></item>
</channel></rss>`;
    const result = textUpload("external-dtd.xml", feed);
    expect(result).toMatchObject({ ok: true, reports: [{ paragraphs: ["Before &xxe; after"] }] });
    expect(outputText(result)).not.toMatch(/root:|\/bin\//);
  });

  it("rejects elements nested thousands deep with a message", () => {
    const depth = 50_000;
    const result = textUpload("deep.xml", `<rss><channel>${"<a>".repeat(depth)}x${"</a>".repeat(depth)}</channel></rss>`);
    expect(!result.ok && result.error).toBe("deep.xml: XML elements are nested too deeply (more than 200 levels)");
  });

  it("rejects HTML nested thousands deep before building a DOM", () => {
    const depth = 100_000;
    const result = textUpload("deep.html", `<html><body>${"<div>".repeat(depth)}text${"</div>".repeat(depth)}</body></html>`);
    expect(!result.ok && result.error).toBe("deep.html: the HTML page is nested too deeply (more than 200 levels)");
  });

  it("gives line and column for malformed XML that is not truncated", () => {
    const result = textUpload("bad.xml", '<rss version="2.0">\n<channel>\n<title>T</titel>\n</channel>\n</rss>');
    expect(!result.ok && result.error).toMatch(/^bad\.xml: line 3, column \d+: malformed XML: /);
  });
});

describe("hostile HTML", () => {
  it("keeps the text of a page full of script vectors and none of the vectors", () => {
    const report = reportsOf("hostile/hostile-page.html")[0]!;
    expect(report.paragraphs).toContain(
      "The Eastern Valley Front says it holds the Varesh border crossing; the government says its troops are advancing toward it. Neither claim has been verified.",
    );
    for (const pattern of DANGEROUS_MARKUP) expect(report.html).not.toMatch(pattern);
    expect(report.html).toContain('<a href="https://hostile.example/timeline" rel="nofollow noopener noreferrer">the real one</a>');
    // script and form contents are not article text either
    expect(report.paragraphs.join(" ")).not.toMatch(/alert|hunter2|Log in|svg text|document\.cookie/);
  });

  it("sanitizes ninjs body_html and RSS content:encoded the same way", () => {
    for (const name of ["hostile/ninjs-xss.json", "hostile/rss-xss.xml"]) {
      const reports = reportsOf(name);
      for (const report of reports) {
        for (const pattern of DANGEROUS_MARKUP) expect(report.html ?? "").not.toMatch(pattern);
        expect(report.paragraphs.join(" ")).not.toMatch(/alert/);
        expect(report.headline).not.toMatch(/script|alert/);
      }
    }
  });

  it("never lets a dangerous construct through from any fixture", () => {
    for (const name of allFixtureFiles()) {
      const result = parseFixture(name);
      if (!result.ok) continue;
      for (const report of result.reports) {
        for (const pattern of DANGEROUS_MARKUP) expect(report.html ?? "", `${name}: ${pattern}`).not.toMatch(pattern);
      }
    }
  });
});

describe("hostile and malformed files", () => {
  it.each([
    ["hostile/invalid.json", "invalid.json: line 3, column 3: invalid JSON: Expected ',' or '}' after property value"],
    [
      "hostile/not-ninjs.json",
      "not-ninjs.json: JSON is not ninjs: expected `uri`, `headline`/`headlines` and a body (`body_text`, `body_html` or `bodies`); found `id`, `title`, `content`, `tags`",
    ],
    ["hostile/empty.txt", "empty.txt: empty file"],
    ["hostile/garbage.png.txt", "garbage.png.txt: this is a PNG image, not a text report"],
    ["hostile/binary-blob.dat", "binary-blob.dat: binary data (a NUL byte at byte 0), not a text report"],
    [
      "hostile/unknown-charset.html",
      'unknown-charset.html: unknown charset "x-klingon-8" declared in the HTML <meta> tag; save the file as UTF-8 or declare a supported charset such as windows-1252',
    ],
  ])("rejects %s with a message naming the problem", (name, message) => {
    expect(errorOf(name)).toBe(message);
  });

  it("keeps a ninjs item whose body is only whitespace and a script as a headline-only item, with a warning", () => {
    const result = parseFixture("hostile/ninjs-empty-body.json");
    expect(result).toMatchObject({ ok: true, reports: [{ headline: "Whitespace only", paragraphs: [] }] });
    expect(result.ok && result.reports[0]?.html).toBeNull();
    expect(result.ok && result.reports[0]?.warnings).toContain("the ninjs item has no body text: a headline-only item");
  });

  it("rejects bytes that are not UTF-8 when no charset is declared, naming the line and a charset to declare", () => {
    expect(errorOf("hostile/invalid-utf8.txt")).toMatch(/^invalid-utf8\.txt: line 3: byte 0xE9 is not valid UTF-8 and no charset is declared; .*declare the charset it uses \(for example windows-1252\)/);
  });

  it("says where JSON ends too early", () => {
    expect(textUpload("cut.json", '{\n  "uri": "x",\n  "headline": "Cut')).toMatchObject({ ok: false, error: "cut.json: line 3: invalid JSON: unexpected end of JSON" });
  });

  it("rejects a file over the size limit with its size and the limit, before reading it", () => {
    const bytes = new Uint8Array(MAX_FILE_BYTES + 1024 * 1024).fill(0x61);
    const result = parseUpload({ name: "huge.txt", bytes });
    expect(result).toEqual({ ok: false, format: null, code: "too-large", error: "huge.txt: file is 6 MiB (6,291,456 bytes); the limit is 5 MiB per file" });
  });

  it("accepts a file of exactly the limit", () => {
    const line = "Shelling was reported near Varesh again on Thursday morning.\n\n";
    const text = line.repeat(Math.floor(MAX_FILE_BYTES / line.length));
    expect(parseUpload({ name: "big.txt", bytes: new TextEncoder().encode(text) }).ok).toBe(true);
  });

  it("never throws and never shows a stack trace or [object Object], whatever prefix of a file arrives", () => {
    for (const name of allFixtureFiles()) {
      const bytes = fixtureBytes(name);
      // HTML goes through jsdom, which is slower: fewer cut points keep the test fast
      const step = name.endsWith(".html") ? 401 : 37;
      for (let cut = 0; cut <= bytes.length; cut += step) {
        const result = parseUpload({ name: path.basename(name), bytes: bytes.subarray(0, cut) });
        if (!result.ok) {
          expect(result.error).not.toMatch(/\[object|\n\s+at |undefined|NaN/);
          expect(result.error.startsWith(`${path.basename(name)}: `)).toBe(true);
        }
      }
    }
    // thousands of parses, some through jsdom: a budget for a loaded machine, not a speed claim
  }, 60_000);
});
