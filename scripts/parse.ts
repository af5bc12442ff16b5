/**
 * `npm run -s parse -- FILE...`: parse report files with the app's own parser (the one uploads,
 * the HTTP API and feed polling use) and print one JSON document describing what it found.
 * See the README section "Command line: npm run parse" for the output shape. Exits 0 even when
 * files are refused: a refusal is an answer, reported per file.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { inspectUpload, type InspectedFile } from "@/lib/reports/parse/inspect-upload";

// Only the JSON document may reach stdout: anything a library logs goes to stderr instead.
console.log = console.info = console.warn = console.debug = (...args: unknown[]) => console.error(...args);

const USAGE = `Usage: npm run -s parse -- FILE...

Each FILE is one report file in any supported format. Prints JSON:
{"files":[{"file","format","error":null|{"code","message"},
  "items":[{"headline","outlet","byline","published","dateline","externalId","version",
            "language","kind","dek","paragraphs":[...],"paragraphKinds":[...],"warnings":[...]}]}]}
paragraphKinds says, index for index, whether a paragraph is running text ("paragraph"), a list
item ("bullet") or a sub-head ("subhead").`;

const files = process.argv.slice(2).filter((arg) => arg !== "--");
if (files.length === 0 || files.some((arg) => arg === "-h" || arg === "--help")) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(files.length === 0 ? 2 : 0);
}

const results: InspectedFile[] = files.map((file) => {
  let bytes: Uint8Array;
  try {
    // npm runs scripts from the package root; paths are relative to where the command was typed
    bytes = readFileSync(path.resolve(process.env.INIT_CWD ?? process.cwd(), file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : (error as Error).message;
    return { file, format: null, error: { code: "unreadable", message: `cannot read ${file}: ${reason}` }, items: [], skipped: [] };
  }
  return { ...inspectUpload({ name: path.basename(file), bytes }), file };
});

process.stdout.write(`${JSON.stringify({ files: results })}\n`);
