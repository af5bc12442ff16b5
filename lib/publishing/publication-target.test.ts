import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { folderFilePath, folderTarget, publicationTarget, s3Target, type PublicFile } from "./publication-target";
import { publicationEnv } from "@/lib/env";

const page: PublicFile = {
  path: "explainers/lorvan-ferry",
  body: Buffer.from("<!doctype html><title>Lorvan ferry</title>"),
  contentType: "text/html; charset=utf-8",
  cacheControl: "public, max-age=0, s-maxage=60, stale-while-revalidate=30",
};

describe("the folder target", () => {
  it("stores a page under <path>.html and a feed under its own name, replacing files whole", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "wiredesk-target-"));
    try {
      const target = folderTarget(folder);
      await target.put(page);
      await target.put({ ...page, path: "explainers/feed.atom", body: Buffer.from("<feed/>"), contentType: "application/atom+xml" });
      await target.put({ ...page, body: Buffer.from("second version") });
      expect(await readFile(path.join(folder, "explainers/lorvan-ferry.html"), "utf8")).toBe("second version");
      expect(await readFile(path.join(folder, "explainers/feed.atom"), "utf8")).toBe("<feed/>");
      // no temporary files left behind
      expect((await readdir(path.join(folder, "explainers"))).sort()).toEqual(["feed.atom", "lorvan-ferry.html"]);
      await target.remove("explainers/lorvan-ferry");
      await target.remove("explainers/lorvan-ferry");
      expect(await readdir(path.join(folder, "explainers"))).toEqual(["feed.atom"]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("refuses paths that would leave the folder", () => {
    for (const bad of ["../etc/passwd", "explainers/../../x", "/abs", "explainers/", "", "explainers/a b", "explainers/.hidden"]) {
      expect(() => folderFilePath(bad), bad).toThrow(/outside the publication target/);
    }
    expect(folderFilePath("explainers/feed.rss")).toBe("explainers/feed.rss");
  });
});

describe("the S3 target", () => {
  const settings = { bucket: "news-site", endpoint: "https://storage.example.test", region: "eu-west-1", prefix: "public/", accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };

  it("PUTs each file under its URL path with its type, cache policy and a SigV4 signature over the body's hash", async () => {
    const sent: Request[] = [];
    const fetchStub = async (input: RequestInfo | URL) => {
      sent.push(input as Request);
      return new Response(null, { status: 200 });
    };
    await s3Target(settings, fetchStub as typeof fetch).put(page);
    expect(sent).toHaveLength(1);
    const request = sent[0]!;
    expect(request.method).toBe("PUT");
    expect(request.url).toBe("https://storage.example.test/news-site/public/explainers/lorvan-ferry");
    expect(request.headers.get("content-type")).toBe(page.contentType);
    expect(request.headers.get("cache-control")).toBe(page.cacheControl);
    const bodyHash = createHash("sha256").update(page.body).digest("hex");
    expect(request.headers.get("x-amz-content-sha256")).toBe(bodyHash);
    expect(request.headers.get("x-amz-date")).toMatch(/^\d{8}T\d{6}Z$/);
    const authorization = request.headers.get("authorization")!;
    expect(authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/s3\/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/);
    const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)![1]!.split(";");
    expect(signedHeaders).toEqual(expect.arrayContaining(["cache-control", "content-type", "host", "x-amz-content-sha256", "x-amz-date"]));
    expect(Buffer.from(await request.arrayBuffer())).toEqual(page.body);
  });

  it("fails on an error answer (so the job is retried), and treats deleting a missing object as done", async () => {
    const answer = (status: number) => (async () => new Response("<Error><Code>SlowDown</Code></Error>", { status })) as unknown as typeof fetch;
    await expect(s3Target(settings, answer(503)).put(page)).rejects.toThrow(/S3 PUT explainers\/lorvan-ferry answered 503: <Error><Code>SlowDown/);
    await expect(s3Target(settings, answer(403)).remove("explainers/lorvan-ferry")).rejects.toThrow(/answered 403/);
    await expect(s3Target(settings, answer(404)).remove("explainers/lorvan-ferry")).resolves.toBeUndefined();
    await expect(s3Target(settings, answer(200)).put({ ...page, path: "../escape" })).rejects.toThrow(/outside the publication target/);
  });

  it("is chosen by PUBLIC_OUTPUT=s3, which names each missing setting", () => {
    expect(() => publicationEnv({ PUBLIC_OUTPUT: "s3" })).toThrow(/PUBLIC_OUTPUT_S3_BUCKET is required[\s\S]*PUBLIC_OUTPUT_S3_ACCESS_KEY_ID is required[\s\S]*PUBLIC_OUTPUT_S3_SECRET_ACCESS_KEY is required/);
    const env = publicationEnv({ PUBLIC_OUTPUT: "s3", PUBLIC_OUTPUT_S3_BUCKET: "news-site", PUBLIC_OUTPUT_S3_ACCESS_KEY_ID: "AKID", PUBLIC_OUTPUT_S3_SECRET_ACCESS_KEY: "secret", PUBLIC_OUTPUT_S3_REGION: "eu-west-1" });
    expect(publicationTarget(env)?.description).toBe("s3 bucket news-site at https://s3.eu-west-1.amazonaws.com");
    expect(publicationTarget(publicationEnv({}))?.description).toMatch(/^folder .*\.data\/public$/);
    expect(publicationTarget(publicationEnv({ PUBLIC_OUTPUT: "off" }))).toBeNull();
    expect(() => publicationEnv({ PURGE_URL: "ftp://cdn.example.test/purge" })).toThrow(/PURGE_URL must be an absolute http\(s\) URL/);
  });
});
