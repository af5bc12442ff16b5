"use client";
import { useEffect, useState, type RefObject } from "react";
import type * as Y from "yjs";

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * A text input's value bound to a shared Yjs text (or plain state when there is none). A local
 * change is applied as the smallest splice, so two people typing in the title at once both keep
 * their letters; a remote change keeps this person's caret where it was in the text.
 */
export function useSharedText(text: Y.Text | null, initial: string, field: RefObject<Field | null>): [string, (next: string) => void] {
  const [value, setValue] = useState(() => (text ? text.toString() : initial));

  useEffect(() => {
    // the text is fixed for the component's life (the editor mounts with its document), and the
    // first value was read from it already
    if (!text) return;
    const observe = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      const element = field.current;
      const next = text.toString();
      if (transaction.local || !element || document.activeElement !== element || element.selectionStart === null) {
        setValue(next);
        return;
      }
      let start = element.selectionStart;
      let end = element.selectionEnd ?? start;
      let index = 0;
      for (const op of event.delta) {
        if (op.retain) index += op.retain;
        else if (typeof op.insert === "string") {
          const length = op.insert.length;
          if (index <= start) start += length;
          if (index < end) end += length;
          index += length;
        } else if (op.delete) {
          if (index < start) start -= Math.min(op.delete, start - index);
          if (index < end) end -= Math.min(op.delete, end - index);
        }
      }
      setValue(next);
      requestAnimationFrame(() => element.setSelectionRange(start, end));
    };
    text.observe(observe);
    return () => text.unobserve(observe);
  }, [text, field]);

  const change = (next: string) => {
    if (!text) {
      setValue(next);
      return;
    }
    const current = text.toString();
    let start = 0;
    while (start < current.length && start < next.length && current[start] === next[start]) start += 1;
    let end = 0;
    while (end < current.length - start && end < next.length - start && current[current.length - 1 - end] === next[next.length - 1 - end]) end += 1;
    text.doc?.transact(() => {
      if (current.length - start - end > 0) text.delete(start, current.length - start - end);
      if (next.length - start - end > 0) text.insert(start, next.slice(start, next.length - end));
    });
  };
  return [value, change];
}
