"use client";
import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { useState, type ReactNode } from "react";

function ToolButton({ label, shortcut, active, disabled, onClick, children }: { label: string; shortcut?: string; active?: boolean; disabled?: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      aria-label={shortcut ? `${label} (${shortcut})` : label}
      title={shortcut ? `${label} — ${shortcut}` : label}
      aria-pressed={active}
      disabled={disabled}
      // keep the editor's selection: a mousedown on the toolbar would otherwise blur it
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
      className={`inline-flex h-8 min-w-8 items-center justify-center rounded px-2 text-sm hover:bg-black/5 disabled:opacity-40 ${active ? "bg-blue-100 text-accent-strong" : "text-ink"}`}
    >
      {children}
    </button>
  );
}

const MOD = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘" : "Ctrl";

/** Formatting toolbar; every button's name starts with the words it shows and ends with its keyboard shortcut. */
export function EditorToolbar({ editor, onCite, linkOpen, onLinkOpenChange: setLinkOpen }: { editor: Editor; onCite: () => void; linkOpen: boolean; onLinkOpenChange: (open: boolean) => void }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive("bold"),
      italic: current.isActive("italic"),
      link: current.isActive("link"),
      bullet: current.isActive("bulletList"),
      ordered: current.isActive("orderedList"),
      heading: current.isActive("heading"),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });
  const [href, setHref] = useState("");
  const [linkError, setLinkError] = useState("");

  const applyLink = () => {
    const value = href.trim();
    if (value === "") {
      editor.chain().focus().extendMarkRange("link").unsetLink().run();
    } else if (!/^https?:\/\/\S+$/i.test(value)) {
      setLinkError("Links start with http:// or https://");
      return;
    } else {
      editor.chain().focus().extendMarkRange("link").setLink({ href: value }).run();
    }
    setLinkOpen(false);
    setLinkError("");
  };

  return (
    <div role="toolbar" aria-label="Formatting" className="flex flex-wrap items-center gap-0.5 border-b border-line px-2 py-1">
      <ToolButton label="Bold" shortcut={`${MOD}+B`} active={state.bold} onClick={() => editor.chain().focus().toggleBold().run()}>
        <b>B</b>
      </ToolButton>
      <ToolButton label="Italic" shortcut={`${MOD}+I`} active={state.italic} onClick={() => editor.chain().focus().toggleItalic().run()}>
        <i className="font-serif">I</i>
      </ToolButton>
      <ToolButton
        label="Link"
        shortcut={`${MOD}+K`}
        active={state.link}
        onClick={() => {
          setHref((editor.getAttributes("link").href as string | undefined) ?? "");
          setLinkOpen(!linkOpen);
        }}
      >
        Link
      </ToolButton>
      <span className="mx-1 h-5 w-px bg-line" aria-hidden />
      <ToolButton label="Section title" shortcut={`${MOD}+Alt+2`} active={state.heading} onClick={() => editor.chain().focus().toggleHeading({ level: 2 }).run()}>
        Section
      </ToolButton>
      <ToolButton label="Bullets" shortcut={`${MOD}+Shift+8`} active={state.bullet} onClick={() => editor.chain().focus().toggleBulletList().run()}>
        • Bullets
      </ToolButton>
      <ToolButton label="Numbered list" shortcut={`${MOD}+Shift+7`} active={state.ordered} onClick={() => editor.chain().focus().toggleOrderedList().run()}>
        Numbered
      </ToolButton>
      <span className="mx-1 h-5 w-px bg-line" aria-hidden />
      <ToolButton label="Cite a claim or fact" shortcut="/" onClick={onCite}>
        + Cite
      </ToolButton>
      <span className="mx-1 h-5 w-px bg-line" aria-hidden />
      <ToolButton label="Undo" shortcut={`${MOD}+Z`} disabled={!state.canUndo} onClick={() => editor.chain().focus().undo().run()}>
        ↶
      </ToolButton>
      <ToolButton label="Redo" shortcut={`${MOD}+Shift+Z`} disabled={!state.canRedo} onClick={() => editor.chain().focus().redo().run()}>
        ↷
      </ToolButton>
      {linkOpen ? (
        <form
          className="ml-2 flex items-center gap-1"
          onSubmit={(event) => {
            event.preventDefault();
            applyLink();
          }}
        >
          <input
            autoFocus
            type="url"
            aria-label="Link address"
            aria-invalid={linkError ? true : undefined}
            placeholder="https://…"
            value={href}
            onChange={(event) => setHref(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Escape") {
                setLinkOpen(false);
                editor.commands.focus();
              }
            }}
            className="h-7 w-64 rounded border border-line px-2 text-sm"
          />
          <button type="submit" className="h-7 rounded border border-line px-2 text-xs">
            {href.trim() ? "Apply" : "Remove link"}
          </button>
          {linkError ? (
            <span role="alert" className="text-xs text-danger">
              {linkError}
            </span>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
