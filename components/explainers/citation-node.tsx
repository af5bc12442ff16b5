"use client";
import { mergeAttributes, Node, type Editor } from "@tiptap/core";
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from "@tiptap/react";
import { NodeSelection } from "@tiptap/pm/state";
import { Popover } from "radix-ui";
import { useEffect, useId, useRef, useState } from "react";
import { CLAIM_STATUS_META } from "@/lib/claims/status-meta";
import { STATUS_STYLE } from "@/components/claims/status-style";
import type { CitationTarget } from "@/lib/explainers/citation-targets";
import type { CitationAttrs } from "@/lib/explainers/document";
import { citationKey, mayBeStatedAsFact } from "@/lib/explainers/writing-rules";
import { useCitationTarget } from "./targets-context";

/** Event the Enter key sends to a selected chip: open its details and move focus into them. */
const OPEN_EVENT = "wiredesk:citation-open";

/** Drag-and-drop payload type for a citation dragged from the side panel. */
export const CITATION_DRAG_TYPE = "application/x-wiredesk-citation";

/** Citation attributes for a new citation of a target: attributed with the best phrase unless verified. */
export function citationAttrsFor(target: Pick<CitationTarget, "kind" | "id" | "status" | "phrases">): CitationAttrs {
  const attributed = !mayBeStatedAsFact(target.status);
  return {
    claimId: target.kind === "claim" ? target.id : null,
    factId: target.kind === "fact" ? target.id : null,
    attributed,
    attribution: attributed ? (target.phrases[0] ?? "") : "",
  };
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
  const popoverId = useId();
  const open = pinned || hovered || selected;
  const editable = editor.isEditable;

  const status = target?.status ?? "UNVERIFIED";
  const meta = CLAIM_STATUS_META[status];
  const breaksRule = target ? (!attrs.attributed && !mayBeStatedAsFact(status)) || (attrs.attributed && attrs.attribution.trim() === "") : true;

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
            aria-label={`Citation: ${target ? target.statement : "unknown claim"}. ${meta.label}, ${sourcesLabel(target?.sourceCount ?? 0)}${attrs.attributed ? `, attributed ${attrs.attribution}` : ", stated as fact"}. Select it and press Enter to change how it is stated.`}
            onMouseEnter={() => hover(true)}
            onMouseLeave={() => hover(false)}
            className={`mx-0.5 inline-flex max-w-full items-center gap-1 rounded-full border px-2 py-px align-baseline text-xs font-medium ${CHIP_TONE[meta.tone]} ${
              breaksRule ? "ring-2 ring-danger ring-offset-1" : ""
            } ${selected ? "outline-2 outline-accent" : ""}`}
          >
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
            className="z-50 w-[min(26rem,calc(100vw-2rem))] rounded-lg border border-line bg-white p-3 text-sm shadow-xl"
          >
            {target ? (
              <CitationDetails target={target} attrs={attrs} editable={editable} onChange={(next) => updateAttributes(next)} onRemove={() => deleteNode()} />
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
  editable,
  onChange,
  onRemove,
}: {
  target: CitationTarget;
  attrs: CitationAttrs;
  editable: boolean;
  onChange: (attrs: Partial<CitationAttrs>) => void;
  onRemove: () => void;
}) {
  const meta = CLAIM_STATUS_META[target.status];
  const asFactAllowed = mayBeStatedAsFact(target.status);
  const phraseId = useId();
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
      {editable ? (
        <fieldset className="space-y-1.5 border-t border-line pt-2">
          <legend className="sr-only">How the bullet states it</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name={`${phraseId}-mode`} checked={!attrs.attributed} disabled={!asFactAllowed} onChange={() => onChange({ attributed: false, attribution: "" })} />
            State as fact {asFactAllowed ? null : <span className="text-xs text-muted">(only verified claims)</span>}
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name={`${phraseId}-mode`}
              checked={attrs.attributed}
              onChange={() => onChange({ attributed: true, attribution: attrs.attribution || (target.phrases[0] ?? "") })}
            />
            With attribution
          </label>
          {attrs.attributed ? (
            <div className="space-y-1 pl-6">
              <label htmlFor={phraseId} className="block text-xs text-muted">
                Attribution phrase
              </label>
              <input
                id={phraseId}
                className="w-full rounded border border-line px-2 py-1 text-sm"
                value={attrs.attribution}
                maxLength={300}
                onChange={(event) => onChange({ attribution: event.target.value })}
              />
              <div className="flex flex-wrap gap-1" role="group" aria-label="Suggested phrases">
                {target.phrases.map((phrase) => (
                  <button
                    key={phrase}
                    type="button"
                    onClick={() => onChange({ attribution: phrase })}
                    className={`rounded border px-1.5 py-0.5 text-left text-xs hover:bg-paper ${phrase === attrs.attribution ? "border-accent bg-blue-50" : "border-line"}`}
                  >
                    {phrase}
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
