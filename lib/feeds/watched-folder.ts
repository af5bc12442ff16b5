import { lstat, readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { MAX_BATCH_FILES, MAX_FILE_BYTES } from "@/lib/reports/upload-limits";
import { FeedFetchError } from "./fetch-feed-document";

/**
 * Watched folders: a wire system drops files into a folder and the worker imports the new ones.
 * Folders must lie inside FEED_FOLDER_ROOT (the operator's choice), so an editor cannot point the
 * desk at any file the server can read; the check uses real paths, so a symlink cannot leave it.
 */

/** The folder's real path when it lies inside the root, else the reason it may not be watched. */
export async function resolveWatchedFolder(location: string, root: string | undefined): Promise<{ ok: true; folder: string } | { ok: false; reason: string }> {
  if (!root) return { ok: false, reason: "Watched folders are switched off on this desk (FEED_FOLDER_ROOT is not set)." };
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return { ok: false, reason: "The desk's folder root (FEED_FOLDER_ROOT) does not exist." };
  }
  let folder: string;
  try {
    folder = await realpath(path.resolve(realRoot, location));
  } catch {
    return { ok: false, reason: `The folder ${location} does not exist inside the desk's folder root.` };
  }
  const relative = path.relative(realRoot, folder);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return { ok: false, reason: "The folder must be inside the desk's folder root." };
  const info = await stat(folder);
  if (!info.isDirectory()) return { ok: false, reason: `${location} is not a folder.` };
  return { ok: true, folder };
}

export type FolderFile = { name: string; bytes: Uint8Array; arrivedAt: Date };

/**
 * The regular files in the folder that arrived at or after `since` (null: all of them), oldest
 * first, at most MAX_BATCH_FILES per poll (the rest are taken on the next one). Arrival is the
 * inode's change time, not the modification time: a file copied with its original mtime kept
 * (rsync -t, cp -p) or moved in still counts as new. Files at exactly `since` are read again: the
 * import path makes a second read of the same file a no-op, and a file that arrived in the same
 * millisecond as the last one read is not missed.
 * Hidden files and partial uploads (names starting with "." or ending in .tmp/.part) are left alone.
 */
export async function readNewFolderFiles(folder: string, since: Date | null): Promise<{ files: FolderFile[]; refused: { name: string; reason: string }[] }> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    throw new FeedFetchError(`the folder cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const candidates: { name: string; full: string; arrivedAt: Date; size: number }[] = [];
  for (const name of names) {
    if (name.startsWith(".") || /\.(tmp|part|partial)$/i.test(name)) continue;
    const full = path.join(folder, name);
    // lstat: a symlink inside the folder is not followed (it could point out of the root)
    const info = await lstat(full).catch(() => null);
    if (!info?.isFile()) continue;
    const arrivedAt = new Date(Math.floor(info.ctimeMs));
    if (since && arrivedAt < since) continue;
    candidates.push({ name, full, arrivedAt, size: info.size });
  }
  candidates.sort((a, b) => a.arrivedAt.getTime() - b.arrivedAt.getTime() || a.name.localeCompare(b.name));
  const files: FolderFile[] = [];
  const refused: { name: string; reason: string }[] = [];
  for (const candidate of candidates.slice(0, MAX_BATCH_FILES)) {
    if (candidate.size > MAX_FILE_BYTES) {
      refused.push({ name: candidate.name, reason: `${candidate.name}: the file is larger than the ${MAX_FILE_BYTES / 1024 / 1024} MiB limit` });
      continue;
    }
    files.push({ name: candidate.name, bytes: new Uint8Array(await readFile(candidate.full)), arrivedAt: candidate.arrivedAt });
  }
  return { files, refused };
}
