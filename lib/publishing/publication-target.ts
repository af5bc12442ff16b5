import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { AwsClient } from "aws4fetch";
import type { PublicationEnv } from "@/lib/env";

/**
 * Where publishing writes the static public site, so any static server or CDN can serve it with
 * no app in the path. Files are addressed by their URL path (`explainers/<slug>`,
 * `explainers/feed.atom`); each target maps that to what it stores.
 */

/** One public file: its URL path (no leading slash), bytes, type and cache policy. */
export type PublicFile = { path: string; body: Buffer; contentType: string; cacheControl: string };

export type PublicationTarget = {
  /** a short description for logs ("folder /srv/site", "s3 bucket news") */
  readonly description: string;
  put(file: PublicFile): Promise<void>;
  remove(urlPath: string): Promise<void>;
};

// URL paths come from validated slugs, but a target is the last line before the file system
const SAFE_URL_PATH = /^(?:[A-Za-z0-9][A-Za-z0-9_.-]*\/)*[A-Za-z0-9][A-Za-z0-9_.-]*$/;

function assertSafe(urlPath: string): void {
  if (!SAFE_URL_PATH.test(urlPath) || urlPath.split("/").some((part) => part === "." || part === "..")) {
    throw new Error(`refusing to write outside the publication target: ${JSON.stringify(urlPath)}`);
  }
}

/**
 * The file a folder target stores a URL path in. A file system keeps no content type, so a path
 * without an extension (a page) is stored as `<path>.html`, which static servers find for the
 * clean URL (`try_files $uri $uri.html` in nginx, sirv's default `extensions`).
 */
export function folderFilePath(urlPath: string): string {
  assertSafe(urlPath);
  return path.extname(urlPath) ? urlPath : `${urlPath}.html`;
}

/** A folder on this machine (or a mounted volume). Each file is replaced atomically (write, then rename). */
export function folderTarget(directory: string): PublicationTarget {
  const root = path.resolve(directory);
  return {
    description: `folder ${root}`,
    async put(file) {
      const destination = path.join(root, folderFilePath(file.path));
      await mkdir(path.dirname(destination), { recursive: true });
      // a reader (the static server) sees the old file or the new one, never half of one
      const temporary = `${destination}.${randomBytes(6).toString("hex")}.tmp`;
      try {
        await writeFile(temporary, file.body);
        await rename(temporary, destination);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    async remove(urlPath) {
      await rm(path.join(root, folderFilePath(urlPath)), { force: true });
    },
  };
}

export type S3Settings = { bucket: string; endpoint: string; region: string; prefix: string; accessKeyId: string; secretAccessKey: string };

/**
 * An S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, …), written with path-style URLs and
 * SigV4-signed requests (aws4fetch). Objects are stored under their URL path with their
 * Content-Type and Cache-Control, so a bucket website or a CDN in front serves clean URLs as is.
 */
export function s3Target(settings: S3Settings, fetchImpl: typeof fetch = fetch): PublicationTarget {
  const client = new AwsClient({ accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey, region: settings.region, service: "s3" });
  const objectUrl = (urlPath: string) => {
    assertSafe(urlPath);
    const key = `${settings.prefix}${urlPath}`.split("/").map(encodeURIComponent).join("/");
    return `${settings.endpoint}/${encodeURIComponent(settings.bucket)}/${key}`;
  };
  const send = async (request: Request, what: string) => {
    const response = await fetchImpl(request);
    // 404 on DELETE means already gone; everything else that is not 2xx fails the job (retried)
    if (!response.ok && !(request.method === "DELETE" && response.status === 404)) {
      const detail = (await response.text().catch(() => "")).slice(0, 300);
      throw new Error(`S3 ${what} answered ${response.status}${detail ? `: ${detail}` : ""}`);
    }
    await response.body?.cancel();
  };
  return {
    description: `s3 bucket ${settings.bucket} at ${settings.endpoint}`,
    async put(file) {
      const request = await client.sign(objectUrl(file.path), {
        method: "PUT",
        body: new Uint8Array(file.body),
        // the payload's hash is signed (aws4fetch would send UNSIGNED-PAYLOAD), so storage
        // rejects a body altered on the way
        headers: { "Content-Type": file.contentType, "Cache-Control": file.cacheControl, "X-Amz-Content-Sha256": createHash("sha256").update(file.body).digest("hex") },
        // Content-Type and Cache-Control are stored with the object: sign them as well
        aws: { allHeaders: true },
      });
      await send(request, `PUT ${file.path}`);
    },
    async remove(urlPath) {
      await send(await client.sign(objectUrl(urlPath), { method: "DELETE" }), `DELETE ${urlPath}`);
    },
  };
}

/** The target the environment configures, or null when static output is off. */
export function publicationTarget(settings: PublicationEnv, fetchImpl: typeof fetch = fetch): PublicationTarget | null {
  if (settings.PUBLIC_OUTPUT === "off") return null;
  if (settings.PUBLIC_OUTPUT === "folder") return folderTarget(settings.PUBLIC_OUTPUT_DIR);
  return s3Target(
    {
      bucket: settings.PUBLIC_OUTPUT_S3_BUCKET!,
      endpoint: settings.PUBLIC_OUTPUT_S3_ENDPOINT ?? `https://s3.${settings.PUBLIC_OUTPUT_S3_REGION}.amazonaws.com`,
      region: settings.PUBLIC_OUTPUT_S3_REGION,
      prefix: settings.PUBLIC_OUTPUT_S3_PREFIX,
      accessKeyId: settings.PUBLIC_OUTPUT_S3_ACCESS_KEY_ID!,
      secretAccessKey: settings.PUBLIC_OUTPUT_S3_SECRET_ACCESS_KEY!,
    },
    fetchImpl,
  );
}
