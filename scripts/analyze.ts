/**
 * `npm run analyze -- FILE...`: analyse plain-text wire reports (one report per file) and print
 * the suggested claims and the facts they form as JSON. Same code as the app; see the README
 * section "Command line: npm run analyze" for the output shape.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { analyzeFiles, decodeReportFile, type ReadReport, type ReportFile } from "@/lib/analysis/facts/analyze-files";
import { parsePlainText } from "@/lib/reports/parse/plain-text";

const USAGE = `Usage: npm run analyze -- FILE...

Each FILE is one plain-text report. Prints JSON:
{"claims":[{"id","file","start","end","text","score"}],
 "facts":[{"id","claimIds","sources","conflicts":[{"kind","claimIds","detail"}]}]}`;

const files = process.argv.slice(2).filter((arg) => arg !== "--");
if (files.length === 0 || files.some((arg) => arg === "-h" || arg === "--help")) {
  console.error(USAGE);
  process.exit(files.length === 0 ? 2 : 0);
}

const reports: ReportFile[] = [];
for (const file of files) {
  let bytes: Buffer;
  try {
    // npm runs scripts from the package root; paths are relative to where the command was typed
    bytes = readFileSync(path.resolve(process.env.INIT_CWD ?? process.cwd(), file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : (error as Error).message;
    console.error(`analyze: cannot read ${file}: ${reason}`);
    process.exit(1);
  }
  try {
    reports.push({ file, text: decodeReportFile(file, bytes) });
  } catch (error) {
    console.error(`analyze: ${(error as Error).message}`);
    process.exit(1);
  }
}

/**
 * The outlet and day as the app's importer reads them: agency datelines, "By X | Outlet" lines,
 * mastheads, publishers' footers, dates in the text. A report that credits an agency ("Orrin
 * News Agency reported") counts as that agency, not as a second source, as in the app.
 */
const readReport: ReadReport = (file, text) => {
  try {
    const parsed = parsePlainText(text, file);
    const publishedAt = parsed.publishedAt ? parsed.publishedAt.toISOString().slice(0, parsed.publishedPrecision === "date" ? 10 : undefined) : null;
    return { source: parsed.credit ?? parsed.source, publishedAt };
  } catch {
    // a text the importer would refuse (an empty body) still has sentences to read here
    return { source: null, publishedAt: null };
  }
};

process.stdout.write(`${JSON.stringify(analyzeFiles(reports, { read: readReport }), null, 2)}\n`);
