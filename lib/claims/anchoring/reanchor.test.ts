import { describe, expect, it } from "vitest";
import { reanchor, reanchorAll, type ReanchorResult } from "./reanchor";
import { type ClaimAnchor, describeAnchor } from "./selectors";
import { ADVANCE, CASUALTIES, DISPLACED, LEAD, longReport, REPORT_V1, RESPONSE, spanOf } from "./wire-fixtures";

function anchorOn(text: string, quote: string, occurrence = 0): ClaimAnchor {
  const { start, end } = spanOf(text, quote, occurrence);
  return describeAnchor(text, start, end);
}

/** The anchor a successful result carries, checked to be fresh against the new text. */
function placed(result: ReanchorResult, newText: string): ClaimAnchor {
  if (result.status === "orphan") throw new Error(`expected a placed anchor, got an orphan (best score ${result.bestScore})`);
  const { anchor } = result;
  expect(anchor).toEqual(describeAnchor(newText, anchor.position.start, anchor.position.end));
  return anchor;
}

const paragraphs = (...parts: string[]) => parts.join("\n\n");

describe("re-anchoring a claim in a new version of its report", () => {
  it("keeps every claim where it was when the text did not change", () => {
    const anchors = [LEAD, "At least 21 civilians", ADVANCE, "would retake the crossing within days", DISPLACED].map((q) => anchorOn(REPORT_V1, q));
    const results = reanchorAll(anchors, REPORT_V1);
    results.forEach((result, i) => {
      expect(result.status).toBe("exact_position");
      expect(placed(result, REPORT_V1)).toEqual(anchors[i]);
    });
  });

  it("follows a claim moved by a paragraph inserted above it, with fresh context", () => {
    const anchor = anchorOn(REPORT_V1, CASUALTIES);
    const insert = "Update: the government declared a state of emergency in the northern provinces.";
    const v2 = paragraphs(LEAD, insert, CASUALTIES, ADVANCE, RESPONSE, DISPLACED);
    const result = reanchor(anchor, v2);
    expect(result.status).toBe("quote");
    const moved = placed(result, v2);
    expect(moved.position.start).toBe(anchor.position.start + insert.length + 2);
    expect(v2.slice(moved.position.start, moved.position.end)).toBe(CASUALTIES);
    expect(moved.quote.prefix).toBe(`${insert.slice(-30)}\n\n`);
  });

  it("picks the repeated sentence whose surroundings match the claim's", () => {
    // the claim sits after the lead; v2 quotes the same sentence again in a recap paragraph
    // placed before it, so the first occurrence is the wrong one
    const anchor = anchorOn(REPORT_V1, CASUALTIES);
    const recap = `Earlier reports, since revised, repeated the ministry line. ${CASUALTIES}`;
    const v2 = paragraphs(recap, LEAD, CASUALTIES, ADVANCE, RESPONSE, DISPLACED);
    const result = reanchor(anchor, v2);
    expect(result.status).toBe("quote");
    expect(placed(result, v2).position.start).toBe(spanOf(v2, CASUALTIES, 1).start);
  });

  it("between repeats with identical surroundings, picks the one nearest the old position", () => {
    const anchor = anchorOn(REPORT_V1, ADVANCE);
    const v2 = paragraphs("Correction appended.", REPORT_V1, REPORT_V1);
    const result = reanchor(anchor, v2);
    expect(result.status).toBe("quote");
    expect(placed(result, v2).position.start).toBe(spanOf(v2, ADVANCE, 0).start);
  });

  it("re-anchors a claim whose number was corrected, and reports how sure it is", () => {
    const anchor = anchorOn(REPORT_V1, CASUALTIES);
    const corrected = CASUALTIES.replace("21", "12");
    const v2 = paragraphs(LEAD, corrected, ADVANCE, RESPONSE, DISPLACED);
    const result = reanchor(anchor, v2);
    expect(result.status).toBe("fuzzy");
    if (result.status !== "fuzzy") return;
    expect(result.anchor.quote.exact).toBe(corrected);
    expect(result.score).toBeGreaterThanOrEqual(0.75);
    expect(result.score).toBeLessThan(1);
    // a stricter desk setting turns the same change into an orphan that still reports its score
    expect(reanchor(anchor, v2, { acceptScore: 0.99 })).toEqual({ status: "orphan", bestScore: result.score });
  });

  it("re-anchors a claim whose place name was respelled", () => {
    const v2 = paragraphs(LEAD, CASUALTIES.replace("el-Maroun", "al-Marun"), ADVANCE, RESPONSE, DISPLACED);
    const sentence = reanchor(anchorOn(REPORT_V1, CASUALTIES), v2);
    expect(sentence.status).toBe("fuzzy");
    expect(placed(sentence, v2).quote.exact).toBe(CASUALTIES.replace("el-Maroun", "al-Marun"));
    // a short claim ending on the respelled name still lands on whole words
    const short = reanchor(anchorOn(REPORT_V1, "killed in shelling near el-Maroun"), v2);
    expect(short.status).toBe("fuzzy");
    expect(placed(short, v2).quote.exact).toBe("killed in shelling near al-Marun");
  });

  it("re-anchors a claim into which the agency inserted a few words", () => {
    const expanded = "Fighters of the Northern Liberation Front, backed by local militias, seized the Sefra river crossing at Tel Harra on Tuesday, two army sources said.";
    const v2 = paragraphs(expanded, CASUALTIES, ADVANCE, RESPONSE, DISPLACED);
    const result = reanchor(anchorOn(REPORT_V1, LEAD), v2);
    expect(result.status).toBe("fuzzy");
    expect(placed(result, v2).quote.exact).toBe(expanded);
  });

  it("orphans a claim whose sentence was rewritten beyond recognition, though on the same topic", () => {
    const rewritten = "Northern Liberation Front units shelled the Tel Harra bridge over the Sefra on Wednesday, a rebel spokesman said.";
    const v2 = paragraphs(rewritten, CASUALTIES, ADVANCE, RESPONSE, DISPLACED);
    const result = reanchor(anchorOn(REPORT_V1, LEAD), v2);
    expect(result.status).toBe("orphan");
  });

  it("orphans a claim whose sentence was deleted, even though a similar sentence remains", () => {
    const similar = "Fighters of the Northern Liberation Front shelled the Sefra river bridge at Tel Harra on Monday, a rebel spokesman said.";
    const v1 = paragraphs(`${LEAD} ${similar}`, CASUALTIES, ADVANCE);
    const v2 = paragraphs(similar, CASUALTIES, ADVANCE);
    const result = reanchor(anchorOn(v1, LEAD), v2);
    expect(result.status).toBe("orphan");
  });

  it("orphans a deleted claim rather than move it to a parallel sentence about another actor and place", () => {
    const deleted = "The 4th Armoured Brigade patrolled positions near Vasiq overnight, a rebel spokesman said.";
    const parallel = "The presidential guard patrolled positions near Belvik overnight, a rebel spokesman said.";
    const v1 = paragraphs(`${RESPONSE} ${deleted} ${parallel}`, DISPLACED);
    const v2 = paragraphs(`${RESPONSE} ${parallel}`, DISPLACED);
    const result = reanchor(anchorOn(v1, deleted), v2);
    expect(result.status).toBe("orphan");
    // the near miss is reported, even though its context scored well, so an editor can judge it
    expect(result.status === "orphan" && result.bestScore).toBeGreaterThan(0.5);
  });

  it("orphans a short claim that was deleted rather than matching some other short phrase", () => {
    const v2 = paragraphs(LEAD, ADVANCE, RESPONSE, DISPLACED);
    expect(reanchor(anchorOn(REPORT_V1, "21 civilians"), v2).status).toBe("orphan");
  });

  it("handles claims at the very start and the very end of the text", () => {
    const first = anchorOn(REPORT_V1, "Fighters of the Northern Liberation Front");
    const last = anchorOn(REPORT_V1, "since the offensive began on Saturday.");
    expect(first.quote.prefix).toBe("");
    expect(last.quote.suffix).toBe("");
    expect(reanchorAll([first, last], REPORT_V1).map((r) => r.status)).toEqual(["exact_position", "exact_position"]);

    const grown = paragraphs("VARENNA CITY, Dec 3 (Varenna Press) -", REPORT_V1, "Reporting by the Varenna Press desk.");
    const [movedFirst, movedLast] = reanchorAll([first, last], grown);
    expect(movedFirst!.status).toBe("quote");
    expect(movedLast!.status).toBe("quote");
    expect(placed(movedLast!, grown).quote.suffix).toBe("\n\nReporting by the Varenna Press");

    const edited = REPORT_V1.replace("Northern Liberation Front", "Northern Liberation Army").replace("on Saturday.", "on Friday.");
    const [fuzzyFirst, fuzzyLast] = reanchorAll([first, last], edited);
    expect(fuzzyFirst!.status).toBe("fuzzy");
    expect(placed(fuzzyFirst!, edited).quote.exact).toBe("Fighters of the Northern Liberation Army");
    expect(fuzzyLast!.status).toBe("fuzzy");
    expect(placed(fuzzyLast!, edited).quote.exact).toBe("since the offensive began on Friday.");
  });

  it("keeps offsets right around emoji and diacritics", () => {
    const v1 = paragraphs("🔴 BREAKING 🔴", "Shelling near al-Marūn killed 21 civilians 😢, the health office said.", DISPLACED);
    const claim = anchorOn(v1, "Shelling near al-Marūn killed 21 civilians 😢");
    // an emoji with a skin-tone modifier (two surrogate pairs) and a combining accent above it
    const v2 = paragraphs("🔴 BREAKING 🔴 👍🏽 Cafe\u0301 owners reported", "Shelling near al-Marun killed 21 civilians 😢, the health office said.", DISPLACED);
    const result = reanchor(claim, v2);
    expect(result.status).toBe("fuzzy");
    const anchor = placed(result, v2);
    expect(anchor.quote.exact).toBe("Shelling near al-Marun killed 21 civilians 😢");
    expect(v2.slice(anchor.position.start, anchor.position.end)).toBe(anchor.quote.exact);

    const emojiOnly = anchorOn(v1, "😢");
    const moved = reanchor(emojiOnly, v2);
    expect(moved.status).toBe("quote");
    expect(placed(moved, v2).quote.exact).toBe("😢");
  });

  it("returns one result per claim, in order: one moved, one orphaned", () => {
    const moves = anchorOn(REPORT_V1, RESPONSE);
    const goes = anchorOn(REPORT_V1, ADVANCE);
    const v2 = paragraphs(LEAD, "The army denied the report.", CASUALTIES, RESPONSE, DISPLACED);
    expect(reanchorAll([moves, goes], v2).map((r) => r.status)).toEqual(["quote", "orphan"]);
  });
});

describe("re-anchoring performance", () => {
  it("re-anchors 100 claims in a 3,000-word report well within budget", () => {
    const v1 = longReport(3000);
    // whole sentences that occur once, so each claim has one true home
    const sentences = v1.split(/(?<=\.)\s+(?=[A-Z])/).filter((s, _, all) => /\d/.test(s) && all.indexOf(s) === all.lastIndexOf(s));
    const step = Math.floor(sentences.length / 100);
    const anchors = Array.from({ length: 100 }, (_, i) => anchorOn(v1, sentences[i * step]!));
    // an update touching the whole report: a new lead shifts everything (quote), every fifth
    // claimed sentence gets a corrected figure (fuzzy) and every tenth disappears (orphan)
    let v2 = `VARENNA CITY (Varenna Press) - Updates throughout with casualty figures.\n\n${v1}`;
    anchors.forEach((anchor, i) => {
      if (i % 10 === 9) v2 = v2.replace(anchor.quote.exact, "");
      else if (i % 5 === 4) v2 = v2.replace(anchor.quote.exact, anchor.quote.exact.replace(/\d+/, (n) => String(Number(n) + 11)));
    });

    // the first batch includes the JIT compiling the fuzzy path; later ones show steady state
    const timed = () => {
      const started = performance.now();
      const results = reanchorAll(anchors, v2);
      return { results, ms: performance.now() - started };
    };
    const cold = timed();
    const warm = timed();
    const counts = cold.results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
    console.log(
      `re-anchored 100 claims in a ${v1.split(/\s+/).length}-word report (${v2.length} chars): ` +
        `first run ${cold.ms.toFixed(1)} ms, second run ${warm.ms.toFixed(1)} ms`,
      counts,
    );
    expect(counts).toEqual({ quote: 80, fuzzy: 10, orphan: 10 });
    expect(warm.results).toEqual(cold.results);
  });
});
