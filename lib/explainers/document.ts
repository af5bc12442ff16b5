/**
 * The explainer document model: Tiptap JSON restricted to the nodes and marks the desk allows.
 * Shared by the editor (client), the domain layer (validation on save and submit), the review
 * diff and the public renderer. Pure: no server imports. The same node names are the editor's
 * schema, so a Yjs document (live co-editing) maps onto this JSON one to one.
 *
 * Nodes: doc, heading (level 2 only: section titles), paragraph, bulletList, orderedList,
 * listItem, text, hardBreak, and the inline atom `citation`
 * { claimId | factId (exactly one), attributed, attribution, form }.
 * Marks: bold, italic, link (http/https only).
 */
import { z } from "zod";
import { visibleText } from "@/lib/text/visible-text-schema";
import { CITATION_FORMS, type ExplainerDoc, type ListItemNode, type ListNode } from "./document-read";

export * from "./document-read";

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

export const ZTextNode = z
  .object({
    type: z.literal("text"),
    // invisible and bidi-control characters are stripped (lib/text); a text node left empty
    // by that is dropped from the document (dropEmptyTextNodes) rather than refusing the save
    text: visibleText(),
    marks: z.array(ZMark).max(3).optional(),
  })
  .strict();

export const ZHardBreakNode = z.object({ type: z.literal("hardBreak"), marks: z.array(ZMark).max(3).optional() }).strict();

export const ZCitationAttrs = z
  .object({
    claimId: ZUuid.nullable(),
    factId: ZUuid.nullable(),
    attributed: z.boolean(),
    attribution: visibleText().max(DOCUMENT_LIMITS.attributionChars, "Attribution phrases are at most 300 characters."),
    form: z.enum(CITATION_FORMS, { error: "Unknown citation form." }).nullable().optional(),
  })
  .strict()
  .refine((attrs) => (attrs.claimId === null) !== (attrs.factId === null), "A citation points at exactly one claim or one fact.")
  // every form but FACT shows its phrase; a document saying otherwise was not shaped by the editor
  .refine((attrs) => attrs.form == null || attrs.attributed === (attrs.form !== "FACT"), "A citation stated as fact carries no attribution, and every other form does.");

export const ZCitationNode = z.object({ type: z.literal("citation"), attrs: ZCitationAttrs, marks: z.array(ZMark).max(3).optional() }).strict();

export const ZInlineNode = z.discriminatedUnion("type", [ZTextNode, ZHardBreakNode, ZCitationNode]);

export const ZParagraphNode = z.object({ type: z.literal("paragraph"), content: z.array(ZInlineNode).optional() }).strict();

export const ZHeadingNode = z
  .object({
    type: z.literal("heading"),
    attrs: z.object({ level: z.literal(2, { error: "Section titles are level-2 headings." }) }).strict(),
    content: z.array(z.discriminatedUnion("type", [ZTextNode, ZHardBreakNode])).optional(),
  })
  .strict();


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



type AnyNode = { type: string; text?: string; content?: AnyNode[] };

function measure(node: AnyNode, depth: number, totals: { nodes: number; chars: number; citations: number; maxListDepth: number }): void {
  totals.nodes += 1;
  if (node.type === "text") totals.chars += node.text?.length ?? 0;
  if (node.type === "citation") totals.citations += 1;
  const listDepth = node.type === "bulletList" || node.type === "orderedList" ? depth + 1 : depth;
  totals.maxListDepth = Math.max(totals.maxListDepth, listDepth);
  for (const child of node.content ?? []) measure(child, listDepth, totals);
}

/** ProseMirror refuses empty text nodes; stripping invisible characters can leave some. */
function dropEmptyTextNodes<T extends AnyNode>(node: T): T {
  if (!node.content) return node;
  const content = node.content.filter((child) => child.type !== "text" || (child.text ?? "").length > 0).map(dropEmptyTextNodes);
  return { ...node, content };
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
  })
  .transform((doc) => dropEmptyTextNodes(doc as AnyNode) as ExplainerDoc) as unknown as z.ZodType<ExplainerDoc>;

/** Parses unknown JSON as an explainer document, or returns null (for reading stored rows). */
export function parseExplainerDoc(value: unknown): ExplainerDoc | null {
  const parsed = ZExplainerDoc.safeParse(value);
  return parsed.success ? parsed.data : null;
}
