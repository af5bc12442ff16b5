/**
 * Reading explainer documents (Tiptap JSON): types, citations, bullets, plain text and the
 * template. No zod here, so the editor's browser bundle stays small; validation lives in
 * ./document.ts, which re-exports all of this.
 */

export type DocMark =
  | { type: "bold" }
  | { type: "italic" }
  | { type: "link"; attrs: { href: string; target?: string | null; rel?: string | null; class?: string | null; title?: string | null } };
export type TextNode = { type: "text"; text: string; marks?: DocMark[] };
export type HardBreakNode = { type: "hardBreak"; marks?: DocMark[] };
/**
 * How a bullet cites a claim or fact (the rules table in ./writing-rules.ts says which status
 * allows which form):
 * - FACT: stated as fact, no attribution;
 * - ATTRIBUTED: with an attribution phrase ("according to two army sources");
 * - BOTH_SIDES: one side of a dispute, in a bullet that also cites the other side;
 * - DEBUNKED: named only to say it is false; the public page says so beside it.
 */
export const CITATION_FORMS = ["FACT", "ATTRIBUTED", "BOTH_SIDES", "DEBUNKED"] as const;
export type CitationForm = (typeof CITATION_FORMS)[number];

/**
 * Exactly one of claimId and factId is set; `attribution` is "" unless attributed. `form` is
 * absent in documents written before forms existed: they read as FACT or ATTRIBUTED from
 * `attributed` (see citationFormOf). `attributed` is true for every form but FACT.
 */
export type CitationAttrs = { claimId: string | null; factId: string | null; attributed: boolean; attribution: string; form?: CitationForm | null };

/** The form of a citation, reading documents written before forms existed by `attributed`. */
export function citationFormOf(attrs: Pick<CitationAttrs, "attributed" | "form">): CitationForm {
  return attrs.form ?? (attrs.attributed ? "ATTRIBUTED" : "FACT");
}
export type CitationNode = { type: "citation"; attrs: CitationAttrs; marks?: DocMark[] };
export type InlineNode = TextNode | HardBreakNode | CitationNode;
export type ParagraphNode = { type: "paragraph"; content?: InlineNode[] };
export type HeadingNode = { type: "heading"; attrs: { level: 2 }; content?: (TextNode | HardBreakNode)[] };
export type ListItemNode = { type: "listItem"; content: (ParagraphNode | ListNode)[] };
export type ListNode =
  | { type: "bulletList"; content: ListItemNode[] }
  | { type: "orderedList"; attrs?: { start?: number; type?: string | null }; content: ListItemNode[] };
export type BlockNode = HeadingNode | ParagraphNode | ListNode;
export type ExplainerDoc = { type: "doc"; content: BlockNode[] };

type AnyNode = { type: string; text?: string; content?: AnyNode[] };


/** A citation as it appears in the document, in document order. */
export type DocCitation = Omit<CitationAttrs, "form"> & { form: CitationForm; position: number };

function inlineOf(node: AnyNode): InlineNode[] {
  return (node.content ?? []) as InlineNode[];
}

function walk(node: AnyNode, visit: (node: AnyNode) => void): void {
  visit(node);
  for (const child of node.content ?? []) walk(child, visit);
}

/** Every citation in the document, in reading order, numbered from 0. */
export function extractCitations(doc: ExplainerDoc): DocCitation[] {
  const found: DocCitation[] = [];
  walk(doc as AnyNode, (node) => {
    if (node.type === "citation") {
      const attrs = (node as unknown as CitationNode).attrs;
      found.push({ claimId: attrs.claimId, factId: attrs.factId, attributed: attrs.attributed, attribution: attrs.attribution, form: citationFormOf(attrs), position: found.length });
    }
  });
  return found;
}

/** Plain text of a run of inline nodes; a citation reads as its attribution (if any) in brackets. */
export function inlineText(nodes: readonly InlineNode[], options: { citations?: "omit" | "marker" } = {}): string {
  let out = "";
  for (const node of nodes) {
    if (node.type === "text") out += node.text;
    else if (node.type === "hardBreak") out += "\n";
    else if (options.citations === "marker") {
      const target = node.attrs.claimId ? `claim:${node.attrs.claimId}` : `fact:${node.attrs.factId}`;
      const form = citationFormOf(node.attrs);
      const how = form === "BOTH_SIDES" ? "both sides: " : form === "DEBUNKED" ? "debunked: " : "";
      out += `[${how}${node.attrs.attributed ? `${node.attrs.attribution}; ` : ""}${target}]`;
    }
  }
  return out;
}

/**
 * The document as plain text, one block per line ("## " before section titles, "- " or "1. "
 * before bullets, indented when nested). Citations appear as markers with `citations: "marker"`
 * (what the review diff uses, so a changed citation shows as a changed line).
 */
export function documentText(doc: ExplainerDoc, options: { citations?: "omit" | "marker" } = {}): string {
  const lines: string[] = [];
  const block = (node: AnyNode, indent: string, bullet: string | null): void => {
    switch (node.type) {
      case "heading":
        lines.push(`## ${inlineText(inlineOf(node), options).trim()}`);
        return;
      case "paragraph":
        lines.push(`${indent}${bullet ?? ""}${inlineText(inlineOf(node), options).trim()}`);
        return;
      case "bulletList":
      case "orderedList":
        (node.content ?? []).forEach((item, index) => {
          (item.content ?? []).forEach((child, childIndex) => {
            if (child.type === "paragraph") block(child, indent, childIndex === 0 ? (node.type === "bulletList" ? "- " : `${index + 1}. `) : "  ");
            else block(child, `${indent}  `, null);
          });
        });
        return;
      default:
        return;
    }
  };
  for (const node of doc.content) block(node as AnyNode, "", null);
  return lines.join("\n");
}

/** One bullet (list item) of the document: its own text and citations, and its section. */
export type Bullet = {
  /** 0-based, in reading order over the whole document */
  index: number;
  /** the section title above it ("" when it sits before any heading) */
  section: string;
  text: string;
  citations: CitationAttrs[];
};

/**
 * Every bullet with its own text and citations (a nested bullet is its own bullet: the parent's
 * citations do not cover it). Used by the writing rules ("a bullet with text needs a citation")
 * and by the public renderer for "sources behind each bullet".
 */
export function bulletsOf(doc: ExplainerDoc): Bullet[] {
  const bullets: Bullet[] = [];
  let section = "";
  const visitList = (list: AnyNode): void => {
    for (const item of list.content ?? []) {
      const inline: InlineNode[] = [];
      const nested: AnyNode[] = [];
      for (const child of item.content ?? []) {
        if (child.type === "paragraph") inline.push(...inlineOf(child));
        else nested.push(child);
      }
      bullets.push({
        index: bullets.length,
        section,
        text: inlineText(inline).replace(/\s+/g, " ").trim(),
        citations: inline.filter((node): node is CitationNode => node.type === "citation").map((node) => node.attrs),
      });
      for (const child of nested) visitList(child);
    }
  };
  for (const node of doc.content as AnyNode[]) {
    if (node.type === "heading") section = inlineText(inlineOf(node)).trim();
    else if (node.type === "bulletList" || node.type === "orderedList") visitList(node);
  }
  return bullets;
}

// ───────────────────────── the template ─────────────────────────

/** Section titles of a new explainer, in order. */
export const TEMPLATE_SECTIONS = ["What happened", "What we know", "What we don't know yet", "What's next"] as const;

/** A new explainer: the four sections, each with one empty bullet to type into. */
export function defaultExplainerDoc(): ExplainerDoc {
  return {
    type: "doc",
    content: TEMPLATE_SECTIONS.flatMap((title): BlockNode[] => [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: title }] },
      { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph" }] }] },
    ]),
  };
}
