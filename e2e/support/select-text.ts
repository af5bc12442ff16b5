import type { Locator } from "@playwright/test";

/**
 * Selects `needle` inside the reader's text the way a mouse drag would (a DOM Range over the
 * rendered segments) and fires mouseup so the page reads the selection.
 */
export async function selectReportText(reader: Locator, needle: string): Promise<void> {
  await reader.evaluate((container, text) => {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest("[data-offset]") ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
    });
    const nodes: Text[] = [];
    let full = "";
    const starts: number[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      starts.push(full.length);
      nodes.push(node as Text);
      full += node.textContent ?? "";
    }
    const at = full.indexOf(text);
    if (at === -1) throw new Error(`text not found in the reader: ${text}`);
    const locate = (offset: number) => {
      let index = starts.length - 1;
      while (index > 0 && starts[index]! > offset) index--;
      return { node: nodes[index]!, offset: offset - starts[index]! };
    };
    const from = locate(at);
    const to = locate(at + text.length);
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    container.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  }, needle);
}
