import { describe, expect, it } from "vitest";
import { sanitizeBody, sanitizeReportHtml } from "./sanitize";

describe("sanitizeReportHtml", () => {
  it.each([
    ["<p>Hi<script>alert(1)</script></p>", "<p>Hi</p>"],
    ['<p><img src=x onerror="alert(1)">Hi</p>', "<p>Hi</p>"],
    ['<p><a href="javascript:alert(1)">x</a></p>', "<p><a>x</a></p>"],
    ['<p><a href="  JAVASCRIPT:alert(1)">x</a></p>', "<p><a>x</a></p>"],
    ['<p><a href="jav&#x09;ascript:alert(1)">x</a></p>', "<p><a>x</a></p>"],
    ['<p><a href="data:text/html,<script>alert(1)</script>">x</a></p>', "<p><a>x</a></p>"],
    ['<p><a href="vbscript:msgbox(1)">x</a></p>', "<p><a>x</a></p>"],
    ['<iframe src="https://evil.example"></iframe><p>Text</p>', "<p>Text</p>"],
    ['<svg onload="alert(1)"><circle/></svg><p>Text</p>', "<p>Text</p>"],
    ['<object data="x.swf"><embed src="x.swf"></object><p>Text</p>', "<p>Text</p>"],
    ['<form action="https://evil.example"><input value="secret"><button>Go</button></form><p>Text</p>', "<p>Text</p>"],
    ["<style>p { color: red }</style><p style=\"width: expression(alert(1))\">Text</p>", "<p>Text</p>"],
    ['<p onclick="alert(1)" class="lead" id="x" data-x="1">Text</p>', "<p>Text</p>"],
    ['<math><mi xlink:href="javascript:alert(1)">m</mi></math><p>Text</p>', "<p>Text</p>"],
  ])("defuses %s", (input, expected) => {
    expect(sanitizeReportHtml(input)).toBe(expected);
  });

  it("defuses the noscript mutation-XSS pattern", () => {
    const html = sanitizeReportHtml('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript><p>Text</p>');
    expect(html).not.toMatch(/<img|onerror|noscript|title=/);
    expect(html).toContain("<p>Text</p>");
  });

  it("keeps basic formatting and http(s)/mailto links, marked nofollow", () => {
    const html =
      '<h2>Key points</h2><p><strong>Strong</strong> <b>b</b> <em>em</em> <i>i</i> <q>quote</q> <cite>Source</cite><br>next line</p>' +
      '<ul><li>one</li></ul><ol><li>two</li></ol><blockquote><p>quoted</p></blockquote><h3>h3</h3><h4>h4</h4>' +
      '<p><a href="https://a.example/x">web</a> <a href="mailto:desk@a.example">mail</a></p>';
    expect(sanitizeReportHtml(html)).toBe(
      '<h2>Key points</h2><p><strong>Strong</strong> <b>b</b> <em>em</em> <i>i</i> <q>quote</q> <cite>Source</cite><br>next line</p>' +
        '<ul><li>one</li></ul><ol><li>two</li></ol><blockquote><p>quoted</p></blockquote><h3>h3</h3><h4>h4</h4>' +
        '<p><a href="https://a.example/x" rel="nofollow noopener noreferrer">web</a> <a href="mailto:desk@a.example" rel="nofollow noopener noreferrer">mail</a></p>',
    );
  });

  it("turns containers into paragraphs instead of running their texts together", () => {
    expect(sanitizeReportHtml("<div>One</div><div>Two <span>three</span></div><section><div>Four</div></section>")).toBe(
      "<p>One</p><p>Two three</p><p>Four</p>",
    );
    expect(sanitizeReportHtml("<h1>Title</h1><h5>Small</h5><table><tr><td>cell</td></tr></table>")).toBe("<h2>Title</h2><h4>Small</h4><p>cell</p>");
  });

  it("gives no HTML at all, rather than throwing, for markup nested thousands deep", () => {
    expect(sanitizeReportHtml(`${"<span>".repeat(5000)}x${"</span>".repeat(5000)}`)).toBe("");
  });

  it("is idempotent, so the domain layer can sanitize again on store", () => {
    const once = sanitizeReportHtml('<div>Lead <a href="https://a.example" onclick="x()">link</a></div>Loose text<br><br>more<ul><li>item</li></ul>');
    expect(sanitizeReportHtml(once)).toBe(once);
  });
});

describe("sanitizeBody", () => {
  it("derives paragraphs from blocks and from double line breaks, not from source newlines", () => {
    expect(sanitizeBody("First line<br>same paragraph<br><br>Second\nparagraph stays whole<p>Third</p>").paragraphs).toEqual([
      "First line same paragraph",
      "Second paragraph stays whole",
      "Third",
    ]);
  });

  it("gives no paragraphs and no HTML for markup without text", () => {
    expect(sanitizeBody("<p> </p><script>alert('x')</script><img src=x>")).toEqual({ html: "", paragraphs: [], kinds: [] });
  });

  it("normalizes text to NFC with whitespace collapsed", () => {
    expect(sanitizeBody("<p>Cafe\u0301 \u00a0 au   la\u200bit\u0000</p>").paragraphs).toEqual(["Café au lait"]);
  });
});
