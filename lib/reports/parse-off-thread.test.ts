import { afterAll, describe, expect, it } from "vitest";
import { largeFeed, largeHtmlPage } from "@/lib/testing/large-inputs";
import { closeParsePool, parseUploadOffThread } from "./parse-off-thread";
import { parseUpload } from "./parse/parse-upload";

const encode = (text: string) => new TextEncoder().encode(text);

afterAll(closeParsePool);

// worker threads start, and parse megabytes, slowly on a busy machine
describe("parsing large files off the request thread", { timeout: 180_000 }, () => {
  it("gives the same result in the worker thread as on the calling thread", async () => {
    const page = { name: "flood.html", bytes: encode(largeHtmlPage(200 * 1024)), contentType: "text/html" };
    const offThread = await parseUploadOffThread(page);
    expect(offThread.ok).toBe(true);
    expect(offThread).toEqual(parseUpload(page));
    if (!offThread.ok) return;
    expect(offThread.reports[0]!.headline).toBe("River floods Tarrow valley");
    expect(offThread.reports[0]!.publishedAt).toBeInstanceOf(Date);
  });

  it("keeps the event loop free while a large page is parsed", async () => {
    const page = { name: "flood.html", bytes: encode(largeHtmlPage(400 * 1024)), contentType: "text/html" };
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 10);
    const started = performance.now();
    const result = await parseUploadOffThread(page);
    const parseMs = performance.now() - started;
    clearInterval(ticker);
    expect(result.ok).toBe(true);
    // the parse itself takes far longer than any pause the event loop saw meanwhile
    expect(longestGap).toBeLessThan(Math.max(250, parseMs / 2));
  });

  it("refuses a file that takes longer than its time budget, with the reason, and the next file still parses", async () => {
    const feed = { name: "wire.xml", bytes: encode(largeFeed(1000)), contentType: "application/rss+xml" };
    const refused = await parseUploadOffThread(feed, { timeMs: 5 });
    expect(refused).toMatchObject({ ok: false, code: "too-large", error: expect.stringMatching(/^wire\.xml: reading it took longer than 5 ms, the limit/) });
    const parsed = await parseUploadOffThread(feed);
    expect(parsed.ok && parsed.reports.length).toBe(1000);
  });

  it("parses small files on the calling thread", async () => {
    const small = { name: "note.txt", bytes: encode("Bridge reopens\n\nThe invented bridge reopened at noon, police said."), contentType: "text/plain" };
    expect(await parseUploadOffThread(small)).toEqual(parseUpload(small));
  });
});
