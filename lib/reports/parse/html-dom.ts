import createDOMPurify, { type DOMPurify } from "dompurify";
import { JSDOM } from "jsdom";

/**
 * jsdom with its safe defaults spelled out: scripts never run and no subresource (image,
 * stylesheet, iframe) is fetched, so parsing hostile HTML touches neither network nor disk.
 */
export function inertDom(html: string): JSDOM {
  return new JSDOM(html, { runScripts: undefined, resources: undefined, pretendToBeVisual: false });
}

/** A document to parse and sanitize fragments in, and a DOMPurify bound to its window. */
export type SanitizerContext = { document: Document; purifier: DOMPurify };

// Two jsdom 27 behaviours make one long-lived document slow down with use:
// - every NodeIterator (DOMPurify makes one per call) stays registered on its document, behind a
//   WeakRef that cannot be collected before the current synchronous job ends, and every node
//   removal visits them all;
// - every new Document adds event listeners to its window that are never removed.
// So a working document serves a bounded number of calls, and a window a bounded number of
// documents; both limits keep the per-call cost flat and the garbage collectable.
const CALLS_PER_DOCUMENT = 64;
const DOCUMENTS_PER_WINDOW = 32;

type ContextState = {
  dom: JSDOM;
  purifier: DOMPurify;
  configure: (purifier: DOMPurify) => void;
  document: Document;
  callsOnDocument: number;
  documentsOnWindow: number;
};

let state: ContextState | null = null;

/**
 * The current sanitizer context, recycled as described above. `configure` runs once for each
 * new DOMPurify instance (to add hooks) and must always be the same function.
 */
export function sanitizerContext(configure: (purifier: DOMPurify) => void): SanitizerContext {
  if (!state || state.documentsOnWindow >= DOCUMENTS_PER_WINDOW) {
    state?.dom.window.close();
    const dom = inertDom("<!doctype html><html><head></head><body></body></html>");
    const purifier = createDOMPurify(dom.window as unknown as Parameters<typeof createDOMPurify>[0]);
    configure(purifier);
    state = { dom, purifier, configure, document: dom.window.document, callsOnDocument: 0, documentsOnWindow: 1 };
  } else if (state.callsOnDocument >= CALLS_PER_DOCUMENT) {
    state.document = state.dom.window.document.implementation.createHTMLDocument("");
    state.callsOnDocument = 0;
    state.documentsOnWindow += 1;
  }
  state.callsOnDocument += 1;
  return { document: state.document, purifier: state.purifier };
}

/** Deeper than any real article; jsdom and Readability slow down sharply (and jsdom's recursive
 * tree code overflows the stack) on markup nested thousands of levels deep. */
export const MAX_MARKUP_DEPTH = 200;

// Elements that are void or whose end tag may be omitted: counting them would overestimate the
// depth of ordinary sloppy HTML ("<p>One<p>Two", "<li>a<li>b").
const NOT_NESTING = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
  "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "thead", "tbody", "tfoot",
  "colgroup", "caption", "html", "head", "body",
]);

/**
 * Estimates how deeply markup nests from its tags alone, before any DOM is built, and returns
 * the depth when it exceeds MAX_MARKUP_DEPTH (else null).
 */
export function excessiveMarkupDepth(markup: string): number | null {
  // script, style and comments hold text, not elements: "<div>" inside a script string nests nothing
  markup = markup.replace(/<!--[\s\S]*?-->|<(script|style|template|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "");
  let depth = 0;
  let deepest = 0;
  const tag = /<(\/?)([A-Za-z][\w:.-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
  for (let match = tag.exec(markup); match; match = tag.exec(markup)) {
    const name = (match[2] ?? "").toLowerCase();
    if (NOT_NESTING.has(name) || match[3] === "/") continue;
    if (match[1] === "/") depth = Math.max(0, depth - 1);
    else deepest = Math.max(deepest, ++depth);
  }
  return deepest > MAX_MARKUP_DEPTH ? deepest : null;
}
