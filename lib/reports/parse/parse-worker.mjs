/*
 * The report parser in a worker thread (see lib/reports/parse-off-thread.ts). The parser is
 * TypeScript; tsx compiles it when the thread starts, as it does for the desk's scripts. Plain
 * JavaScript here because a worker thread starts outside the app's bundler.
 */
import { register } from "tsx/esm/api";

register();
const { parseUpload } = await import("./parse-upload.ts");

/**
 * One file in, its ParseResult out (structured clone keeps the Dates). `started` is told when
 * the parse begins, so the caller's time budget counts the parse, not the thread's start-up
 * or the wait in the queue.
 */
export default function parse({ file, started }) {
  started.postMessage("started");
  started.close();
  return parseUpload(file);
}
