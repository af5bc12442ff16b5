/**
 * The explainer document model: Tiptap JSON restricted to the nodes and marks the desk allows.
 * Shared by the editor (client), the domain layer (validation on save and submit), the review
 * diff and the public renderer. Pure: no server imports. The same node names are the editor's
 * schema, so a Yjs document (live co-editing) maps onto this JSON one to one.
 *
 * Nodes: doc, heading (level 2 only: section titles), paragraph, bulletList, orderedList,
 * listItem, text, hardBreak, and the inline atom `citation`
 * { claimId | factId (exactly one), attributed, attribution }.
 * Marks: bold, italic, link (http/https only).
 */
import { z } from "zod";

/** Size limits: generous for a "What to know" page, small enough to refuse junk. */
export const DOCUMENT_LIMITS = {
  /** total characters of text in the document */
  textChars: 40_000,
  /** nodes of any kind */
  nodes: 4_000,
  /** list nesting depth (a bullet inside a bullet inside a bullet) */
  listDepth: 3,
  citations: 400,
  attributionChars: 300,
  hrefChars: 2_000,
} as const;

const ZUuid = z.uuid({ error: "A citation points at an unknown claim or fact." });

export const ZBoldMark = z.object({ type: z.literal("bold") }).strict();
export const ZItalicMark = z.object({ type: z.literal("italic") }).strict();
export const ZLinkMark = z
  .object({
    type: z.literal("link"),
    attrs: z
      .object({
        href: z
          .string()
          .max(DOCUMENT_LIMITS.hrefChars, "Links are at most 2,000 characters.")
          .refine((href) => /^https?:\/\/[^\s]+$/i.test(href), "Links must start with http:// or https://."),
        // Tiptap's link mark carries these; the renderer ignores them and sets its own
        target: z.string().max(20).nullable().optional(),
        rel: z.string().max(100).nullable().optional(),
        class: z.string().max(100).nullable().optional(),
        title: z.string().max(300).nullable().optional(),
      })
      .strict(),
  })
  .strict();
export const ZMark = z.discriminatedUnion("type", [ZBoldMark, ZItalicMark, ZLinkMark]);
export type DocMark = z.infer<typeof ZMark>;

export const ZTextNode = z
  .object({
    type: z.literal("text"),
    text: z.string().min(1),
    marks: z.array(ZMark).max(3).optional(),
  })
  .strict();
export type TextNode = z.infer<typeof ZTextNode>;

export const ZHardBreakNode = z.object({ type: z.literal("hardBreak"), marks: z.array(ZMark).max(3).optional() }).strict();

export const ZCitationAttrs = z
  .object({
    claimId: ZUuid.nullable(),
    factId: ZUuid.nullable(),
    attributed: z.boolean(),
    attribution: z.string().max(DOCUMENT_LIMITS.attributionChars, "Attribution phrases are at most 300 characters."),
  })
  .strict()
  .refine((attrs) => (attrs.claimId === null) !== (attrs.factId === null), "A citation points at exactly one claim or one fact.");
export type CitationAttrs = z.infer<typeof ZCitationAttrs>;

export const ZCitationNode = z.object({ type: z.literal("citation"), attrs: ZCitationAttrs, marks: z.array(ZMark).max(3).optional() }).strict();
export type CitationNode = z.infer<typeof ZCitationNode>;

export const ZInlineNode = z.discriminatedUnion("type", [ZTextNode, ZHardBreakNode, ZCitationNode]);
export type InlineNode = z.infer<typeof ZInlineNode>;

export const ZParagraphNode = z.object({ type: z.literal("paragraph"), content: z.array(ZInlineNode).optional() }).strict();
export type ParagraphNode = z.infer<typeof ZParagraphNode>;

export const ZHeadingNode = z
  .object({
    type: z.literal("heading"),
    attrs: z.object({ level: z.literal(2, { error: "Section titles are level-2 headings." }) }).strict(),
    content: z.array(z.discriminatedUnion("type", [ZTextNode, ZHardBreakNode])).optional(),
  })
  .strict();
export type HeadingNode = z.infer<typeof ZHeadingNode>;

export type ListItemNode = { type: "listItem"; content: (ParagraphNode | ListNode)[] };
export type ListNode =
  | { type: "bulletList"; content: ListItemNode[] }
  | { type: "orderedList"; attrs?: { start?: number; type?: string | null }; content: ListItemNode[] };

export const ZListItemNode: z.ZodType<ListItemNode> = z.lazy(() =>
  z
    .object({
      type: z.literal("listItem"),
      // ProseMirror: a list item starts with a paragraph, then may hold nested lists
      content: z.array(z.union([ZParagraphNode, ZListNode])).min(1),
    })
    .strict(),
);

export const ZListNode: z.ZodType<ListNode> = z.lazy(() =>
  z.union([
    z.object({ type: z.literal("bulletList"), content: z.array(ZListItemNode).min(1) }).strict(),
    z
      .object({
        type: z.literal("orderedList"),
        attrs: z.object({ start: z.number().int().min(0).max(10_000).optional(), type: z.string().max(10).nullable().optional() }).strict().optional(),
        content: z.array(ZListItemNode).min(1),
      })
      .strict(),
  ]),
);

export const ZBlockNode = z.union([ZHeadingNode, ZParagraphNode, ZListNode]);
export type BlockNode = HeadingNode | ParagraphNode | ListNode;

export type ExplainerDoc = { type: "doc"; content: BlockNode[] };

type AnyNode = { type: string; text?: string; content?: AnyNode[] };

function measure(node: AnyNode, depth: number, totals: { nodes: number; chars: number; citations: number; maxListDepth: number }): void {
  totals.nodes += 1;
  if (node.type === "text") totals.chars += node.text?.length ?? 0;
  if (node.type === "citation") totals.citations += 1;
  const listDepth = node.type === "bulletList" || node.type === "orderedList" ? depth + 1 : depth;
  totals.maxListDepth = Math.max(totals.maxListDepth, listDepth);
  for (const child of node.content ?? []) measure(child, listDepth, totals);
}

/** A whole explainer document: only the allowed nodes and marks, within the size limits. */
export const ZExplainerDoc: z.ZodType<ExplainerDoc> = z
  .object({ type: z.literal("doc"), content: z.array(ZBlockNode).max(DOCUMENT_LIMITS.nodes) })
  .strict()
  .superRefine((doc, ctx) => {
    const totals = { nodes: 0, chars: 0, citations: 0, maxListDepth: 0 };
    measure(doc as AnyNode, 0, totals);
    if (totals.nodes > DOCUMENT_LIMITS.nodes) ctx.addIssue({ code: "custom", message: "The explainer is too long: split it or cut some bullets." });
    if (totals.chars > DOCUMENT_LIMITS.textChars) ctx.addIssue({ code: "custom", message: "The explainer is at most 40,000 characters." });
    if (totals.citations > DOCUMENT_LIMITS.citations) ctx.addIssue({ code: "custom", message: "An explainer cites at most 400 claims or facts." });
    if (totals.maxListDepth > DOCUMENT_LIMITS.listDepth) ctx.addIssue({ code: "custom", message: "Bullets nest at most three deep." });
  }) as z.ZodType<ExplainerDoc>;

// ───────────────────────── reading a document ─────────────────────────

/** A citation as it appears in the document, in document order. */
export type DocCitation = CitationAttrs & { position: number };

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
      found.push({ claimId: attrs.claimId, factId: attrs.factId, attributed: attrs.attributed, attribution: attrs.attribution, position: found.length });
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
      out += `[${node.attrs.attributed ? `${node.attrs.attribution}; ` : ""}${target}]`;
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

/** Parses unknown JSON as an explainer document, or returns null (for reading stored rows). */
export function parseExplainerDoc(value: unknown): ExplainerDoc | null {
  const parsed = ZExplainerDoc.safeParse(value);
  return parsed.success ? parsed.data : null;
}
