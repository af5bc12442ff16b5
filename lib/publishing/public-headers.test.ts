import { describe, expect, it } from "vitest";
import { etagMatches, publicCacheKey, publicCacheKeys } from "./public-headers";

const isSlug = (slug: string) => /^[a-z0-9-]+$/.test(slug);

describe("public cache keys", () => {
  it("map the public paths to the keys the route handlers store under", () => {
    const base = "https://news.example";
    expect(publicCacheKey("/explainers/feed.atom", base, isSlug)).toBe(publicCacheKeys.feed("atom", base));
    expect(publicCacheKey("/explainers/feed.rss", base, isSlug)).toBe(publicCacheKeys.feed("rss", base));
    expect(publicCacheKey("/explainers/talvar-crossing-1a2b", base, isSlug)).toBe(publicCacheKeys.page(base, "talvar-crossing-1a2b"));
    expect(publicCacheKey("/explainers/Not%20A%20Slug", base, isSlug)).toBe(publicCacheKeys.notFound);
  });

  it("leave every other path, and a broken escape, to the route", () => {
    for (const path of ["/explainers", "/explainers/", "/explainers/a/b", "/stories/x", "/explainers/%E0%A4%A"]) {
      expect(publicCacheKey(path, "https://news.example", isSlug)).toBeNull();
    }
  });
});

describe("If-None-Match", () => {
  it("matches the strong tag, its weak form and *, in a list; nothing else", () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches("*", '"abc"')).toBe(true);
    expect(etagMatches('"abd"', '"abc"')).toBe(false);
    expect(etagMatches(null, '"abc"')).toBe(false);
  });
});
