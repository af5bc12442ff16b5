import { describe, expect, it } from "vitest";
import { charsetOf, ingestFormatOf, looksLikeNinjs, paragraphsOf, ZApiReport } from "./api-report-input";
import { HttpRequestError, readBodyWithLimit } from "@/lib/http/api-response";
import { bearerTokenFrom, generateApiToken, hashApiToken } from "@/lib/api-tokens/token-format";

describe("what the ingest endpoint accepts", () => {
  it("JSON and XML media types are recognised, with parameters and +json/+xml suffixes; anything else is not", () => {
    expect(ingestFormatOf("application/json")).toBe("json");
    expect(ingestFormatOf("Application/JSON; charset=utf-8")).toBe("json");
    expect(ingestFormatOf("application/ninjs+json")).toBe("json");
    expect(ingestFormatOf("application/xml")).toBe("xml");
    expect(ingestFormatOf("text/xml; charset=iso-8859-1")).toBe("xml");
    expect(ingestFormatOf("application/vnd.iptc.g2.newsitem+xml")).toBe("xml");
    for (const other of ["text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "", null, undefined]) {
      expect(ingestFormatOf(other)).toBeNull();
    }
  });

  it("the charset parameter is read, quoted or not", () => {
    expect(charsetOf("text/xml; charset=ISO-8859-1")).toBe("iso-8859-1");
    expect(charsetOf('application/json;charset="utf-8"')).toBe("utf-8");
    expect(charsetOf("application/json")).toBeNull();
  });

  it("ninjs is told apart from the normalized shape by its own keys", () => {
    expect(looksLikeNinjs({ uri: "urn:x", headlines: [] })).toBe(true);
    expect(looksLikeNinjs({ body_text: "..." })).toBe(true);
    expect(looksLikeNinjs({ versionCreated: "2026-01-01" })).toBe(true);
    expect(looksLikeNinjs({ source: "Northwire", headline: "H", body: "B" })).toBe(false);
  });

  it("a plain body splits into paragraphs on blank lines, including Windows line ends", () => {
    expect(paragraphsOf("One.\n\nTwo\nstill two.\r\n  \r\nThree.\n\n\n")).toEqual(["One.", "Two\nstill two.", "Three."]);
  });

  it("the normalized report takes body or paragraphs, and names unknown fields", () => {
    expect(ZApiReport.parse({ source: "S", headline: "H", body: "A\n\nB" })).toMatchObject({ paragraphs: ["A", "B"], externalId: null });
    expect(ZApiReport.parse({ source: "S", headline: "H", paragraphs: ["A"] }).paragraphs).toEqual(["A"]);
    const unknown = ZApiReport.safeParse({ source: "S", headline: "H", body: "A", headLine: "x", storyId: "y" });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.message).toMatch(/Unknown fields “headLine”, “storyId”/);
    const badDate = ZApiReport.safeParse({ source: "S", headline: "H", body: "B", publishedAt: "yesterday" });
    expect(badDate.error?.issues[0]).toMatchObject({ path: ["publishedAt"], message: expect.stringMatching(/ISO 8601/) });
  });
});

describe("API token format", () => {
  it("a new token is wd_ and 43 base64url characters; its prefix and hash are what is stored", () => {
    const { token, prefix, tokenHash } = generateApiToken();
    expect(token).toMatch(/^wd_[A-Za-z0-9_-]{43}$/);
    expect(prefix).toBe(token.slice(0, 10));
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).toBe(hashApiToken(token));
    expect(generateApiToken().token).not.toBe(token);
  });

  it("only a well-formed Bearer header yields a token", () => {
    const { token } = generateApiToken();
    expect(bearerTokenFrom(`Bearer ${token}`)).toBe(token);
    expect(bearerTokenFrom(`bearer   ${token} `)).toBe(token);
    for (const header of [null, "", token, `Basic ${token}`, `Bearer ${token} extra`, "Bearer wd_tooshort", `Bearer ${token.replace("wd_", "xx_")}`]) {
      expect(bearerTokenFrom(header)).toBeNull();
    }
  });
});

describe("reading a request body with a size cap", () => {
  const streamOf = (chunks: number, size: number) => {
    let sent = 0;
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (sent >= chunks) return controller.close();
        sent++;
        controller.enqueue(new Uint8Array(size).fill(0x61));
      },
    });
    return { body, pulls: () => pulled };
  };

  it("a body within the limit is read whole", async () => {
    const { body } = streamOf(4, 1000);
    const request = new Request("http://127.0.0.1/x", { method: "POST", body, duplex: "half" } as RequestInit);
    expect((await readBodyWithLimit(request, 4000)).byteLength).toBe(4000);
  });

  it("a declared Content-Length over the limit is refused with 413 before anything is read", async () => {
    const request = new Request("http://127.0.0.1/x", { method: "POST", body: "x".repeat(20), headers: { "content-length": "20" } });
    await expect(readBodyWithLimit(request, 10)).rejects.toMatchObject({ status: 413, message: expect.stringMatching(/larger than the 10 bytes limit/) });
  });

  it("a streamed body without a length is cut off once it passes the limit, not buffered to the end", async () => {
    const { body, pulls } = streamOf(1000, 1024);
    const request = new Request("http://127.0.0.1/x", { method: "POST", body, duplex: "half" } as RequestInit);
    await expect(readBodyWithLimit(request, 8 * 1024)).rejects.toBeInstanceOf(HttpRequestError);
    expect(pulls()).toBeLessThan(20);
  });
});
