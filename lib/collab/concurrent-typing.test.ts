import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import {
  absolutePositionToRelativePosition,
  initProseMirrorDoc,
  prosemirrorJSONToYDoc,
  relativePositionToAbsolutePosition,
  updateYFragment,
  yXmlFragmentToProseMirrorRootNode,
} from "@tiptap/y-tiptap";
import { explainerSchema } from "./explainer-schema";

/**
 * Two people typing at the same spot, replayed through the same binding code the editor uses
 * (y-tiptap's updateYFragment turns a ProseMirror edit into Yjs operations; the caret is kept as a
 * Yjs relative position, as the binding does across remote changes). Updates reach the other
 * person with a lag, so each types into text the other has partly seen.
 */
type Peer = { name: string; doc: Y.Doc; caret: Y.RelativePosition; outbox: Uint8Array[] };

const START = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "What happened" }] },
    { type: "paragraph", content: [{ type: "text", text: "First line: the ferry stopped on Tuesday." }] },
  ],
};

function fragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment("default");
}

type Mapping = ReturnType<typeof initProseMirrorDoc>["mapping"];

// the binding's metadata: its Yjs-to-ProseMirror mapping and the view whose selection is this
// person's caret after their keystroke
function bindingMeta(mapping: Mapping, state: EditorState) {
  return { mapping, isOMark: new Map(), prosemirrorView: { state } } as unknown as Parameters<typeof updateYFragment>[3];
}

function peer(name: string, base: Uint8Array, caretAt: (doc: EditorState["doc"]) => number): Peer {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const outbox: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== "remote") outbox.push(update);
  });
  const { doc: pm, mapping } = initProseMirrorDoc(fragment(doc), explainerSchema());
  const caret = absolutePositionToRelativePosition(caretAt(pm), fragment(doc), mapping) as Y.RelativePosition;
  return { name, doc, caret, outbox };
}

/** This person presses one key: ProseMirror inserts at the caret, the binding writes it to Yjs. */
function typeOne(person: Peer, char: string): void {
  const schema = explainerSchema();
  const { doc: current, mapping } = initProseMirrorDoc(fragment(person.doc), schema);
  const before = EditorState.create({ schema, doc: current });
  const at = relativePositionToAbsolutePosition(person.doc, fragment(person.doc), person.caret, mapping);
  if (at === null) throw new Error(`${person.name} lost the caret`);
  const after = before.apply(before.tr.setSelection(TextSelection.create(before.doc, at)).insertText(char));
  person.doc.transact(() => updateYFragment(person.doc, fragment(person.doc), after.doc, bindingMeta(mapping, after)));
  person.caret = absolutePositionToRelativePosition(after.selection.head, fragment(person.doc), mapping) as Y.RelativePosition;
}

function deliver(from: Peer, to: Peer, count = Infinity): void {
  for (const update of from.outbox.splice(0, Math.min(count, from.outbox.length))) Y.applyUpdate(to.doc, update, "remote");
}

function text(doc: Y.Doc): string {
  return yXmlFragmentToProseMirrorRootNode(fragment(doc), explainerSchema()).textContent;
}

const endOfFirstLine = (doc: EditorState["doc"]) => doc.child(0).nodeSize + doc.child(1).nodeSize - 1;

describe("two people typing at the same spot", () => {
  // seeded, so a failure replays exactly
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
  }

  /** Both type their words at the end of the first line; keystrokes and deliveries interleave as the seed says. */
  function race(seed: number): { editor: string; reviewer: string } {
    const base = Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(explainerSchema(), START, "default"));
    const editor = peer("editor", base, endOfFirstLine);
    const reviewer = peer("reviewer", base, endOfFirstLine);
    const next = random(seed);
    const left = { editor: [...MINE], reviewer: [...THEIRS] };
    while (left.editor.length > 0 || left.reviewer.length > 0) {
      const roll = next();
      if (roll < 0.35 && left.editor.length > 0) typeOne(editor, left.editor.shift()!);
      else if (roll < 0.7 && left.reviewer.length > 0) typeOne(reviewer, left.reviewer.shift()!);
      else if (roll < 0.85) deliver(editor, reviewer, 1);
      else deliver(reviewer, editor, 1);
    }
    deliver(editor, reviewer);
    deliver(reviewer, editor);
    return { editor: text(editor.doc), reviewer: text(reviewer.doc) };
  }

  const MINE = " [editor]";
  const THEIRS = " [reviewer]";
  const BEFORE = "What happenedFirst line: the ferry stopped on Tuesday.";

  it("keeps each person's words together and converges, in 300 orders of keystrokes and deliveries", { timeout: 60_000 }, () => {
    const garbled: string[] = [];
    for (let seed = 1; seed <= 300; seed += 1) {
      const { editor, reviewer } = race(seed);
      expect(reviewer, `seed ${seed}`).toBe(editor);
      expect(editor.length, `seed ${seed}`).toBe(BEFORE.length + MINE.length + THEIRS.length);
      if (!(editor === BEFORE + MINE + THEIRS || editor === BEFORE + THEIRS + MINE)) garbled.push(`seed ${seed}: ${editor.slice(BEFORE.length)}`);
    }
    expect(garbled).toEqual([]);
  });

  it("writes a typed space as this person's, not the other person's equal character", () => {
    const base = Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(explainerSchema(), START, "default"));
    const editor = peer("editor", base, endOfFirstLine);
    const reviewer = peer("reviewer", base, endOfFirstLine);
    typeOne(reviewer, " ");
    deliver(reviewer, editor);
    // the editor's caret stayed before the reviewer's space (the reviewer typed after it): the
    // editor's space goes in before it, so the reviewer's next letter follows the reviewer's space
    typeOne(editor, " ");
    typeOne(editor, "E");
    deliver(editor, reviewer);
    typeOne(reviewer, "R");
    deliver(reviewer, editor);
    expect(text(editor.doc)).toBe(text(reviewer.doc));
    expect(text(editor.doc)).toContain("Tuesday. E R");
  });
});
