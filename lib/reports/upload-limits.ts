/**
 * Upload limits shared by the upload form, the HTTP endpoint and the parsers. They bound memory
 * and parse time per request: a 5 MiB file is far larger than any wire report (a long feature is
 * ~50 KB), so anything bigger is almost certainly the wrong file or an attack.
 */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_BATCH_BYTES = 25 * 1024 * 1024;
export const MAX_BATCH_FILES = 50;

/** "5 MiB", "312 KiB", "17 bytes": sizes as an editor reads them in an error message. */
export function formatByteSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${trimZero((bytes / (1024 * 1024)).toFixed(1))} MiB`;
  if (bytes >= 1024) return `${trimZero((bytes / 1024).toFixed(1))} KiB`;
  return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
}

function trimZero(value: string): string {
  return value.endsWith(".0") ? value.slice(0, -2) : value;
}

/** The message for one file over MAX_FILE_BYTES, or null when it fits. */
export function fileSizeError(byteLength: number): string | null {
  if (byteLength <= MAX_FILE_BYTES) return null;
  // exact bytes too: "5 MiB" alone would not show why a file of 5 MiB + 1 byte is refused
  return `file is ${formatByteSize(byteLength)} (${byteLength.toLocaleString("en-US")} bytes); the limit is ${formatByteSize(MAX_FILE_BYTES)} per file`;
}

/** The message when a whole upload is too big or has too many files, or null when it fits. */
export function batchLimitError(files: readonly { bytes: { byteLength: number } }[]): string | null {
  if (files.length > MAX_BATCH_FILES) {
    return `${files.length} files at once; the limit is ${MAX_BATCH_FILES} files per upload`;
  }
  const total = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  if (total > MAX_BATCH_BYTES) {
    return `the files add up to ${formatByteSize(total)}; the limit is ${formatByteSize(MAX_BATCH_BYTES)} per upload`;
  }
  return null;
}
