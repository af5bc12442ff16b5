import { describe, expect, it } from "vitest";
import { sanitizerContext } from "./html-dom";

// The per-call cost of jsdom grows with the use of one document and one window (see html-dom.ts);
// the guarantee that keeps sanitizing flat is this recycling, checked by counting, not timing.
describe("sanitizer context recycling", () => {
  it("gives each working document a bounded number of calls and each window a bounded number of documents", () => {
    const configure = () => undefined;
    const purifiers = new Set<unknown>();
    let runs: number[] = [];
    let current: Document | null = null;
    let run = 0;
    for (let call = 0; call < 64 * 32 * 2 + 10; call += 1) {
      const context = sanitizerContext(configure);
      purifiers.add(context.purifier);
      if (context.document !== current) {
        if (current) runs.push(run);
        current = context.document;
        run = 0;
      }
      run += 1;
    }
    runs = runs.filter((length) => length > 0);
    expect(Math.max(...runs)).toBeLessThanOrEqual(64);
    expect(runs.length).toBeGreaterThanOrEqual(64);
    // a fresh window (and DOMPurify bound to it) after at most 32 documents
    expect(purifiers.size).toBeGreaterThanOrEqual(3);
  });
});
