import { Extension } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Keyboard users leave the text with Escape. Inside the text, Tab indents a bullet (and
 * Shift+Tab outdents it), as in other editors; Escape moves focus to the next control after the
 * text, so nothing on the page needs a mouse. It runs after every other Escape handler: the "/"
 * menu closes first, and a citation's open details close (their handler marks the key as used)
 * without leaving. Screen readers are told through the text's description.
 */
export const LeaveWithEscape = Extension.create({
  name: "leaveWithEscape",
  priority: 10,
  addProseMirrorPlugins() {
    return [
      new Plugin({
        props: {
          attributes: {
            "aria-keyshortcuts": "Escape",
            "aria-description": "Tab indents a bullet. Press Escape to leave the text.",
          },
          handleKeyDown: (view, event) => {
            if (event.key !== "Escape" || event.defaultPrevented || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return false;
            const text = view.dom;
            const next = [...document.querySelectorAll<HTMLElement>(TABBABLE)].find(
              (element) => !text.contains(element) && text.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING && element.getClientRects().length > 0,
            );
            if (next) next.focus();
            else text.blur();
            return true;
          },
        },
      }),
    ];
  },
});
