import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import zlib from "node:zlib";
import { addressRefusal, type AddressRange } from "./address-policy";

/** Why a fetch failed, in words an editor reads on the source's health line. */
export class FeedFetchError extends Error {
  override name = "FeedFetchError";
}

export type FetchLimits = {
  /** private addresses that may be fetched anyway (FEED_PRIVATE_ADDRESS_ALLOWLIST) */
  allowList: readonly AddressRange[];
  /** the whole exchange, redirects and body included */
  timeoutMs: number;
  /** the body after decompression */
  maxBytes: number;
};

export type Validators = { etag: string | null; lastModified: string | null };

export type FetchedDocument =
  | { status: "not_modified" }
  | { status: "ok"; bytes: Uint8Array; contentType: string | null; etag: string | null; lastModified: string | null; finalUrl: string };

const MAX_REDIRECTS = 3;

/**
 * Resolves a host name and refuses it when any of its addresses is not allowed, so the
 * connection goes to an address that was checked (a second lookup could answer differently:
 * DNS rebinding).
 */
function guardedLookup(allowList: readonly AddressRange[]): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const refusal = addresses.map((entry) => addressRefusal(entry.address, allowList)).find(Boolean);
      if (refusal) return callback(new FeedFetchError(`${hostname} resolves to ${refusal}`), "", 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/** Refuses a URL the desk will not fetch, before any connection is made. */
export function urlRefusal(url: URL, allowList: readonly AddressRange[]): string | null {
  if (url.protocol !== "http:" && url.protocol !== "https:") return "only http and https feeds can be fetched";
  if (url.username || url.password) return "a feed URL cannot carry a user name or password";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return addressRefusal(host, allowList);
  if (host === "localhost" || host.endsWith(".localhost")) return addressRefusal("127.0.0.1", allowList);
  return null;
}

function decodedBody(response: IncomingMessage): NodeJS.ReadableStream {
  const encoding = (response.headers["content-encoding"] ?? "").toLowerCase().trim();
  if (encoding === "gzip" || encoding === "x-gzip") return response.pipe(zlib.createGunzip());
  if (encoding === "deflate") return response.pipe(zlib.createInflate());
  if (encoding === "br") return response.pipe(zlib.createBrotliDecompress());
  return response;
}

function header(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name];
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** One request, no redirects followed; the caller follows them so each hop is checked again. */
function requestOnce(url: URL, validators: Validators, accept: string, limits: FetchLimits, signal: AbortSignal): Promise<FetchedDocument | { status: "redirect"; location: string }> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const headers: Record<string, string> = { accept, "accept-encoding": "gzip, deflate, br", "user-agent": "Wiredesk feed poller" };
    if (validators.etag) headers["if-none-match"] = validators.etag;
    if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
    const request = client.get(url, { headers, lookup: guardedLookup(limits.allowList), signal, agent: false }, (response) => {
      const status = response.statusCode ?? 0;
      if (status === 304) {
        response.resume();
        return resolve({ status: "not_modified" });
      }
      if ([301, 302, 303, 307, 308].includes(status)) {
        response.resume();
        const location = header(response, "location");
        if (!location) return reject(new FeedFetchError(`HTTP ${status} without a Location header`));
        return resolve({ status: "redirect", location });
      }
      if (status < 200 || status >= 300) {
        response.resume();
        return reject(new FeedFetchError(`the server answered HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ""}`));
      }
      const declared = Number(response.headers["content-length"]);
      if (Number.isFinite(declared) && declared > limits.maxBytes && !response.headers["content-encoding"]) {
        response.destroy();
        return reject(new FeedFetchError(`the response is ${declared.toLocaleString("en-US")} bytes; the limit is ${limits.maxBytes.toLocaleString("en-US")}`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const body = decodedBody(response);
      body.on("data", (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > limits.maxBytes) {
          response.destroy();
          reject(new FeedFetchError(`the response is larger than ${limits.maxBytes.toLocaleString("en-US")} bytes, the limit`));
          return;
        }
        chunks.push(chunk);
      });
      body.on("error", (error: Error) =>
        reject(new FeedFetchError(signal.aborted ? `no complete answer within ${Math.round(limits.timeoutMs / 1000)} s` : `the response could not be read (${error.message})`)),
      );
      body.on("end", () => {
        if (size > limits.maxBytes) return;
        resolve({
          status: "ok",
          bytes: new Uint8Array(Buffer.concat(chunks)),
          contentType: header(response, "content-type"),
          etag: header(response, "etag"),
          lastModified: header(response, "last-modified"),
          finalUrl: url.toString(),
        });
      });
    });
    request.on("error", (error: Error) => {
      if (error instanceof FeedFetchError) return reject(error);
      if (signal.aborted) return reject(new FeedFetchError(`no complete answer within ${Math.round(limits.timeoutMs / 1000)} s`));
      const code = (error as NodeJS.ErrnoException).code;
      reject(new FeedFetchError(code === "ENOTFOUND" ? `${url.hostname} was not found (DNS)` : `could not connect (${code ?? error.message})`));
    });
  });
}

/**
 * Fetches a feed document with a conditional GET (If-None-Match / If-Modified-Since), checking
 * every address it connects to (redirects included) against the address policy, and bounding
 * the whole exchange in time and the body in size. Failures throw a FeedFetchError.
 */
export async function fetchFeedDocument(location: string, validators: Validators, accept: string, limits: FetchLimits): Promise<FetchedDocument> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    let url: URL;
    try {
      url = new URL(location);
    } catch {
      throw new FeedFetchError("the feed URL is not a valid URL");
    }
    for (let hop = 0; ; hop++) {
      const refusal = urlRefusal(url, limits.allowList);
      if (refusal) throw new FeedFetchError(refusal);
      const answer = await requestOnce(url, validators, accept, limits, controller.signal);
      if (answer.status !== "redirect") return answer;
      if (hop >= MAX_REDIRECTS) throw new FeedFetchError(`more than ${MAX_REDIRECTS} redirects`);
      url = new URL(answer.location, url);
    }
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Why the desk would refuse to fetch this URL, judged now (the address policy on the URL and on
 * every address its host resolves to), or null. A host that does not resolve is not refused
 * here: the poll will say so on the source's health line.
 */
export async function hostRefusal(url: URL, allowList: readonly AddressRange[]): Promise<string | null> {
  const refusal = urlRefusal(url, allowList);
  if (refusal) return refusal;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return null;
  const addresses = await new Promise<LookupAddress[]>((resolve) => dnsLookup(host, { all: true }, (error, found) => resolve(error ? [] : found)));
  return addresses.map((entry) => addressRefusal(entry.address, allowList)).find(Boolean) ?? null;
}
