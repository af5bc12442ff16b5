import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { selectionAfterDelta, spliceFor, type Splice } from "./shared-text";

describe("spliceFor", () => {
  it("places a typed letter at the caret when its neighbours are the same letter", () => {
    expect(spliceFor("aab", "aaab", 2)).toEqual({ index: 1, remove: 0, insert: "a" });
    expect(spliceFor("Ferry  ", "Ferry   ", 6)).toEqual({ index: 5, remove: 0, insert: " " });
    // without a caret, the longest common suffix decides
    expect(spliceFor("aab", "aaab", null)).toEqual({ index: 0, remove: 0, insert: "a" });
  });

  it("reads backspace, delete, paste over a selection and no change", () => {
    expect(spliceFor("abc", "ab", 2)).toEqual({ index: 2, remove: 1, insert: "" });
    expect(spliceFor("aaab", "aab", 0)).toEqual({ index: 0, remove: 1, insert: "" });
    expect(spliceFor("aaab", "aab", 1)).toEqual({ index: 1, remove: 1, insert: "" });
    expect(spliceFor("The ferry stopped", "The boats stopped", 9)).toEqual({ index: 4, remove: 5, insert: "boats" });
    expect(spliceFor("same", "same", 2)).toBeNull();
  });

  it("ignores a caret outside the text", () => {
    expect(spliceFor("ab", "abc", 99)).toEqual({ index: 2, remove: 0, insert: "c" });
  });
});

describe("selectionAfterDelta", () => {
  it("keeps the caret before text inserted exactly at it, and moves it past text inserted before it", () => {
    expect(selectionAfterDelta([{ retain: 5 }, { insert: "X" }], 5, 5)).toEqual([5, 5]);
    expect(selectionAfterDelta([{ retain: 2 }, { insert: "XY" }], 5, 5)).toEqual([7, 7]);
    expect(selectionAfterDelta([{ retain: 1 }, { delete: 3 }], 5, 5)).toEqual([2, 2]);
    // a deletion around the caret leaves it where the text was cut
    expect(selectionAfterDelta([{ retain: 3 }, { delete: 4 }], 5, 5)).toEqual([3, 3]);
    // a selection grows by what is inserted inside it
    expect(selectionAfterDelta([{ retain: 3 }, { insert: "XY" }], 2, 5)).toEqual([2, 7]);
  });
});

/**
 * Two people type into one shared title at the same spot while their changes reach each other
 * late, in many orders. Each person's field shows their own Yjs text, as the editor's does.
 */
type Strategy = {
  splice: (before: string, after: string, caret: number) => Splice | null;
  caret: (delta: Y.YTextEvent["delta"], caret: number) => number;
};

const WITH_CARET: Strategy = {
  splice: spliceFor,
  caret: (delta, caret) => selectionAfterDelta(delta, caret, caret)[0],
};

/** What the title field did before: a prefix-then-suffix diff, and inserts at the caret moved it. */
const NAIVE: Strategy = {
  splice: (before, after) => {
    let start = 0;
    while (start < before.length && start < after.length && before[start] === after[start]) start += 1;
    let end = 0;
    while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end += 1;
    return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
  },
  caret: (delta, caret) => {
    let index = 0;
    for (const op of delta) {
      if (op.retain) index += op.retain;
      else if (typeof op.insert === "string") {
        if (index <= caret) caret += op.insert.length;
        index += op.insert.length;
      } else if (op.delete && index < caret) caret -= Math.min(op.delete, caret - index);
    }
    return caret;
  },
};

type Person = { doc: Y.Doc; caret: number; outbox: Uint8Array[]; word: string; typed: number };

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function session(strategy: Strategy, seed: number, start: string, words: [string, string], carets: [number, number]): string[] {
  const base = new Y.Doc();
  base.getText("title").insert(0, start);
  const people: Person[] = words.map((word, index) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
    const person: Person = { doc, caret: carets[index]!, outbox: [], word, typed: 0 };
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== "remote") person.outbox.push(update);
    });
    doc.getText("title").observe((event, transaction) => {
      if (!transaction.local) person.caret = strategy.caret(event.delta, person.caret);
    });
    return person;
  });
  const next = random(seed);
  const deliver = (from: Person, to: Person) => {
    const update = from.outbox.shift();
    if (update) Y.applyUpdate(to.doc, update, "remote");
  };
  while (people.some((person) => person.typed < person.word.length || person.outbox.length > 0)) {
    const who = next() < 0.5 ? 0 : 1;
    const person = people[who]!;
    const other = people[1 - who]!;
    if (next() < 0.5 && person.typed < person.word.length) {
      const text = person.doc.getText("title");
      const before = text.toString();
      const after = before.slice(0, person.caret) + person.word[person.typed] + before.slice(person.caret);
      person.caret += 1;
      person.typed += 1;
      const splice = strategy.splice(before, after, person.caret);
      if (splice) {
        person.doc.transact(() => {
          if (splice.remove) text.delete(splice.index, splice.remove);
          if (splice.insert) text.insert(splice.index, splice.insert);
        });
      }
    } else deliver(person, other);
  }
  return people.map((person) => person.doc.getText("title").toString());
}

function garbled(strategy: Strategy, runs: number, start: string, words: [string, string], carets: [number, number]): number {
  let bad = 0;
  for (let seed = 1; seed <= runs; seed += 1) {
    const [a, b] = session(strategy, seed, start, words, carets);
    expect(a).toBe(b);
    if (!a!.includes(words[0]) || !a!.includes(words[1]) || a!.length !== start.length + words[0].length + words[1].length) bad += 1;
  }
  return bad;
}

describe("two people typing in the title at once", () => {
  const cases: { name: string; start: string; words: [string, string]; carets: [number, number] }[] = [
    { name: "both at the end", start: "Ferry: ", words: ["  storm  delays", "  all  sailings"], carets: [7, 7] },
    { name: "both in the middle", start: "Ferry  update", words: ["  ee  ", "  ee  "], carets: [6, 6] },
    { name: "one letter apart", start: "aa bb", words: ["aa aa", "bb bb"], carets: [1, 4] },
  ];
  for (const { name, start, words, carets } of cases) {
    it(`keeps each person's words whole in 300 orders (${name})`, () => {
      expect(garbled(WITH_CARET, 300, start, words, carets)).toBe(0);
    }, 60_000);
  }

  it("the replay catches the old behaviour (it garbled some orders)", () => {
    const total = cases.reduce((sum, { start, words, carets }) => sum + garbled(NAIVE, 300, start, words, carets), 0);
    expect(total).toBeGreaterThan(0);
  }, 60_000);
});
