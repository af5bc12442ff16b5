"use client";
import { useEffect, useState, type RefObject } from "react";
import type * as Y from "yjs";
import { selectionAfterDelta, spliceFor } from "./shared-text";

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * A text input's value bound to a shared Yjs text (or plain state when there is none).
 *
 * Two people typing in the title at once keep their letters together:
 * - a remote change is written into the field at once, in the same task that applied it, with
 *   this person's caret moved by it (text inserted at the caret goes after it). Waiting for
 *   React's render would let a keystroke land in a field that still shows the old text (its
 *   splice would then undo the other person's letters), and React setting the value would put
 *   the caret at the end;
 * - a local change becomes the smallest splice placed at the caret (see spliceFor).
 */
export function useSharedText(text: Y.Text | null, initial: string, field: RefObject<Field | null>): [string, (next: string) => void] {
  const [value, setValue] = useState(() => (text ? text.toString() : initial));

  useEffect(() => {
    // the text is fixed for the component's life (the editor mounts with its document), and the
    // first value was read from it already
    if (!text) return;
    const observe = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      const next = text.toString();
      const element = field.current;
      if (!transaction.local && element && element.value !== next) {
        const focused = document.activeElement === element && element.selectionStart !== null;
        const [start, end] = focused ? selectionAfterDelta(event.delta, element.selectionStart ?? 0, element.selectionEnd ?? element.selectionStart ?? 0) : [0, 0];
        element.value = next;
        if (focused) element.setSelectionRange(start, end);
      }
      setValue(next);
    };
    text.observe(observe);
    return () => text.unobserve(observe);
  }, [text, field]);

  const change = (next: string) => {
    if (!text) {
      setValue(next);
      return;
    }
    const element = field.current;
    const caret = element && element.value === next ? element.selectionEnd : null;
    const splice = spliceFor(text.toString(), next, caret);
    if (!splice) return;
    text.doc?.transact(() => {
      if (splice.remove > 0) text.delete(splice.index, splice.remove);
      if (splice.insert.length > 0) text.insert(splice.index, splice.insert);
    });
  };
  return [value, change];
}
