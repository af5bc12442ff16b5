"use client";
import { mergeAttributes, Node, type Editor } from "@tiptap/core";
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from "@tiptap/react";
import { NodeSelection } from "@tiptap/pm/state";
import { Popover } from "radix-ui";
import { useEffect, useId, useRef, useState } from "react";
import { CLAIM_STATUS_META } from "@/lib/claims/status-meta";
import { STATUS_STYLE } from "@/components/claims/status-style";
import type { CitationTarget } from "@/lib/explainers/citation-targets";
import { CITATION_FORMS, citationFormOf, type CitationAttrs, type CitationForm } from "@/lib/explainers/document-read";
import { CITATION_FORM_LABEL, citationKey, citationProblem, defaultForm, formNeedsPhrase, formVerdict } from "@/lib/explainers/writing-rules";
import { useCitationTarget } from "./targets-context";

/** Event the Enter key sends to a selected chip: open its details and move focus into them. */
const OPEN_EVENT = "wiredesk:citation-open";

/** Drag-and-drop payload type for a citation dragged from the side panel. */
export const CITATION_DRAG_TYPE = "application/x-wiredesk-citation";

/** The attributes that cite in `form`: every form but FACT carries a phrase. */
function formAttrs(form: CitationForm, phrase: string): Pick<CitationAttrs, "form" | "attributed" | "attribution"> {
  return form === "FACT" ? { form, attributed: false, attribution: "" } : { form, attributed: true, attribution: phrase };
}

/** Citation attributes for a new citation: the first form the rules table allows, with the best phrase. */
export function citationAttrsFor(target: Pick<CitationTarget, "kind" | "id" | "status" | "phrases">): CitationAttrs {
  return {
    claimId: target.kind === "claim" ? target.id : null,
    factId: target.kind === "fact" ? target.id : null,
    ...formAttrs(defaultForm(target.status), target.phrases[0] ?? ""),
  };
}

/** The citations of the bullet (list item) holding the node at `pos`, as the rules read them. */
function bulletCitationsAt(editor: Editor, pos: number): CitationAttrs[] {
  const $pos = editor.state.doc.resolve(pos);
  for (let depth = $pos.depth; depth > 0; depth -= 1) {
    const node = $pos.node(depth);
    if (node.type.name !== "listItem") continue;
    const found: CitationAttrs[] = [];
    node.forEach((child) => {
      if (child.type.name === "paragraph") child.forEach((inline) => void (inline.type.name === "citation" && found.push(inline.attrs as CitationAttrs)));
    });
    return found;
  }
  return [];
}

/** Inserts a citation (and a space after it) at `position`, or at the cursor. */
export function insertCitation(editor: Editor, target: CitationTarget, position?: number): void {
  const content = [
    { type: "citation", attrs: citationAttrsFor(target) },
    { type: "text", text: " " },
  ];
  const chain = editor.chain().focus();
  (position === undefined ? chain.insertContent(content) : chain.insertContentAt(position, content)).run();
}

const FORM_SPOKEN: Record<CitationForm, string> = {
  FACT: ", stated as fact",
  ATTRIBUTED: ", attributed",
  BOTH_SIDES: ", one side of a dispute",
  DEBUNKED: ", cited as debunked",
};

const CHIP_TONE: Record<string, string> = {
  neutral: "border-slate-300 bg-slate-50 text-slate-800",
  accent: "border-blue-300 bg-blue-50 text-blue-900",
  ok: "border-green-300 bg-green-50 text-green-900",
  warn: "border-amber-300 bg-amber-50 text-amber-900",
  danger: "border-red-300 bg-red-50 text-red-900",
};

function sourcesLabel(count: number): string {
  return `${count} source${count === 1 ? "" : "s"}`;
}

function CitationChip({ node, updateAttributes, deleteNode, selected, editor, getPos }: ReactNodeViewProps) {
  const attrs = node.attrs as CitationAttrs;
  const target = useCitationTarget(citationKey(attrs));
  const [hovered, setHovered] = useState(false);
  const [pinned, setPinned] = useState(false);
  // opened from the keyboard (Enter on a selected chip): focus goes into the details
  const [fromKeyboard, setFromKeyboard] = useState(false);
  const closeTimer = useRef<number | undefined>(undefined);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const button = buttonRef.current;
    const open = () => {
      setFromKeyboard(true);
      setPinned(true);
      // the details are usually open already (the chip is selected), so no open-autofocus fires
      window.setTimeout(() => contentRef.current?.querySelector<HTMLElement>("input:not([disabled]), button:not([disabled])")?.focus(), 0);
    };
    button?.addEventListener(OPEN_EVENT, open);
    return () => button?.removeEventListener(OPEN_EVENT, open);
  }, []);
  // focus inside the details (typing a phrase) keeps them open: the chip may lose its selection
  // and the pointer may leave while someone types, and closing would take their caret away
  const [focusInside, setFocusInside] = useState(false);
  const popoverId = useId();
  const open = pinned || hovered || selected || focusInside;
  const editable = editor.isEditable;

  const status = target?.status ?? "UNVERIFIED";
  const meta = CLAIM_STATUS_META[status];
  const pos = getPos();
  const problem = citationProblem(attrs, target, typeof pos === "number" ? bulletCitationsAt(editor, pos) : [attrs]);
  const form = citationFormOf(attrs);

  const hover = (value: boolean) => {
    window.clearTimeout(closeTimer.current);
    if (value) setHovered(true);
    else closeTimer.current = window.setTimeout(() => setHovered(false), 150);
  };

  return (
    <NodeViewWrapper as="span" className="citation-node" data-citation-key={citationKey(attrs)}>
      <Popover.Root
        open={open}
        onOpenChange={(next) => {
          setPinned(next);
          if (next) return;
          setHovered(false);
          // a selected chip shows its details; closing them (Escape) puts the caret after it
          const pos = getPos();
          if (selected && typeof pos === "number") editor.chain().focus().setTextSelection(pos + node.nodeSize).run();
        }}
      >
        <Popover.Trigger asChild>
          <button
            ref={buttonRef}
            type="button"
            contentEditable={false}
            aria-describedby={open ? popoverId : undefined}
            // the chip's visible words come in the name in the order they are shown (WCAG 2.5.3)
            aria-label={`Citation: ${target ? target.statement : "unknown claim"}. ${form === "DEBUNKED" ? "Debunked " : ""}${attrs.attributed && attrs.attribution ? `${attrs.attribution} ` : ""}${target ? meta.label : "Missing"}, ${sourcesLabel(target?.sourceCount ?? 0)}${FORM_SPOKEN[form]}${problem ? `. Breaks a rule: ${problem.message}` : ""}. Select it and press Enter to change how it is stated.`}
            onMouseEnter={() => hover(true)}
            onMouseLeave={() => hover(false)}
            className={`mx-0.5 inline-flex max-w-full items-center gap-1 rounded-full border px-2 py-px align-baseline text-xs font-medium ${CHIP_TONE[meta.tone]} ${
              problem ? "ring-2 ring-danger ring-offset-1" : ""
            } ${selected ? "outline-2 outline-accent" : ""}`}
          >
            {form === "DEBUNKED" ? <span className="font-semibold uppercase">Debunked</span> : null}
            {attrs.attributed && attrs.attribution ? <span className="truncate font-normal italic">{attrs.attribution}</span> : null}
            <span aria-hidden>{STATUS_STYLE[status].marker}</span>
            <span>{target ? meta.label : "Missing"}</span>
            <span className="font-normal opacity-80">· {sourcesLabel(target?.sourceCount ?? 0)}</span>
          </button>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            ref={contentRef}
            id={popoverId}
            role="dialog"
            aria-label="Citation details"
            side="bottom"
            align="start"
            sideOffset={6}
            onOpenAutoFocus={(event) => {
              // hovering or selecting shows the details without taking the caret out of the text
              if (!fromKeyboard) event.preventDefault();
            }}
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              if (fromKeyboard) editor.commands.focus();
              setFromKeyboard(false);
            }}
            onMouseEnter={() => hover(true)}
            onMouseLeave={() => hover(false)}
            onFocus={() => setFocusInside(true)}
            onBlur={(event) => {
              if (!event.currentTarget.contains(event.relatedTarget as HTMLElement | null)) setFocusInside(false);
            }}
            className="z-50 w-[min(26rem,calc(100vw-2rem))] rounded-lg border border-line bg-white p-3 text-sm shadow-xl"
          >
            {target ? (
              <CitationDetails
                target={target}
                attrs={attrs}
                problem={problem?.message ?? null}
                editable={editable}
                onChange={(next) => updateAttributes(next)}
                onRemove={() => deleteNode()}
              />
            ) : (
              <p className="text-danger">This citation points at a claim or fact that is no longer in this story. Remove it and cite another.</p>
            )}
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
    </NodeViewWrapper>
  );
}

function CitationDetails({
  target,
  attrs,
  problem,
  editable,
  onChange,
  onRemove,
}: {
  target: CitationTarget;
  attrs: CitationAttrs;
  problem: string | null;
  editable: boolean;
  onChange: (attrs: Partial<CitationAttrs>) => void;
  onRemove: () => void;
}) {
  const meta = CLAIM_STATUS_META[target.status];
  const form = citationFormOf(attrs);
  const phraseId = useId();
  // the phrase is typed into local state and stored on blur or Enter: a change of the citation
  // per keystroke re-renders the chip and could close these details under the writer's caret
  const [phrase, setPhrase] = useState(attrs.attribution);
  // a phrase chosen from the suggestions (or a co-editor's change) replaces the draft
  const [stored, setStored] = useState(attrs.attribution);
  if (stored !== attrs.attribution) {
    setStored(attrs.attribution);
    setPhrase(attrs.attribution);
  }
  const commitPhrase = (value: string) => {
    if (value !== attrs.attribution) onChange({ attribution: value });
  };
  return (
    <div className="space-y-2">
      <p className="text-xs font-medium text-muted uppercase">
        {target.kind === "fact" ? "Fact" : "Claim"} · {meta.label} · {sourcesLabel(target.sourceCount)}
      </p>
      <p className="font-medium">{target.statement}</p>
      <ul className="max-h-40 space-y-1.5 overflow-auto">
        {target.quotes.slice(0, 6).map((quote) => (
          <li key={quote.claimId} className="border-l-2 border-line pl-2">
            <q className="font-serif">{quote.exact}</q>
            <span className="block text-xs text-muted">
              {quote.outlet}
              {quote.publishedAt ? ` · ${new Date(quote.publishedAt).toUTCString().slice(5, 22)} UTC` : ""}
            </span>
          </li>
        ))}
      </ul>
      {problem ? (
        <p role="alert" className="text-xs text-danger">
          {problem}
        </p>
      ) : null}
      {editable ? (
        <fieldset className="space-y-1.5 border-t border-line pt-2">
          <legend className="sr-only">How the bullet cites it</legend>
          {CITATION_FORMS.map((option) => {
            const verdict = formVerdict(target.status, option);
            // a form the table refuses stays selectable only while it is the current one, so the writer sees why
            return (
              <label key={option} className="flex items-start gap-2">
                <input
                  type="radio"
                  className="mt-1"
                  name={`${phraseId}-form`}
                  checked={form === option}
                  disabled={!verdict.allowed}
                  onChange={() => onChange(formAttrs(option, attrs.attribution || (target.phrases[0] ?? "")))}
                />
                <span>
                  {CITATION_FORM_LABEL[option]}
                  {verdict.allowed ? null : <span className="block text-xs text-muted">{verdict.message}</span>}
                </span>
              </label>
            );
          })}
          {form !== "FACT" ? (
            <div className="space-y-1 pl-6">
              <label htmlFor={phraseId} className="block text-xs text-muted">
                {formNeedsPhrase(form) ? "Attribution phrase" : "Who spread it (optional; the page adds that it is false)"}
              </label>
              <input
                id={phraseId}
                className="w-full rounded border border-line px-2 py-1 text-sm"
                value={phrase}
                maxLength={300}
                onChange={(event) => setPhrase(event.target.value)}
                onBlur={() => commitPhrase(phrase)}
                onKeyDown={(event) => {
                  if (event.key === "Enter") {
                    event.preventDefault();
                    commitPhrase(phrase);
                  }
                }}
              />
              <div className="flex flex-wrap gap-1" role="group" aria-label="Suggested phrases">
                {target.phrases.map((suggested) => (
                  <button
                    key={suggested}
                    type="button"
                    onClick={() => onChange({ attribution: suggested })}
                    className={`rounded border px-1.5 py-0.5 text-left text-xs hover:bg-paper ${suggested === attrs.attribution ? "border-accent bg-blue-50" : "border-line"}`}
                  >
                    {suggested}
                  </button>
                ))}
              </div>
            </div>
          ) : null}
          <button type="button" onClick={onRemove} className="text-xs text-danger hover:underline">
            Remove citation
          </button>
        </fieldset>
      ) : null}
    </div>
  );
}

/**
 * The `citation` node: an inline atom pointing at one claim or one fact, with how the bullet
 * states it. Its attributes are exactly the document model's (lib/explainers/document.ts), so the
 * same JSON round-trips through the editor, Yjs and the public renderer.
 */
export const CitationNode = Node.create({
  name: "citation",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      claimId: { default: null, parseHTML: (element) => element.getAttribute("data-claim-id"), renderHTML: (attrs) => (attrs.claimId ? { "data-claim-id": attrs.claimId } : {}) },
      factId: { default: null, parseHTML: (element) => element.getAttribute("data-fact-id"), renderHTML: (attrs) => (attrs.factId ? { "data-fact-id": attrs.factId } : {}) },
      attributed: {
        default: false,
        parseHTML: (element) => element.getAttribute("data-attributed") === "true",
        renderHTML: (attrs) => ({ "data-attributed": String(attrs.attributed) }),
      },
      attribution: {
        default: "",
        parseHTML: (element) => element.getAttribute("data-attribution") ?? "",
        renderHTML: (attrs) => ({ "data-attribution": attrs.attribution }),
      },
      // null in documents written before forms existed (read by `attributed`: citationFormOf)
      form: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-form"),
        renderHTML: (attrs) => (attrs.form ? { "data-form": attrs.form } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: "span[data-citation]" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes({ "data-citation": "" }, HTMLAttributes)];
  },

  renderText({ node }) {
    return node.attrs.attributed ? ` (${node.attrs.attribution})` : "";
  },

  addNodeView() {
    return ReactNodeViewRenderer(CitationChip, { as: "span", className: "inline" });
  },

  addKeyboardShortcuts() {
    return {
      // arrow onto a chip selects it (and shows its details); Enter opens them for editing
      Enter: ({ editor }) => {
        const selection = editor.state.selection;
        if (!(selection instanceof NodeSelection) || selection.node.type.name !== this.name) return false;
        const dom = editor.view.nodeDOM(selection.from) as HTMLElement | null;
        dom?.querySelector("button")?.dispatchEvent(new CustomEvent(OPEN_EVENT));
        return true;
      },
    };
  },
});
