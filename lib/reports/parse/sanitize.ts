import createDOMPurify, { type Config, type DOMPurify } from "dompurify";
import { excessiveMarkupDepth, MAX_MARKUP_DEPTH, sanitizerContext } from "./html-dom";
import { reject } from "./parse-failure";
import { normalizeInline } from "./text-normalize";
import { type ParagraphKind } from "./types";

/** Sanitized display HTML and the canonical paragraphs (with their kinds) read from that same sanitized tree. */
export type SanitizedBody = { html: string; paragraphs: string[]; kinds: ParagraphKind[] };

// Only what a wire report's body needs for display. h1 is left out because the page title is the
// headline; h1/h5/h6 are renamed to the nearest kept level before sanitizing (see below).
const ALLOWED_TAGS = ["p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "blockquote", "h2", "h3", "h4", "a", "q", "cite"];
const PARAGRAPH_BLOCKS = new Set(["p", "li", "blockquote", "h2", "h3", "h4", "ul", "ol"]);

// Elements whose text is never article text (and in some cases is code). They are removed with
// their content before sanitizing, so unwrapping containers can never set their text free.
const DROPPED_WITH_CONTENT = [
  "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet",
  "svg", "math", "form", "button", "select", "option", "optgroup", "datalist", "textarea", "input",
  "canvas", "audio", "video", "picture", "source", "track", "img", "map", "head", "title", "link",
  "meta", "base", "nav", "dialog", "xmp", "plaintext", "noembed", "noframes", "figcaption",
];
const DROPPED = new Set(DROPPED_WITH_CONTENT);

// Phrasing elements: they stay inside the paragraph around them (DOMPurify unwraps the ones it
// does not allow). Anything else that is neither kept nor phrasing is a container (div, section,
// td, NITF <block>, ...) whose inline runs become paragraphs.
const PHRASING = new Set([
  "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em", "font",
  "i", "ins", "kbd", "label", "mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike", "strong",
  "sub", "sup", "time", "tt", "u", "var", "wbr",
]);
const RENAMED: Record<string, string> = { h1: "h2", h5: "h4", h6: "h4" };

const PURIFY_CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ["href"],
  // http(s) and mailto only: javascript:, data:, vbscript: and relative links all go
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  KEEP_CONTENT: true,
  ADD_FORBID_CONTENTS: DROPPED_WITH_CONTENT,
};

function addLinkHook(purifier: DOMPurify): void {
  purifier.addHook("afterSanitizeAttributes", (node) => {
    // links in a wire report point away from the desk: never pass referrer or ranking
    if (node.nodeName === "A" && node.hasAttribute("href")) node.setAttribute("rel", "nofollow noopener noreferrer");
  });
}

/**
 * Sanitizes report HTML for display: only basic formatting and http(s)/mailto links survive.
 * Idempotent, so the domain layer can run it again on store. Never throws: markup nested more
 * than MAX_MARKUP_DEPTH levels (never a parser's output) gives "", i.e. no HTML at all.
 */
export function sanitizeReportHtml(html: string): string {
  if (excessiveMarkupDepth(html) !== null) return "";
  return sanitizeToElement(html).innerHTML;
}

/** Sanitizes body markup and derives its canonical paragraphs from the sanitized tree. */
export function sanitizeBody(html: string): SanitizedBody {
  const root = sanitizeToElement(html);
  const { paragraphs, kinds } = paragraphsOf(root);
  return { html: paragraphs.length > 0 ? root.innerHTML : "", paragraphs, kinds };
}

/**
 * Sanitizes an element of a page's own document in place (Readability's article), with a
 * purifier bound to that page's window: a second parse of a serialised copy would cost as much
 * as the page's first parse. The element is consumed; the page's document is discarded after.
 */
export function sanitizeArticleElement(article: Element): SanitizedBody {
  const window = article.ownerDocument.defaultView;
  if (!window) throw new Error("sanitizeArticleElement needs an element of a document with a window");
  // copied into an empty document of the same window first: jsdom keeps an element's
  // `children` list live once read (Readability reads it) and rebuilds it on every change, which
  // makes restructuring thousands of paragraphs in place quadratic; a copy has no live lists
  const document = article.ownerDocument.implementation.createHTMLDocument("");
  const moved = document.importNode(article, true);
  const purifier = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  addLinkHook(purifier);
  const root = sanitizeInPlace(moved, document, purifier);
  const { paragraphs, kinds } = paragraphsOf(root);
  return { html: paragraphs.length > 0 ? root.innerHTML : "", paragraphs, kinds };
}

/**
 * Parses into an inert <template> and sanitizes in place under a throwaway root: unlike
 * DOMParser or DOMPurify's string mode, neither creates a Document per call (see html-dom.ts).
 */
function sanitizeToElement(html: string): HTMLElement {
  if (excessiveMarkupDepth(html) !== null) reject(`markup is nested too deeply (more than ${MAX_MARKUP_DEPTH} levels)`);
  const { document, purifier } = sanitizerContext(addLinkHook);
  const template = document.createElement("template");
  template.innerHTML = html;
  return sanitizeInPlace(template.content, document, purifier);
}

function sanitizeInPlace(content: Element | DocumentFragment, document: Document, purifier: DOMPurify): HTMLElement {
  restructureBlocks(content);
  // the root must be an allowed tag for in-place sanitizing; it is never serialized itself
  const root = document.createElement("blockquote");
  root.append(...blocksFrom(content, document));
  purifier.sanitize(root, { ...PURIFY_CONFIG, IN_PLACE: true });
  return root;
}

/**
 * Prepares arbitrary markup for the small allow-list: drops dangerous and non-text elements with
 * their content, renames headings, and turns containers into paragraphs. Without this,
 * DOMPurify would unwrap `<div>One</div><div>Two</div>` into the single paragraph "OneTwo".
 */
function restructureBlocks(container: Element | DocumentFragment, insideParagraph = false): void {
  for (const child of childrenOf(container)) {
    if (child.nodeType === child.COMMENT_NODE || child.nodeType === child.PROCESSING_INSTRUCTION_NODE) {
      child.remove();
      continue;
    }
    if (child.nodeType !== child.ELEMENT_NODE) continue;
    const element = child as Element;
    const tag = element.localName.toLowerCase();
    if (DROPPED.has(tag) || isFurniture(element)) {
      element.remove();
      continue;
    }
    if (tag === "pre") {
      element.replaceWith(...preformattedParagraphs(element));
      continue;
    }
    const inline = insideParagraph || PHRASING.has(tag) || isInlineInMixedContent(element);
    restructureBlocks(element, inline || PARAGRAPH_BLOCKS.has(tag));
    const renamed = RENAMED[tag];
    if (renamed) {
      const replacement = element.ownerDocument.createElement(renamed);
      replacement.append(...childrenOf(element));
      element.replaceWith(replacement);
    } else if (!PARAGRAPH_BLOCKS.has(tag) && !PHRASING.has(tag)) {
      // an unknown tag inside running text (NITF <person>, <location>, <org>, <chron>) marks
      // up words, it does not end the paragraph: unwrap it instead of splitting around it
      if (inline) element.replaceWith(...childrenOf(element));
      else element.replaceWith(...blocksFrom(element, element.ownerDocument));
    }
  }
}

// Blocks that carry no story text, whatever the markup dialect: XHTML page chrome and the
// editor's notepad sections that agencies (dpa, for one) send beside the story.
const FURNITURE_TAGS = new Set(["header", "footer", "aside"]);
const FURNITURE_CLASS = /(?:^|\s)(?:notepad|np-public|np-nonpublic|slugline|byline-block|caption|figcaption|advert\w*|share\w*|related\w*)(?:\s|$)/i;

function isFurniture(element: Element): boolean {
  return FURNITURE_TAGS.has(element.localName.toLowerCase()) || FURNITURE_CLASS.test(element.getAttribute("class") ?? "");
}

/** An unknown element with words beside it and no block inside is phrasing, not a container. */
function isInlineInMixedContent(element: Element): boolean {
  const tag = element.localName.toLowerCase();
  if (PARAGRAPH_BLOCKS.has(tag) || /^(?:div|section|article|table|body|html|block|pre|h[1-6]|dl|figure|main)$/.test(tag)) return false;
  const hasTextSibling = childrenOf(element.parentNode ?? element).some((node) => node.nodeType === node.TEXT_NODE && (node.nodeValue ?? "").trim().length > 0);
  return hasTextSibling && element.querySelector("p, div, li, ul, ol, blockquote, section, table, h1, h2, h3, h4, h5, h6, pre, block") === null;
}

/**
 * Pre-formatted wire copy (Reuters sends bodies in <pre>): lines are hard-wrapped at a fixed
 * width and paragraphs end at a blank line, so blank lines split and single newlines join.
 */
function preformattedParagraphs(pre: Element): HTMLParagraphElement[] {
  const text = (pre.textContent ?? "").replace(/\r\n?/g, "\n");
  return text
    .split(/\n[^\S\n]*\n/)
    .map((block) => block.replace(/\s+/g, " ").trim())
    .filter((block) => block.length > 0)
    .map((block) => {
      const paragraph = pre.ownerDocument.createElement("p");
      paragraph.textContent = block;
      return paragraph;
    });
}

// Paragraphs made from loose text in a container (not a <p> of the source): a short one above
// the story is a label ("Defence | TT", a section name), not the first paragraph.
const synthesizedParagraphs = new WeakSet<Node>();

/** A container's children with each run of inline content wrapped in a <p>. */
function blocksFrom(container: Element | DocumentFragment, document: Document): Node[] {
  const blocks: Node[] = [];
  let run: Node[] = [];
  const flush = () => {
    if (run.some((node) => (node.textContent ?? "").trim().length > 0)) {
      const paragraph = document.createElement("p");
      synthesizedParagraphs.add(paragraph);
      paragraph.append(...run);
      blocks.push(paragraph);
    }
    run = [];
  };
  for (const node of childrenOf(container)) {
    if (node.nodeType === node.ELEMENT_NODE && PARAGRAPH_BLOCKS.has((node as Element).localName)) {
      flush();
      blocks.push(node);
    } else {
      run.push(node);
    }
  }
  flush();
  return blocks;
}

// Marks a <br>: one is a line break inside a paragraph, two in a row end the paragraph (feeds
// often separate paragraphs with <br><br> instead of <p>).
const LINE_BREAK = "\n";

const KIND_OF_BLOCK: Record<string, ParagraphKind> = { li: "bullet", h2: "subhead", h3: "subhead", h4: "subhead" };

type Paragraphs = { paragraphs: string[]; kinds: ParagraphKind[] };

/** Canonical paragraphs of a sanitized tree: one per block, `<br><br>` also separates; list items are bullets, headings sub-heads. */
function paragraphsOf(root: Element): Paragraphs {
  const found: Paragraphs = { paragraphs: [], kinds: [] };
  let current = "";
  // the innermost open block: the text gathered so far belongs to it
  const open: ParagraphKind[] = ["paragraph"];
  const flush = () => {
    const kind = open[open.length - 1]!;
    for (const part of current.split(/\n[^\S\n]*\n/)) {
      const text = normalizeInline(part);
      if (!text) continue;
      found.paragraphs.push(text);
      found.kinds.push(kind);
    }
    current = "";
  };
  const walk = (node: Node) => {
    if (node.nodeType === node.TEXT_NODE) {
      // newlines in markup source are plain whitespace; only <br> makes a LINE_BREAK
      current += (node.nodeValue ?? "").replace(/\s+/g, " ");
      return;
    }
    if (node.nodeType !== node.ELEMENT_NODE) return;
    const tag = (node as Element).localName;
    if (tag === "br") {
      current += LINE_BREAK;
      return;
    }
    const isBlock = PARAGRAPH_BLOCKS.has(tag);
    if (isBlock) {
      flush();
      // a paragraph inside a list item is still that item
      open.push(KIND_OF_BLOCK[tag] ?? (open[open.length - 1] === "bullet" ? "bullet" : "paragraph"));
    }
    childrenOf(node).forEach(walk);
    if (isBlock) {
      flush();
      open.pop();
    }
  };
  childrenOf(root).forEach(walk);
  flush();
  return withoutLeadingHeadings(found, root);
}

/**
 * Headings and short labels above the first paragraph are a title or kicker that repeats or
 * introduces the headline, not the story's first paragraph; later sub-heads stay. A body made only of
 * headings keeps them all (they are then all the text there is).
 */
function withoutLeadingHeadings(found: Paragraphs, root: Element): Paragraphs {
  const headings: string[] = [];
  for (const child of childrenOf(root)) {
    if (child.nodeType !== child.ELEMENT_NODE) continue;
    const text = normalizeInline(child.textContent ?? "");
    const isLabel = synthesizedParagraphs.has(child) && text.split(" ").length <= 4 && !/[.!?:;,]$/.test(text);
    if (!/^h[1-6]$/.test((child as Element).localName) && !isLabel) break;
    headings.push(text);
  }
  let leading = 0;
  while (leading < headings.length && found.paragraphs[leading] === headings[leading]) leading += 1;
  return leading > 0 && leading < found.paragraphs.length ? { paragraphs: found.paragraphs.slice(leading), kinds: found.kinds.slice(leading) } : found;
}

/**
 * A node's children as a plain array. Never `childNodes`: jsdom keeps a NodeList live once it
 * has been read and rebuilds it on every later change, which makes restructuring a body with
 * thousands of paragraphs quadratic.
 */
function childrenOf(node: Node): ChildNode[] {
  const children: ChildNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
  return children;
}
