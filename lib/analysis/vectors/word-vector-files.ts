/**
 * Where the compact word vectors live and their shape: written at install by
 * `scripts/compact-word-vectors.ts`, read by `word-vectors.ts`.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

/** the most frequent plain words kept: enough for news prose, about 16 MB as Float32 */
export const VECTOR_WORDS = 40_000;
export const VECTOR_DIMENSIONS = 100;

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../generated/word-vectors");
export const VECTOR_FILES = { words: path.join(dir, "words.txt"), vectors: path.join(dir, "vectors.f32") } as const;
