import { describe, expect, it } from "vitest";
import { completeMention, mentionTriggerAt } from "./mention-trigger";

describe("mentionTriggerAt", () => {
  it("finds the name being typed after @", () => {
    expect(mentionTriggerAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionTriggerAt("Please check, @pri", 18)).toEqual({ start: 14, query: "pri" });
    expect(mentionTriggerAt("(@Ana Li", 8)).toEqual({ start: 1, query: "Ana Li" });
  });

  it("ignores emails, finished lines, leading or double spaces, and long runs", () => {
    expect(mentionTriggerAt("write to ana@example.org", 24)).toBeNull();
    expect(mentionTriggerAt("@Ana\nthanks", 11)).toBeNull();
    expect(mentionTriggerAt("@ Ana", 5)).toBeNull();
    expect(mentionTriggerAt("@Ana  Lima", 10)).toBeNull();
    expect(mentionTriggerAt("@one two three four five", 25)).toBeNull();
    expect(mentionTriggerAt("no mention here", 15)).toBeNull();
  });

  it("reads only up to the caret", () => {
    expect(mentionTriggerAt("@Ana Lima said", 4)).toEqual({ start: 0, query: "Ana" });
  });
});

describe("completeMention", () => {
  it("replaces the typed part with the full name and puts the caret after it", () => {
    expect(completeMention("Check this @pri please", { start: 11, query: "pri" }, 15, "Priya Sandoval")).toEqual({ text: "Check this @Priya Sandoval please", caret: 27 });
    expect(completeMention("@ana", { start: 0, query: "ana" }, 4, "Ana Lima")).toEqual({ text: "@Ana Lima ", caret: 10 });
  });
});
