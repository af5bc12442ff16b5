"use client";
import { Extension, type Editor, type Range } from "@tiptap/core";
import { PluginKey } from "@tiptap/pm/state";
import { Suggestion, type SuggestionKeyDownProps, type SuggestionProps } from "@tiptap/suggestion";
import { useEffect, useRef } from "react";
import { CLAIM_STATUS_META } from "@/lib/claims/status-meta";
import type { CitationTarget } from "@/lib/explainers/citation-targets";
import { citationAttrsFor } from "./citation-node";
import { searchCitationKeys } from "./citation-search";

/** What the "/" menu shows, lifted into React state by the editor component. */
export type CitationMenuState = {
  items: CitationTarget[];
  query: string;
  rect: DOMRect | null;
  command: (target: CitationTarget) => void;
} | null;

type CommandOptions = {
  /** the story whose claims and facts the desk searches */
  storyId: string;
  /** current targets (read on each keystroke, so new claims appear without rebuilding the editor) */
  targets: { readonly current: ReadonlyMap<string, CitationTarget> };
  onState: (state: CitationMenuState) => void;
  /** arrow keys and Enter inside the menu; returns true when handled */
  onKeyDown: (event: KeyboardEvent) => boolean;
};

const MENU_LIMIT = 8;

/** Targets matching a "/" query: every word must appear in the statement, a quote or an outlet. */
export function matchTargets(targets: readonly CitationTarget[], query: string, limit = MENU_LIMIT): CitationTarget[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = targets.filter((target) => {
    if (words.length === 0) return true;
    const haystack = `${target.statement} ${target.quotes.map((quote) => `${quote.exact} ${quote.outlet}`).join(" ")} ${target.attribution ?? ""}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  return matches.slice(0, limit);
}

const pluginKey = new PluginKey("citationCommand");

/** "/" then words: searches the story's claims and facts and inserts the chosen one as a citation. */
export const CitationCommand = Extension.create<CommandOptions>({
  name: "citationCommand",
  addOptions() {
    return { storyId: "", targets: { current: new Map() }, onState: () => undefined, onKeyDown: () => false };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      Suggestion<CitationTarget, CitationTarget>({
        editor: this.editor,
        pluginKey,
        char: "/",
        allowSpaces: true,
        // the desk searches (every spelling of a name); the words already loaded are the fallback
        items: async ({ query }) => {
          const all = [...options.targets.current.values()];
          if (!query.trim()) return all.slice(0, MENU_LIMIT);
          const keys = await searchCitationKeys(options.storyId, query);
          if (!keys) return matchTargets(all, query);
          return keys.flatMap((key) => options.targets.current.get(key) ?? []).slice(0, MENU_LIMIT);
        },
        command: ({ editor, range, props }: { editor: Editor; range: Range; props: CitationTarget }) => {
          editor
            .chain()
            .focus()
            .insertContentAt(range, [
              { type: "citation", attrs: citationAttrsFor(props) },
              { type: "text", text: " " },
            ])
            .run();
        },
        render: () => {
          const publish = (props: SuggestionProps<CitationTarget, CitationTarget>) =>
            options.onState({ items: props.items, query: props.query, rect: props.clientRect?.() ?? null, command: props.command });
          return {
            onStart: publish,
            onUpdate: publish,
            onExit: () => options.onState(null),
            onKeyDown: ({ event }: SuggestionKeyDownProps) => {
              if (event.key === "Escape") {
                options.onState(null);
                return true;
              }
              return options.onKeyDown(event);
            },
          };
        },
      }),
    ];
  },
});

/** The floating "/" menu: a listbox the editor drives with arrow keys and Enter. */
export function CitationMenu({ state, active, onPick }: { state: NonNullable<CitationMenuState>; active: number; onPick: (index: number) => void }) {
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: "nearest" });
  }, [active]);
  const rect = state.rect;
  return (
    <div
      className="fixed z-50 w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-line bg-white shadow-xl"
      style={{ top: (rect?.bottom ?? 100) + 6, left: Math.max(8, Math.min(rect?.left ?? 100, (typeof window === "undefined" ? 800 : window.innerWidth) - 460)) }}
    >
      <p className="border-b border-line px-3 py-1.5 text-xs text-muted">
        Cite a claim or fact {state.query ? <>matching “{state.query}”</> : "— type to search"} · ↑↓ Enter
      </p>
      {state.items.length === 0 ? (
        <p className="px-3 py-2 text-sm text-muted">No claim or fact matches. Keep typing, or press Escape.</p>
      ) : (
        <ul ref={listRef} role="listbox" aria-label="Claims and facts to cite" className="max-h-72 overflow-auto py-1">
          {state.items.map((item, index) => (
            <li
              key={item.key}
              role="option"
              data-index={index}
              aria-selected={index === active}
              onMouseDown={(event) => {
                event.preventDefault();
                onPick(index);
              }}
              className={`cursor-pointer px-3 py-1.5 text-sm ${index === active ? "bg-blue-50" : "hover:bg-paper"}`}
            >
              <span className="block truncate">{item.statement}</span>
              <span className="text-xs text-muted">
                {item.kind === "fact" ? "Fact" : "Claim"} · {CLAIM_STATUS_META[item.status].label} · {item.sourceCount} source{item.sourceCount === 1 ? "" : "s"}
                {item.quotes[0] ? ` · ${item.quotes[0].outlet}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
