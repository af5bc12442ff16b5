import { describe, expect, it } from "vitest";
import { backoffSeconds, MAX_BACKOFF_SECONDS } from "./backoff";

describe("a failing feed source's back-off", () => {
  it("doubles the interval per failure in a row, up to the cap, and never polls faster than the interval", () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((failures) => backoffSeconds(300, failures))).toEqual([300, 600, 1200, 2400, MAX_BACKOFF_SECONDS, MAX_BACKOFF_SECONDS, MAX_BACKOFF_SECONDS]);
    // a source polled once a day is never polled more often because it failed
    expect(backoffSeconds(86_400, 3)).toBe(86_400);
  });
});
