/**
 * Turns an explainer revision's Tiptap JSON into public HTML. It knows only the node types and
 * marks of the explainer document contract; anything else is dropped with its content, every
 * text is escaped, and links survive only as http(s) with rel="nofollow noopener". The input is
 * treated as hostile: it is stored JSON that any desk member's editor (or a bug) may have shaped.
 *
 * Pure: no database, no Next imports, so it is unit-tested on hostile documents.
 */
import { escapeHtml } from "@/lib/text/escape-html";
import { isUuid } from "@/lib/http/uuid";

/** A citation atom's attributes, as the renderer hands them to the caller. */
export type CitationAttrs = {
  claimId: string | null;
  factId: string | null;
  attributed: boolean;
  attribution: string;
  /** FACT, ATTRIBUTED, BOTH_SIDES or DEBUNKED (lib/explainers/document-read.ts); old documents read by `attributed` */
  form: "FACT" | "ATTRIBUTED" | "BOTH_SIDES" | "DEBUNKED";
};

/** A citation met in the document, numbered in reading order (1, 2, ...). */
export type CitationUse = CitationAttrs & { number: number };

export type RenderDocumentOptions = {
  /** True when this citation may be shown (it is one of the revision's known citations). */
  isKnownCitation: (citation: CitationAttrs) => boolean;
  /**
   * HTML placed at the end of a bullet (or top-level paragraph) listing the sources of the
   * citations inside it; called only when it holds at least one.
   */
  renderSources: (citations: readonly CitationUse[]) => string;
};

export type RenderedDocument = { html: string; citations: CitationUse[] };

/** Deeper nodes are dropped: real explainers nest lists two or three levels, never dozens. */
export const MAX_DEPTH = 12;
/** A revision with more nodes than this is cut off rather than rendered without limit. */
export const MAX_NODES = 20_000;

export { escapeHtml };

// C0 controls other than tab/newline, DEL, C1 controls and lone surrogates have no place in text
const UNSAFE_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes characters that are invalid in HTML/XML text (control characters, lone surrogates). */
export function stripUnsafeChars(value: string): string {
  return value.replace(UNSAFE_CHARS, "");
}

/** The href to publish for a link mark, or null unless it is an absolute http(s) URL. */
export function safeHref(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 2000) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password) return null;
  return url.href;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function childrenOf(node: Json): unknown[] {
  return Array.isArray(node.content) ? node.content : [];
}

function stringAttr(attrs: unknown, name: string): string | null {
  if (!isObject(attrs)) return null;
  const value = attrs[name];
  return typeof value === "string" ? value : null;
}


/** The citation attributes of an atom, or null when they are malformed. */
export function citationAttrsOf(node: unknown): CitationAttrs | null {
  if (!isObject(node) || node.type !== "citation" || !isObject(node.attrs)) return null;
  const claimId = stringAttr(node.attrs, "claimId");
  const factId = stringAttr(node.attrs, "factId");
  const validClaim = claimId !== null && isUuid(claimId);
  const validFact = factId !== null && isUuid(factId);
  // exactly one target: a claim or a fact
  if (validClaim === validFact) return null;
  const attribution = stringAttr(node.attrs, "attribution") ?? "";
  const attributed = node.attrs.attributed === true;
  const form = stringAttr(node.attrs, "form");
  return {
    claimId: validClaim ? claimId.toLowerCase() : null,
    factId: validFact ? factId.toLowerCase() : null,
    attributed,
    attribution: stripUnsafeChars(attribution).slice(0, 500),
    form: form === "FACT" || form === "ATTRIBUTED" || form === "BOTH_SIDES" || form === "DEBUNKED" ? form : attributed ? "ATTRIBUTED" : "FACT",
  };
}

type Mark = "bold" | "italic" | { href: string };

function marksOf(node: Json): Mark[] {
  if (!Array.isArray(node.marks)) return [];
  const marks: Mark[] = [];
  for (const mark of node.marks) {
    if (!isObject(mark)) continue;
    if (mark.type === "bold" && !marks.includes("bold")) marks.push("bold");
    else if (mark.type === "italic" && !marks.includes("italic")) marks.push("italic");
    else if (mark.type === "link" && !marks.some((m) => typeof m === "object")) {
      const href = safeHref(isObject(mark.attrs) ? mark.attrs.href : null);
      if (href) marks.push({ href });
    }
  }
  // links outermost, so bold/italic inside a link stay inside it
  return marks.sort((a, b) => (typeof a === "object" ? 0 : 1) - (typeof b === "object" ? 0 : 1));
}

function wrapMarks(html: string, marks: readonly Mark[]): string {
  let out = html;
  for (const mark of [...marks].reverse()) {
    if (mark === "bold") out = `<strong>${out}</strong>`;
    else if (mark === "italic") out = `<em>${out}</em>`;
    else out = `<a href="${escapeHtml(mark.href)}" rel="nofollow noopener">${out}</a>`;
  }
  return out;
}

const CLOSING_TAGS = /((?:<\/(?:strong|em|a)>)*)$/;

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Joins an attribution phrase to the HTML before it: trailing spaces go, a sentence end is taken
 * away (and returned, to close the sentence after the phrase), and a comma is put in unless the
 * writer already ended on a comma, semicolon, colon or dash. Right after another phrase, a
 * semicolon separates the two. At the very start of a paragraph nothing leads the phrase.
 */
export function joinBefore(html: string, afterPhrase: boolean): { html: string; lead: string; end: string } {
  const closing = CLOSING_TAGS.exec(html)?.[1] ?? "";
  let text = html.slice(0, html.length - closing.length).replace(/\s+$/, "");
  if (text === "") return { html: closing, lead: "", end: "" };
  if (afterPhrase) return { html: text + closing, lead: "; ", end: "" };
  let end = "";
  const terminal = /([.!?])$/.exec(text);
  if (terminal && !/\.\.$/.test(text)) {
    end = terminal[1]!;
    text = text.slice(0, -1);
  }
  if (/[,;:\u2014\u2013-]$/.test(text)) return { html: text + closing, lead: " ", end };
  return { html: text + closing, lead: ", ", end };
}

/** What goes between a phrase and the writer's next words: their punctuation, or a comma. */
function phraseTrail(next: string, heldEnd: string): string {
  if (/^\s*[.,;:!?)\u2014]/.test(next)) return "";
  return `${heldEnd || ","}${/^\s/.test(next) ? "" : " "}`;
}

/** Renders a revision's document; unknown or malformed parts are left out, never passed through. */
export function renderDocument(doc: unknown, options: RenderDocumentOptions): RenderedDocument {
  const citations: CitationUse[] = [];
  let budget = MAX_NODES;
  // citations of the innermost bullet (or top-level paragraph) being rendered
  let collecting: CitationUse[] | null = null;

  const spend = () => --budget >= 0;

  function inline(nodes: unknown[]): string {
    let out = "";
    // the sentence end taken from before a phrase, put back after it (". " → ", according to …<sup>.")
    let heldEnd = "";
    let afterPhrase = false;
    nodes.forEach((node, index) => {
      if (!isObject(node) || !spend()) return;
      if (node.type === "text") {
        if (typeof node.text !== "string") return;
        const text = stripUnsafeChars(node.text);
        if (afterPhrase && text.trim() !== "") {
          out += phraseTrail(text, heldEnd);
          heldEnd = "";
          afterPhrase = false;
        }
        out += wrapMarks(escapeHtml(text), marksOf(node));
      } else if (node.type === "hardBreak") {
        if (afterPhrase) out += heldEnd || ".";
        heldEnd = "";
        afterPhrase = false;
        out += "<br>";
      } else if (node.type === "citation") {
        const attrs = citationAttrsOf(node);
        if (!attrs || !options.isKnownCitation(attrs)) return;
        const use: CitationUse = { ...attrs, number: citations.length + 1 };
        citations.push(use);
        collecting?.push(use);
        // the phrase is part of the wording the reviewers approved: it stays in the sentence, joined
        // to the words before it as an editor would punctuate it
        const phrase = use.form === "FACT" ? "" : use.attribution.trim();
        const debunked = use.form === "DEBUNKED";
        if (phrase || debunked) {
          const joined = joinBefore(out, afterPhrase);
          out = joined.html;
          if (joined.end) heldEnd = joined.end;
          const start = joined.lead === "";
          const words = phrase ? escapeHtml(start ? capitalize(phrase) : phrase) : "";
          // a verdict alone is its own clause: "Posts said the ferry sank; this claim is false."
          out += debunked && !phrase && joined.lead === ", " ? "; " : joined.lead;
          if (words) out += `<span class="attribution">${words}</span>`;
          if (debunked) out += `${words ? "; " : ""}<strong class="debunked">${words || !start ? "this claim is false" : "This claim is false"}</strong>`;
          afterPhrase = true;
        }
        out += `<sup class="cite"><a href="#source-${use.number}" id="cite-${use.number}" aria-label="Source ${use.number}">${use.number}</a></sup>`;
        // the paragraph ends after this phrase: close the sentence
        if (afterPhrase && !nodes.slice(index + 1).some((next) => isObject(next) && (next.type === "citation" || (next.type === "text" && typeof next.text === "string" && next.text.trim() !== "")))) {
          out += heldEnd || ".";
          heldEnd = "";
          afterPhrase = false;
        }
      }
      // any other node inside a paragraph or heading is unknown here: dropped with its content
    });
    return out;
  }

  function sourceBearing(render: () => string): string {
    const outer = collecting;
    const mine: CitationUse[] = [];
    collecting = mine;
    const html = render();
    collecting = outer;
    return mine.length > 0 ? html + options.renderSources(mine) : html;
  }

  function list(node: Json, tag: "ul" | "ol", depth: number): string {
    let items = "";
    for (const child of childrenOf(node)) {
      if (!isObject(child) || child.type !== "listItem" || !spend()) continue;
      const body = sourceBearing(() => blocks(childrenOf(child), depth + 1, false));
      if (body) items += `<li>${body}</li>`;
    }
    return items ? `<${tag}>${items}</${tag}>` : "";
  }

  function blocks(nodes: unknown[], depth: number, topLevel: boolean): string {
    if (depth > MAX_DEPTH) return "";
    let out = "";
    let pendingHeading: string | null = null;
    for (const node of nodes) {
      if (!isObject(node) || !spend()) continue;
      const before = out.length;
      const heading = pendingHeading;
      switch (node.type) {
        case "paragraph": {
          const render = () => {
            const content = inline(childrenOf(node));
            return content ? `<p>${content}</p>` : "";
          };
          out += topLevel ? sourceBearing(render) : render();
          break;
        }
        case "heading": {
          // a section title is shown only once something follows it: an empty template section
          // ("What's next" with no bullets yet) is left out rather than published as a bare title
          const content = inline(childrenOf(node));
          pendingHeading = content ? `<h2>${content}</h2>` : null;
          continue;
        }
        case "bulletList":
          out += list(node, "ul", depth + 1);
          break;
        case "orderedList":
          out += list(node, "ol", depth + 1);
          break;
        default:
        // unknown block (script, iframe, image, table, raw html ...): dropped with its content
      }
      if (heading !== null && out.length > before) {
        out = out.slice(0, before) + heading + out.slice(before);
        pendingHeading = null;
      }
    }
    return out;
  }

  const root = isObject(doc) && doc.type === "doc" ? childrenOf(doc) : [];
  const html = blocks(root, 0, true);
  return { html, citations };
}

/** The document's visible text (for descriptions and search), with the same node rules. */
export function documentText(doc: unknown, limit = 300): string {
  const parts: string[] = [];
  let length = 0;
  const walk = (node: unknown, depth: number) => {
    if (!isObject(node) || depth > MAX_DEPTH || length > limit) return;
    if (node.type === "text" && typeof node.text === "string") {
      parts.push(node.text);
      length += node.text.length;
      return;
    }
    if (!["doc", "heading", "paragraph", "bulletList", "orderedList", "listItem"].includes(String(node.type))) return;
    for (const child of childrenOf(node)) walk(child, depth + 1);
    if (node.type !== "doc") parts.push(" ");
  };
  walk(doc, 0);
  return stripUnsafeChars(parts.join("").replace(/\s+/g, " ").trim()).slice(0, limit);
}
