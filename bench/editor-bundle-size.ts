/**
 * `npm run bench:editor-bundle`: the JavaScript a browser downloads for the explainer editor page
 * (/stories/[storyId]/explainers/[explainerId]), gzipped, read from the production build in
 * `.next` (run `npx next build` first). Two figures:
 *
 * - initial: the framework chunks every page shares plus the page's own entry chunks (layouts
 *   and page), what loads before the first paint;
 * - total: initial plus the lazily loaded editor (Tiptap, ProseMirror, panels), which the page
 *   fetches right after (next/dynamic, react-loadable-manifest.json).
 *
 * Legacy polyfills (loaded only by browsers without ES modules) are left out. Each file is
 * gzipped at level 9, as a CDN would serve it. Target: total ≤ 350 KB.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import vm from "node:vm";

const ROUTE_DIR = ".next/server/app/(desk)/stories/[storyId]/explainers/[explainerId]";
const PAGE_KEY = "[project]/app/(desk)/stories/[storyId]/explainers/[explainerId]/page";
const TARGET_KB = 350;

type ClientManifest = { entryJSFiles: Record<string, string[]> };

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

function clientManifest(): ClientManifest {
  const sandbox = { globalThis: {} as { __RSC_MANIFEST?: Record<string, ClientManifest> } };
  sandbox.globalThis = sandbox as never;
  vm.runInNewContext(readFileSync(join(ROUTE_DIR, "page_client-reference-manifest.js"), "utf8"), sandbox);
  const manifests = Object.values((sandbox as { __RSC_MANIFEST?: Record<string, ClientManifest> }).__RSC_MANIFEST ?? {});
  if (!manifests[0]) throw new Error("no client reference manifest for the editor page");
  return manifests[0];
}

function sizes(files: readonly string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of new Set(files)) {
    const body = readFileSync(join(".next", file));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { raw, gzip };
}

function kb(bytes: number): number {
  return Math.round((bytes / 1024) * 10) / 10;
}

function main() {
  if (!existsSync(ROUTE_DIR)) throw new Error("No production build of the editor page: run `npx next build` first.");
  const build = readJson<{ rootMainFiles: string[] }>(join(ROUTE_DIR, "page/build-manifest.json"));
  const entries = clientManifest().entryJSFiles;
  const pageFiles = entries[PAGE_KEY];
  if (!pageFiles) throw new Error(`the build has no entry for ${PAGE_KEY}`);
  const loadable = readJson<Record<string, { files: string[] }>>(join(ROUTE_DIR, "page/react-loadable-manifest.json"));
  const lazyFiles = Object.values(loadable).flatMap((entry) => entry.files.filter((file) => file.endsWith(".js")));

  const initialFiles = [...build.rootMainFiles, ...(entries["[project]/app/layout"] ?? []), ...pageFiles];
  const initial = sizes(initialFiles);
  const lazyOnly = sizes(lazyFiles.filter((file) => !initialFiles.includes(file)));
  const total = { raw: initial.raw + lazyOnly.raw, gzip: initial.gzip + lazyOnly.gzip };

  console.log("Explainer editor page JavaScript (production build)");
  console.log(`  initial (framework + layouts + page): ${kb(initial.gzip)} KB gzipped (${kb(initial.raw)} KB raw), ${new Set(initialFiles).size} files`);
  console.log(`  lazy editor chunk(s):                 ${kb(lazyOnly.gzip)} KB gzipped (${kb(lazyOnly.raw)} KB raw), ${lazyFiles.length} files`);
  console.log(`  total:                                ${kb(total.gzip)} KB gzipped (target ≤ ${TARGET_KB} KB) ${kb(total.gzip) <= TARGET_KB ? "OK" : "OVER"}`);
  console.log(JSON.stringify({ initialGzipKB: kb(initial.gzip), lazyGzipKB: kb(lazyOnly.gzip), totalGzipKB: kb(total.gzip), targetKB: TARGET_KB }));
}

main();
